"""Parses a Steady plan calendar with the independent `icalendar` package and checks it.

Usage: parse_ics.py FILE EVENTS CANCELLED SEQUENCE ALARMS FORBIDDEN_WORD...
Exits non-zero (and says why) unless the file parses as RFC 5545, holds exactly EVENTS all-day
VEVENTs (never none) with unique UIDs and a DTSTAMP, in date order, of which CANCELLED have
STATUS:CANCELLED and the others STATUS:CONFIRMED, every event has SEQUENCE = SEQUENCE, there are
exactly ALARMS display VALARMs triggered before the start, and no event or alarm text contains any
forbidden word (drug names, doses: a shared calendar must not reveal them).
"""
import sys

from icalendar import Calendar


def check(path, expected, cancelled, sequence, alarms, forbidden):
    raw = open(path, "rb").read()
    if b"\r\n" not in raw:
        return "lines are not CRLF-terminated"
    cal = Calendar.from_ical(raw)
    events = list(cal.walk("VEVENT"))
    if not events:
        return "an empty calendar"
    if len(events) != expected:
        return f"{len(events)} events, expected {expected}"
    uids = [str(e["UID"]) for e in events]
    if len(set(uids)) != len(uids):
        return "duplicate UIDs"
    starts, n_cancelled, n_alarms = [], 0, 0
    for e in events:
        if "DTSTAMP" not in e:
            return f"{e['UID']}: no DTSTAMP"
        if int(e.get("SEQUENCE", -1)) != sequence:
            return f"{e['UID']}: SEQUENCE {e.get('SEQUENCE')}, expected {sequence}"
        status = str(e.get("STATUS", ""))
        if status == "CANCELLED":
            n_cancelled += 1
        elif status != "CONFIRMED":
            return f"{e['UID']}: STATUS {status!r}"
        start = e["DTSTART"].dt
        if hasattr(start, "hour"):
            return f"{e['UID']}: not an all-day event"
        starts.append(start)
        texts = [str(e.get(k, "")) for k in ("SUMMARY", "DESCRIPTION", "LOCATION")]
        for a in e.walk("VALARM"):
            n_alarms += 1
            if str(a.get("ACTION")) != "DISPLAY":
                return f"{e['UID']}: alarm is not DISPLAY"
            if a["TRIGGER"].dt.total_seconds() >= 0:
                return f"{e['UID']}: alarm not before the start"
            texts.append(str(a.get("DESCRIPTION", "")))
        text = " ".join(texts).lower()
        for word in forbidden:
            if word.lower() in text:
                return f"{e['UID']}: reveals {word!r}"
    if starts != sorted(starts):
        return "events are not in date order"
    if n_cancelled != cancelled:
        return f"{n_cancelled} cancelled events, expected {cancelled}"
    if n_alarms != alarms:
        return f"{n_alarms} alarms, expected {alarms}"
    return None


def main():
    if len(sys.argv) < 6:
        print(__doc__)
        return 2
    expected, cancelled, sequence, alarms = (int(a) for a in sys.argv[2:6])
    problem = check(sys.argv[1], expected, cancelled, sequence, alarms, sys.argv[6:])
    if problem:
        print(f"{sys.argv[1]}: {problem}")
        return 1
    print(f"{sys.argv[1]}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
