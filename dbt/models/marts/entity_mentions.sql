-- Per canonical entity: how often and where it is mentioned, and how often it shares a sentence or a
-- document with a troop fact.
with fact_sentences as (
    select distinct doc_id, sentence_id from {{ ref('troop_facts') }}
),
fact_docs as (
    select distinct doc_id from {{ ref('troop_facts') }}
)
select
    e.canonical_id,
    any_value(e.entity_type) as entity_type,
    mode(e.canonical_name) as canonical_name,
    any_value(c.name_en) as name_en,
    count(*) as mentions,
    count(distinct e.doc_id) as documents,
    count(distinct case when fs.doc_id is not null then e.doc_id || ':' || e.sentence_id end) as sentences_with_troop_facts,
    count(distinct fd.doc_id) as documents_with_troop_facts,
    list(distinct e.text order by e.text)[1:10] as surface_forms
from {{ ref('entities') }} e
left join fact_sentences fs on fs.doc_id = e.doc_id and fs.sentence_id = e.sentence_id
left join fact_docs fd on fd.doc_id = e.doc_id
left join {{ ref('entity_catalog') }} c on c.id = e.canonical_id
where e.canonical_id is not null
group by e.canonical_id
