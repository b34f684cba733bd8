"""Live pairing state kept in the database: who is in the room (presence), the lead's facilitation
(timer, dot votes, done marks), and the cheap checks that tell a seat another seat committed.
"""
