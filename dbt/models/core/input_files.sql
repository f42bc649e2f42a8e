select part, input_path, size_bytes, modified_at, ingested_at, n_documents, n_rejected, days
from {{ source('parquet', 'input_files') }}
