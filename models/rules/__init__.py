"""The method's rules as pure functions of a Journey snapshot: priority of pain points, KPI
catalogue, hypothesis cards, handoffs and ownership risks, the 60-day plan, the tracker and the
monthly leadership review.
"""
