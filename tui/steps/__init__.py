"""One view per workshop step, the base views they share (table + form, output screens) and the
step-bar progress rule.
"""
