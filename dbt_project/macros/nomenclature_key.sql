{#- Matching key for program / kegiatan / sub-kegiatan names (national nomenclature, Permendagri 90/2019):
    lower case, punctuation removed, a leading 'program' / 'kegiatan' / 'sub kegiatan' dropped,
    'pemerintah' read as 'pemerintahan', 'kab' as 'kabupaten', and a trailing 'kabupaten kota' / 'provinsi'
    (the level-of-government suffix many reports leave out) dropped. -#}
{% macro nomenclature_key(column) -%}
trim(regexp_replace(
    regexp_replace(
        regexp_replace(
            regexp_replace(
                regexp_replace(
                    regexp_replace(
                        regexp_replace(lower(coalesce({{ column }}, '')), '[^a-z0-9]+', ' ', 'g'),
                    '\bkab\b', 'kabupaten', 'g'),
                '\bpemerintah\b', 'pemerintahan', 'g'),
            '^\s*(sub kegiatan|subkegiatan|kegiatan|program)\s+', ''),
        '\s+(kabupaten kota|kabupaten|kota|provinsi)\s*$', ''),
    '\bdan dan\b', 'dan', 'g'),
'\s+', ' ', 'g'))
{%- endmacro %}
