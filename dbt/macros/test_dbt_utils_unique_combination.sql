{% test dbt_utils_unique_combination(model, columns) %}
-- rows whose combination of `columns` is not unique (a local copy of dbt_utils' test: no package download)
select {{ columns | join(', ') }}, count(*) as n
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}
