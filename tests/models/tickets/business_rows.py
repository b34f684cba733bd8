"""A four-ticket Zendesk export around a weekend and Christmas, for business-hours tests.

Ticket 1 is created late on a Friday and solved on Monday, ticket 3 spans Christmas
(a holiday of the schedules the tests set), ticket 4 is still open: calendar and
business hours differ on each. The import, the stored schedule and the CLI's
``tickets hours`` all read this same export.
"""

from __future__ import annotations

ROWS = """Id,Group,Status,Created at,Solved at,First reply time in minutes
1,Billing,Solved,2026-11-27 16:00:00,2026-11-30 10:00:00,60
2,Billing,Solved,2026-11-28 11:00:00,2026-11-30 09:30:00,30
3,Billing,Solved,2026-12-24 16:00:00,2026-12-28 10:00:00,1200
4,Accounts,Open,2026-12-01 10:00:00,,90
"""
