-- troopwatch: ready-made questions for analysts. Paste one into `troopwatch sql "..."` or the DuckDB CLI
-- (duckdb -readonly warehouse/troopwatch.duckdb). Every query below runs in the tests on the sample warehouse.

-- name: latest_us_troops_in_iraq
-- The latest reported US troop level in Iraq, and who reported it.
select f.published_at, f.source, coalesce(cast(f.count as varchar), f.low || '..' || f.high) as reported,
       f.approximate, f.kind, f.evidence
from troop_facts f
where f.actor = 'USA' and f.location = 'IRQ' and f.kind in ('presence', 'deployment')
order by f.published_at desc nulls last, f.confidence desc
limit 5;

-- name: presence_by_actor_country_month
-- Every actor's reported presence by country and month (highest reported number in the month).
select actor, location, cast(date_trunc('month', published_at) as date) as month,
       max(coalesce(count, high, low)) as highest_reported, count(distinct story_id) as stories
from troop_facts
where actor is not null and location is not null and kind in ('presence', 'deployment', 'strength')
group by all
order by actor, location, month;

-- name: conflicting_claims
-- Claims that conflict: the same actor and place in the same month with different numbers.
select summary, conflicting_claims, n_documents, outlets
from troop_claims
where conflicting_claims is not null and len(conflicting_claims) > 0
order by actor, location, last_month;

-- name: documents_with_person_and_troop_fact
-- Documents that mention a person and state a troop fact, with the people named.
select d.doc_id, d.title, list(distinct e.canonical_name) as people, count(distinct f.fact_id) as troop_facts
from documents d
join entities e on e.doc_id = d.doc_id and e.entity_type = 'PERSON'
join troop_facts f on f.doc_id = d.doc_id
group by d.doc_id, d.title
order by troop_facts desc, d.doc_id;

-- name: outlets_reporting_most_troop_facts
-- Outlets that report the most troop facts (stories counted once per outlet).
select source, count(*) as troop_facts, count(distinct story_id) as stories,
       count(distinct actor) as actors, round(avg(confidence), 2) as mean_confidence
from troop_facts
group by source
order by troop_facts desc;

-- name: withdrawals_with_planned_dates
-- Facts about withdrawals with their planned dates.
select actor, location, coalesce(cast(count as varchar), low || '..' || high) as reported, time_text, as_of,
       evidence, published_at, status
from troop_facts
where kind = 'withdrawal'
order by as_of nulls last, published_at;

-- name: planned_moves
-- Announced, decided or expected moves of troops that the text does not report as done yet, latest first.
select actor, location, kind, coalesce(cast(count as varchar), low || '..' || high) as reported, time_text, as_of,
       evidence, published_at
from troop_facts
where status = 'planned'
order by published_at desc nulls last, as_of;

-- name: claims_by_number_of_outlets
-- The most widely reported claims: "USA→IRQ ≈2500, 4 outlets, 2021-07 to 2024-09".
select summary, n_documents, n_outlets, first_published_at, last_published_at
from troop_claims
order by n_outlets desc, n_documents desc, summary
limit 20;

-- name: high_confidence_facts
-- Facts an analyst can take without reading the evidence (confidence at least 0.8).
select actor, location, kind, coalesce(cast(count as varchar), low || '..' || high) as reported, confidence, evidence
from troop_facts
where confidence >= 0.8
order by confidence desc, fact_id;

-- name: most_mentioned_entities
-- The most-mentioned entities and how often they appear next to troop facts.
select canonical_id, canonical_name, name_en, entity_type, mentions, documents, sentences_with_troop_facts
from entity_mentions
order by mentions desc
limit 20;

-- name: nonstate_armed_groups
-- Non-state armed groups with reported strengths or deployments.
select actor, location, kind, coalesce(cast(count as varchar), low || '..' || high) as reported, evidence
from troop_facts
where actor_kind = 'nonstate'
order by actor;

-- name: evidence_in_context
-- Each fact with the sentence it comes from, for reading the evidence in context.
select f.fact_id, f.actor, f.location, f.evidence, s.text as sentence
from troop_facts f
join sentences s on s.doc_id = f.doc_id and s.sentence_id = f.sentence_id
order by f.fact_id;

-- name: rejected_inputs_by_reason
-- What the pipeline refused, by reason.
select reason, count(*) as inputs, any_value(input_path) as example, any_value(message) as message
from rejected_inputs
group by reason
order by inputs desc;
