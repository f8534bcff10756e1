"""The need bank's field limits, each written once: the rules, the API schemas, the tables and
the forms read them from here."""

from __future__ import annotations

PSEUDONYM = 100
FAMILY_NAME = 100
EMAIL = 254
TEAM_TASK = 200
CONSENT_NOTE = 2000
GOAL_TEXT = 1000

NEED_TITLE = 200
NEED_DESCRIPTION = 4000

BID_TITLE = 200
BID_ACTIVITIES = 4000
BID_OUTCOMES = 4000
BID_COMMUNITY = 2000
BID_WHO = 300
BID_WEEKS = (1, 156)  # the shortest and longest duration of a bid's solution, in weeks
DECISION_NOTE = 1000
