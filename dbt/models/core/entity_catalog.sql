select id, entity_type, kind, name_ar, name_en, country, aliases
from {{ source('parquet', 'entity_catalog') }}
