{#- The days a partitioned run covers, passed by Dagster as --vars '{"min_day": ..., "max_day": ...}'.
    Without them (a plain `dbt build`) every day is in. -#}
{% macro in_run_days(column='day') -%}
  {%- if var('min_day', none) is not none -%}
    {{ column }} between '{{ var("min_day") }}' and '{{ var("max_day") }}'
  {%- else -%}
    true
  {%- endif -%}
{%- endmacro %}
