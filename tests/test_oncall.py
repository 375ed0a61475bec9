"""On-call: the generator's promises (property tests), DST-correct handoffs, the
calendar read back by an independent parser, hours, warnings and bad input."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sdmkit.coach import lint
from sdmkit.document import DocumentMeta
from sdmkit.errors import InvalidDocument
from sdmkit.kinds.oncall.exports import event_uid, hours_csv, to_ics
from sdmkit.kinds.oncall.model import Rotation
from sdmkit.kinds.oncall.schedule import generate
from sdmkit.registry import get_kind

KIND = get_kind("oncall")
NAMES = ["Ana", "Ben", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal", "Ida", "Jo"]
QUARTER_START = date(2026, 1, 5)


def rotation(**kw) -> Rotation:
    data = {
        "name": "R",
        "time_zone": "Europe/Berlin",
        "start_date": QUARTER_START.isoformat(),
        "members": [{"name": n} for n in NAMES[:8]],
    }
    data.update(kw)
    return KIND.validate(data)


def quarter(r: Rotation):
    return generate(r, until=QUARTER_START + timedelta(weeks=13))


# --- properties over random teams, leave and holidays ------------------------------

team = st.integers(min_value=3, max_value=10)
pattern = st.sampled_from([("weekly", 7), ("daily", 1), ("every n days", 3)])
country = st.sampled_from(["", "DE", "US", "GB", "FR"])


@st.composite
def random_rotation(draw, with_leave=True):
    n = draw(team)
    pat, days = draw(pattern)
    leave = []
    if with_leave:
        # Ana is never away, so every shift can be staffed; anyone else may be.
        for name in NAMES[1:n]:
            if draw(st.booleans()):
                start = QUARTER_START + timedelta(days=draw(st.integers(0, 80)))
                leave.append(
                    {
                        "person": name,
                        "start": start.isoformat(),
                        "end": (start + timedelta(days=draw(st.integers(0, 20)))).isoformat(),
                    }
                )
    return rotation(
        members=[{"name": x} for x in NAMES[:n]],
        pattern=pat,
        every_n_days=days,
        leave=leave,
        holiday_country=draw(country),
        handoff_time=draw(st.sampled_from(["09:00", "10:30", "17:00"])),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_rotation())
def test_every_shift_has_exactly_one_primary_and_nobody_on_leave_is_on_call(r):
    sched = quarter(r)
    primaries = [s for s in sched.shifts if s.layer == "primary"]
    periods = {s.period for s in primaries}
    for p in periods:
        staffed = [s for s in primaries if s.period == p]
        assert len(staffed) == 1 and staffed[0].person, staffed
    for s in sched.shifts:
        for lv in r.leave:
            if lv.person == s.person:
                assert not any(lv.start <= d <= lv.end for d in s.dates()), (s.person, s.dates(), lv)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_rotation(with_leave=False))
def test_equal_availability_keeps_loads_within_one_shift(r):
    sched = quarter(r)
    heaviest = max(s.weight.burden for s in sched.shifts if s.weight)
    loads = sched.loads.values()
    assert max(loads) - min(loads) <= heaviest + 1e-6


def test_the_generator_is_deterministic():
    r = rotation(
        secondary=True,
        holiday_country="DE",
        leave=[{"person": "Ben", "start": "2026-01-10", "end": "2026-01-20"}],
    )
    a, b = quarter(r), quarter(r)
    assert [(s.layer, s.start, s.end, s.person, s.why) for s in a.shifts] == [
        (s.layer, s.start, s.end, s.person, s.why) for s in b.shifts
    ]


def test_nobody_outside_their_membership():
    r = rotation(
        members=[
            {"name": "Ana"},
            {"name": "Ben", "joined": "2026-02-01"},
            {"name": "Cy", "left": "2026-01-20"},
            {"name": "Dee"},
        ]
    )
    for s in quarter(r).shifts:
        if s.person == "Ben":
            assert min(s.dates()) >= date(2026, 2, 1)
        if s.person == "Cy":
            assert max(s.dates()) <= date(2026, 1, 20)


def test_a_late_joiner_starts_at_the_average_load():
    r = rotation(members=[{"name": n} for n in NAMES[:4]] + [{"name": "Jo", "joined": "2026-02-16"}])
    jo = [s.start.date() for s in quarter(r).shifts if s.person == "Jo"]
    assert jo and all(b - a > timedelta(days=7) for a, b in zip(jo, jo[1:], strict=False))  # no catch-up run


def test_each_assignment_is_explained():
    r = rotation(
        members=[{"name": "Ana"}, {"name": "Ben"}, {"name": "Cy"}],
        leave=[{"person": "Ana", "start": "2026-01-05", "end": "2026-01-12"}],
    )
    first = quarter(r).shifts[0]
    assert first.person == "Ben"
    assert first.why == "lowest weighted load so far (0 h); Ana is on leave; next in line: Cy (0 h)"


def test_carried_load_counts():
    r = rotation(members=[{"name": "Ana"}, {"name": "Ben"}], carried=[{"person": "Ana", "burden": 500}])
    assert [s.person for s in quarter(r).shifts[:3]] == ["Ben", "Ben", "Ben"]


# --- time: handoffs at local wall-clock time across DST ----------------------------


def test_weekly_handoff_keeps_local_time_across_spring_forward():
    r = rotation(start_date="2026-03-23", members=[{"name": "Ana"}, {"name": "Ben"}])
    s = generate(r, until=date(2026, 4, 6)).shifts
    dst = s[0]  # Mon 23 Mar 10:00 CET -> Mon 30 Mar 10:00 CEST
    assert dst.start.hour == dst.end.hour == 10
    assert dst.start.utcoffset() == timedelta(hours=1) and dst.end.utcoffset() == timedelta(hours=2)
    assert dst.weight.hours == 167
    assert s[1].weight.hours == 168


def test_weekly_handoff_across_fall_back_is_169_hours():
    r = rotation(start_date="2026-10-19", members=[{"name": "Ana"}, {"name": "Ben"}])
    assert generate(r, until=date(2026, 10, 27)).shifts[0].weight.hours == 169


def test_daily_shifts_across_dst_are_23_and_25_hours():
    spring = generate(rotation(pattern="daily", start_date="2026-03-28"), until=date(2026, 3, 30)).shifts
    autumn = generate(rotation(pattern="daily", start_date="2026-10-24"), until=date(2026, 10, 26)).shifts
    assert [s.weight.hours for s in spring] == [23, 24]
    assert [s.weight.hours for s in autumn] == [25, 24]


def test_weekend_holiday_and_night_weights():
    r = rotation(
        members=[{"name": "Ana"}, {"name": "Ben"}],
        holiday_country="DE",
        start_date="2026-12-21",
        handoff_weekday="monday",
    )
    christmas = generate(r, until=date(2026, 12, 28)).shifts[0].weight
    assert christmas.holiday_days == {date(2026, 12, 25), date(2026, 12, 26)}
    assert christmas.weekend_days == {date(2026, 12, 26), date(2026, 12, 27)}
    assert christmas.night_hours == 63
    # 168 h: 48 h of holiday (25th, 26th: 2x), 24 h of plain weekend (27th: 1.5x), 96 h weekday, 63 night h +0.25
    assert christmas.burden == pytest.approx(96 + 48 * 2 + 24 * 1.5 + 63 * 0.25, abs=0.01)


# --- the calendar, read back by vobject ---------------------------------------------


def test_ics_parses_in_an_independent_parser_with_right_local_times_across_dst():
    import vobject

    r = rotation(start_date="2026-03-23", members=[{"name": "Ana"}, {"name": "Ben"}])
    sched = generate(r, until=date(2026, 4, 6))
    data = to_ics(r, sched, doc_id=7, version=3, stamp=datetime(2026, 3, 1, tzinfo=UTC)).decode()
    cal = vobject.readOne(data)
    events = sorted(cal.vevent_list, key=lambda e: e.dtstart.value)
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")
    starts = [e.dtstart.value.astimezone(berlin) for e in events]
    assert [(d.hour, d.utcoffset()) for d in starts] == [(10, timedelta(hours=1)), (10, timedelta(hours=2))]
    end = events[0].dtend.value.astimezone(berlin)
    assert end.hour == 10 and end.utcoffset() == timedelta(hours=2)
    assert (
        "Mon 23 Mar 2026 10:00 (UTC+01:00) to Mon 30 Mar 2026 10:00 (UTC+02:00)"
        in events[0].description.value
    )
    assert events[0].uid.value == event_uid(7, "primary", "", sched.shifts[0].start)
    assert events[0].sequence.value == "3"
    assert events[0].summary.value == "On call (primary): Ana"


def test_ics_uids_are_stable_when_the_schedule_changes():
    import vobject

    r1 = rotation(members=[{"name": "Ana"}, {"name": "Ben"}])
    r2 = rotation(
        members=[{"name": "Ana"}, {"name": "Ben"}],
        leave=[{"person": "Ana", "start": "2026-01-05", "end": "2026-01-09"}],
    )
    a = vobject.readOne(
        to_ics(r1, quarter(r1), doc_id=1, version=1, stamp=datetime(2026, 1, 1, tzinfo=UTC)).decode()
    )
    b = vobject.readOne(
        to_ics(r2, quarter(r2), doc_id=1, version=2, stamp=datetime(2026, 1, 2, tzinfo=UTC)).decode()
    )
    assert [e.uid.value for e in a.vevent_list] == [e.uid.value for e in b.vevent_list]
    assert a.vevent_list[0].summary.value != b.vevent_list[0].summary.value  # updated in place on re-import


def test_ics_for_one_person():
    import vobject

    r = rotation(members=[{"name": "Ana"}, {"name": "Ben"}])
    cal = vobject.readOne(
        to_ics(
            r, quarter(r), doc_id=1, version=1, stamp=datetime(2026, 1, 1, tzinfo=UTC), person="Ben"
        ).decode()
    )
    assert {e.summary.value for e in cal.vevent_list} == {"On call (primary): Ben"}


def test_hours_csv_clips_to_the_range():
    r = rotation(members=[{"name": "Ana"}, {"name": "Ben"}], handoff_time="00:00")
    rows = hours_csv(r, quarter(r), date(2026, 1, 5), date(2026, 1, 7)).splitlines()
    assert rows[0].startswith("person,shifts,hours")
    assert rows[1].startswith("Ana,1,72.00,")  # three days of Ana's first week
    assert rows[2].startswith("Ben,0,0.00,")


# --- warnings and bad input by field ------------------------------------------------


def test_team_too_small_and_coverage_gaps_are_flagged():
    small = rotation(members=[{"name": n} for n in NAMES[:5]], secondary=True)
    assert any("wants at least 8" in f.message for f in lint(KIND, small) if f.rule == "oncall.sustainable")
    assert not [
        f
        for f in lint(KIND, rotation(members=[{"name": n} for n in NAMES[:8]], secondary=True))
        if f.rule == "oncall.sustainable"
    ]
    fts = rotation(
        regions=[
            {"name": "EU", "zone": "Europe/Dublin", "start": "08:00", "end": "18:00"},
            {"name": "US", "zone": "America/Los_Angeles", "start": "08:00", "end": "18:00"},
        ],
        members=[{"name": n, "region": "EU" if i < 3 else "US"} for i, n in enumerate(NAMES[:6])],
    )
    gaps = [f.message for f in lint(KIND, fts) if f.rule == "oncall.coverage"]
    # Both in winter time: EU 08:00-18:00 UTC, US 16:00-02:00 UTC; nobody from 02:00 to 08:00 UTC.
    assert gaps[0].startswith("Coverage gap: nobody is on call 02:00 to 08:00 UTC on ")
    assert all(
        g.startswith(("Coverage gap", "Coverage overlap")) and "Fix: chain the hand-offs" in g for g in gaps
    )
    chained = rotation(**{**fts.model_dump(mode="json"), "chained": True})
    assert not [f for f in lint(KIND, chained) if f.rule == "oncall.coverage"]


def test_no_members_is_an_error_at_members():
    f = [f for f in lint(KIND, KIND.validate({"name": "Empty"})) if f.severity == "error"]
    assert [(x.rule, x.location) for x in f] == [("oncall.members", "members")]


@pytest.mark.parametrize(
    "content, field, words",
    [
        (
            {
                "overrides": [
                    {"start": "2026-01-05T10:00", "end": "2026-01-06T10:00", "person": "Ana"},
                    {"start": "2026-01-06T09:00", "end": "2026-01-07T10:00", "person": "Ben"},
                ]
            },
            "content.overrides[2].start",
            "overlaps override 1",
        ),
        (
            {"leave": [{"person": "Ana", "start": "2026-02-10", "end": "2026-02-01"}]},
            "content.leave[1].end",
            "before it starts",
        ),
        ({"time_zone": "Europe/Atlantis"}, "content.time_zone", "unknown time zone"),
        ({"holiday_country": "XX"}, "content.holiday_country", "unknown country 'XX'"),
        (
            {"holiday_country": "DE", "holiday_subdivision": "ZZ"},
            "content.holiday_subdivision",
            "not a subdivision",
        ),
        ({"members": [{"name": "Ana", "zone": "Mars/Base"}]}, "content.members[1].zone", "unknown time zone"),
    ],
)
def test_bad_input_names_the_field(content, field, words):
    with pytest.raises(InvalidDocument) as caught:
        KIND.validate({"name": "R", **content})
    problem = caught.value.problems[0]
    assert problem.field == field and words in problem.problem


def test_handoff_note_lists_actions_incidents_and_risks(sqlite_store):
    from sdmkit.kinds.oncall.handoff import boundaries, handoff_note

    sqlite_store.create(
        "coe",
        {
            "timeline": [{"at": "2026-01-08T10:00", "type": "start"}],
            "action_items": [
                {"what": "Add a cert check", "owner": "Ana", "due": "2026-01-02", "status": "open"}
            ],
        },
        DocumentMeta(title="Payments down", team="Payments"),
    )
    r = rotation(members=[{"name": "Ana"}, {"name": "Ben"}], known_risks=["Peak week <script>"])
    out, inc = boundaries(quarter(r).shifts)[1]
    note = handoff_note(sqlite_store, r, "Payments", out, inc)
    assert "Ana → Ben" in note
    assert "**OVERDUE** Add a cert check (Ana, due 2026-01-02; Payments down)" in note
    assert "Payments down (started 2026-01-08 10:00 UTC" in note
    assert "Peak week &lt;script&gt;" in note


def test_the_charter_team_page_shows_the_current_rotation(sqlite_store):
    from sdmkit.export import render_from
    from sdmkit.interchange import parse_text

    charter = sqlite_store.create("charter", {"team_name": "Payments", "mission": "m"})
    assert "On call now" not in render_from(sqlite_store, charter, "md").decode()
    sqlite_store.create(
        "oncall",
        {
            "name": "Payments primary",
            "time_zone": "UTC",
            "start_date": (date.today() - timedelta(days=14)).isoformat(),
            "members": [{"name": "Ana"}, {"name": "Ben"}],
            "escalation": [{"level": 1, "who": "Primary", "after_minutes": 0}],
            "support": [{"severity": "Sev 2", "response_time": "15 minutes"}],
        },
        DocumentMeta(team="Payments"),
    )
    md = render_from(sqlite_store, charter, "md").decode()
    assert "### On call: Payments primary" in md and "on call now **" in md and "As of " in md
    assert "| Sev 2 | 15 minutes |" in md  # the rotation's support protocol, as the charter has none
    assert "On call but not among this charter's members: Ana, Ben." in md
    again = parse_text(md, ".md", "team.md")
    assert again.content == charter.content  # the borrowed part is not the charter's own content


def _weigh_step_by_step(start, end, *, site_zone, person_zone, country="", subdivision="", factor=1.0):
    """The burden's definition, one 15-minute step at a time (what weigh() must equal)."""
    from zoneinfo import ZoneInfo

    from sdmkit.kinds.oncall import burden as b

    site, own = ZoneInfo(site_zone), ZoneInfo(person_zone or site_zone)
    t, stop = start.astimezone(UTC), end.astimezone(UTC)
    totals, weekend_days, holiday_days = [0.0] * 5, set(), set()
    while t < stop:
        step = min(b.STEP, stop - t)
        h = step.total_seconds() / 3600
        local, mine = t.astimezone(site), t.astimezone(own)
        is_holiday = local.date() in b.holiday_dates(country, subdivision, local.year)
        is_weekend = local.weekday() >= 5
        is_night = mine.hour >= b.NIGHT[0] or mine.hour < b.NIGHT[1]
        rate = b.HOLIDAY if is_holiday else b.WEEKEND if is_weekend else 1.0
        for i, on in enumerate((True, is_weekend, is_holiday, is_night)):
            totals[i] += h if on else 0.0
        weekend_days |= {local.date()} if is_weekend else set()
        holiday_days |= {local.date()} if is_holiday else set()
        totals[4] += h * (rate + (b.NIGHT_EXTRA if is_night else 0.0))
        t += step
    return totals[:4], totals[4] * factor, weekend_days, holiday_days


ZONES = [
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "America/Havana",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "America/Sao_Paulo",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    start=st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2027, 12, 31)),
    minutes=st.integers(min_value=1, max_value=60 * 24 * 16),
    site=st.sampled_from(ZONES),
    person=st.sampled_from(ZONES),
    country=st.sampled_from(["", "US", "DE", "IN"]),
)
def test_weighing_in_runs_equals_weighing_every_step(start, minutes, site, person, country):
    """weigh() counts the steps between two class changes together; across DST changes,
    half-hour and 45-minute zones and holidays it must give what stepping gives."""
    from sdmkit.kinds.oncall.burden import weigh

    begin = start.replace(tzinfo=UTC)
    end = begin + timedelta(minutes=minutes)
    w = weigh(begin, end, site_zone=site, person_zone=person, country=country, factor=0.5)
    parts, burden, weekend_days, holiday_days = _weigh_step_by_step(
        begin, end, site_zone=site, person_zone=person, country=country, factor=0.5
    )
    got = [w.hours, w.weekend_hours, w.holiday_hours, w.night_hours]
    assert got == pytest.approx(parts, abs=1e-9) and w.burden == pytest.approx(burden, abs=1e-9)
    assert (w.weekend_days, w.holiday_days) == (weekend_days, holiday_days)


# --- follow the sun across every region's clock changes -----------------------------

# Europe/US, US/Australia and Europe/India: the pairs change clocks on different dates
# (or, India, never), and the southern hemisphere changes the other way round.
ZONE_PAIRS = [
    ("Europe/Dublin", "America/Los_Angeles"),
    ("Europe/Berlin", "America/New_York"),
    ("America/Los_Angeles", "Australia/Sydney"),
    ("America/Chicago", "Australia/Adelaide"),
    ("Europe/London", "Asia/Kolkata"),
    ("Europe/Berlin", "Asia/Kolkata"),
]
TWO_YEARS = 731
STEP_MIN = 15


def _steps(t: datetime, origin: datetime) -> int:
    return int((t.astimezone(UTC) - origin).total_seconds() // 60) // STEP_MIN


@st.composite
def follow_the_sun(draw):
    a, b = draw(st.sampled_from(ZONE_PAIRS))
    quarter = st.integers(0, 95).map(lambda q: f"{q // 4:02d}:{q % 4 * 15:02d}")
    regions = [
        {"name": "A", "zone": a, "start": draw(quarter), "end": draw(quarter)},
        {"name": "B", "zone": b, "start": draw(quarter), "end": draw(quarter)},
    ]
    for g in regions:
        assume(g["start"] != g["end"])
    start = date(2026, 1, 5) + timedelta(days=draw(st.integers(0, 360)))
    return KIND.validate(
        {
            "name": "FTS",
            "time_zone": "UTC",
            "pattern": draw(st.sampled_from(["weekly", "daily"])),
            "start_date": start.isoformat(),
            "regions": regions,
            "chained": draw(st.booleans()),
            "members": [{"name": f"{g}{i}", "region": g} for g in "AB" for i in range(3)],
        }
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(r=follow_the_sun())
def test_follow_the_sun_covers_every_hour_once_or_reports_every_gap(r):
    from sdmkit.kinds.oncall.coverage import rotation_spans, runs
    from sdmkit.kinds.oncall.schedule import duties, first_handoff

    first = first_handoff(r)
    ivs = [
        iv for s in duties(r, first + timedelta(days=TWO_YEARS)) if s.layer == "primary" for iv in s.intervals
    ]
    origin = min(iv.start.astimezone(UTC) for iv in ivs)
    stop = max(iv.end.astimezone(UTC) for iv in ivs)
    n = _steps(stop, origin)
    # How many regions are on call in each 15-minute step, counted independently of coverage.py.
    diff = [0] * (n + 1)
    for iv in ivs:
        diff[_steps(iv.start, origin)] += 1
        diff[_steps(iv.end, origin)] -= 1
    count, running = [], 0
    for d in diff[:n]:
        running += d
        count.append(running)
    found = rotation_spans(r, days=TWO_YEARS)
    reported = [0] * n  # -1: in a reported gap; +1: in a reported overlap
    for sp in found:
        for i in range(_steps(sp.start, origin), _steps(sp.end, origin)):
            reported[i] = -1 if sp.kind == "gap" else 1
    for i, c in enumerate(count):
        expected = -1 if c == 0 else (1 if c > 1 else 0)
        assert reported[i] == expected, (origin + timedelta(minutes=STEP_MIN * i), c, r.regions)
    if r.chained:
        assert found == [] and all(c == 1 for c in count)
    assert sum(len(run) for run in runs(found)) == len(found)  # every span is in a reported run


def test_the_example_rotation_covers_every_hour_and_counts_nights_on_each_clock():
    from pathlib import Path

    from sdmkit.interchange import read_file
    from sdmkit.kinds.oncall.coverage import rotation_spans, statement
    from sdmkit.kinds.oncall.view import load_rows

    doc = read_file(Path(__file__).parent.parent / "examples" / "oncall" / "search-follow-the-sun.yaml")
    r = KIND.validate(doc.content)
    assert rotation_spans(r, days=TWO_YEARS) == []
    assert statement(r).startswith("Every hour has exactly one person on call")
    unchained = r.model_copy(
        update={
            "chained": False,
            "regions": [
                g.model_copy(update={"start": s, "end": e})
                for g, s, e in zip(
                    r.regions,
                    [datetime(1, 1, 1, 5).time(), datetime(1, 1, 1, 9).time()],
                    [datetime(1, 1, 1, 17).time(), datetime(1, 1, 1, 21).time()],
                    strict=True,
                )
            ],
        }
    )
    # The old example: Dublin 05:00-17:00, Seattle 09:00-21:00, unchained: 13 days in March 2027
    # with nobody on call 04:00-05:00 UTC, and 14 hours doubled.
    gaps = [s for s in rotation_spans(unchained) if s.kind == "gap" and s.start.month == 3]
    overlaps = [s for s in rotation_spans(unchained) if s.kind == "overlap" and s.start.month == 3]
    assert len(gaps) == 13 and {(s.start.hour, s.end.hour) for s in gaps} == {(4, 5)}
    assert sum((s.end - s.start).total_seconds() for s in overlaps) == 14 * 3600
    # The policy's night-hour statements: none for Dublin (07:00-19:00 Irish time); Seattle ends at
    # 23:00 Pacific, or midnight while only one side has changed its clocks: one or two a day.
    s = generate(r, until=date(2027, 11, 1))
    rows = {row["person"]: row for row in load_rows(r, s.shifts)}
    for m in r.active_members():
        if m.region == "Dublin":
            assert rows[m.name]["night_hours"] == 0
    seattle_days = sum(
        len(iv_days)
        for iv_days in ([iv for iv in x.intervals] for x in s.shifts if x.region == "Seattle" and x.person)
    )
    seattle_nights = sum(rows[m.name]["night_hours"] for m in r.active_members() if m.region == "Seattle")
    assert seattle_days <= seattle_nights <= 2 * seattle_days
    assert "one night hour a day (22:00 to 23:00), two in the weeks" in r.policy


# --- on call now: the calendar's answer ------------------------------------------------


def _calendar_events(r: Rotation, weeks: int) -> list[tuple[datetime, datetime, str]]:
    """The primary events of the calendar export (as `sdmkit oncall ics` writes it), read back."""
    from icalendar import Calendar

    from sdmkit.kinds.oncall.schedule import first_handoff

    sched = generate(r, until=first_handoff(r) + timedelta(weeks=weeks))
    cal = Calendar.from_ical(to_ics(r, sched, doc_id=1, version=1, stamp=datetime(2026, 1, 1, tzinfo=UTC)))
    out = []
    for ev in cal.walk("VEVENT"):
        summary = str(ev["summary"])
        if summary.startswith("On call (primary"):
            out.append((ev["dtstart"].dt, ev["dtend"].dt, summary.split("): ", 1)[1]))
    return sorted(out)


def _with_leave_and_overrides() -> list[Rotation]:
    from pathlib import Path

    from sdmkit.interchange import read_file

    root = Path(__file__).parent.parent / "examples" / "oncall"
    weekly = KIND.validate(read_file(root / "payments-weekly.yaml").content)
    fts = read_file(root / "search-follow-the-sun.yaml").content
    fts["overrides"] = [
        {"start": "2026-11-12T20:00", "end": "2026-11-13T03:00", "person": "Diego Alvarez", "reason": "swap"},
        {"start": "2026-12-03T10:00", "end": "2026-12-05T10:00", "person": "Conor Walsh"},
    ]
    fts["leave"] = [*fts["leave"], {"person": "Conor Walsh", "start": "2026-11-09", "end": "2026-11-22"}]
    return [weekly, KIND.validate(fts)]


@pytest.mark.parametrize("r", _with_leave_and_overrides(), ids=["weekly", "follow-the-sun"])
def test_on_call_now_equals_the_calendar_export_at_200_random_instants(r):
    import random

    from sdmkit.kinds.oncall.now import on_call_now
    from sdmkit.kinds.oncall.schedule import first_handoff

    assert r.overrides and r.leave
    events = _calendar_events(r, weeks=16)
    lo = datetime.combine(first_handoff(r), datetime.min.time(), tzinfo=UTC)
    rng = random.Random(13)
    instants = [
        lo + timedelta(minutes=rng.randrange(0, 14 * 7 * 24 * 60)) for _ in range(200 - 2 * len(r.overrides))
    ]
    # And the edges of every override, where a page that ignores them goes wrong.
    zone = ZoneInfo(r.time_zone)
    instants += [o.start.replace(tzinfo=zone) for o in r.overrides] + [
        o.end.replace(tzinfo=zone) for o in r.overrides
    ]
    assert len(instants) == 200
    for at in instants:
        covering = [e for e in events if e[0] <= at < e[1]]
        now = on_call_now(r, at)
        assert now.person == (covering[0][2] if covering else None), at
        if covering:
            # 'until' is when the calendar next shows someone else (or nobody).
            end = covering[0][1]
            while any(e[0] == end and e[2] == covering[0][2] for e in events):
                end = next(e[1] for e in events if e[0] == end and e[2] == covering[0][2])
            assert now.until == end, at
            after = [e for e in events if e[0] >= end]
            assert now.next_person == (after[0][2] if after else None), at
            if after and now.later:
                # The hand-off after next is the calendar's too.
                nxt_end = next(e[1] for e in events if e[0] == after[0][0])
                while any(e[0] == nxt_end and e[2] == after[0][2] for e in events):
                    nxt_end = next(e[1] for e in events if e[0] == nxt_end and e[2] == after[0][2])
                assert now.next_until == nxt_end, at
                assert now.later[0][0] == next(e[2] for e in events if e[0] >= nxt_end), at
        assert now.as_of == at.astimezone(UTC)


def test_the_team_page_names_the_override_and_the_next_regular_primary(sqlite_store):
    from sdmkit.kinds.oncall.team_page import charter_extras

    weekly = _with_leave_and_overrides()[0]
    o = weekly.overrides[0]  # Jonas for Aisha, Thursday 26 November 18:00 to Friday 09:00
    charter = sqlite_store.create(
        "charter",
        {"team_name": "Payments", "members": [{"name": "Priya Raman"}, {"name": "Grace Okafor"}]},
        DocumentMeta(team="Payments"),
    )
    sqlite_store.create("oncall", weekly.model_dump(mode="json"), DocumentMeta(team="Payments"))
    before = datetime(2026, 11, 25, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    page = charter_extras(sqlite_store, charter, at=before)["oncall"][0]
    # Aisha until the override starts on Thursday (not until Monday); then Jonas, by override.
    assert page["now"] == "Aisha Bello" and page["until"].startswith("Thu 26 Nov 2026 18:00")
    assert page["next"] == "Jonas Weber (override)" and page["next_until"].startswith("Fri 27 Nov 2026 09:00")
    assert page["as_of"] == "Wed 25 Nov 2026 12:00 (UTC+01:00)"
    # After the stand-in, Aisha again until the Monday hand-off, then the next regular primary.
    assert page["then"] == [
        "Aisha Bello until Mon 30 Nov 2026 10:00 (UTC+01:00)",
        "Sara Lindqvist until Mon 07 Dec 2026 10:00 (UTC+01:00)",
    ]
    assert o.person == "Jonas Weber"
    diff = page["differences"]
    assert "Sara Lindqvist" in diff["not_in_charter"] and diff["not_in_rotation"] == ["Grace Okafor"]


def test_the_coverage_statement_admits_unstaffed_shifts():
    from sdmkit.kinds.oncall.view import view

    everyone_away = rotation(
        members=[{"name": "Ana"}, {"name": "Ben"}],
        leave=[
            {
                "person": n,
                "start": QUARTER_START.isoformat(),
                "end": (QUARTER_START + timedelta(days=6)).isoformat(),
            }
            for n in ("Ana", "Ben")
        ],
    )
    text = view(everyone_away)["coverage"]
    assert text.startswith("Every hour has one person on call") and "But 1 shift has nobody available" in text
    assert "nobody available" not in view(rotation())["coverage"]


def test_handoffs_include_the_way_back_from_an_override():
    from sdmkit.kinds.oncall.handoff import boundaries

    weekly = _with_leave_and_overrides()[0]
    pairs = boundaries(generate(weekly).shifts)
    around = [
        (out.person if out else None, inc.person, f"{inc.start:%a %d %b %H:%M}")
        for out, inc in pairs
        if date(2026, 11, 23) <= inc.start.date() <= date(2026, 11, 30)
    ]
    assert around == [
        ("Lucas Ferreira", "Aisha Bello", "Mon 23 Nov 10:00"),
        ("Aisha Bello", "Jonas Weber", "Thu 26 Nov 18:00"),
        ("Jonas Weber", "Aisha Bello", "Fri 27 Nov 09:00"),
        ("Aisha Bello", "Sara Lindqvist", "Mon 30 Nov 10:00"),
    ]


def test_the_holiday_country_is_not_a_look_alike_value_and_its_absence_is_said():
    field = next(f for s in KIND.sections for f in s.fields if f.key == "holiday_country")
    assert field.placeholder.startswith("none") and not field.example  # grey "DE" looked like a value
    hint = [f for f in lint(KIND, rotation()) if f.rule == "oncall.holidays"]
    assert hint and hint[0].severity == "info" and "holidays count as ordinary days" in hint[0].message
    assert not [f for f in lint(KIND, rotation(holiday_country="DE")) if f.rule == "oncall.holidays"]
