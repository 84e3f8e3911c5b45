"""Share pages: one reader's view as plain HTML and CSS (no JavaScript), with link previews and an
embeddable form, answered by the same server as the dashboard (routes in web/share/routes.py).

The figures come from the same named queries as the interactive pages (dashboard/data/), the words
from the same functions (dashboard/headlines.py, notices.py, wording.py, labels.py), so a share page
and its interactive view always agree.
"""
