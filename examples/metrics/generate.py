"""Make the example team's two years of weekly data (deterministic: seeded).

Run from the repository root: python examples/metrics/generate.py
It rewrites payments-platform.csv beside this file. The series are invented but
shaped like a real payments team's: seasonality, a peak in late November, a
regression in the last weeks of the p99 latency series, and noise."""

from __future__ import annotations

import csv
import math
import random
from datetime import date, timedelta
from pathlib import Path

LAST_WEEK = date(2026, 11, 15)  # a Sunday
WEEKS = 106
# What the example documents say happened, written over the noise so that the data
# and the documents agree. The card payments COE (examples/coe/card-payments-tls.yaml):
# a Sev 2 on 14 October, 31% of card payments failing for 47 minutes (18,400
# attempts), in the week ending 18 October. Availability: 31% of 47 of the week's
# 10,080 minutes is 0.14 points; authorisations: 18,400 of about 12.7 million.
HAPPENED = {
    date(2026, 10, 18): {
        "High-severity incidents": 1,
        "Availability": 99.827,
        "Authorisation success rate": 99.24,
    },
}
# No other high-severity incident since September: the team would have a COE for it.
QUIET_SINCE = date(2026, 9, 1)


def main() -> None:
    rng = random.Random(20261115)
    weeks = [LAST_WEEK - timedelta(days=7 * i) for i in range(WEEKS - 1, -1, -1)]
    rows = []
    for i, w in enumerate(weeks):
        season = math.sin(2 * math.pi * (w.timetuple().tm_yday / 365.25))
        peak = 1.0 if (w.month == 11 and w.day >= 22) or (w.month == 12 and w.day <= 6) else 0.0
        trend = i / WEEKS
        values = {
            "Deployments": round(22 + 6 * trend + rng.gauss(0, 2.5) - 8 * peak),
            "Pages per week": max(0, round(6 - 2 * trend + rng.gauss(0, 1.6) + 3 * peak)),
            "COE action-item age (p50)": round(max(3, 18 - 5 * trend + rng.gauss(0, 1.8)), 1),
            "Change failure rate": round(max(0.5, 6.5 - 2 * trend + rng.gauss(0, 0.8)), 2),
            "High-severity incidents": max(0, round(rng.gauss(0.6, 0.7) + 0.8 * peak)),
            "p99 latency": round(720 + 40 * season + rng.gauss(0, 14) + 60 * peak),
            "Availability": round(min(100, 99.96 + rng.gauss(0, 0.012) - 0.03 * peak), 3),
            "Tickets per week": max(0, round(38 - 6 * trend + rng.gauss(0, 4) + 10 * peak)),
            "Authorisation success rate": round(min(100, 99.2 + 0.2 * trend + rng.gauss(0, 0.05)), 2),
        }
        if i >= WEEKS - 2:  # a real regression the latest review must flag
            values["p99 latency"] += 140
        if i == WEEKS - 7:  # one missing week: the import that never happened
            values.pop("Tickets per week")
        values.update(HAPPENED.get(w, {}))
        if w >= QUIET_SINCE and "High-severity incidents" not in HAPPENED.get(w, {}):
            values["High-severity incidents"] = 0
        rows += [(name, w.isoformat(), v) for name, v in values.items()]
    out = Path(__file__).with_name("payments-platform.csv")
    with out.open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["metric", "week_end", "value"])
        writer.writerows(rows)
    print(f"{out}: {len(rows)} rows")


if __name__ == "__main__":
    main()
