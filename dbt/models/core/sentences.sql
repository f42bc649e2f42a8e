-- Incremental by partition day: a nightly run replaces only its days' rows (delete+insert on day).
-- An article seen on two days keeps the rows of the first day it was stored under.
{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='day') }}
select distinct on (doc_id, sentence_id)
    doc_id, sentence_id, start_char, end_char, text, day
from {{ source('parquet', 'sentences') }}
{{ only_new_days() }}
order by doc_id, sentence_id, day
