"""Live pairing inside the app: the seat controller (refresh, follow, heartbeats), the pairing
keys, the presence bar and the activity panel.
"""
