package meeting

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// ---- People

func TestPeople(t *testing.T) {
	s := newStore(t)
	p := &Person{Name: "Ada Lovelace", Title: "Countess", Organisation: "Analytical Engines",
		Email: "ada@example.org", Phone: "+44 1"}
	must(t, s.CreatePerson(bg, p))
	if p.ID == 0 {
		t.Fatal("CreatePerson set no ID")
	}
	got, err := s.GetPerson(bg, p.ID)
	must(t, err)
	if *got != *p {
		t.Errorf("GetPerson = %+v, want %+v", got, p)
	}

	p.Name, p.Email = "Augusta Ada King", ""
	must(t, s.UpdatePerson(bg, p))
	got, err = s.GetPerson(bg, p.ID)
	must(t, err)
	if *got != *p {
		t.Errorf("after update = %+v, want %+v", got, p)
	}

	must(t, s.DeletePerson(bg, p.ID))
	_, err = s.GetPerson(bg, p.ID)
	wantErr(t, err, ENOTFOUND, "")
}

func TestPeopleFailures(t *testing.T) {
	s := newStore(t)
	wantErr(t, s.CreatePerson(bg, &Person{}), EINVALID, "name")
	wantErr(t, s.CreatePerson(bg, &Person{Name: "Ada", Email: "nope"}), EINVALID, "email")
	wantErr(t, s.CreatePerson(bg, &Person{Name: strings.Repeat("a", 5000)}), EINVALID, "name")
	wantErr(t, s.UpdatePerson(bg, &Person{ID: 999, Name: "Ghost"}), ENOTFOUND, "")
	wantErr(t, s.UpdatePerson(bg, &Person{ID: 999, Name: "Ghost\x00"}), EINVALID, "name")
	wantErr(t, s.DeletePerson(bg, 999), ENOTFOUND, "")
	_, err := s.GetPerson(bg, 999)
	wantErr(t, err, ENOTFOUND, "")
	if n := count(t, s, `SELECT count(*) FROM people`); n != 0 {
		t.Errorf("%d people stored by failed calls", n)
	}
}

func TestDeletePersonWhoAttends(t *testing.T) {
	s := newStore(t)
	p := addPerson(t, s, "Ada")
	m := addMeeting(t, s, 0, "Board", time.Time{})
	a := &Attendee{MeetingID: m.ID, PersonID: p.ID, Role: Member, Status: Invited}
	must(t, s.AddAttendee(bg, a))
	err := s.DeletePerson(bg, p.ID)
	wantErr(t, err, ECONFLICT, "")
	if !strings.Contains(err.Error(), "1 meeting") {
		t.Errorf("message %q does not say how many meetings", err)
	}
	if _, err := s.GetPerson(bg, p.ID); err != nil {
		t.Errorf("the refused deletion removed the person: %v", err)
	}
	must(t, s.RemoveAttendee(bg, a.ID))
	must(t, s.DeletePerson(bg, p.ID))
}

func names(people []*Person) string {
	var ns []string
	for _, p := range people {
		ns = append(ns, p.Name)
	}
	return strings.Join(ns, "|")
}

func TestListPeople(t *testing.T) {
	s := newStore(t)
	for _, p := range []*Person{
		{Name: "bob", Organisation: "100% Coop"},
		{Name: "Alice", Email: "alice@a_b.org"},
		{Name: "Carol", Email: "carol@axb.org"},
		{Name: `Dan \o/`},
		{Name: "Éva", Organisation: "1000 Coop"},
	} {
		must(t, s.CreatePerson(bg, p))
	}
	for _, c := range []struct{ query, want string }{
		{"", `Alice|bob|Carol|Dan \o/|Éva`}, // by name, any case
		{"ALI", "Alice"},                    // any case
		{"coop", "bob|Éva"},                 // organisation
		{"axb", "Carol"},                    // email
		{"%", "bob"},                        // a literal %
		{"0%", "bob"},
		{"a_b", "Alice"}, // a literal _, not "any character"
		{"_", "Alice"},
		{`\`, `Dan \o/`},
		{"zzz", ""},
	} {
		list, err := s.ListPeople(bg, c.query)
		must(t, err)
		if got := names(list); got != c.want {
			t.Errorf("ListPeople(%q) = %q, want %q", c.query, got, c.want)
		}
	}
}

// ---- Series

func TestSeries(t *testing.T) {
	s := newStore(t)
	ada, bob := addPerson(t, s, "Ada"), addPerson(t, s, "Bob")
	sr := &Series{Name: "Executive committee", Code: "CODIR", Place: "Board room", NoticeDays: 5,
		Quorum:  QuorumRule{Percent: 50, Count: 3, Proxies: true},
		Members: []SeriesMember{{PersonID: bob.ID, Role: Chair, Voting: true}, {PersonID: ada.ID, Role: Secretary}},
		Agenda:  []StandardItem{{Title: "Minutes", Purpose: ForDecision, Minutes: 5}, {Title: "AOB", Purpose: ForInformation}}}
	must(t, s.CreateSeries(bg, sr))
	if sr.ID == 0 {
		t.Fatal("no ID")
	}
	// Names are filled when read.
	sr.Members[0].Name, sr.Members[1].Name = "Bob", "Ada"
	got, err := s.GetSeries(bg, sr.ID)
	must(t, err)
	if !reflect.DeepEqual(got, sr) {
		t.Errorf("GetSeries\n got %+v\nwant %+v", got, sr)
	}

	// Update replaces the members and the standard agenda.
	sr.Name, sr.Quorum = "CODIR", QuorumRule{}
	sr.Members = []SeriesMember{{PersonID: ada.ID, Name: "Ada", Role: Chair, Voting: true}}
	sr.Agenda = nil
	must(t, s.UpdateSeries(bg, sr))
	got, err = s.GetSeries(bg, sr.ID)
	must(t, err)
	if !reflect.DeepEqual(got, sr) {
		t.Errorf("after update\n got %+v\nwant %+v", got, sr)
	}
	if n := count(t, s, `SELECT count(*) FROM series_agenda`); n != 0 {
		t.Errorf("%d standard items left", n)
	}

	// Deleting a member takes them off the series.
	must(t, s.DeletePerson(bg, ada.ID))
	got, err = s.GetSeries(bg, sr.ID)
	must(t, err)
	if len(got.Members) != 0 {
		t.Errorf("members after the person's deletion: %+v", got.Members)
	}

	must(t, s.DeleteSeries(bg, sr.ID))
	_, err = s.GetSeries(bg, sr.ID)
	wantErr(t, err, ENOTFOUND, "")
	if n := count(t, s, `SELECT count(*) FROM series_members`); n != 0 {
		t.Errorf("%d members left", n)
	}
}

func TestSeriesFailures(t *testing.T) {
	s := newStore(t)
	codir := addSeries(t, s, "CODIR")
	board := addSeries(t, s, "BOARD")

	wantErr(t, s.CreateSeries(bg, &Series{Name: "Again", Code: "CODIR"}), ECONFLICT, "code")
	wantErr(t, s.CreateSeries(bg, &Series{Name: "Again", Code: "codir"}), ECONFLICT, "code")
	wantErr(t, s.CreateSeries(bg, &Series{Name: "No code"}), EINVALID, "code")
	wantErr(t, s.CreateSeries(bg, &Series{Name: "X", Code: "X", NoticeDays: -1}), EINVALID, "notice_days")

	board.Code = "Codir"
	wantErr(t, s.UpdateSeries(bg, board), ECONFLICT, "code")
	board.Code = "board" // its own code, in another case
	must(t, s.UpdateSeries(bg, board))
	wantErr(t, s.UpdateSeries(bg, &Series{ID: 999, Name: "Ghost", Code: "GHOST"}), ENOTFOUND, "")
	_, err := s.GetSeries(bg, 999)
	wantErr(t, err, ENOTFOUND, "")
	wantErr(t, s.DeleteSeries(bg, 999), ENOTFOUND, "")

	addMeeting(t, s, codir.ID, "First", time.Time{})
	err = s.DeleteSeries(bg, codir.ID)
	wantErr(t, err, ECONFLICT, "")
	if _, err := s.GetSeries(bg, codir.ID); err != nil {
		t.Errorf("the refused deletion removed the series: %v", err)
	}

	list, err := s.ListSeries(bg)
	must(t, err)
	var codes []string
	for _, sr := range list {
		codes = append(codes, sr.Code)
	}
	// By name: "BOARD committee" before "CODIR committee".
	if got := strings.Join(codes, " "); got != "board CODIR" {
		t.Errorf("ListSeries codes %q, want board CODIR", got)
	}
}

// ---- Meetings

func TestMeetingDefaultsAndReadBack(t *testing.T) {
	s := newStore(t)
	sr := addSeries(t, s, "CODIR")
	m := &Meeting{SeriesID: sr.ID, Title: "Monthly", Starts: fixedNow, Minutes: 90, Place: "Room 4",
		Link: "https://meet.example/abc", PapersDue: "2026-03-05", Notes: "Bring the budget.\nAnd coffee."}
	must(t, s.CreateMeeting(bg, m))
	if m.Status != Draft || m.Classification != Internal || m.Language != "fr" || m.Number != 1 || m.SeriesCode != "CODIR" {
		t.Errorf("defaults: %+v", m)
	}
	if !m.Created.Equal(fixedNow) || !m.Updated.Equal(fixedNow) {
		t.Errorf("created %v updated %v, want %v", m.Created, m.Updated, fixedNow)
	}
	got, err := s.GetMeeting(bg, m.ID)
	must(t, err)
	if !got.Starts.Equal(m.Starts) {
		t.Errorf("starts %v, want %v", got.Starts, m.Starts)
	}
	got.Starts, m.Starts = time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, m) {
		t.Errorf("GetMeeting\n got %+v\nwant %+v", got, m)
	}
}

func TestMeetingNumbers(t *testing.T) {
	s := newStore(t)
	codir, board := addSeries(t, s, "CODIR"), addSeries(t, s, "BOARD")
	number := func(seriesID int64, n int) (int, error) {
		m := &Meeting{SeriesID: seriesID, Number: n, Title: "M", Starts: fixedNow}
		err := s.CreateMeeting(bg, m)
		return m.Number, err
	}
	for i, c := range []struct {
		series      int64
		number      int
		want        int
		code, field string
	}{
		{codir.ID, 0, 1, "", ""},
		{codir.ID, 0, 2, "", ""},
		{codir.ID, 0, 3, "", ""},
		{board.ID, 0, 1, "", ""}, // each series counts on its own
		{codir.ID, 10, 10, "", ""},
		{codir.ID, 0, 11, "", ""}, // after the highest
		{codir.ID, 5, 5, "", ""},  // a gap may be filled
		{codir.ID, 0, 12, "", ""},
		{codir.ID, 2, 0, ECONFLICT, "number"},
		{board.ID, 2, 2, "", ""},
		{0, 0, 0, "", ""}, // no series: no number
		{0, 0, 0, "", ""},
		{0, 3, 0, EINVALID, "number"},
		{999, 0, 0, ENOTFOUND, ""},
	} {
		got, err := number(c.series, c.number)
		if c.code != "" {
			t.Run(fmt.Sprint(i), func(t *testing.T) { wantErr(t, err, c.code, c.field) })
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("case %d: number %d, %v; want %d", i, got, err, c.want)
		}
	}
	if n := count(t, s, `SELECT count(*) FROM meetings`); n != 11 {
		t.Errorf("%d meetings stored, want 11", n)
	}
	if n := count(t, s, `SELECT count(*) FROM meetings WHERE series_id IS NULL AND number IS NULL`); n != 2 {
		t.Errorf("%d meetings without series and number, want 2", n)
	}
}

func TestMeetingNumbersConcurrent(t *testing.T) {
	s := newStore(t)
	codir := addSeries(t, s, "CODIR")
	const n = 20
	numbers := make(chan int, n)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			m := &Meeting{SeriesID: codir.ID, Title: "M", Starts: fixedNow}
			if err := s.CreateMeeting(bg, m); err != nil {
				t.Error(err)
			}
			numbers <- m.Number
		})
	}
	wg.Wait()
	close(numbers)
	var got []int
	for k := range numbers {
		got = append(got, k)
	}
	slices.Sort(got)
	for i, k := range got {
		if k != i+1 {
			t.Fatalf("numbers %v, want 1…%d", got, n)
		}
	}
}

func TestMeetingUnknownZoneFallsBackToOffset(t *testing.T) {
	s := newStore(t)
	m := addMeeting(t, s, 0, "Board", time.Date(2026, 3, 10, 14, 0, 0, 0, time.FixedZone("", -4*3600)))
	// A zone this machine does not know (written by a newer system, say).
	if _, err := s.wdb.Exec(`UPDATE meetings SET time_zone = 'America/Nowhere' WHERE id = ?`, m.ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetMeeting(bg, m.ID)
	must(t, err)
	if _, offset := got.Starts.Zone(); offset != -4*3600 || !got.Starts.Equal(m.Starts) || got.Starts.Hour() != 14 {
		t.Errorf("starts %v, want %v at its stored offset", got.Starts, m.Starts)
	}
}

func TestMeetingTimeZones(t *testing.T) {
	s := newStore(t)
	paris, err := time.LoadLocation("Europe/Paris")
	must(t, err)
	kolkata := time.FixedZone("", 5*3600+30*60)
	for _, c := range []struct {
		name   string
		starts time.Time
		zone   string
		offset int
	}{
		{"Paris in winter", time.Date(2026, 1, 15, 14, 0, 0, 0, paris), "Europe/Paris", 3600},
		{"Paris in summer", time.Date(2026, 7, 15, 14, 0, 0, 0, paris), "Europe/Paris", 7200},
		{"fixed +05:30", time.Date(2026, 3, 10, 18, 45, 0, 0, kolkata), "", 19800},
		{"UTC", time.Date(2026, 3, 10, 8, 0, 0, 0, time.UTC), "", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := &Meeting{Title: c.name, Starts: c.starts, TimeZone: c.zone}
			must(t, s.CreateMeeting(bg, m))
			got, err := s.GetMeeting(bg, m.ID)
			must(t, err)
			name, offset := got.Starts.Zone()
			if !got.Starts.Equal(c.starts) || offset != c.offset || got.TimeZone != c.zone ||
				got.Starts.Format("15:04") != c.starts.Format("15:04") {
				t.Errorf("starts %v (%s %d), zone %q; want %v in %q", got.Starts, name, offset, got.TimeZone, c.starts, c.zone)
			}
			if c.zone != "" && got.Starts.Location().String() != c.zone {
				t.Errorf("location %v, want %s", got.Starts.Location(), c.zone)
			}
		})
	}
	// A Paris meeting moved to summer time keeps its wall clock.
	m := &Meeting{Title: "Moved", Starts: time.Date(2026, 3, 20, 9, 0, 0, 0, paris), TimeZone: "Europe/Paris"}
	must(t, s.CreateMeeting(bg, m))
	m.Starts = time.Date(2026, 4, 3, 9, 0, 0, 0, paris)
	must(t, s.UpdateMeeting(bg, m))
	got, err := s.GetMeeting(bg, m.ID)
	must(t, err)
	if got.Starts.Format("2006-01-02 15:04 -0700") != "2026-04-03 09:00 +0200" {
		t.Errorf("moved meeting starts %v", got.Starts)
	}
}

func TestUpdateMeeting(t *testing.T) {
	s := newStore(t)
	codir := addSeries(t, s, "CODIR")
	first := addMeeting(t, s, codir.ID, "First", time.Time{})
	m := addMeeting(t, s, codir.ID, "Second", time.Time{})
	later := fixedNow.Add(48 * time.Hour)
	s.Now = func() time.Time { return later }

	m.Title, m.Minutes, m.Place, m.Classification, m.Language = "Second sitting", 45, "Lyon", Confidential, "en"
	m.Status = Held // ignored: the status changes through SetMeetingStatus only
	must(t, s.UpdateMeeting(bg, m))
	if !m.Updated.Equal(later) {
		t.Errorf("Updated = %v, want %v", m.Updated, later)
	}
	got, err := s.GetMeeting(bg, m.ID)
	must(t, err)
	if got.Title != "Second sitting" || got.Minutes != 45 || got.Place != "Lyon" || got.Classification != Confidential ||
		got.Language != "en" || got.Number != 2 || got.Status != Draft || !got.Created.Equal(fixedNow) || !got.Updated.Equal(later) {
		t.Errorf("after update: %+v", got)
	}

	m.Status = Draft
	m.Number = first.Number
	wantErr(t, s.UpdateMeeting(bg, m), ECONFLICT, "number")
	m.Number = 7
	must(t, s.UpdateMeeting(bg, m))
	m.SeriesID = 0 // out of the series, still numbered
	wantErr(t, s.UpdateMeeting(bg, m), EINVALID, "number")
	m.Number = 0
	must(t, s.UpdateMeeting(bg, m))
	if got, _ := s.GetMeeting(bg, m.ID); got.SeriesID != 0 || got.Number != 0 || got.SeriesCode != "" {
		t.Errorf("after leaving the series: %+v", got)
	}

	m.Title = ""
	wantErr(t, s.UpdateMeeting(bg, m), EINVALID, "title")
	wantErr(t, s.UpdateMeeting(bg, &Meeting{ID: 999, Title: "Ghost", Starts: fixedNow, Classification: Internal,
		Language: "fr", Status: Draft}), ENOTFOUND, "")
	_, err = s.GetMeeting(bg, 999)
	wantErr(t, err, ENOTFOUND, "")
	wantErr(t, s.DeleteMeeting(bg, 999), ENOTFOUND, "")
	wantErr(t, s.CreateMeeting(bg, &Meeting{Title: "No start"}), EINVALID, "starts")
	wantErr(t, s.CreateMeeting(bg, &Meeting{Title: "Far", Starts: fixedNow, TimeZone: "Nowhere/City"}), EINVALID, "time_zone")
}

func TestSetMeetingStatus(t *testing.T) {
	s := newStore(t)
	m := addMeeting(t, s, 0, "Board", time.Time{})
	for _, c := range []struct {
		to Status
		ok bool
	}{
		{Held, false}, // a draft is not held
		{MinutesApproved, false},
		{Draft, false}, // no change is no transition
		{Convened, true},
		{Held, true},
		{Draft, false}, // a held meeting cannot go back to draft
		{Cancelled, false},
		{MinutesDraft, true},
		{MinutesApproved, false},  // approval goes through the validation of the minutes
		{MinutesSubmitted, false}, // and so does submission
		{Held, true},
		{"archived", false},
	} {
		before, err := s.GetMeeting(bg, m.ID)
		must(t, err)
		err = s.SetMeetingStatus(bg, m.ID, c.to)
		got, err2 := s.GetMeeting(bg, m.ID)
		must(t, err2)
		if c.ok {
			if err != nil || got.Status != c.to {
				t.Errorf("%s → %s: %v, status %s", before.Status, c.to, err, got.Status)
			}
			continue
		}
		wantErr(t, err, EINVALID, "status")
		if got.Status != before.Status {
			t.Errorf("refused %s → %s changed the status to %s", before.Status, c.to, got.Status)
		}
	}
	// Cancelled and back.
	cm := addMeeting(t, s, 0, "Cancelled", time.Time{})
	must(t, s.SetMeetingStatus(bg, cm.ID, Cancelled))
	wantErr(t, s.SetMeetingStatus(bg, cm.ID, Convened), EINVALID, "status")
	must(t, s.SetMeetingStatus(bg, cm.ID, Draft))
	wantErr(t, s.SetMeetingStatus(bg, 999, Convened), ENOTFOUND, "")
}

func TestListMeetings(t *testing.T) {
	s := newStore(t)
	codir, board := addSeries(t, s, "CODIR"), addSeries(t, s, "BOARD")
	day := func(d int) time.Time { return time.Date(2026, 3, d, 9, 0, 0, 0, time.UTC) }
	// Created out of order: the list is by start.
	addMeeting(t, s, codir.ID, "CODIR March", day(12))
	addMeeting(t, s, board.ID, "Board: 100% attendance", day(5))
	early := addMeeting(t, s, codir.ID, "CODIR early", day(2))
	addMeeting(t, s, 0, "Offsite a_b", day(20))
	addMeeting(t, s, 0, "Offsite axb", day(21))
	addMeeting(t, s, board.ID, "Board 1000 items", day(12))
	paris, err := time.LoadLocation("Europe/Paris")
	must(t, err)
	// 09:30 in Paris is 08:30 UTC, before the 09:00 UTC meetings of the 12th.
	addMeeting(t, s, 0, "Paris breakfast", time.Date(2026, 3, 12, 9, 30, 0, 0, paris))
	must(t, s.SetMeetingStatus(bg, early.ID, Convened))

	titles := func(f MeetingFilter) string {
		list, err := s.ListMeetings(bg, f)
		must(t, err)
		var ts []string
		for _, m := range list {
			ts = append(ts, m.Title)
		}
		return strings.Join(ts, " | ")
	}
	for _, c := range []struct {
		name string
		f    MeetingFilter
		want string
	}{
		{"all, by start", MeetingFilter{},
			"CODIR early | Board: 100% attendance | Paris breakfast | CODIR March | Board 1000 items | Offsite a_b | Offsite axb"},
		{"series", MeetingFilter{SeriesID: codir.ID}, "CODIR early | CODIR March"},
		{"status", MeetingFilter{Status: Convened}, "CODIR early"},
		{"status draft of a series", MeetingFilter{SeriesID: codir.ID, Status: Draft}, "CODIR March"},
		{"from, inclusive", MeetingFilter{From: day(12)}, "CODIR March | Board 1000 items | Offsite a_b | Offsite axb"},
		{"to, exclusive", MeetingFilter{To: day(12)}, "CODIR early | Board: 100% attendance | Paris breakfast"},
		{"from and to", MeetingFilter{From: day(5), To: day(20)}, "Board: 100% attendance | Paris breakfast | CODIR March | Board 1000 items"},
		{"from in another zone", MeetingFilter{From: time.Date(2026, 3, 12, 10, 0, 0, 0, paris)},
			"CODIR March | Board 1000 items | Offsite a_b | Offsite axb"},
		{"query, any case", MeetingFilter{Query: "codir"}, "CODIR early | CODIR March"},
		{"query with a literal %", MeetingFilter{Query: "0%"}, "Board: 100% attendance"},
		{"query with a literal _", MeetingFilter{Query: "a_b"}, "Offsite a_b"},
		{"query _ alone", MeetingFilter{Query: "_"}, "Offsite a_b"},
		{"query and series", MeetingFilter{Query: "board", SeriesID: codir.ID}, ""},
		{"limit", MeetingFilter{Limit: 2}, "CODIR early | Board: 100% attendance"},
	} {
		if got := titles(c.f); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
	list, err := s.ListMeetings(bg, MeetingFilter{SeriesID: board.ID})
	must(t, err)
	if len(list) != 2 {
		t.Errorf("%d BOARD meetings, want 2", len(list))
	}
	for _, m := range list {
		if m.SeriesCode != "BOARD" || m.SeriesID != board.ID || m.Number == 0 {
			t.Errorf("listed meeting: %+v", m)
		}
	}
}

// ---- Attendees

func TestAttendees(t *testing.T) {
	s := newStore(t)
	m := addMeeting(t, s, 0, "Board", time.Time{})
	zoe := &Person{Name: "Zoe", Title: "CFO", Organisation: "Acme", Email: "zoe@acme.example", Phone: "42"}
	must(t, s.CreatePerson(bg, zoe))
	ada, bob := addPerson(t, s, "Ada"), addPerson(t, s, "Bob")

	// Listed in the order they were added, not by name.
	var added []*Attendee
	for _, p := range []*Person{zoe, ada, bob} {
		a := &Attendee{MeetingID: m.ID, PersonID: p.ID, Role: Member, Voting: true, Status: Invited}
		must(t, s.AddAttendee(bg, a))
		added = append(added, a)
	}
	list, err := s.Attendees(bg, m.ID)
	must(t, err)
	if len(list) != 3 || list[0].Person != *zoe || list[1].Person.Name != "Ada" || list[2].Person.Name != "Bob" {
		t.Fatalf("attendees: %+v", list)
	}

	// Bob is represented by Ada, present from 09:05 to 10:40.
	b := added[2]
	b.Role, b.Voting, b.Status, b.ProxyID = Guest, false, Represented, ada.ID
	must(t, s.UpdateAttendee(bg, b))
	a := added[1]
	a.Status, a.Arrived, a.Left = Present, "09:05", "10:40"
	must(t, s.UpdateAttendee(bg, a))
	list, err = s.Attendees(bg, m.ID)
	must(t, err)
	got := list[2]
	if got.ID != b.ID || got.MeetingID != m.ID || got.PersonID != bob.ID || got.Role != Guest || got.Voting ||
		got.Status != Represented || got.ProxyID != ada.ID || got.ProxyName != "Ada" {
		t.Errorf("represented attendee: %+v", got)
	}
	if got := list[1]; got.Arrived != "09:05" || got.Left != "10:40" || got.Status != Present {
		t.Errorf("present attendee: %+v", got)
	}

	// Deleting the proxy holder from the directory is refused while she
	// attends; once she is removed, Bob loses his proxy.
	wantErr(t, s.DeletePerson(bg, ada.ID), ECONFLICT, "")
	must(t, s.RemoveAttendee(bg, a.ID))
	must(t, s.DeletePerson(bg, ada.ID))
	list, err = s.Attendees(bg, m.ID)
	must(t, err)
	if len(list) != 2 || list[1].ProxyID != 0 || list[1].ProxyName != "" {
		t.Errorf("after the proxy's deletion: %+v", list)
	}

	// A new attendee goes last, even after a removal.
	again := &Attendee{MeetingID: m.ID, PersonID: addPerson(t, s, "Cy").ID, Role: Observer, Status: Confirmed}
	must(t, s.AddAttendee(bg, again))
	list, err = s.Attendees(bg, m.ID)
	must(t, err)
	if len(list) != 3 || list[2].ID != again.ID {
		t.Errorf("new attendee not last: %+v", list)
	}
}

func TestAttendeeFailures(t *testing.T) {
	s := newStore(t)
	m := addMeeting(t, s, 0, "Board", time.Time{})
	ada, bob := addPerson(t, s, "Ada"), addPerson(t, s, "Bob")
	a := &Attendee{MeetingID: m.ID, PersonID: ada.ID, Role: Chair, Voting: true, Status: Invited}
	must(t, s.AddAttendee(bg, a))

	for _, c := range []struct {
		name        string
		a           Attendee
		code, field string
	}{
		{"same person twice", Attendee{MeetingID: m.ID, PersonID: ada.ID, Role: Member, Status: Invited}, ECONFLICT, ""},
		{"missing meeting", Attendee{MeetingID: 999, PersonID: bob.ID, Role: Member, Status: Invited}, ENOTFOUND, ""},
		{"missing person", Attendee{MeetingID: m.ID, PersonID: 999, Role: Member, Status: Invited}, ENOTFOUND, ""},
		{"missing proxy", Attendee{MeetingID: m.ID, PersonID: bob.ID, Role: Member, Status: Represented, ProxyID: 999}, ENOTFOUND, ""},
		{"bad role", Attendee{MeetingID: m.ID, PersonID: bob.ID, Role: "king", Status: Invited}, EINVALID, "role"},
		{"left before arrived", Attendee{MeetingID: m.ID, PersonID: bob.ID, Role: Member, Status: Present,
			Arrived: "10:00", Left: "09:00"}, EINVALID, "left"},
		{"arrived at 25:00", Attendee{MeetingID: m.ID, PersonID: bob.ID, Role: Member, Status: Present, Arrived: "25:00"}, EINVALID, "arrived"},
	} {
		t.Run(c.name, func(t *testing.T) {
			at := c.a
			wantErr(t, s.AddAttendee(bg, &at), c.code, c.field)
		})
	}
	if n := count(t, s, `SELECT count(*) FROM attendees`); n != 1 {
		t.Errorf("%d attendees stored, want 1", n)
	}

	upd := *a
	upd.Status, upd.ProxyID = Represented, 999
	wantErr(t, s.UpdateAttendee(bg, &upd), ENOTFOUND, "")
	upd.ProxyID = ada.ID
	wantErr(t, s.UpdateAttendee(bg, &upd), EINVALID, "proxy")
	upd = *a
	upd.ID = 999
	wantErr(t, s.UpdateAttendee(bg, &upd), ENOTFOUND, "")
	wantErr(t, s.RemoveAttendee(bg, 999), ENOTFOUND, "")
	list, err := s.Attendees(bg, 999)
	if err != nil || len(list) != 0 {
		t.Errorf("attendees of a missing meeting: %v, %v", list, err)
	}
}

// ---- Documents

func sum(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

func TestAttachDocument(t *testing.T) {
	s := newStore(t)
	m := addMeeting(t, s, 0, "Board", time.Time{})
	item := newItem(t, s, m.ID, 0, "Budget", 10)
	pdf := []byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
	for _, c := range []struct {
		name      string
		doc       Document
		data      []byte
		mediaType string
	}{
		{"by extension", Document{Title: "Budget", FileName: "Budget 2026.PDF", ItemID: item, InPack: true}, pdf, "application/pdf"},
		{"by content", Document{Title: "Scan", FileName: "scan"}, pdf, "application/pdf"},
		{"plain text", Document{Title: "Notes", FileName: "notes"}, []byte("just words\n"), "text/plain"},
		{"given", Document{Title: "Sheet", FileName: "sheet.bin", MediaType: "application/vnd.oasis.opendocument.spreadsheet"},
			[]byte{0, 1, 2, 3}, "application/vnd.oasis.opendocument.spreadsheet"},
		{"empty", Document{Title: "Placeholder", FileName: "empty.txt"}, []byte{}, "text/plain"},
		{"empty, nil", Document{Title: "Placeholder", FileName: "nil.txt"}, nil, "text/plain"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := c.doc
			d.MeetingID = m.ID
			must(t, s.AttachDocument(bg, &d, c.data))
			if d.ID == 0 || d.Size != int64(len(c.data)) || d.SHA256 != sum(c.data) || d.MediaType != c.mediaType ||
				!d.Added.Equal(fixedNow) {
				t.Errorf("attached: %+v; want size %d, sha %s, type %s", d, len(c.data), sum(c.data), c.mediaType)
			}
			data, err := s.DocumentData(bg, d.ID)
			must(t, err)
			if !bytes.Equal(data, c.data) {
				t.Errorf("DocumentData = %q, want %q", data, c.data)
			}
			docs, err := s.Documents(bg, m.ID)
			must(t, err)
			if got := docs[len(docs)-1]; !reflect.DeepEqual(*got, d) {
				t.Errorf("read back\n got %+v\nwant %+v", got, d)
			}
		})
	}
}

func TestDocumentBlobsShared(t *testing.T) {
	s := newStore(t)
	m1 := addMeeting(t, s, 0, "Board", time.Time{})
	m2 := addMeeting(t, s, 0, "Other", time.Time{})
	data := bytes.Repeat([]byte("the same bytes "), 1000)
	blobs := func() int { return count(t, s, `SELECT count(*) FROM blobs`) }

	d1 := &Document{MeetingID: m1.ID, Title: "Report", FileName: "report.txt"}
	d2 := &Document{MeetingID: m2.ID, Title: "Report again", FileName: "copy.txt"}
	must(t, s.AttachDocument(bg, d1, data))
	must(t, s.AttachDocument(bg, d2, data))
	if d1.SHA256 != d2.SHA256 || blobs() != 1 || count(t, s, `SELECT count(*) FROM documents`) != 2 {
		t.Fatalf("same bytes twice: %d blobs, sha %s / %s", blobs(), d1.SHA256, d2.SHA256)
	}
	if n := count(t, s, `SELECT count(*) FROM blobs WHERE sha256 = ? AND size = ? AND length(data) = ?`,
		sum(data), len(data), len(data)); n != 1 {
		t.Errorf("blob row does not match the bytes")
	}

	must(t, s.DeleteDocument(bg, d1.ID))
	if blobs() != 1 {
		t.Fatal("the blob went while another paper uses it")
	}
	if got, err := s.DocumentData(bg, d2.ID); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("the other paper's bytes: %d bytes, %v", len(got), err)
	}
	_, err := s.DocumentData(bg, d1.ID)
	wantErr(t, err, ENOTFOUND, "")
	must(t, s.DeleteDocument(bg, d2.ID))
	if blobs() != 0 {
		t.Error("the blob stayed after its last paper went")
	}
	wantErr(t, s.DeleteDocument(bg, d2.ID), ENOTFOUND, "")

	// Deleting a meeting keeps the bytes another meeting's paper uses.
	must(t, s.AttachDocument(bg, &Document{MeetingID: m1.ID, Title: "R1"}, data))
	d3 := &Document{MeetingID: m2.ID, Title: "R2"}
	must(t, s.AttachDocument(bg, d3, data))
	must(t, s.DeleteMeeting(bg, m1.ID))
	if got, err := s.DocumentData(bg, d3.ID); blobs() != 1 || err != nil || !bytes.Equal(got, data) {
		t.Errorf("after the other meeting's deletion: %d blobs, %d bytes, %v", blobs(), len(got), err)
	}
	must(t, s.DeleteMeeting(bg, m2.ID))
	if blobs() != 0 {
		t.Error("the blob stayed after its last meeting went")
	}
}

func TestDocumentOrderAndUpdate(t *testing.T) {
	s := newStore(t)
	m := addMeeting(t, s, 0, "Board", time.Time{})
	other := addMeeting(t, s, 0, "Other", time.Time{})
	item := newItem(t, s, m.ID, 0, "Budget", 0)
	foreign := newItem(t, s, other.ID, 0, "Elsewhere", 0)
	var ids []int64
	for _, title := range []string{"A", "B", "C"} {
		d := &Document{MeetingID: m.ID, Title: title, FileName: title + ".txt"}
		must(t, s.AttachDocument(bg, d, []byte(title)))
		ids = append(ids, d.ID)
	}
	order := func() string {
		docs, err := s.Documents(bg, m.ID)
		must(t, err)
		var ts []string
		for _, d := range docs {
			ts = append(ts, d.Title)
		}
		return strings.Join(ts, "")
	}
	steps := []struct {
		id   int64
		up   bool
		want string
		ok   bool
	}{
		{ids[2], true, "ACB", true},
		{ids[2], true, "CAB", true},
		{ids[2], true, "CAB", false},  // already first
		{ids[1], false, "CAB", false}, // already last
		{ids[2], false, "ACB", true},
	}
	for i, st := range steps {
		err := s.MoveDocument(bg, st.id, st.up)
		if st.ok && err != nil {
			t.Fatalf("step %d: %v", i, err)
		} else if !st.ok {
			wantErr(t, err, EINVALID, "")
		}
		if got := order(); got != st.want {
			t.Errorf("step %d: order %s, want %s", i, got, st.want)
		}
	}
	wantErr(t, s.MoveDocument(bg, 999, true), ENOTFOUND, "")

	// A paper added after moves goes last.
	must(t, s.AttachDocument(bg, &Document{MeetingID: m.ID, Title: "D"}, []byte("D")))
	if got := order(); got != "ACBD" {
		t.Errorf("order after adding: %s", got)
	}

	docs, err := s.Documents(bg, m.ID)
	must(t, err)
	d := docs[0]
	d.Title, d.Reference, d.ItemID, d.InPack = "A (revised)", "REF-1", item, true
	must(t, s.UpdateDocument(bg, d))
	docs, err = s.Documents(bg, m.ID)
	must(t, err)
	if !reflect.DeepEqual(docs[0], d) {
		t.Errorf("after update\n got %+v\nwant %+v", docs[0], d)
	}

	bad := *d
	bad.ItemID = foreign
	wantErr(t, s.UpdateDocument(bg, &bad), EINVALID, "")
	bad.ItemID = 999
	wantErr(t, s.UpdateDocument(bg, &bad), ENOTFOUND, "")
	bad = *d
	bad.MeetingID, bad.ItemID = other.ID, 0 // not its meeting
	wantErr(t, s.UpdateDocument(bg, &bad), ENOTFOUND, "")
	bad = *d
	bad.ID = 999
	wantErr(t, s.UpdateDocument(bg, &bad), ENOTFOUND, "")
	bad = *d
	bad.Title = ""
	wantErr(t, s.UpdateDocument(bg, &bad), EINVALID, "title")
	docs, err = s.Documents(bg, m.ID)
	must(t, err)
	if !reflect.DeepEqual(docs[0], d) {
		t.Errorf("refused updates changed the paper: %+v", docs[0])
	}
}

func TestAttachDocumentRefused(t *testing.T) {
	s := newStore(t)
	m := addMeeting(t, s, 0, "Board", time.Time{})
	other := addMeeting(t, s, 0, "Other", time.Time{})
	foreign := newItem(t, s, other.ID, 0, "Elsewhere", 0)
	for _, c := range []struct {
		name        string
		d           Document
		code, field string
	}{
		{"missing meeting", Document{MeetingID: 999, Title: "X"}, ENOTFOUND, ""},
		{"item of another meeting", Document{MeetingID: m.ID, ItemID: foreign, Title: "X"}, EINVALID, ""},
		{"missing item", Document{MeetingID: m.ID, ItemID: 999, Title: "X"}, ENOTFOUND, ""},
		{"no title", Document{MeetingID: m.ID}, EINVALID, "title"},
		{"file name with a line break", Document{MeetingID: m.ID, Title: "X", FileName: "a\nb.pdf"}, EINVALID, "file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := c.d
			wantErr(t, s.AttachDocument(bg, &d, []byte("x")), c.code, c.field)
		})
	}
	limitPapers(t, 1<<20)
	big := make([]byte, 1<<20+1)
	err := s.AttachDocument(bg, &Document{MeetingID: m.ID, Title: "Huge", FileName: "huge.bin"}, big)
	wantErr(t, err, EINVALID, "file")
	if !strings.Contains(err.Error(), "huge.bin is too large (2 MB; papers are at most 1 MB)") {
		t.Errorf("message %q does not name the file", err)
	}
	for _, table := range []string{"documents", "blobs"} {
		if n := count(t, s, `SELECT count(*) FROM `+table); n != 0 {
			t.Errorf("%d rows in %s after refused attachments", n, table)
		}
	}
	_, err = s.DocumentData(bg, 999)
	wantErr(t, err, ENOTFOUND, "")
}

func TestMediaType(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"a.pdf", nil, "application/pdf"},
		{"A.PNG", nil, "image/png"},
		{"page.html", nil, "text/html"}, // no "; charset=…"
		{"noext", []byte("%PDF-1.4"), "application/pdf"},
		{"noext", []byte("\x89PNG\r\n\x1a\n"), "image/png"},
		{"noext", []byte{0, 0, 0, 0, 1}, "application/octet-stream"},
	} {
		if got := MediaType(c.name, c.data); got != c.want {
			t.Errorf("MediaType(%q, %q) = %q, want %q", c.name, c.data, got, c.want)
		}
	}
}

// ---- Decisions

func TestDecisions(t *testing.T) {
	s := newStore(t)
	m := addMeeting(t, s, 0, "Board", time.Time{})
	budget := newItem(t, s, m.ID, 0, "Budget", 0)
	hr := newItem(t, s, m.ID, 0, "HR", 0)
	d1 := &Decision{ItemID: budget, Text: "The budget is adopted.", Outcome: Adopted, For: 7, Against: 1, Abstain: 2}
	d2 := &Decision{ItemID: budget, Text: "Capex is deferred.", Outcome: Deferred}
	d3 := &Decision{ItemID: hr, Text: "Noted.", Outcome: Noted}
	for _, d := range []*Decision{d1, d2, d3} {
		must(t, s.AddDecision(bg, d))
	}
	decisions := func(item int64) []Decision {
		a, err := s.Agenda(bg, m.ID)
		must(t, err)
		return a.Find(item).Decisions
	}
	if got := decisions(budget); !reflect.DeepEqual(got, []Decision{*d1, *d2}) {
		t.Errorf("budget decisions: %+v", got)
	}
	if got := decisions(hr); !reflect.DeepEqual(got, []Decision{*d3}) {
		t.Errorf("HR decisions: %+v", got)
	}

	d1.Outcome, d1.Text, d1.For = Rejected, "The budget is rejected.", 3
	must(t, s.UpdateDecision(bg, d1))
	must(t, s.DeleteDecision(bg, d2.ID))
	if got := decisions(budget); !reflect.DeepEqual(got, []Decision{*d1}) {
		t.Errorf("budget decisions after update and delete: %+v", got)
	}

	wantErr(t, s.AddDecision(bg, &Decision{ItemID: 999, Text: "X", Outcome: Noted}), ENOTFOUND, "")
	wantErr(t, s.AddDecision(bg, &Decision{ItemID: budget, Text: "X", Outcome: "perhaps"}), EINVALID, "outcome")
	wantErr(t, s.AddDecision(bg, &Decision{ItemID: budget, Text: "X", Outcome: Adopted, For: -1}), EINVALID, "for")
	wantErr(t, s.UpdateDecision(bg, &Decision{ID: 999, Text: "X", Outcome: Noted}), ENOTFOUND, "")
	wantErr(t, s.UpdateDecision(bg, &Decision{ID: d1.ID, Outcome: Noted}), EINVALID, "text")
	wantErr(t, s.DeleteDecision(bg, d2.ID), ENOTFOUND, "")
	if n := count(t, s, `SELECT count(*) FROM decisions`); n != 2 {
		t.Errorf("%d decisions stored, want 2", n)
	}
}

// ---- Actions

func TestActionCreateAndRead(t *testing.T) {
	s := newStore(t)
	codir := addSeries(t, s, "CODIR")
	m := addMeeting(t, s, codir.ID, "March CODIR", time.Time{})
	item := newItem(t, s, m.ID, 0, "Budget", 0)
	ada := addPerson(t, s, "Ada")

	a := &Action{ItemID: item, Title: "Revise the budget", Details: "Cut 5%.\nKeep R&D.", OwnerID: ada.ID, Due: "2026-04-01",
		Notes: []ActionNote{{Date: "2026-03-12", Text: "Started"}, {Date: "2026-03-11", Text: "Asked finance"}}}
	must(t, s.CreateAction(bg, a))
	if a.ID == 0 || a.MeetingID != m.ID || a.Status != ActionOpen || a.Completed != "" {
		t.Errorf("created: %+v", a)
	}
	got, err := s.GetAction(bg, a.ID)
	must(t, err)
	want := *a
	want.OwnerName, want.MeetingTitle, want.SeriesCode = "Ada", "March CODIR", "CODIR"
	want.MeetingNumber, want.ItemTitle = 1, "Budget"
	if !got.MeetingStarts.Equal(fixedNow) {
		t.Errorf("origin meeting starts %v, want %v", got.MeetingStarts, fixedNow)
	}
	want.MeetingStarts = got.MeetingStarts
	// Notes come back oldest first.
	want.Notes = []ActionNote{a.Notes[1], a.Notes[0]}
	if !reflect.DeepEqual(*got, want) {
		t.Errorf("GetAction\n got %+v\nwant %+v", got, &want)
	}

	// An action without origin or owner.
	loose := &Action{Title: "Book the room"}
	must(t, s.CreateAction(bg, loose))
	got, err = s.GetAction(bg, loose.ID)
	must(t, err)
	if got.MeetingID != 0 || got.ItemID != 0 || got.OwnerID != 0 || got.MeetingTitle != "" || got.SeriesCode != "" ||
		got.Notes != nil || got.Status != ActionOpen {
		t.Errorf("loose action: %+v", got)
	}
}

func TestActionFailures(t *testing.T) {
	s := newStore(t)
	m := addMeeting(t, s, 0, "Board", time.Time{})
	other := addMeeting(t, s, 0, "Other", time.Time{})
	foreign := newItem(t, s, other.ID, 0, "Elsewhere", 0)
	for _, c := range []struct {
		name        string
		a           Action
		code, field string
	}{
		{"item of another meeting", Action{MeetingID: m.ID, ItemID: foreign, Title: "X"}, EINVALID, ""},
		{"missing item", Action{ItemID: 999, Title: "X"}, ENOTFOUND, ""},
		{"no title", Action{MeetingID: m.ID}, EINVALID, "title"},
		{"due on 31 February", Action{Title: "X", Due: "2026-02-31"}, EINVALID, "due"},
		{"unknown status", Action{Title: "X", Status: "stalled"}, EINVALID, "status"},
		{"note without text", Action{Title: "X", Notes: []ActionNote{{Date: "2026-03-01"}}}, EINVALID, "notes[0].text"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := c.a
			wantErr(t, s.CreateAction(bg, &a), c.code, c.field)
		})
	}
	if n := count(t, s, `SELECT count(*) FROM actions`); n != 0 {
		t.Errorf("%d actions stored by failed calls", n)
	}
	_, err := s.GetAction(bg, 999)
	wantErr(t, err, ENOTFOUND, "")
	wantErr(t, s.UpdateAction(bg, &Action{ID: 999, Title: "X", Status: ActionOpen}), ENOTFOUND, "")
	wantErr(t, s.DeleteAction(bg, 999), ENOTFOUND, "")
	wantErr(t, s.AddActionNote(bg, 999, &ActionNote{Text: "X"}), ENOTFOUND, "")
}

func TestActionCompletionAndNotes(t *testing.T) {
	s := newStore(t)
	a := &Action{Title: "Send the minutes", Status: ActionDone}
	must(t, s.CreateAction(bg, a))
	if a.Completed != DateOf(fixedNow) {
		t.Errorf("created done: completed %q, want %s", a.Completed, DateOf(fixedNow))
	}
	completed := func() Date {
		got, err := s.GetAction(bg, a.ID)
		must(t, err)
		return got.Completed
	}

	a.Status = ActionInProgress
	must(t, s.UpdateAction(bg, a))
	if a.Completed != "" || completed() != "" {
		t.Errorf("reopened: completed %q / %q", a.Completed, completed())
	}
	s.Now = func() time.Time { return fixedNow.AddDate(0, 0, 3) }
	a.Status = ActionDone
	must(t, s.UpdateAction(bg, a))
	if completed() != "2026-03-13" {
		t.Errorf("done again: completed %q, want 2026-03-13", completed())
	}
	// A given completion date is kept; one given to an open action is not.
	a.Completed = "2026-03-01"
	must(t, s.UpdateAction(bg, a))
	if completed() != "2026-03-01" {
		t.Errorf("given date: completed %q", completed())
	}
	a.Status, a.Completed = ActionOpen, "2026-03-01"
	must(t, s.UpdateAction(bg, a))
	if completed() != "" {
		t.Errorf("open action: completed %q", completed())
	}
	a.Title = ""
	wantErr(t, s.UpdateAction(bg, a), EINVALID, "title")

	// Notes, by date whatever the order they were added in; no date: today.
	for _, n := range []*ActionNote{{Date: "2026-03-05", Text: "second"}, {Date: "2026-03-01", Text: "first"}, {Text: "today"}} {
		must(t, s.AddActionNote(bg, a.ID, n))
		if n.ID == 0 {
			t.Error("AddActionNote set no ID")
		}
	}
	got, err := s.GetAction(bg, a.ID)
	must(t, err)
	var notes []string
	for _, n := range got.Notes {
		notes = append(notes, string(n.Date)+" "+n.Text)
	}
	if want := "2026-03-01 first, 2026-03-05 second, 2026-03-13 today"; strings.Join(notes, ", ") != want {
		t.Errorf("notes %q, want %q", strings.Join(notes, ", "), want)
	}
	wantErr(t, s.AddActionNote(bg, a.ID, &ActionNote{Date: "2026-02-30", Text: "x"}), EINVALID, "date")
	wantErr(t, s.AddActionNote(bg, a.ID, &ActionNote{Text: "\t"}), EINVALID, "text")

	must(t, s.DeleteAction(bg, a.ID))
	if n := count(t, s, `SELECT count(*) FROM action_notes`); n != 0 {
		t.Errorf("%d notes left after the action's deletion", n)
	}
}

func TestListActions(t *testing.T) {
	s := newStore(t)
	codir, board := addSeries(t, s, "CODIR"), addSeries(t, s, "BOARD")
	m1 := addMeeting(t, s, codir.ID, "CODIR 1", time.Time{})
	m2 := addMeeting(t, s, codir.ID, "CODIR 2", time.Time{})
	m3 := addMeeting(t, s, board.ID, "Board 1", time.Time{})
	ada, bob := addPerson(t, s, "Ada"), addPerson(t, s, "Bob")
	for _, a := range []*Action{
		{MeetingID: m1.ID, Title: "a1", OwnerID: ada.ID, Due: "2026-03-20", Status: ActionOpen},
		{MeetingID: m1.ID, Title: "a2", OwnerID: bob.ID, Due: "2026-03-01", Status: ActionDone},
		{MeetingID: m2.ID, Title: "a3", OwnerID: ada.ID, Status: ActionInProgress},
		{MeetingID: m3.ID, Title: "a4", OwnerID: bob.ID, Due: "2026-03-05", Status: ActionOpen},
		{Title: "a5", Due: "2026-03-09", Status: ActionCancelled,
			Notes: []ActionNote{{Date: "2026-03-02", Text: "n"}}},
		{MeetingID: m3.ID, Title: "a6", OwnerID: ada.ID, Due: "2026-03-10", Status: ActionInProgress,
			Notes: []ActionNote{{Date: "2026-03-03", Text: "y"}, {Date: "2026-03-02", Text: "x"}}},
	} {
		must(t, s.CreateAction(bg, a))
	}
	open := []ActionStatus{ActionOpen, ActionInProgress}
	for _, c := range []struct {
		name string
		f    ActionFilter
		want string
	}{
		{"all, by due date, none last", ActionFilter{}, "a2 a4 a5 a6 a1 a3"},
		{"meeting", ActionFilter{MeetingID: m1.ID}, "a2 a1"},
		{"series", ActionFilter{SeriesID: codir.ID}, "a2 a1 a3"},
		{"owner", ActionFilter{OwnerID: ada.ID}, "a6 a1 a3"},
		{"statuses", ActionFilter{Statuses: open}, "a4 a6 a1 a3"},
		{"one status", ActionFilter{Statuses: []ActionStatus{ActionCancelled}}, "a5"},
		{"due before, strictly", ActionFilter{DueBefore: "2026-03-10"}, "a2 a4 a5"},
		{"overdue on the 10th", ActionFilter{DueBefore: "2026-03-10", Statuses: open}, "a4"},
		{"overdue of a series", ActionFilter{SeriesID: board.ID, DueBefore: "2026-03-31", Statuses: open}, "a4 a6"},
		{"owner and series", ActionFilter{OwnerID: ada.ID, SeriesID: board.ID}, "a6"},
		{"nothing", ActionFilter{OwnerID: 999}, ""},
	} {
		list, err := s.ListActions(bg, c.f)
		must(t, err)
		var ts []string
		for _, a := range list {
			ts = append(ts, a.Title)
		}
		if got := strings.Join(ts, " "); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	// Notes go to their own action, oldest first, also in a filtered list.
	list, err := s.ListActions(bg, ActionFilter{Statuses: open, SeriesID: board.ID})
	must(t, err)
	i := slices.IndexFunc(list, func(a *Action) bool { return a.Title == "a6" })
	if i < 0 || len(list[i].Notes) != 2 || list[i].Notes[0].Text != "x" || list[i].Notes[1].Text != "y" {
		t.Errorf("a6's notes: %+v", list)
	}
	for _, a := range list {
		if a.Title != "a6" && a.Notes != nil {
			t.Errorf("%s has notes %+v", a.Title, a.Notes)
		}
		if a.SeriesCode != "BOARD" || a.MeetingTitle != "Board 1" {
			t.Errorf("%s: series %q meeting %q", a.Title, a.SeriesCode, a.MeetingTitle)
		}
	}
}
