{#- The days a partitioned run covers, passed by Dagster in the environment (TROOPWATCH_MIN_DAY,
    TROOPWATCH_MAX_DAY) rather than as --vars, because new --vars make dbt parse the whole project again.
    Without them (a plain `dbt build`) every day is in. -#}
{% macro in_run_days(column='day') -%}
  {%- set min_day = env_var('TROOPWATCH_MIN_DAY', '') -%}
  {%- if min_day -%}
    {{ column }} between '{{ min_day }}' and '{{ env_var("TROOPWATCH_MAX_DAY") }}'
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
