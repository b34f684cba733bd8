"""Modal screens: confirmations, pick-one lists, the edit-conflict choice, export, the card/task
editor, facilitation settings and the step timer.
"""
