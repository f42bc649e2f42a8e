select distinct on (f.fact_id)
    f.fact_id,
    f.doc_id,
    f.sentence_id,
    f.count,
    f.low,
    f.high,
    f.approximate,
    f.actor,
    f.actor_text,
    f.actor_kind,
    f.location,
    f.location_text,
    f.kind,
    f.status,
    f.unit_text,
    f.time_text,
    f.as_of,
    f.evidence,
    f.start_char,
    f.end_char,
    f.confidence,
    d.published_at,
    d.source,
    d.story_id
from {{ source('parquet', 'troop_facts') }} f
join {{ ref('documents') }} d on d.doc_id = f.doc_id
order by f.fact_id
