// Reads an .ics file with ical.js (Mozilla's iCalendar parser, used by
// Thunderbird) and prints, as JSON, what a calendar would take from it.
// Usage: node check.mjs FILE.ics
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const text = readFileSync(process.argv[2], "utf8");
const cal = new ICAL.Component(ICAL.parse(text));
for (const tz of cal.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(tz);
}
const vevent = cal.getFirstSubcomponent("vevent");
const ev = new ICAL.Event(vevent);
const person = (p) => ({
  email: String(p.getFirstValue()).replace(/^mailto:/i, ""),
  cn: p.getParameter("cn") ?? "",
  role: p.getParameter("role") ?? "",
  partstat: p.getParameter("partstat") ?? "",
  rsvp: p.getParameter("rsvp") ?? "",
});
const organizer = vevent.getFirstProperty("organizer");
console.log(JSON.stringify({
  method: cal.getFirstPropertyValue("method"),
  uid: ev.uid,
  sequence: ev.sequence,
  status: vevent.getFirstPropertyValue("status"),
  summary: ev.summary,
  location: ev.location,
  url: vevent.getFirstPropertyValue("url") ?? "",
  description: ev.description,
  tzid: ev.startDate.zone.tzid,
  start: ev.startDate.toJSDate().toISOString(),
  end: ev.endDate.toJSDate().toISOString(),
  startLocal: ev.startDate.toString(),
  organizer: organizer ? person(organizer) : null,
  attendees: ev.attendees.map(person),
}));
