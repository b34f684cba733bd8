"""`python -m tui.cli` runs the command line, so tests and scripts never need it on PATH."""

from tui.cli.main import main

main()
