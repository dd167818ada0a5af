// Parses a Steady plan calendar with Mozilla's `ical.js` (npm, the parser of Thunderbird and many web
// calendars), independent of the Python check, and checks the promises of the plan calendar.
// Usage: node icaljs_check.cjs NODE_PREFIX FILE EVENTS CANCELLED SEQUENCE ALARMS FORBIDDEN_WORD...
// Exits non-zero (and says why) unless the file parses, holds EVENTS VEVENTs of which CANCELLED have
// STATUS:CANCELLED and the others STATUS:CONFIRMED, every event has SEQUENCE = SEQUENCE, exactly
// ALARMS VALARMs (display, with a negative trigger), unique UIDs, all-day dates, and no text that
// names a forbidden word.
const { createRequire } = require("module");
const fs = require("fs");

function check(ICAL, path, events, cancelled, sequence, alarms, forbidden) {
  const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(path, "utf8")));
  if (comp.name !== "vcalendar") return `top component is ${comp.name}`;
  const vevents = comp.getAllSubcomponents("vevent");
  if (vevents.length === 0) return "an empty calendar";
  if (vevents.length !== events) return `${vevents.length} events, expected ${events}`;
  const uids = new Set();
  let nCancelled = 0;
  let nAlarms = 0;
  for (const v of vevents) {
    const e = new ICAL.Event(v);
    if (uids.has(e.uid)) return `duplicate UID ${e.uid}`;
    uids.add(e.uid);
    if (!e.startDate || !e.startDate.isDate) return `${e.uid}: not an all-day event`;
    if (e.sequence !== sequence) return `${e.uid}: SEQUENCE ${e.sequence}, expected ${sequence}`;
    const status = v.getFirstPropertyValue("status");
    if (status === "CANCELLED") nCancelled += 1;
    else if (status !== "CONFIRMED") return `${e.uid}: STATUS ${status}`;
    for (const a of v.getAllSubcomponents("valarm")) {
      nAlarms += 1;
      if (a.getFirstPropertyValue("action") !== "DISPLAY") return `${e.uid}: alarm is not DISPLAY`;
      const trigger = a.getFirstPropertyValue("trigger");
      if (!trigger || trigger.toSeconds() >= 0) return `${e.uid}: alarm not before the start`;
    }
    const text = [e.summary, e.description, e.location]
      .concat(v.getAllSubcomponents("valarm").map((a) => a.getFirstPropertyValue("description")))
      .join(" ")
      .toLowerCase();
    for (const word of forbidden) {
      if (text.includes(word.toLowerCase())) return `${e.uid}: reveals ${JSON.stringify(word)}`;
    }
  }
  if (nCancelled !== cancelled) return `${nCancelled} cancelled events, expected ${cancelled}`;
  if (nAlarms !== alarms) return `${nAlarms} alarms, expected ${alarms}`;
  return null;
}

function main() {
  const [prefix, path, events, cancelled, sequence, alarms, ...forbidden] = process.argv.slice(2);
  if (alarms === undefined) {
    console.log("usage: icaljs_check.cjs NODE_PREFIX FILE EVENTS CANCELLED SEQUENCE ALARMS WORD...");
    return 2;
  }
  const ICAL = createRequire(`${prefix}/`)("ical.js");
  let problem;
  try {
    problem = check(ICAL, path, +events, +cancelled, +sequence, +alarms, forbidden);
  } catch (e) {
    problem = `does not parse: ${e.message}`;
  }
  if (problem) {
    console.log(`${path}: ${problem} (ical.js)`);
    return 1;
  }
  console.log(`${path}: ok (ical.js)`);
  return 0;
}

process.exitCode = main();
