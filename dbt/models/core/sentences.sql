select distinct on (doc_id, sentence_id)
    doc_id, sentence_id, start_char, end_char, text
from {{ source('parquet', 'sentences') }}
order by doc_id, sentence_id
