-- The same claim (actor, location, number or range, kind) reported by several documents is one row, with
-- the documents and outlets behind it and the first and last publication dates. Claims about the same actor
-- and place in the same month whose numbers differ are listed side by side in conflicting_claims.
with claims as (
    select
        md5(concat_ws('|', coalesce(actor, '?'), coalesce(location, '?'), kind, status,
                      coalesce(cast(count as varchar), ''), coalesce(cast(low as varchar), ''),
                      coalesce(cast(high as varchar), ''))) as claim_id,
        actor,
        location,
        kind,
        status,
        count as reported_count,
        low as reported_low,
        high as reported_high,
        bool_or(approximate) as approximate,
        count(distinct story_id) as n_documents,
        count(distinct source) as n_outlets,
        list(distinct source order by source) as outlets,
        min(published_at) as first_published_at,
        max(published_at) as last_published_at,
        cast(date_trunc('month', max(published_at)) as date) as last_month,
        list(distinct fact_id order by fact_id) as fact_ids,
        round(max(confidence), 3) as max_confidence
    from {{ ref('troop_facts') }}
    group by all
),
labelled as (
    select
        *,
        case
            when reported_count is not null then
                (case when approximate then '≈' else '' end) || cast(reported_count as varchar)
            else coalesce(cast(reported_low as varchar), '') || '..' || coalesce(cast(reported_high as varchar), '')
        end as number_label
    from claims
)
select
    l.*,
    coalesce(l.actor, '?') || '→' || coalesce(l.location, '?') || ' ' || l.number_label || ', '
        || l.n_outlets || ' outlet' || case when l.n_outlets = 1 then '' else 's' end
        || coalesce(', ' || strftime(l.first_published_at, '%Y-%m')
            || case when strftime(l.first_published_at, '%Y-%m') <> strftime(l.last_published_at, '%Y-%m')
                    then ' to ' || strftime(l.last_published_at, '%Y-%m') else '' end, '') as summary,
    (
        select list(o.number_label order by o.number_label)
        from labelled o
        where o.actor is not distinct from l.actor
          and o.location is not distinct from l.location
          and o.last_month is not distinct from l.last_month
          and o.number_label <> l.number_label
    ) as conflicting_claims
from labelled l
