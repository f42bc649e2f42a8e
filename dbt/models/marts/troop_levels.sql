-- Reported troop levels per actor and location over time: one row per actor, location, kind, status
-- (planned or current), reported number and month of publication, with the documents (stories:
-- near-duplicates count once) and outlets behind it.
select
    actor,
    location,
    kind,
    status,
    count as reported_count,
    low as reported_low,
    high as reported_high,
    bool_or(approximate) as approximate,
    cast(date_trunc('month', published_at) as date) as report_month,
    count(distinct story_id) as n_documents,
    count(distinct source) as n_sources,
    min(published_at) as first_seen,
    max(published_at) as last_seen,
    max(as_of) as latest_as_of,
    round(avg(confidence), 3) as mean_confidence,
    list(distinct fact_id order by fact_id) as fact_ids
from {{ ref('troop_facts') }}
where actor is not null
group by all
