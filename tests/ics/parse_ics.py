"""Parses a Steady plan calendar with the independent `icalendar` package and checks it.

Usage: parse_ics.py FILE EXPECTED_EVENTS FORBIDDEN_WORD...
Exits non-zero (and says why) unless the file parses as RFC 5545, holds exactly EXPECTED_EVENTS
all-day VEVENTs with unique UIDs and a DTSTAMP, in date order, and no event text contains any
forbidden word (drug names, doses: a shared calendar must not reveal them).
"""
import sys

from icalendar import Calendar


def check(path, expected, forbidden):
    raw = open(path, "rb").read()
    if b"\r\n" not in raw:
        return "lines are not CRLF-terminated"
    cal = Calendar.from_ical(raw)
    events = list(cal.walk("VEVENT"))
    if len(events) != expected:
        return f"{len(events)} events, expected {expected}"
    uids = [str(e["UID"]) for e in events]
    if len(set(uids)) != len(uids):
        return "duplicate UIDs"
    starts = []
    for e in events:
        if "DTSTAMP" not in e:
            return f"{e['UID']}: no DTSTAMP"
        start = e["DTSTART"].dt
        if hasattr(start, "hour"):
            return f"{e['UID']}: not an all-day event"
        starts.append(start)
        text = " ".join(str(e.get(k, "")) for k in ("SUMMARY", "DESCRIPTION", "LOCATION")).lower()
        for word in forbidden:
            if word.lower() in text:
                return f"{e['UID']}: reveals {word!r}"
    if starts != sorted(starts):
        return "events are not in date order"
    return None


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    problem = check(sys.argv[1], int(sys.argv[2]), sys.argv[3:])
    if problem:
        print(f"{sys.argv[1]}: {problem}")
        return 1
    print(f"{sys.argv[1]}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
