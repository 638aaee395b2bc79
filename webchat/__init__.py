"""The web chat's parts, one job a module, that ``app.py`` wires into the page: ``render``
(answers as the page's HTML and text), ``watch`` (re-indexing the articles when their folder
changes), ``feedback`` (saving ratings), and ``static/`` (the page's script and styles)."""
