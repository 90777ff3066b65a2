"""The static province scorecard site: `build_site(warehouse, out_dir, landing_url_prefix, pdf_source_dir)`.

data.py reads the published marts, charts.py lays out the inline SVG charts, render.py renders the
Jinja2 templates (templates/) and writes the folder with the static assets (static/).
"""
from extract.publish.site.render import build_site

__all__ = ["build_site"]
