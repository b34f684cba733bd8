"""The `journeymap` command line (Typer). Only Typer is imported at module level so `journeymap
--help` stays fast; storage and the Textual app are imported inside the commands that need them.
"""
