package meeting

import (
	"testing"
	"time"
)

// seriesWithAgenda makes a series CODIR with a place, two members and a
// standard agenda of two items.
func seriesWithAgenda(t *testing.T, s *Store) (*Series, *Person, *Person) {
	t.Helper()
	chair, guest := addPerson(t, s, "Élodie Marchand"), addPerson(t, s, "Tom Baker")
	sr := &Series{Name: "Comité de direction", Code: "CODIR", Place: "Salle du conseil",
		Members: []SeriesMember{{PersonID: chair.ID, Role: Chair, Voting: true}, {PersonID: guest.ID, Role: Guest}},
		Agenda: []StandardItem{{Title: "Approbation du procès-verbal", Purpose: ForDecision, Minutes: 10},
			{Title: "Questions diverses", Purpose: ForDiscussion, Minutes: 15}}}
	must(t, s.CreateSeries(bg, sr))
	return sr, chair, guest
}

func TestCreateMeetingFromSeries(t *testing.T) {
	s := newStore(t)
	sr, chair, guest := seriesWithAgenda(t, s)
	earlier := addMeeting(t, s, sr.ID, "Earlier", fixedNow.AddDate(0, -1, 0))

	m := &Meeting{SeriesID: sr.ID, Title: "CODIR de mars", Starts: fixedNow, Minutes: 90}
	must(t, s.CreateMeetingFromSeries(bg, m))
	got, err := s.GetMeeting(bg, m.ID)
	must(t, err)
	if got.Place != "Salle du conseil" || got.Number != 2 || got.SeriesCode != "CODIR" || got.Status != Draft || got.Minutes != 90 {
		t.Errorf("meeting = %+v, want place of the series, number 2, draft, 90 min", got)
	}
	a, err := s.Agenda(bg, m.ID)
	must(t, err)
	// The follow-up items stand for the standard approval item; the
	// other standard items follow.
	if len(a) != 3 || a[0].Kind != ApprovalItem || a[0].ApprovesID != earlier.ID || a[1].Kind != ReviewItem ||
		a[2].Title != "Questions diverses" || a[2].Number != "3" || a[2].Minutes != 15 {
		for _, it := range a {
			t.Errorf("agenda item %s %q kind %q", it.Number, it.Title, it.Kind)
		}
	}
	at, err := s.Attendees(bg, m.ID)
	must(t, err)
	if len(at) != 2 || at[0].PersonID != chair.ID || at[0].Role != Chair || !at[0].Voting || at[0].Status != Invited ||
		at[1].PersonID != guest.ID || at[1].Role != Guest || at[1].Voting {
		t.Errorf("attendees = %+v %+v", at[0], at[1])
	}

	// A place of its own is kept.
	own := &Meeting{SeriesID: sr.ID, Title: "Séminaire", Starts: fixedNow, Place: "Lyon"}
	must(t, s.CreateMeetingFromSeries(bg, own))
	if own.Place != "Lyon" || own.Number != 3 {
		t.Errorf("place, number = %q, %d; want Lyon, 3", own.Place, own.Number)
	}
}

func TestCreateMeetingFromSeriesRefused(t *testing.T) {
	s := newStore(t)
	sr, _, _ := seriesWithAgenda(t, s)
	wantErr(t, s.CreateMeetingFromSeries(bg, &Meeting{Title: "No series", Starts: fixedNow}), EINVALID, "series")
	wantErr(t, s.CreateMeetingFromSeries(bg, &Meeting{SeriesID: sr.ID, Title: "", Starts: fixedNow}), EINVALID, "title")
	wantErr(t, s.CreateMeetingFromSeries(bg, &Meeting{SeriesID: sr.ID, Title: "Long", Starts: fixedNow, Minutes: -5}), EINVALID, "minutes")
	wantErr(t, s.CreateMeetingFromSeries(bg, &Meeting{SeriesID: 999, Title: "Lost", Starts: fixedNow}), ENOTFOUND, "")

	// A number already taken fails after the series was read: nothing of
	// the meeting stays behind.
	addMeeting(t, s, sr.ID, "One", fixedNow)
	wantErr(t, s.CreateMeetingFromSeries(bg, &Meeting{SeriesID: sr.ID, Number: 1, Title: "Twin", Starts: fixedNow}), ECONFLICT, "number")
	if n := count(t, s, `SELECT count(*) FROM meetings`); n != 1 {
		t.Errorf("%d meetings, want 1", n)
	}
	if n := count(t, s, `SELECT count(*) FROM agenda_items`) + count(t, s, `SELECT count(*) FROM attendees`); n != 0 {
		t.Errorf("%d items and attendees left by refused meetings", n)
	}
}

func TestCopyMeeting(t *testing.T) {
	s := newStore(t)
	sr, chair, guest := seriesWithAgenda(t, s)
	paris, err := time.LoadLocation("Europe/Paris")
	must(t, err)
	from := &Meeting{SeriesID: sr.ID, Title: "CODIR de mars", Starts: time.Date(2026, 3, 12, 9, 30, 0, 0, paris),
		TimeZone: "Europe/Paris", Minutes: 150, Place: "Salle 2", Link: "https://visio.example/codir",
		Classification: Confidential, Language: "en", PapersDue: "2026-03-05", Notes: "Salle réservée"}
	must(t, s.CreateMeetingFromSeries(bg, from))
	at, err := s.Attendees(bg, from.ID)
	must(t, err)
	at[0].Status = Represented
	at[0].ProxyID = guest.ID
	must(t, s.UpdateAttendee(bg, at[0]))
	at[1].Status, at[1].Arrived = Present, "09:40"
	must(t, s.UpdateAttendee(bg, at[1]))
	items, err := s.Agenda(bg, from.ID)
	must(t, err)
	sub := &AgendaItem{MeetingID: from.ID, ParentID: items[1].ID, Title: "Budget 2027", Purpose: ForInformation,
		Minutes: 5, PresenterID: chair.ID, Description: "Présentation du budget", Confidential: true, Notes: "Discuté"}
	must(t, s.AddItem(bg, sub))
	must(t, s.AddDecision(bg, &Decision{ItemID: items[0].ID, Text: "Adopté", Outcome: Adopted}))
	must(t, s.AttachDocument(bg, &Document{MeetingID: from.ID, Title: "Budget", FileName: "budget.txt"}, []byte("chiffres")))
	must(t, s.CreateAction(bg, &Action{MeetingID: from.ID, Title: "Envoyer le PV", Status: ActionOpen}))
	must(t, s.SetMeetingStatus(bg, from.ID, Convened))

	// 2026-04-09 07:30 UTC is 09:30 in Paris (summer time).
	starts := time.Date(2026, 4, 9, 7, 30, 0, 0, time.UTC)
	m, err := s.CopyMeeting(bg, from.ID, starts)
	must(t, err)
	got, err := s.GetMeeting(bg, m.ID)
	must(t, err)
	if got.Title != from.Title || got.Number != 2 || got.SeriesID != sr.ID || got.Minutes != 150 ||
		got.Place != "Salle 2" || got.Link != from.Link || got.Classification != Confidential || got.Language != "en" ||
		got.TimeZone != "Europe/Paris" || got.Status != Draft || got.Notes != "" {
		t.Errorf("copy = %+v", got)
	}
	if !got.Starts.Equal(starts) || got.Starts.Format("15:04") != "09:30" {
		t.Errorf("copy starts %v, want 09:30 in Paris on 9 April", got.Starts)
	}
	if got.PapersDue != "2026-04-02" {
		t.Errorf("papers due %q, want a week before, as for the original", got.PapersDue)
	}

	a, err := s.Agenda(bg, m.ID)
	must(t, err)
	// The copy, the next meeting of the series, gets its own follow-up
	// items about the meeting it copies, then the items copied.
	if len(a) != 4 || a[0].Kind != ApprovalItem || a[0].ApprovesID != from.ID || a[1].Kind != ReviewItem ||
		len(a[3].Items) != 1 || len(a[2].Decisions) != 0 {
		t.Fatalf("agenda of the copy: %d items, %+v", len(a), a)
	}
	c := a[3].Items[0]
	if c.Title != "Budget 2027" || c.Number != "4.1" || c.Minutes != 5 || c.PresenterID != chair.ID ||
		c.Description != "Présentation du budget" || !c.Confidential || c.Notes != "" {
		t.Errorf("sub-item of the copy = %+v", c)
	}
	att, err := s.Attendees(bg, m.ID)
	must(t, err)
	if len(att) != 2 || att[0].Role != Chair || !att[0].Voting || att[0].Status != Invited || att[0].ProxyID != 0 ||
		att[1].Status != Invited || att[1].Arrived != "" {
		t.Errorf("attendees of the copy = %+v %+v", att[0], att[1])
	}
	docs, err := s.Documents(bg, m.ID)
	must(t, err)
	acts, err := s.ListActions(bg, ActionFilter{MeetingID: m.ID})
	must(t, err)
	if len(docs) != 0 || len(acts) != 0 {
		t.Errorf("the copy has %d papers and %d actions, want none", len(docs), len(acts))
	}
	// The original is untouched.
	if n := count(t, s, `SELECT count(*) FROM documents WHERE meeting_id = ?`, from.ID); n != 1 {
		t.Errorf("original has %d papers, want 1", n)
	}
}

func TestCopyOneOffMeeting(t *testing.T) {
	s := newStore(t)
	from := addMeeting(t, s, 0, "Séminaire", fixedNow)
	m, err := s.CopyMeeting(bg, from.ID, fixedNow.AddDate(0, 1, 0))
	must(t, err)
	if m.SeriesID != 0 || m.Number != 0 || m.Minutes != 120 || m.PapersDue != "" {
		t.Errorf("copy = %+v", m)
	}
}

func TestCopyMeetingRefused(t *testing.T) {
	s := newStore(t)
	from := addMeeting(t, s, 0, "Séminaire", fixedNow)
	_, err := s.CopyMeeting(bg, 999, fixedNow)
	wantErr(t, err, ENOTFOUND, "")
	_, err = s.CopyMeeting(bg, from.ID, time.Time{})
	wantErr(t, err, EINVALID, "starts")
	if n := count(t, s, `SELECT count(*) FROM meetings`); n != 1 {
		t.Errorf("%d meetings, want 1", n)
	}
}

func TestFirstMeetingOfASeriesKeepsItsStandardAgenda(t *testing.T) {
	s := newStore(t)
	sr, _, _ := seriesWithAgenda(t, s)
	m := &Meeting{SeriesID: sr.ID, Title: "CODIR n° 1", Starts: fixedNow, Minutes: 90}
	must(t, s.CreateMeetingFromSeries(bg, m))
	a, err := s.Agenda(bg, m.ID)
	must(t, err)
	if len(a) != 2 || a[0].Title != "Approbation du procès-verbal" || a[0].Kind != OrdinaryItem || a[0].Minutes != 10 {
		t.Errorf("first meeting's agenda: %d items, first %q", len(a), a[0].Title)
	}
}

func TestStandardKind(t *testing.T) {
	for title, want := range map[string]ItemKind{
		"Approbation du procès-verbal de la séance précédente": ApprovalItem,
		"Approval of the minutes of the last meeting":          ApprovalItem,
		"Adoption du PV":     ApprovalItem,
		"Suivi des actions":  ReviewItem,
		"Review of actions":  ReviewItem,
		"Questions diverses": OrdinaryItem,
		"Budget 2027":        OrdinaryItem,
	} {
		if got := standardKind(title); got != want {
			t.Errorf("standardKind(%q) = %q, want %q", title, got, want)
		}
	}
}
