"""Decisions the bank learns from: "Passer ikke", bids decided, offers in and out of plans."""
