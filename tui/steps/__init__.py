"""One view per workshop step and output screen, the base views they share (table + form,
output screens with export) and the explicit registry ``{step: View}`` the workshop screen uses.
"""
