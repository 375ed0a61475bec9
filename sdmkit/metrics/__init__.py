"""Weekly metrics: a team's catalog, its weekly values, and the statistics a weekly
review reads (week over week, year over year, averages, target, XmR limits)."""
