select distinct on (doc_id, start_char, end_char)
    md5(doc_id || ':' || start_char || ':' || end_char) as entity_mention_id,
    doc_id, sentence_id, start_char, end_char, text, entity_type, canonical_id, canonical_name, detector
from {{ source('parquet', 'entities') }}
order by doc_id, start_char, end_char
