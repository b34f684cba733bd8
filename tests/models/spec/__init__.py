"""Behaviour specifications of the domain rules, written against what a user gets.

The mutation run (issue 20) reads this whole folder, so a new file here needs no change to
``[tool.mutmut]`` (a change there makes mutmut forget every result).
"""
