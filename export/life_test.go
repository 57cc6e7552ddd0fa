package export

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"quorum/meeting"
)

// TestMinutesOfAMeetingsLife prints the minutes of a meeting convened
// late, whose quorum was lost and regained while people came and went,
// then approved.
func TestMinutesOfAMeetingsLife(t *testing.T) {
	st, r := sampleRecord(t)
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	sr := r.Series
	sr.NoticeDays, sr.Quorum = 5, meeting.QuorumRule{Percent: 60, Proxies: true}
	must(st.UpdateSeries(ctx, sr))
	budget := r.Agenda[1]
	must(st.StartItem(ctx, budget.ID, "10:00"))
	var chair, secretary *meeting.Attendee
	for _, a := range r.Attendees {
		switch a.Role {
		case meeting.Chair:
			chair = a
		case meeting.Secretary:
			secretary = a
		}
	}
	for _, move := range []struct {
		who    *meeting.Attendee
		arrive bool
		at     meeting.Clock
	}{{secretary, false, "10:15"}, {chair, false, "10:30"}, {chair, true, "10:50"}} {
		var err error
		if move.arrive {
			_, err = st.RecordArrival(ctx, move.who.ID, move.at)
		} else {
			_, err = st.RecordDeparture(ctx, move.who.ID, move.at)
		}
		must(err)
	}
	must(st.SubmitMinutes(ctx, r.Meeting.ID, secretary.Person.Name, ""))
	must(st.ApproveMinutes(ctx, r.Meeting.ID, chair.Person.Name, ""))
	r, err := st.Record(ctx, r.Meeting.ID)
	must(err)
	// The sample was imported, not convened through Quorum: say it was, late.
	r.Meeting.ConvenedOn = "2026-11-30"
	r.Notice = meeting.NoticeCheck(r.Meeting.ConvenedOn, r.Meeting.Starts, sr.NoticeDays)

	fr := render(t, func(b *bytes.Buffer) error { return Minutes(b, r, printedAt) })
	fr.has(t, "Convocation envoyée le 30/11/2026 — délai de 5 jours francs non respecté",
		"Le quorum est atteint : 3 membre(s) ayant voix délibérative présent(s) ou représenté(s) sur 3, 2 requis.",
		"À 10 h 30, pendant le point 2, le quorum n'est plus atteint : 0 membre(s)",
		"À 10 h 50, pendant le point 2, le quorum est de nouveau atteint : 2 membre(s)",
		"Arrivées et départs en cours de séance",
		"10 h 15 : départ de "+secretary.Person.Name+", pendant le point 2",
		"10 h 30 : départ de "+chair.Person.Name+", pendant le point 2",
		"10 h 50 : arrivée de "+chair.Person.Name+", pendant le point 2",
		"Procès-verbal approuvé le 20/11/2026 par "+chair.Person.Name+".", "Approuvé")

	o := printedAt
	o.Language = "en"
	en := render(t, func(b *bytes.Buffer) error { return Minutes(b, r, o) })
	en.has(t, "Notice sent on 30/11/2026 — notice of 5 clear days not met",
		"The quorum is reached: 3 of 3 voting members present or represented, 2 required.",
		"At 10:30, during item 2, the quorum was lost: 0 of 3",
		"At 10:50, during item 2, the quorum was regained: 2 of 3",
		"Arrivals and departures during the meeting", "10:15: "+secretary.Person.Name+" left, during item 2",
		"Minutes approved on 20/11/2026 by "+chair.Person.Name+".")

	// Convened in time, with one clear day required; reopened with a reason.
	r.Notice = meeting.NoticeCheck("2026-12-01", r.Meeting.Starts, 1)
	r.Meeting.ConvenedOn = "2026-12-01"
	must(st.ReopenMinutes(ctx, r.Meeting.ID, secretary.Person.Name, "Erreur au point 2."))
	r.Steps, err = st.MinutesHistory(ctx, r.Meeting.ID)
	must(err)
	r.Meeting.Status = meeting.MinutesDraft
	again := render(t, func(b *bytes.Buffer) error { return Minutes(b, r, printedAt) })
	again.has(t, "envoyée le 01/12/2026 — délai de 1 jour franc respecté",
		"Procès-verbal rouvert le 20/11/2026 par "+secretary.Person.Name+" : Erreur au point 2.")
	again.hasNot(t, "non respecté", "approuvé le")
}

// TestMinutesWithoutQuorumRule leaves the quorum out when the series has
// no rule, and the notice out when the meeting was never convened.
func TestMinutesWithoutQuorumRule(t *testing.T) {
	_, r := sampleRecord(t)
	p := render(t, func(b *bytes.Buffer) error { return Minutes(b, r, printedAt) })
	p.hasNot(t, "quorum", "Convocation", "Arrivées et départs", "approuvé le")
}

func TestActionLogColours(t *testing.T) {
	_, r := sampleRecord(t)
	today := meeting.DateOf(printedAt.Now)
	r.Actions = []*meeting.Action{
		{Title: "Late", Due: "2027-01-19", Status: meeting.ActionOpen},
		{Title: "Soon", Due: "2027-01-27", Status: meeting.ActionOpen},
		{Title: "Later", Due: "2027-01-28", Status: meeting.ActionOpen},
		{Title: "Finished", Due: "2027-01-19", Status: meeting.ActionDone, Completed: today},
	}
	p := render(t, func(b *bytes.Buffer) error { return ActionLog(b, MeetingActions(r), false, printedAt) })
	// Only the late one is said late, only the one due within a week soon.
	if strings.Count(p.text, "en retard") != 1 || strings.Count(p.text, "proche") != 1 {
		t.Errorf("action log:\n%s", p.text)
	}
	p.has(t, "Late", "Soon", "Later", "Finished", "20/01/2027")
}

// TestAgendaReviewsOpenActions prints, under the next meeting's "Revue des
// actions", the open actions of the series.
func TestAgendaReviewsOpenActions(t *testing.T) {
	st, r := sampleRecord(t)
	ctx := context.Background()
	next := &meeting.Meeting{SeriesID: r.Meeting.SeriesID, Title: "Comité de direction — séance de janvier",
		Starts: r.Meeting.Starts.AddDate(0, 1, 0), TimeZone: r.Meeting.TimeZone}
	if err := st.CreateMeeting(ctx, next); err != nil {
		t.Fatal(err)
	}
	rn, err := st.Record(ctx, next.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rn.Review) == 0 {
		t.Fatal("the sample has no open action to review")
	}
	p := render(t, func(b *bytes.Buffer) error { return Agenda(b, rn, printedAt) })
	p.has(t, "Approbation du procès-verbal de la", "Revue des actions")
	for _, a := range rn.Review {
		p.has(t, "• "+a.Title)
	}
	if a := rn.Review[0]; a.Due != "" && a.Due < meeting.DateOf(printedAt.Now) {
		p.has(t, "(en retard)")
	}
}
