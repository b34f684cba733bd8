"""Browser seats: the textual-serve server that checks each visitor's invitation first."""
