select input_path, record_index, reason, message, encoding, first_bytes, rejected_at, day
from {{ source('parquet', 'rejected_inputs') }}
