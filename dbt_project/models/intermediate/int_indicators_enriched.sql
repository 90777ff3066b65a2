-- Indicator rows of the fact sources (int_documents_fact_sources): the rows of int_indicators_joined whose
-- document is neither in review nor superseded by a later version of the same report.
with indicators as (
    select * from {{ ref('int_indicators_joined') }}
),

fact_sources as (
    select document_id from {{ ref('int_documents_fact_sources') }}
)

select indicators.*
from indicators
inner join fact_sources
    on indicators.document_id = fact_sources.document_id
