"""The database: SQLModel tables, the Store that owns the engine and every write, schema versions
and upgrades, the file checks that run before SQLModel is imported, and the door every typed
value passes (fields).
"""
