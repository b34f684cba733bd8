"""The terminal skin over ``models``: the Typer CLI (``cli``), the Textual app, its screens, step
views, widgets, dialogs and live pairing, plus the few modules they all share (the session views
edit through, the actions table, safe rendering of user text and who the user is).
"""
