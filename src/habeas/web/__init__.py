"""All Django code: the case store and, later, the web app.

Nothing outside this package imports Django.
"""
