-- One row per distinct cleaned text: exact duplicates collapse (first ingested wins); near-duplicates
-- (the same wire story lightly edited) keep their row and point at the earliest copy in duplicate_of.
with ranked as (
    select
        d.*,
        row_number() over (partition by d.doc_id order by d.ingested_at, d.input_path, d.record_index) as rn
    from {{ source('parquet', 'documents') }} d
)
select
    r.doc_id,
    r.source_id,
    r.source,
    r.url,
    r.title,
    r.author,
    r.published_at,
    r.published_at_source,
    cast(r.published_at as date) as published_date,
    r.ingested_at,
    r.text,
    r.n_chars,
    r.content_sha256,
    dup.duplicate_of,
    coalesce(dup.duplicate_of, r.doc_id) as story_id,
    r.input_path,
    r.record_index,
    r.encoding,
    r.removed_lines,
    r.day
from ranked r
left join {{ source('parquet', 'document_duplicates') }} dup on dup.doc_id = r.doc_id
where r.rn = 1
