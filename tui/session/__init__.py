"""The seat's workshop session: the map on screen, its writes, edits kept while the server is away
and the log of which rows each revision changed (what a hidden view must redraw)."""
