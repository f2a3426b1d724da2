"""Date words of the languages other than English, and the tagger rules built from them.

``tables`` is generated from dateparser's locale data by ``tools/gen_date_tables.py``; do not
edit it by hand. ``grammar`` turns a language's table into rules for ``briefing.extract.dates``.
"""
