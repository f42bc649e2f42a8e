-- Incremental by partition day, like sentences: a nightly run replaces only its days' rows.
{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='day') }}
select distinct on (doc_id, start_char, end_char)
    md5(doc_id || ':' || start_char || ':' || end_char) as entity_mention_id,
    doc_id, sentence_id, start_char, end_char, text, entity_type, canonical_id, canonical_name, detector, day
from {{ source('parquet', 'entities') }}
{{ only_new_days() }}
order by doc_id, start_char, end_char, day
