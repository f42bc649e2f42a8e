{#- The days a partitioned run covers, passed by Dagster as --vars '{"min_day": ..., "max_day": ...}'.
    Without them (a plain `dbt build`) every day is in. -#}
{% macro in_run_days(column='day') -%}
  {%- if var('min_day', none) is not none -%}
    {{ column }} between '{{ var("min_day") }}' and '{{ var("max_day") }}'
  {%- else -%}
    true
  {%- endif -%}
{%- endmacro %}

{#- In an incremental day-partitioned model: keep only the run's days, and leave out articles already stored
    under another day (the same text landed twice), so a key stays unique across days. -#}
{% macro only_new_days() -%}
  {%- if is_incremental() -%}
    where {{ in_run_days() }}
      and doc_id not in (select doc_id from {{ this }} where not ({{ in_run_days() }}))
  {%- endif -%}
{%- endmacro %}
