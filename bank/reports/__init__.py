"""Reports for leaders: double offers, gaps in the range of offers, management information."""
