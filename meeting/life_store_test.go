package meeting

import (
	"context"
	"strings"
	"testing"
	"time"
)

// heldMeeting creates a meeting of the series, with one item, and moves it
// to status to through the ordinary steps.
func heldMeeting(t *testing.T, s *Store, seriesID int64, starts time.Time, to Status) (*Meeting, *AgendaItem) {
	t.Helper()
	m := addMeeting(t, s, seriesID, "Comité", starts)
	it := &AgendaItem{MeetingID: m.ID, Title: "Budget", Purpose: ForDecision}
	must(t, s.AddItem(bg, it))
	for _, st := range []Status{Convened, Held, MinutesDraft} {
		if m.Status == to {
			break
		}
		must(t, s.SetMeetingStatus(bg, m.ID, st))
		m.Status = st
	}
	return m, it
}

func status(t *testing.T, s *Store, id int64) Status {
	t.Helper()
	m, err := s.GetMeeting(bg, id)
	must(t, err)
	return m.Status
}

func TestConvenedOnAndNotice(t *testing.T) {
	s := newStore(t)
	sr := addSeries(t, s, "CODIR")
	sr.NoticeDays = 5
	must(t, s.UpdateSeries(bg, sr))
	// fixedNow is Tuesday 10 March 2026; the meeting is Saturday 14 March.
	m := addMeeting(t, s, sr.ID, "Late", time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC))
	n, err := s.Notice(bg, m.ID)
	must(t, err)
	if n.Sent != "2026-03-10" || n.LastDay != "2026-03-08" || n.ClearDays != 3 || !n.Late {
		t.Errorf("before convening: %+v", n)
	}
	must(t, s.SetMeetingStatus(bg, m.ID, Convened))
	got, err := s.GetMeeting(bg, m.ID)
	must(t, err)
	if got.ConvenedOn != "2026-03-10" || got.Status != Convened {
		t.Errorf("convened: %+v", got)
	}
	// The day it was convened stays, whatever today is.
	s.Now = func() time.Time { return fixedNow.AddDate(0, 0, 2) }
	r, err := s.Record(bg, m.ID)
	must(t, err)
	if r.Notice.Sent != "2026-03-10" || !r.Notice.Late || r.Notice.Required != 5 {
		t.Errorf("record's notice: %+v", r.Notice)
	}
	// Back to draft and convened again: the new day counts.
	must(t, s.SetMeetingStatus(bg, m.ID, Draft))
	must(t, s.SetMeetingStatus(bg, m.ID, Convened))
	if n, _ := s.Notice(bg, m.ID); n.Sent != "2026-03-12" || n.ClearDays != 1 {
		t.Errorf("convened again: %+v", n)
	}
	// A one-off meeting has no notice period.
	one := addMeeting(t, s, 0, "One-off", time.Date(2026, 3, 11, 9, 0, 0, 0, time.UTC))
	if n, _ := s.Notice(bg, one.ID); n.Late || n.Required != 0 {
		t.Errorf("one-off: %+v", n)
	}
}

func TestMinutesValidation(t *testing.T) {
	s := newStore(t)
	m, it := heldMeeting(t, s, 0, fixedNow, MinutesDraft)

	// Approving or returning a draft skips a step.
	wantErr(t, s.ApproveMinutes(bg, m.ID, "Chair", ""), ECONFLICT, "status")
	wantErr(t, s.ReturnMinutes(bg, m.ID, "Chair", "Why?"), ECONFLICT, "status")
	wantErr(t, s.ReopenMinutes(bg, m.ID, "Chair", "Why?"), ECONFLICT, "status")
	wantErr(t, s.SubmitMinutes(bg, 999, "", ""), ENOTFOUND, "")

	must(t, s.SubmitMinutes(bg, m.ID, "Secrétaire", ""))
	if st := status(t, s, m.ID); st != MinutesSubmitted {
		t.Fatalf("submitted: %s", st)
	}
	// Returning needs a comment.
	wantErr(t, s.ReturnMinutes(bg, m.ID, "Président", " "), EINVALID, "comment")
	must(t, s.ReturnMinutes(bg, m.ID, "Président", "Point 1 : préciser le montant."))
	if st := status(t, s, m.ID); st != MinutesDraft {
		t.Fatalf("returned: %s", st)
	}
	must(t, s.UpdateItem(bg, &AgendaItem{ID: it.ID, Title: "Budget", Purpose: ForDecision, Notes: "Montant : 12 000 €."}))
	must(t, s.SubmitMinutes(bg, m.ID, "Secrétaire", "Corrigé."))
	must(t, s.ApproveMinutes(bg, m.ID, "Président", ""))
	if st := status(t, s, m.ID); st != MinutesApproved {
		t.Fatalf("approved: %s", st)
	}
	// SetMeetingStatus does not take these steps.
	wantErr(t, s.SetMeetingStatus(bg, m.ID, MinutesDraft), EINVALID, "status")

	steps, err := s.MinutesHistory(bg, m.ID)
	must(t, err)
	var got []string
	for _, st := range steps {
		got = append(got, string(st.Step)+"/"+st.By+"/"+st.Comment)
		if !st.At.Equal(fixedNow) || st.MeetingID != m.ID {
			t.Errorf("step %+v", st)
		}
	}
	want := "submitted/Secrétaire/ returned/Président/Point 1 : préciser le montant. submitted/Secrétaire/Corrigé. approved/Président/"
	if strings.Join(got, " ") != want {
		t.Errorf("history:\n%s\nwant\n%s", strings.Join(got, " "), want)
	}

	// Reopening needs a reason, and leads back to the draft.
	wantErr(t, s.ReopenMinutes(bg, m.ID, "Secrétaire", ""), EINVALID, "comment")
	must(t, s.ReopenMinutes(bg, m.ID, "Secrétaire", "Erreur matérielle au point 1."))
	if st := status(t, s, m.ID); st != MinutesDraft {
		t.Fatalf("reopened: %s", st)
	}
	r, err := s.Record(bg, m.ID)
	must(t, err)
	if len(r.Steps) != 5 || r.Steps[4].Step != Reopened || r.Steps[4].Comment != "Erreur matérielle au point 1." {
		t.Errorf("record's steps: %+v", r.Steps)
	}
	must(t, s.UpdateItem(bg, &AgendaItem{ID: it.ID, Title: "Budget", Purpose: ForDecision, Notes: "Montant : 12 500 €."}))
}

func TestApprovedMinutesAreLocked(t *testing.T) {
	s := newStore(t)
	ada, bob := addPerson(t, s, "Ada"), addPerson(t, s, "Bob")
	m, it := heldMeeting(t, s, 0, fixedNow, MinutesDraft)
	att := &Attendee{MeetingID: m.ID, PersonID: ada.ID, Role: Member, Voting: true, Status: Present}
	must(t, s.AddAttendee(bg, att))
	dec := &Decision{ItemID: it.ID, Text: "Budget adopté.", Outcome: Adopted}
	must(t, s.AddDecision(bg, dec))
	act := &Action{MeetingID: m.ID, ItemID: it.ID, Title: "Notifier", OwnerID: ada.ID, Due: "2026-04-01"}
	must(t, s.CreateAction(bg, act))
	must(t, s.AttachDocument(bg, &Document{MeetingID: m.ID, Title: "Annexe", FileName: "a.txt"}, []byte("a")))
	docs, err := s.Documents(bg, m.ID)
	must(t, err)
	must(t, s.SubmitMinutes(bg, m.ID, "", ""))
	must(t, s.ApproveMinutes(bg, m.ID, "", ""))

	before, err := s.Record(bg, m.ID)
	must(t, err)
	for name, change := range map[string]func() error{
		"meeting":        func() error { mm := *before.Meeting; mm.Closed = "12:00"; return s.UpdateMeeting(bg, &mm) },
		"delete meeting": func() error { return s.DeleteMeeting(bg, m.ID) },
		"add item": func() error {
			return s.AddItem(bg, &AgendaItem{MeetingID: m.ID, Title: "Extra", Purpose: ForInformation})
		},
		"item notes": func() error {
			return s.UpdateItem(bg, &AgendaItem{ID: it.ID, Title: "Budget", Purpose: ForDecision, Notes: "changed"})
		},
		"delete item":     func() error { return s.DeleteItem(bg, it.ID) },
		"move item":       func() error { return s.MoveItem(bg, it.ID, MoveDown) },
		"start item":      func() error { return s.StartItem(bg, it.ID, "10:00") },
		"add decision":    func() error { return s.AddDecision(bg, &Decision{ItemID: it.ID, Text: "x", Outcome: Noted}) },
		"update decision": func() error { d := *dec; d.Outcome = Rejected; return s.UpdateDecision(bg, &d) },
		"delete decision": func() error { return s.DeleteDecision(bg, dec.ID) },
		"add attendee": func() error {
			return s.AddAttendee(bg, &Attendee{MeetingID: m.ID, PersonID: bob.ID, Role: Guest, Status: Present})
		},
		"attendance":      func() error { a := *att; a.Status = Absent; return s.UpdateAttendee(bg, &a) },
		"remove attendee": func() error { return s.RemoveAttendee(bg, att.ID) },
		"arrival":         func() error { _, err := s.RecordDeparture(bg, att.ID, "11:00"); return err },
		"undo movement":   func() error { return s.UndoMovement(bg, att.ID) },
		"new action":      func() error { return s.CreateAction(bg, &Action{ItemID: it.ID, Title: "More"}) },
		"action title":    func() error { a := *act; a.Title = "Other"; return s.UpdateAction(bg, &a) },
		"delete action":   func() error { return s.DeleteAction(bg, act.ID) },
		"attach paper":    func() error { return s.AttachDocument(bg, &Document{MeetingID: m.ID, Title: "B"}, []byte("b")) },
		"paper title":     func() error { d := *docs[0]; d.Title = "Other"; return s.UpdateDocument(bg, &d) },
		"delete paper":    func() error { return s.DeleteDocument(bg, docs[0].ID) },
	} {
		err := change()
		wantErr(t, err, ECONFLICT, "")
		if !strings.Contains(err.Error(), "approved") || !strings.Contains(err.Error(), "reopen") {
			t.Errorf("%s: message %q", name, err)
		}
	}
	after, err := s.Record(bg, m.ID)
	must(t, err)
	if after.Meeting.Closed != "" || len(after.Agenda) != 1 || after.Agenda[0].Notes != "" || len(after.Agenda[0].Decisions) != 1 ||
		after.Agenda[0].Decisions[0].Outcome != Adopted || len(after.Attendees) != 1 || after.Attendees[0].Status != Present ||
		len(after.Actions) != 1 || after.Actions[0].Title != "Notifier" || len(after.Documents) != 1 {
		t.Errorf("the locked record changed: %+v", after)
	}
	// The follow-up of an action goes on: status, due date, owner, notes.
	a := *act
	a.Status, a.Due, a.OwnerID = ActionDone, "2026-04-15", bob.ID
	must(t, s.UpdateAction(bg, &a))
	must(t, s.AddActionNote(bg, act.ID, &ActionNote{Text: "Fait."}))
	got, err := s.GetAction(bg, act.ID)
	must(t, err)
	if got.Status != ActionDone || got.Due != "2026-04-15" || got.OwnerID != bob.ID || len(got.Notes) != 1 {
		t.Errorf("follow-up of a locked meeting's action: %+v", got)
	}
	// Reopened, the record changes again.
	must(t, s.ReopenMinutes(bg, m.ID, "", "Oubli."))
	must(t, s.AddItem(bg, &AgendaItem{MeetingID: m.ID, Title: "Extra", Purpose: ForInformation}))
}

func TestFollowUpOfPreviousMeeting(t *testing.T) {
	s := newStore(t)
	sr := addSeries(t, s, "CODIR")
	ada := addPerson(t, s, "Ada")
	first := addMeeting(t, s, sr.ID, "CODIR de janvier", time.Date(2026, 1, 12, 9, 0, 0, 0, time.UTC))
	if a, _ := s.Agenda(bg, first.ID); len(a) != 0 {
		t.Fatalf("a first meeting follows nothing up: %d items", len(a))
	}
	item := &AgendaItem{MeetingID: first.ID, Title: "Budget", Purpose: ForDecision}
	must(t, s.AddItem(bg, item))
	var open []*Action
	for _, c := range []struct {
		title  string
		status ActionStatus
	}{{"Open", ActionOpen}, {"Started", ActionInProgress}, {"Done", ActionDone}, {"Dropped", ActionCancelled}} {
		a := &Action{ItemID: item.ID, Title: c.title, Status: c.status, OwnerID: ada.ID}
		must(t, s.CreateAction(bg, a))
		if c.status == ActionOpen || c.status == ActionInProgress {
			open = append(open, a)
		}
	}
	// An open action of another series is not this series' business.
	other := addMeeting(t, s, addSeries(t, s, "CSE").ID, "CSE", time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC))
	must(t, s.CreateAction(bg, &Action{MeetingID: other.ID, Title: "Elsewhere"}))
	// A cancelled meeting in between is not the previous one.
	cancelled := addMeeting(t, s, sr.ID, "Annulée", time.Date(2026, 1, 26, 9, 0, 0, 0, time.UTC))
	must(t, s.SetMeetingStatus(bg, cancelled.ID, Cancelled))

	second := &Meeting{SeriesID: sr.ID, Title: "CODIR de février", Starts: time.Date(2026, 2, 9, 9, 0, 0, 0, time.UTC)}
	must(t, s.CreateMeeting(bg, second))
	agenda, err := s.Agenda(bg, second.ID)
	must(t, err)
	if len(agenda) != 2 {
		t.Fatalf("second meeting's agenda: %d items", len(agenda))
	}
	approval, review := agenda[0], agenda[1]
	if approval.Kind != ApprovalItem || approval.ApprovesID != first.ID || approval.Purpose != ForDecision ||
		approval.Title != "Approbation du procès-verbal de la réunion précédente" {
		t.Errorf("approval item %+v", approval)
	}
	if review.Kind != ReviewItem || review.Title != "Revue des actions" || review.ApprovesID != 0 {
		t.Errorf("review item %+v", review)
	}
	// The review lists the series' open actions from earlier meetings.
	must(t, s.CreateAction(bg, &Action{MeetingID: second.ID, Title: "New in February"}))
	list, err := s.SeriesOpenActions(bg, second.ID)
	must(t, err)
	if len(list) != 2 || list[0].ID != open[0].ID || list[1].ID != open[1].ID {
		t.Errorf("open actions for the review: %+v", list)
	}
	// Updating one there updates it everywhere: it leaves the review.
	a, err := s.GetAction(bg, open[0].ID)
	must(t, err)
	a.Status = ActionDone
	must(t, s.UpdateAction(bg, a))
	if list, _ := s.SeriesOpenActions(bg, second.ID); len(list) != 1 || list[0].ID != open[1].ID {
		t.Errorf("after closing one: %+v", list)
	}
	if r, err := s.Record(bg, second.ID); err != nil || len(r.Review) != 1 || r.Review[0].ID != open[1].ID {
		t.Errorf("record's review: %v %+v", err, r)
	}
	if r, err := s.Record(bg, first.ID); err != nil || r.Review != nil {
		t.Errorf("a meeting without a review item has a review: %v", err)
	}
	// An English meeting gets English titles.
	third := &Meeting{SeriesID: sr.ID, Title: "March", Language: "en", Starts: time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC)}
	must(t, s.CreateMeeting(bg, third))
	agenda, err = s.Agenda(bg, third.ID)
	must(t, err)
	if agenda[0].Title != "Approval of the minutes of the previous meeting" || agenda[0].ApprovesID != second.ID ||
		agenda[1].Title != "Review of actions" {
		t.Errorf("English follow-up: %q (%d), %q", agenda[0].Title, agenda[0].ApprovesID, agenda[1].Title)
	}
	// A one-off meeting has no series to follow up.
	if list, err := s.SeriesOpenActions(bg, addMeeting(t, s, 0, "One-off", time.Time{}).ID); err != nil || list != nil {
		t.Errorf("one-off: %v %v", list, err)
	}
}

func TestApprovalByDecision(t *testing.T) {
	s := newStore(t)
	sr := addSeries(t, s, "CODIR")
	first, firstItem := heldMeeting(t, s, sr.ID, time.Date(2026, 1, 12, 9, 0, 0, 0, time.UTC), Convened)
	second := &Meeting{SeriesID: sr.ID, Title: "Février", Starts: time.Date(2026, 2, 9, 9, 0, 0, 0, time.UTC)}
	must(t, s.CreateMeeting(bg, second))
	agenda, err := s.Agenda(bg, second.ID)
	must(t, err)
	approval := agenda[0]

	// The first meeting has not been held: nothing to approve, nothing recorded.
	wantErr(t, s.AddDecision(bg, &Decision{ItemID: approval.ID, Text: "Approuvé.", Outcome: Adopted}), ECONFLICT, "")
	if a, _ := s.Agenda(bg, second.ID); len(a[0].Decisions) != 0 {
		t.Error("a refused decision was kept")
	}
	must(t, s.SetMeetingStatus(bg, first.ID, Held))
	must(t, s.SetMeetingStatus(bg, first.ID, MinutesDraft))

	// Deferred: the minutes stay as they are.
	dec := &Decision{ItemID: approval.ID, Text: "Approbation reportée.", Outcome: Deferred}
	must(t, s.AddDecision(bg, dec))
	if st := status(t, s, first.ID); st != MinutesDraft {
		t.Fatalf("deferred approval: %s", st)
	}
	// The same decision, now adopted, approves and locks them.
	dec.Text, dec.Outcome, dec.For = "Le procès-verbal est approuvé à l'unanimité.", Adopted, 8
	must(t, s.UpdateDecision(bg, dec))
	if st := status(t, s, first.ID); st != MinutesApproved {
		t.Fatalf("adopted approval: %s", st)
	}
	steps, err := s.MinutesHistory(bg, first.ID)
	must(t, err)
	if len(steps) != 1 || steps[0].Step != Approved || steps[0].ByMeeting != second.ID ||
		steps[0].By != "Février — CODIR-2" || steps[0].Comment != dec.Text {
		t.Errorf("approval by decision: %+v", steps)
	}
	wantErr(t, s.UpdateItem(bg, &AgendaItem{ID: firstItem.ID, Title: "Changed", Purpose: ForDecision}), ECONFLICT, "")
	// Another adopted decision leaves approved minutes as they are.
	must(t, s.AddDecision(bg, &Decision{ItemID: approval.ID, Text: "Bis.", Outcome: Adopted}))
	if steps, _ := s.MinutesHistory(bg, first.ID); len(steps) != 1 {
		t.Errorf("approved twice: %+v", steps)
	}
	// An adopted decision on an ordinary item approves nothing.
	other := &AgendaItem{MeetingID: second.ID, Title: "Budget", Purpose: ForDecision}
	must(t, s.AddItem(bg, other))
	must(t, s.ReopenMinutes(bg, first.ID, "", "Coquille."))
	must(t, s.AddDecision(bg, &Decision{ItemID: other.ID, Text: "Adopté.", Outcome: Adopted}))
	if st := status(t, s, first.ID); st != MinutesDraft {
		t.Errorf("an ordinary decision changed the minutes: %s", st)
	}
}

func TestLiveMeeting(t *testing.T) {
	s := newStore(t)
	sr := addSeries(t, s, "CA")
	sr.Quorum = QuorumRule{Percent: 50}
	must(t, s.UpdateSeries(bg, sr))
	m := addMeeting(t, s, sr.ID, "Conseil", time.Time{})
	var atts []*Attendee
	for i, name := range []string{"Ada", "Bob", "Cyd", "Dee"} {
		st := Present
		if i == 3 {
			st = Confirmed
		}
		a := &Attendee{MeetingID: m.ID, PersonID: addPerson(t, s, name).ID, Role: Member, Voting: true, Status: st}
		must(t, s.AddAttendee(bg, a))
		atts = append(atts, a)
	}
	one := &AgendaItem{MeetingID: m.ID, Title: "Un", Purpose: ForInformation}
	two := &AgendaItem{MeetingID: m.ID, Title: "Deux", Purpose: ForDecision}
	must(t, s.AddItem(bg, one))
	must(t, s.AddItem(bg, two))

	wantErr(t, s.StartItem(bg, one.ID, "9h"), EINVALID, "at")
	wantErr(t, s.StartItem(bg, 999, "09:00"), ENOTFOUND, "")
	wantErr(t, s.EndItem(bg, one.ID, "09:00"), EINVALID, "at") // not started
	must(t, s.StartItem(bg, one.ID, "09:05"))
	// Dee arrives during item 1.
	e, err := s.RecordArrival(bg, atts[3].ID, "09:10")
	must(t, err)
	if e.ItemID != one.ID || e.Kind != Arrival || e.At != "09:10" || e.Name != "Dee" || e.MeetingID != m.ID {
		t.Errorf("arrival %+v", e)
	}
	_, err = s.RecordArrival(bg, atts[3].ID, "09:12")
	wantErr(t, err, ECONFLICT, "")
	// Starting item 2 ends item 1.
	must(t, s.StartItem(bg, two.ID, "09:30"))
	agenda, err := s.Agenda(bg, m.ID)
	must(t, err)
	if agenda[0].Started != "09:05" || agenda[0].Ended != "09:30" || agenda[1].Started != "09:30" || agenda[1].Ended != "" {
		t.Errorf("item times: %+v %+v", agenda[0], agenda[1])
	}
	for _, a := range atts[:3] {
		_, err := s.RecordDeparture(bg, a.ID, "09:45")
		must(t, err)
	}
	_, err = s.RecordDeparture(bg, atts[0].ID, "09:50")
	wantErr(t, err, ECONFLICT, "") // already gone
	_, err = s.RecordArrival(bg, atts[0].ID, "09:40")
	wantErr(t, err, EINVALID, "at") // before her departure
	must(t, s.EndItem(bg, two.ID, "10:00"))
	e, err = s.RecordArrival(bg, atts[0].ID, "10:05") // back, between items
	must(t, err)
	if e.ItemID != 0 {
		t.Errorf("arrival between items during item %d", e.ItemID)
	}

	for _, c := range []struct {
		at      Clock
		present int
	}{{"09:00", 3}, {"09:10", 4}, {"09:45", 1}, {"10:05", 2}} {
		q, err := s.Quorum(bg, m.ID, c.at)
		must(t, err)
		if q.Present != c.present || q.Required != 2 || q.Reached != (c.present >= 2) {
			t.Errorf("quorum at %s: %+v", c.at, q)
		}
	}
	r, err := s.Record(bg, m.ID)
	must(t, err)
	ada := r.Attendees[0]
	if ada.Status != Present || ada.Arrived != "" || ada.Left != "" || len(ada.Events) != 2 {
		t.Errorf("Ada after leaving and coming back: %+v", ada)
	}
	moves := Movements(r.Attendees)
	var got []string
	for _, e := range moves {
		got = append(got, e.Name+" "+string(e.Kind)+" "+string(e.At))
	}
	want := "Dee arrival 09:10, Ada departure 09:45, Bob departure 09:45, Cyd departure 09:45, Ada arrival 10:05"
	if strings.Join(got, ", ") != want {
		t.Errorf("movements: %s", strings.Join(got, ", "))
	}
	timeline := QuorumTimeline(QuorumRule{Percent: 50}, r.Attendees, "09:00")
	defer func() {
		// Undoing taps goes back event by event, to the state before the first.
		must(t, s.UndoMovement(bg, atts[0].ID)) // Ada's return
		must(t, s.UndoMovement(bg, atts[3].ID)) // Dee's arrival
		must(t, s.UndoMovement(bg, atts[0].ID)) // Ada's departure
		wantErr(t, s.UndoMovement(bg, atts[0].ID), ENOTFOUND, "")
		list, err := s.Attendees(bg, m.ID)
		must(t, err)
		if a := list[0]; a.Status != Present || a.Left != "" || len(a.Events) != 0 {
			t.Errorf("Ada after undoing: %+v", a)
		}
		if d := list[3]; d.Status != Confirmed || d.Arrived != "" || len(d.Events) != 0 {
			t.Errorf("Dee after undoing: %+v", d)
		}
		if b := list[1]; b.Left != "09:45" || len(b.Events) != 1 {
			t.Errorf("Bob changed: %+v", b)
		}
	}()
	if len(timeline) != 3 || !timeline[0].Reached || timeline[1].At != "09:45" || timeline[1].Reached ||
		timeline[2].At != "10:05" || !timeline[2].Reached {
		t.Errorf("timeline %+v", timeline)
	}
}

// TestAChangeOfTheRecordUpdatesTheMeeting: an item, an attendee or a paper
// changed makes the meeting updated, which raises its invite's SEQUENCE.
func TestAChangeOfTheRecordUpdatesTheMeeting(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	now := fixedNow
	s.Now = func() time.Time { return now }
	m := &Meeting{Title: "Bureau", Starts: fixedNow.AddDate(0, 0, 10), Minutes: 60}
	must(t, s.CreateMeeting(ctx, m))
	p := &Person{Name: "Claire Martin"}
	must(t, s.CreatePerson(ctx, p))
	it := &AgendaItem{MeetingID: m.ID, Title: "Budget", Purpose: ForDiscussion}
	for i, change := range []func() error{
		func() error { return s.AddItem(ctx, it) },
		func() error { it.Minutes = 20; return s.UpdateItem(ctx, it) },
		func() error {
			return s.AddAttendee(ctx, &Attendee{MeetingID: m.ID, PersonID: p.ID, Role: Member, Status: Invited})
		},
		func() error {
			return s.AttachDocument(ctx, &Document{MeetingID: m.ID, Title: "Note", FileName: "note.txt"}, []byte("note"))
		},
	} {
		now = now.Add(time.Minute)
		must(t, change())
		got, err := s.GetMeeting(ctx, m.ID)
		must(t, err)
		if !got.Updated.Equal(now) {
			t.Errorf("change %d: meeting updated %v, want %v", i, got.Updated, now)
		}
	}
}

// TestASittingOpenedClosedAndPastMidnight: opening takes up the first item,
// once; a sitting that goes past midnight moves on and closes; closing
// ends the item under discussion and makes a convened meeting held.
func TestASittingOpenedClosedAndPastMidnight(t *testing.T) {
	s := newStore(t)
	m := addMeeting(t, s, 0, "Conseil municipal", time.Time{})
	must(t, s.SetMeetingStatus(bg, m.ID, Convened))
	one := &AgendaItem{MeetingID: m.ID, Title: "Budget", Purpose: ForDecision}
	two := &AgendaItem{MeetingID: m.ID, Title: "Questions diverses", Purpose: ForInformation}
	must(t, s.AddItem(bg, one))
	must(t, s.AddItem(bg, two))
	a := &Attendee{MeetingID: m.ID, PersonID: addPerson(t, s, "Ada").ID, Role: Member, Voting: true, Status: Confirmed}
	must(t, s.AddAttendee(bg, a))

	wantErr(t, s.CloseSitting(bg, m.ID, "22:00"), ECONFLICT, "") // not open
	wantErr(t, s.OpenSitting(bg, m.ID, "20h"), EINVALID, "at")
	must(t, s.OpenSitting(bg, m.ID, "20:30"))
	must(t, s.OpenSitting(bg, m.ID, "20:45")) // already open: nothing changes
	r, err := s.Record(bg, m.ID)
	must(t, err)
	if r.Meeting.Opened != "20:30" || r.Agenda[0].Started != "20:30" || r.Agenda[1].Started != "" {
		t.Fatalf("opened %q, items started %q and %q", r.Meeting.Opened, r.Agenda[0].Started, r.Agenda[1].Started)
	}
	wantErr(t, s.CloseSitting(bg, m.ID, "20:10"), EINVALID, "at") // before it opened

	// Item 2 at 23:40, back to item 1 at 00:05: one item runs at a time.
	must(t, s.StartItem(bg, two.ID, "23:40"))
	_, err = s.RecordArrival(bg, a.ID, "23:50")
	must(t, err)
	must(t, s.StartItem(bg, one.ID, "00:05"))
	_, err = s.RecordDeparture(bg, a.ID, "00:10")
	must(t, err) // after her arrival at 23:50
	_, err = s.RecordArrival(bg, a.ID, "23:55")
	wantErr(t, err, EINVALID, "at") // before her departure at 00:10
	wantErr(t, s.EndItem(bg, one.ID, "23:59"), EINVALID, "at")
	r, err = s.Record(bg, m.ID)
	must(t, err)
	if r.Agenda[1].Ended != "00:05" || r.Agenda[0].Started != "00:05" || r.Agenda[0].Ended != "" {
		t.Fatalf("after midnight: item 2 ended %q, item 1 started %q ended %q", r.Agenda[1].Ended, r.Agenda[0].Started, r.Agenda[0].Ended)
	}

	must(t, s.CloseSitting(bg, m.ID, "00:40"))
	r, err = s.Record(bg, m.ID)
	must(t, err)
	if r.Meeting.Closed != "00:40" || r.Agenda[0].Ended != "00:40" || r.Meeting.Status != Held {
		t.Errorf("closed %q, item 1 ended %q, status %s", r.Meeting.Closed, r.Agenda[0].Ended, r.Meeting.Status)
	}
}
