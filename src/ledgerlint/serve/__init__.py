"""`ledgerlint serve`: a web page to check files on, for people who do not use a terminal (runs.py does
the work, app.py is the page)."""
