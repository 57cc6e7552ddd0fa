package meeting

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// mergeFixture is a directory with two entries for Ada, each used by
// different records, and Bob.
type mergeFixture struct {
	keep, drop, bob *Person
	sr, other       *Series
	m1, m2          *Meeting
	item            *AgendaItem
	act             *Action
}

func newMergeFixture(t *testing.T, s *Store) *mergeFixture {
	t.Helper()
	f := &mergeFixture{
		keep: &Person{Name: "Ada Lovelace", Organisation: "Engines"},
		drop: &Person{Name: "A. Lovelace", Title: "Countess", Organisation: "Other", Email: "ada@example.org"},
		bob:  addPerson(t, s, "Bob"),
	}
	must(t, s.CreatePerson(bg, f.keep))
	must(t, s.CreatePerson(bg, f.drop))
	f.sr = &Series{Name: "Board", Code: "BRD", Members: []SeriesMember{
		{PersonID: f.keep.ID, Role: Chair, Voting: true}, {PersonID: f.drop.ID, Role: Member}}}
	must(t, s.CreateSeries(bg, f.sr))
	f.other = &Series{Name: "Works council", Code: "CSE", Members: []SeriesMember{
		{PersonID: f.bob.ID, Role: Chair}, {PersonID: f.drop.ID, Role: Secretary, Voting: true}}}
	must(t, s.CreateSeries(bg, f.other))
	f.m1 = addMeeting(t, s, f.sr.ID, "Board 1", time.Time{})
	f.m2 = addMeeting(t, s, 0, "Budget", fixedNow.Add(24*time.Hour))
	must(t, s.AddAttendee(bg, &Attendee{MeetingID: f.m1.ID, PersonID: f.drop.ID, Role: Member, Status: Present}))
	must(t, s.AddAttendee(bg, &Attendee{MeetingID: f.m1.ID, PersonID: f.bob.ID, Role: Member, Status: Represented, ProxyID: f.drop.ID}))
	must(t, s.AddAttendee(bg, &Attendee{MeetingID: f.m2.ID, PersonID: f.keep.ID, Role: Chair, Status: Invited}))
	f.item = &AgendaItem{MeetingID: f.m1.ID, Title: "Accounts", Purpose: ForDecision, PresenterID: f.drop.ID}
	must(t, s.AddItem(bg, f.item))
	f.act = &Action{MeetingID: f.m1.ID, Title: "Send the accounts", OwnerID: f.drop.ID}
	must(t, s.CreateAction(bg, f.act))
	return f
}

func TestMergePeople(t *testing.T) {
	s := newStore(t)
	f := newMergeFixture(t, s)
	must(t, s.MergePeople(bg, f.keep.ID, f.drop.ID))

	if _, err := s.GetPerson(bg, f.drop.ID); ErrorCode(err) != ENOTFOUND {
		t.Errorf("the dropped entry is still there (%v)", err)
	}
	got, err := s.GetPerson(bg, f.keep.ID)
	must(t, err)
	want := Person{ID: f.keep.ID, Name: "Ada Lovelace", Title: "Countess", Organisation: "Engines", Email: "ada@example.org"}
	if *got != want {
		t.Errorf("kept entry = %+v, want %+v (its own fields, the blanks filled from the other)", *got, want)
	}
	att, err := s.Attendees(bg, f.m1.ID)
	must(t, err)
	if att[0].PersonID != f.keep.ID || att[0].Status != Present {
		t.Errorf("attendance = %+v, want the kept entry, present", att[0])
	}
	if att[1].ProxyID != f.keep.ID || att[1].ProxyName != "Ada Lovelace" {
		t.Errorf("Bob's proxy = %d %q, want the kept entry", att[1].ProxyID, att[1].ProxyName)
	}
	sr, err := s.GetSeries(bg, f.sr.ID)
	must(t, err)
	if len(sr.Members) != 1 || sr.Members[0].PersonID != f.keep.ID || sr.Members[0].Role != Chair {
		t.Errorf("board members = %+v, want the kept entry once, as chair", sr.Members)
	}
	other, err := s.GetSeries(bg, f.other.ID)
	must(t, err)
	if len(other.Members) != 2 || other.Members[1].PersonID != f.keep.ID || other.Members[1].Role != Secretary {
		t.Errorf("works council members = %+v, want Bob then the kept entry as secretary", other.Members)
	}
	ag, err := s.Agenda(bg, f.m1.ID)
	must(t, err)
	if ag[0].PresenterID != f.keep.ID {
		t.Errorf("presenter = %d, want %d", ag[0].PresenterID, f.keep.ID)
	}
	a, err := s.GetAction(bg, f.act.ID)
	must(t, err)
	if a.OwnerID != f.keep.ID {
		t.Errorf("action owner = %d, want %d", a.OwnerID, f.keep.ID)
	}
	use, err := s.PersonUse(bg, f.keep.ID)
	must(t, err)
	if want := (PersonUse{Meetings: 2, Proxies: 1, Series: 2, Items: 1, Actions: 1}); use != want {
		t.Errorf("use after merge = %+v, want %+v", use, want)
	}
}

func TestMergePeopleRefused(t *testing.T) {
	s := newStore(t)
	f := newMergeFixture(t, s)
	// Both entries attend "Budget".
	must(t, s.AddAttendee(bg, &Attendee{MeetingID: f.m2.ID, PersonID: f.drop.ID, Role: Member, Status: Invited}))
	err := s.MergePeople(bg, f.keep.ID, f.drop.ID)
	wantErr(t, err, ECONFLICT, "")
	if !strings.Contains(err.Error(), `"Budget"`) || !strings.Contains(err.Error(), "2026-03-11") {
		t.Errorf("message %q does not name the meeting and its day", err)
	}
	var mc *MergeConflict
	if !errors.As(err, &mc) || *mc != (MergeConflict{MeetingID: f.m2.ID, Title: "Budget", Day: "2026-03-11"}) {
		t.Errorf("conflict = %+v", mc)
	}
	before := count(t, s, `SELECT count(*) FROM attendees WHERE person_id = ?`, f.drop.ID)
	if before != 2 {
		t.Errorf("the refused merge moved attendances: %d left on the dropped entry, want 2", before)
	}

	wantErr(t, s.MergePeople(bg, f.keep.ID, f.keep.ID), EINVALID, "")
	wantErr(t, s.MergePeople(bg, f.keep.ID, 999), ENOTFOUND, "")
	wantErr(t, s.MergePeople(bg, 999, f.keep.ID), ENOTFOUND, "")
	if n := count(t, s, `SELECT count(*) FROM people`); n != 3 {
		t.Errorf("%d people after refused merges, want 3", n)
	}
}

func TestMergePeopleRefusesOwnProxy(t *testing.T) {
	s := newStore(t)
	f := newMergeFixture(t, s)
	// Bob holds Ada's proxy at a meeting he does not attend: as one
	// person, he would hold his own.
	m3 := addMeeting(t, s, 0, "Audit", fixedNow.Add(48*time.Hour))
	must(t, s.AddAttendee(bg, &Attendee{MeetingID: m3.ID, PersonID: f.keep.ID, Role: Member, Status: Represented, ProxyID: f.bob.ID}))
	err := s.MergePeople(bg, f.bob.ID, f.keep.ID)
	wantErr(t, err, ECONFLICT, "")
	if !strings.Contains(err.Error(), "proxy") || !strings.Contains(err.Error(), `"Audit"`) {
		t.Errorf("message %q does not name the proxy and the meeting", err)
	}
	var mc *MergeConflict
	if !errors.As(err, &mc) || *mc != (MergeConflict{MeetingID: m3.ID, Title: "Audit", Day: "2026-03-12", Proxy: true}) {
		t.Errorf("conflict = %+v", mc)
	}
	if _, err := s.GetPerson(bg, f.keep.ID); err != nil {
		t.Errorf("the refused merge deleted the entry: %v", err)
	}
}

func TestPersonMeetingsAndUse(t *testing.T) {
	s := newStore(t)
	f := newMergeFixture(t, s)
	list, err := s.PersonMeetings(bg, f.drop.ID)
	must(t, err)
	if len(list) != 1 || list[0].Meeting.Title != "Board 1" || list[0].Role != Member || list[0].Status != Present ||
		list[0].Meeting.SeriesCode != "BRD" {
		t.Errorf("PersonMeetings = %+v", list)
	}
	must(t, s.AddAttendee(bg, &Attendee{MeetingID: f.m2.ID, PersonID: f.drop.ID, Role: Guest, Status: Invited}))
	list, err = s.PersonMeetings(bg, f.drop.ID)
	must(t, err)
	if len(list) != 2 || list[0].Meeting.Title != "Budget" || list[0].Role != Guest {
		t.Errorf("PersonMeetings = %+v, want Budget (latest) first", list)
	}
	use, err := s.PersonUse(bg, f.drop.ID)
	must(t, err)
	if want := (PersonUse{Meetings: 2, Proxies: 1, Series: 2, Items: 1, Actions: 1}); use != want || !use.Used() {
		t.Errorf("PersonUse = %+v, want %+v", use, want)
	}
	nobody := addPerson(t, s, "Nobody")
	use, err = s.PersonUse(bg, nobody.ID)
	must(t, err)
	if use.Used() {
		t.Errorf("PersonUse of an unused entry = %+v", use)
	}
	list, err = s.PersonMeetings(bg, nobody.ID)
	if err != nil || len(list) != 0 {
		t.Errorf("PersonMeetings of an unused entry = %v, %v", list, err)
	}
	_, err = s.PersonUse(bg, 999)
	wantErr(t, err, ENOTFOUND, "")
}
