"""Layout-fuzzing renderers for the accuracy benchmark.

The seed reports (samples/seeds/*.txt) are rendered with several engines (reportlab,
LibreOffice from a .docx, HTML printed by headless Chromium) under seeded random layouts
(font, size, paper, orientation, margins, column widths, rules, repeated headers, caption
position, wrapped names, page position of the table). See README.md in this folder.

Nothing here imports the extractor (extract/): the renderings are its test input.
"""
