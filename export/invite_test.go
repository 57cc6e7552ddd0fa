package export

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"

	"quorum/meeting"
)

// realClient returns the path of a program that real users read our files
// with; the test is skipped, saying how to get it, when it is missing.
func realClient(t *testing.T, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed (%s; `make deps-test` does it): skipping the check with a real client", name, install)
	}
	return p
}

// icalEvent is what ical.js, Mozilla's iCalendar parser, reads of an
// invite (testdata/icaljs/check.mjs).
type icalEvent struct {
	Method, UID, Status, Summary, Location, URL, Description string
	Sequence                                                 int
	TZID, Start, End, StartLocal                             string
	Organizer                                                *icalPerson
	Attendees                                                []icalPerson
}

type icalPerson struct{ Email, CN, Role, Partstat, RSVP string }

func readWithICalJS(t *testing.T, ics []byte) icalEvent {
	t.Helper()
	node := realClient(t, "node", "apt-get install nodejs")
	if _, err := os.Stat("testdata/icaljs/node_modules/ical.js"); err != nil {
		t.Skip("ical.js is not installed (npm install --prefix export/testdata/icaljs; `make deps-test` does it): skipping the check with a real client")
	}
	path := filepath.Join(t.TempDir(), "invite.ics")
	if err := os.WriteFile(path, ics, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, "testdata/icaljs/check.mjs", path).CombinedOutput()
	if err != nil {
		t.Fatalf("ical.js cannot read the invite: %v\n%s\n%s", err, out, ics)
	}
	var ev icalEvent
	if err := json.Unmarshal(out, &ev); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return ev
}

func inviteOf(t *testing.T, r *meeting.Record, o Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Invite(&b, r, o); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestInviteReadByICalJS(t *testing.T) {
	_, r := sampleRecord(t)
	ics := inviteOf(t, r, printedAt)
	ev := readWithICalJS(t, ics)
	want := icalEvent{Method: "REQUEST", UID: InviteUID(r.Meeting), Status: "CONFIRMED",
		Summary: "Comité de direction — séance de décembre", Location: "Salle 204 « Œuvre » — 2ᵉ étage",
		URL: "https://visio.example.org/codir-12", TZID: "Europe/Paris",
		Start: "2026-12-03T08:30:00.000Z", End: "2026-12-03T10:30:00.000Z", StartLocal: "2026-12-03T09:30:00",
		Organizer: &icalPerson{Email: "jl.nguyen@example.org", CN: "Jean-Loïc Nguyễn"},
		Attendees: []icalPerson{
			{Email: "claire.martin@example.org", CN: "Claire Martin", Role: "CHAIR", Partstat: "ACCEPTED", RSVP: "TRUE"},
			{Email: "jl.nguyen@example.org", CN: "Jean-Loïc Nguyễn", Role: "REQ-PARTICIPANT", Partstat: "ACCEPTED", RSVP: "FALSE"},
			{Email: "soren@example.dk", CN: "Søren Ødegård", Role: "OPT-PARTICIPANT", Partstat: "DECLINED", RSVP: "TRUE"},
		}}
	desc := ev.Description
	ev.Description = ""
	if got, _ := json.Marshal(ev); string(got) != string(must(json.Marshal(want))) {
		t.Errorf("ical.js reads\n%s\nwant\n%s", got, must(json.Marshal(want)))
	}
	for _, s := range []string{"jeudi 3 décembre 2026, 9 h 30 – 11 h 30", "Ordre du jour\n1. Approbation du procès-verbal — 9 h 30, 10 min",
		"\n      2.2.1 Bâtiment B — 10 h 40, 5 min\n", "Anaïs Lefèvre — Membre (DAF) — sans adresse électronique",
		"Lieu : Salle 204 « Œuvre »"} {
		if !strings.Contains(desc, s) {
			t.Errorf("the description lacks %q:\n%s", s, desc)
		}
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(ics), "\r\n"), "\r\n") {
		if len(line) > 75 || strings.Contains(line, "\n") {
			t.Errorf("line %d is %d octets or has a bare line feed: %q", i+1, len(line), line)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestInviteTimeZones: a summer meeting, a zone without daylight saving, a
// southern one, a fixed offset; the zone's rules travel in the invite.
func TestInviteTimeZones(t *testing.T) {
	_, r := sampleRecord(t)
	for _, tc := range []struct {
		zone  string
		local time.Time
		utc   string
	}{
		{"Europe/Paris", time.Date(2027, 7, 1, 14, 0, 0, 0, time.UTC), "2027-07-01T12:00:00.000Z"},
		{"Europe/Paris", time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC), "2027-01-05T08:00:00.000Z"},
		{"Australia/Sydney", time.Date(2027, 1, 14, 10, 0, 0, 0, time.UTC), "2027-01-13T23:00:00.000Z"},
		{"America/Martinique", time.Date(2027, 3, 30, 8, 15, 0, 0, time.UTC), "2027-03-30T12:15:00.000Z"},
		{"", time.Date(2027, 3, 30, 8, 15, 0, 0, time.UTC), "2027-03-30T06:15:00.000Z"}, // +02:00, no zone name
	} {
		loc := time.FixedZone("", 2*3600)
		if tc.zone != "" {
			loc = must(time.LoadLocation(tc.zone))
		}
		l := tc.local
		r.Meeting.Starts, r.Meeting.TimeZone = time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), 0, 0, loc), tc.zone
		ev := readWithICalJS(t, inviteOf(t, r, printedAt))
		if ev.Start != tc.utc || (tc.zone != "" && ev.TZID != tc.zone) {
			t.Errorf("%s %v: ical.js reads %s in %s, want %s", tc.zone, tc.local, ev.Start, ev.TZID, tc.utc)
		}
	}
	r.Meeting.TimeZone = "Mars/Olympus"
	if err := Invite(&bytes.Buffer{}, r, printedAt); meeting.ErrorCode(err) != meeting.EINVALID {
		t.Errorf("an unknown zone gives %v", err)
	}
}

// parseInvite reads an invite back with the Go library.
func parseInvite(t *testing.T, ics []byte) (method string, ev ical.Event) {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(ics)).Decode()
	if err != nil {
		t.Fatal(err)
	}
	return cal.Props.Get(ical.PropMethod).Value, cal.Events()[0]
}

// TestInviteUpdatesAndCancels: the same meeting keeps its UID; a change
// raises SEQUENCE; cancelling sends CANCEL for the same UID; another
// meeting, or the same number in another database, has another UID.
func TestInviteUpdatesAndCancels(t *testing.T) {
	st, r := sampleRecord(t)
	_, first := parseInvite(t, inviteOf(t, r, printedAt))
	later := printedAt
	later.Now = later.Now.Add(48 * time.Hour)
	_, again := parseInvite(t, inviteOf(t, r, later))
	uid := first.Props.Get(ical.PropUID).Value
	if again.Props.Get(ical.PropUID).Value != uid {
		t.Errorf("a second export changes the UID")
	}
	seq := func(ev ical.Event) int { return must(ev.Props.Get(ical.PropSequence).Int()) }

	ctx := t.Context()
	st.Now = func() time.Time { return time.Date(2026, 11, 25, 17, 3, 0, 0, time.UTC) }
	r.Meeting.Place = "Salle 101"
	if err := st.UpdateMeeting(ctx, r.Meeting); err != nil {
		t.Fatal(err)
	}
	moved := must(st.Record(ctx, r.Meeting.ID))
	_, changed := parseInvite(t, inviteOf(t, moved, later))
	if changed.Props.Get(ical.PropUID).Value != uid || seq(changed) <= seq(first) {
		t.Errorf("after a change: UID %s, SEQUENCE %d (was %d)", changed.Props.Get(ical.PropUID).Value, seq(changed), seq(first))
	}

	// The sample's minutes are being written: it cannot be cancelled in
	// the store any more; the record stands for one that was.
	cancelled := *moved
	m := *moved.Meeting
	m.Status, m.Updated = meeting.Cancelled, m.Updated.Add(time.Hour)
	cancelled.Meeting = &m
	ics := inviteOf(t, &cancelled, later)
	method, ev := parseInvite(t, ics)
	if method != "CANCEL" || ev.Props.Get(ical.PropStatus).Value != "CANCELLED" ||
		ev.Props.Get(ical.PropUID).Value != uid || seq(ev) <= seq(changed) {
		t.Errorf("cancelled: METHOD %s, STATUS %s, UID %s, SEQUENCE %d", method, ev.Props.Get(ical.PropStatus).Value,
			ev.Props.Get(ical.PropUID).Value, seq(ev))
	}
	if js := readWithICalJS(t, ics); js.Method != "CANCEL" || js.UID != uid || js.Status != "CANCELLED" {
		t.Errorf("ical.js reads the cancellation as %+v", js)
	}

	other := *r.Meeting
	other.ID++
	if InviteUID(&other) == uid {
		t.Error("two meetings share a UID")
	}
	_, elsewhere := sampleRecord(t) // the same meeting n° 1, imported into another database later
	elsewhere.Meeting.Created = elsewhere.Meeting.Created.Add(time.Minute)
	if InviteUID(elsewhere.Meeting) == uid {
		t.Error("meeting 1 of two databases share a UID")
	}
}

// TestInviteAwkwardNames: commas, quotes and apostrophes in names survive.
func TestInviteAwkwardNames(t *testing.T) {
	_, r := sampleRecord(t)
	r.Attendees[0].Person.Name = `Martin, Claire "CM" d'Arc; DRH: RH`
	r.Meeting.Status = meeting.Draft
	ev := readWithICalJS(t, inviteOf(t, r, printedAt))
	if ev.Attendees[0].CN != `Martin, Claire 'CM' d'Arc; DRH: RH` || ev.Status != "TENTATIVE" {
		t.Errorf("ical.js reads CN %q, status %s", ev.Attendees[0].CN, ev.Status)
	}
}

// TestInviteBareMeeting: nobody invited, no agenda, no duration, no place.
func TestInviteBareMeeting(t *testing.T) {
	_, r := sampleRecord(t)
	r.Attendees, r.Agenda, r.Series = nil, nil, nil
	r.Meeting.Minutes, r.Meeting.Place, r.Meeting.Link, r.Meeting.Language = 0, "", "", "en"
	ev := readWithICalJS(t, inviteOf(t, r, printedAt))
	if ev.Organizer != nil || len(ev.Attendees) != 0 || ev.Start != ev.End || ev.Location != "" ||
		!strings.Contains(ev.Description, "The agenda has no items yet.") || !strings.Contains(ev.Description, "Nobody has been invited yet.") {
		t.Errorf("ical.js reads %+v", ev)
	}
}
