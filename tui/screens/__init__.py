"""The two full screens: Home (the workshops in the file) and the workshop (step bar, the current
step's view, footer).
"""
