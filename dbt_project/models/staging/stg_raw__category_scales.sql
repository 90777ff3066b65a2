-- raw.category_scales (the report's own achievement scale, e.g. Jepara Tabel 3.1 "75-100% | Baik"), cast.
-- Empty when an older raw schema has no such table (macro source_or_empty).
with renamed as (
    {{ source_or_empty('category_scales', [
        ['document_id', 'varchar'], ['table_id', 'varchar'], ['source_page', 'integer'],
        ['category_label', 'varchar'], ['lower_pct', 'double'], ['upper_pct', 'double'],
        ['raw_text', 'varchar'],
    ]) }}
)

select * from renamed
