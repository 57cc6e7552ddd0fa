package live_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/live"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

var paris, _ = time.LoadLocation("Europe/Paris")

// at is a time of the sitting's day, 3 December 2026, in Paris.
func at(h, m int) func() time.Time {
	return func() time.Time { return time.Date(2026, 12, 3, h, m, 0, 0, paris) }
}

// board is a convened meeting of a series whose quorum is half of the
// voting members, proxies counted: four voting members (two of them
// already there, one represented by another), a non-voting secretary
// and three items.
type board struct {
	m         *meeting.Meeting
	items     []*meeting.AgendaItem
	attendees []*meeting.Attendee // Claire, Bruno, Anaïs, Zoé, the secretary
}

func newBoard(t *testing.T, st *meeting.Store) board {
	t.Helper()
	ctx := context.Background()
	s := &meeting.Series{Name: "Conseil d’administration", Code: "CA", Quorum: meeting.QuorumRule{Percent: 50, Proxies: true}}
	uitest.Must(t, st.CreateSeries(ctx, s))
	b := board{m: &meeting.Meeting{SeriesID: s.ID, Number: 4, Title: "Conseil d’administration", Language: "fr",
		Starts: time.Date(2026, 12, 3, 9, 30, 0, 0, paris), TimeZone: "Europe/Paris", Minutes: 90}}
	uitest.Must(t, st.CreateMeeting(ctx, b.m))
	for _, who := range []struct {
		name   string
		voting bool
		status meeting.Presence
	}{
		{"Claire Martin", true, meeting.Confirmed},
		{"Bruno Lefèvre", true, meeting.Confirmed},
		{"Anaïs Dupont-Moreau", true, meeting.Represented},
		{"Zoé Œuvrard", true, meeting.Apologies},
		{"Jean-Loïc Nguyễn", false, meeting.Confirmed},
	} {
		p := &meeting.Person{Name: who.name}
		uitest.Must(t, st.CreatePerson(ctx, p))
		a := &meeting.Attendee{MeetingID: b.m.ID, PersonID: p.ID, Role: meeting.Member, Voting: who.voting, Status: who.status}
		if who.status == meeting.Represented {
			a.ProxyID = b.attendees[1].PersonID // Bruno holds Anaïs's proxy
		}
		uitest.Must(t, st.AddAttendee(ctx, a))
		b.attendees = append(b.attendees, a)
	}
	for _, it := range []*meeting.AgendaItem{
		{MeetingID: b.m.ID, Title: "Approbation du procès-verbal", Purpose: meeting.ForDecision, Minutes: 10},
		{MeetingID: b.m.ID, Title: "Budget primitif 2027 et programme pluriannuel d’investissement", Purpose: meeting.ForDecision, Minutes: 20},
		{MeetingID: b.m.ID, Title: "Questions diverses", Purpose: meeting.ForInformation, Minutes: 15},
	} {
		uitest.Must(t, st.AddItem(ctx, it))
		b.items = append(b.items, it)
	}
	uitest.Must(t, st.SetMeetingStatus(ctx, b.m.ID, meeting.Convened))
	return b
}

// show builds the live view of meeting id with the clock now, shows it
// and waits for it to read the meeting.
func show(t *testing.T, env *uikit.Env, st *meeting.Store, id int64, now func() time.Time) *live.Tab {
	t.Helper()
	v := live.New(env, st, id)
	env.Wait() // its first read is done before the test draws it
	v.Now = now
	uitest.Load(env, v)
	return v
}

func record(t *testing.T, st *meeting.Store, id int64) *meeting.Record {
	t.Helper()
	r, err := st.Record(context.Background(), id)
	uitest.Must(t, err)
	return r
}

// tap taps b as the user would, at the time now, and waits for the change
// to be saved and read back.
func tap(t *testing.T, env *uikit.Env, v *live.Tab, b *widget.Button, now func() time.Time) {
	t.Helper()
	if b.Disabled() {
		t.Fatalf("%q is disabled", b.Text)
	}
	v.Now = now
	test.Tap(b)
	env.Wait()
}

func TestASittingFromOpeningToClosing(t *testing.T) {
	st := uitest.Store(t)
	env, _ := uitest.Env(t)
	b := newBoard(t, st)
	v := show(t, env, st, b.m.ID, at(9, 25))

	if v.OpenSitting.Disabled() == true || !v.CloseSitting.Disabled() || !v.Next.Disabled() {
		t.Fatalf("before the sitting: open %v, close %v, next %v enabled", !v.OpenSitting.Disabled(), !v.CloseSitting.Disabled(), !v.Next.Disabled())
	}
	if !strings.Contains(v.Sitting.Text, "not open yet") || !strings.Contains(v.Sitting.Text, "09:30") {
		t.Errorf("before the sitting: %q", v.Sitting.Text)
	}
	// Claire and Bruno are expected, Anaïs is represented by Bruno, who is
	// not there yet: nobody counts.
	if q := v.Quorum.State; q.Reached || q.Members != 4 || q.Required != 2 || q.Present != 0 {
		t.Errorf("before anyone came: %+v", q)
	}

	// Claire comes in at 9:28; the sitting opens at 9:31 on the first item.
	tap(t, env, v, v.Attendees[0].Move, at(9, 28))
	tap(t, env, v, v.OpenSitting, at(9, 31))
	r := record(t, st, b.m.ID)
	if r.Meeting.Opened != "09:31" || r.Agenda[0].Started != "09:31" {
		t.Fatalf("opened %q, first item started %q", r.Meeting.Opened, r.Agenda[0].Started)
	}
	if v.Title.Text != "1. Approbation du procès-verbal" || v.Position.Text != "Item 1 of 3" {
		t.Errorf("the item shown: %q (%q)", v.Title.Text, v.Position.Text)
	}
	if !strings.HasPrefix(v.Coming.Text, "Next: 2. Budget primitif") {
		t.Errorf("next item: %q", v.Coming.Text)
	}
	if v.Quorum.State.Reached || v.Quorum.Importance != widget.DangerImportance {
		t.Errorf("one of four there: %+v shown %q", v.Quorum.State, v.Quorum.Text)
	}

	// Bruno arrives at 9:40 during item 1 with Anaïs's proxy: three of four.
	tap(t, env, v, v.Attendees[1].Move, at(9, 40))
	if q := v.Quorum.State; !q.Reached || q.Present != 3 || q.Proxies != 1 || v.Quorum.Importance != widget.SuccessImportance {
		t.Errorf("with Bruno and his proxy: %+v shown %q", q, v.Quorum.Text)
	}
	if v.Attendees[1].Move.Text != "Departure" || !strings.Contains(v.Attendees[1].State.Text, "present since 09:40") {
		t.Errorf("Bruno's row: %q, button %q", v.Attendees[1].State.Text, v.Attendees[1].Move.Text)
	}
	if ev := record(t, st, b.m.ID).Attendees[1].Events; len(ev) != 1 || ev[0].Kind != meeting.Arrival || ev[0].At != "09:40" || ev[0].ItemID != b.items[0].ID {
		t.Errorf("Bruno's arrival recorded as %+v", ev)
	}

	// At 9:44 the first item has run 13 minutes of its 10: it says so in red.
	v.Now = at(9, 44)
	v.Tick()
	if v.Elapsed.Text != "13 min of 10 min: 3 min over" || v.Elapsed.Importance != widget.DangerImportance {
		t.Errorf("time on item 1: %q (importance %v)", v.Elapsed.Text, v.Elapsed.Importance)
	}

	// Next item; the secretary types a note and a decision on it.
	tap(t, env, v, v.Next, at(9, 45))
	r = record(t, st, b.m.ID)
	if r.Agenda[0].Ended != "09:45" || r.Agenda[1].Started != "09:45" {
		t.Fatalf("item 1 ended %q, item 2 started %q", r.Agenda[0].Ended, r.Agenda[1].Started)
	}
	if v.Elapsed.Text != "0 min of 20 min" || v.Elapsed.Importance == widget.DangerImportance {
		t.Errorf("time on item 2 as it starts: %q", v.Elapsed.Text)
	}
	test.Type(v.Minutes.Notes, "Le trésorier présente le budget.")
	test.Tap(v.Minutes.AddDecision)
	test.Type(v.Minutes.Decisions[0].Text, "Le budget primitif 2027 est adopté.")
	env.Wait()
	r = record(t, st, b.m.ID)
	if it := r.Agenda[1]; it.Notes != "Le trésorier présente le budget." || len(it.Decisions) != 1 || it.Decisions[0].Text != "Le budget primitif 2027 est adopté." {
		t.Errorf("item 2 holds notes %q, decisions %+v", it.Notes, it.Decisions)
	}

	// Bruno leaves at 9:50: Claire alone, the quorum is lost; the tap was
	// a mistake, Undo brings him back.
	tap(t, env, v, v.Attendees[1].Move, at(9, 50))
	if q := v.Quorum.State; q.Reached || q.Present != 1 {
		t.Errorf("after Bruno left: %+v", q)
	}
	if ev := record(t, st, b.m.ID).Attendees[1].Events; len(ev) != 2 || ev[1].Kind != meeting.Departure || ev[1].ItemID != b.items[1].ID {
		t.Errorf("Bruno's departure recorded as %+v", ev)
	}
	tap(t, env, v, v.Attendees[1].Undo, at(9, 51))
	if q := v.Quorum.State; !q.Reached || len(record(t, st, b.m.ID).Attendees[1].Events) != 1 {
		t.Errorf("after the undo: %+v", q)
	}

	// Back to item 1 and on again; then the last item, where Next stops.
	tap(t, env, v, v.Previous, at(9, 55))
	if v.Title.Text != "1. Approbation du procès-verbal" {
		t.Errorf("back: %q", v.Title.Text)
	}
	tap(t, env, v, v.Next, at(9, 57))
	tap(t, env, v, v.Next, at(10, 20))
	if !v.Next.Disabled() || v.Coming.Text != "" {
		t.Errorf("on the last item: next enabled %v, coming %q", !v.Next.Disabled(), v.Coming.Text)
	}

	// Closing ends the last item, marks the meeting held and stops taps.
	changed := false
	v.OnChanged = func() { changed = true }
	tap(t, env, v, v.CloseSitting, at(10, 32))
	r = record(t, st, b.m.ID)
	if r.Meeting.Closed != "10:32" || r.Agenda[2].Ended != "10:32" || r.Meeting.Status != meeting.Held || !changed {
		t.Errorf("closed %q, last item ended %q, status %s, header told %v", r.Meeting.Closed, r.Agenda[2].Ended, r.Meeting.Status, changed)
	}
	if v.Sitting.Text != "Sitting opened at 09:31, closed at 10:32 (1 h 01)." {
		t.Errorf("after closing: %q", v.Sitting.Text)
	}
	if !v.CloseSitting.Disabled() || !v.Attendees[0].Move.Disabled() || !v.Next.Disabled() {
		t.Error("buttons still enabled after the close")
	}
}

func TestNothingChangesInApprovedMinutesACancelledMeetingOrAReadOnlyWindow(t *testing.T) {
	st := uitest.Store(t)
	ctx := context.Background()
	b := newBoard(t, st)
	for _, s := range []meeting.Status{meeting.Held, meeting.MinutesDraft} {
		uitest.Must(t, st.SetMeetingStatus(ctx, b.m.ID, s))
	}
	uitest.Must(t, st.SubmitMinutes(ctx, b.m.ID, "Jean-Loïc Nguyễn", ""))
	uitest.Must(t, st.ApproveMinutes(ctx, b.m.ID, "Claire Martin", ""))

	env, _ := uitest.Env(t)
	v := show(t, env, st, b.m.ID, time.Now)
	if v.Locked.Hidden || v.Locked.Text != uikit.LockedText() {
		t.Errorf("locked meeting: banner %q shown %v", v.Locked.Text, !v.Locked.Hidden)
	}
	for _, btn := range []*widget.Button{v.OpenSitting, v.Attendees[0].Move, v.Attendees[1].Move} {
		if !btn.Disabled() {
			t.Errorf("%q enabled on approved minutes", btn.Text)
		}
	}

	// A cancelled meeting has no sitting.
	st3 := uitest.Store(t)
	b3 := newBoard(t, st3)
	uitest.Must(t, st3.SetMeetingStatus(ctx, b3.m.ID, meeting.Cancelled))
	env3, _ := uitest.Env(t)
	v3 := show(t, env3, st3, b3.m.ID, time.Now)
	if !v3.OpenSitting.Disabled() || !v3.Attendees[0].Move.Disabled() || !strings.Contains(v3.Locked.Text, "cancelled") || v3.Locked.Hidden {
		t.Errorf("a cancelled meeting: open enabled %v, banner %q", !v3.OpenSitting.Disabled(), v3.Locked.Text)
	}

	st2 := uitest.Store(t)
	b2 := newBoard(t, st2)
	ro, _ := uitest.Env(t)
	ro.ReadOnly = true
	v2 := show(t, ro, st2, b2.m.ID, time.Now)
	if !v2.OpenSitting.Disabled() || !v2.Attendees[0].Move.Disabled() || !v2.Locked.Hidden {
		t.Error("a read-only window lets the sitting open or someone arrive")
	}
}

func TestAnEmptyMeetingSaysWhatToDo(t *testing.T) {
	st := uitest.Store(t)
	m := &meeting.Meeting{Title: "Point rapide", Starts: time.Date(2026, 12, 3, 14, 0, 0, 0, paris), TimeZone: "Europe/Paris", Minutes: 30}
	uitest.Must(t, st.CreateMeeting(context.Background(), m))
	env, _ := uitest.Env(t)
	v := show(t, env, st, m.ID, at(14, 5))
	if !strings.Contains(v.Title.Text, "no items") || len(v.Attendees) != 0 || !strings.HasPrefix(v.Quorum.Text, "No quorum required — voting members present: 0 of 0") {
		t.Errorf("empty meeting: title %q, %d rows, quorum %q", v.Title.Text, len(v.Attendees), v.Quorum.Text)
	}
	// The sitting still opens and closes, with no item to start.
	tap(t, env, v, v.OpenSitting, at(14, 5))
	tap(t, env, v, v.CloseSitting, at(14, 20))
	if r := record(t, st, m.ID); r.Meeting.Opened != "14:05" || r.Meeting.Closed != "14:20" {
		t.Errorf("opened %q closed %q", r.Meeting.Opened, r.Meeting.Closed)
	}
}

func TestTheLiveViewInFrench(t *testing.T) {
	uitest.French(t)
	st := uitest.Store(t)
	env, _ := uitest.Env(t)
	b := newBoard(t, st)
	v := show(t, env, st, b.m.ID, time.Now)
	tap(t, env, v, v.Attendees[0].Move, at(9, 28))
	tap(t, env, v, v.OpenSitting, at(9, 31))
	v.Now = at(9, 33)
	v.Tick()
	for got, want := range map[string]string{
		v.OpenSitting.Text:        "Ouvrir la séance",
		v.Sitting.Text:            "Séance ouverte à 09:31 : 2 min sur 1 h 30 prévues.",
		v.Position.Text:           "Point 1 sur 3",
		v.Elapsed.Text:            "2 min sur 10 min",
		v.Attendees[0].State.Text: "Membre · présent depuis 09:28",
		v.Attendees[2].State.Text: "Membre · représenté par Bruno Lefèvre",
		v.Attendees[4].State.Text: "Membre, sans voix délibérative · Présence confirmée",
		v.Attendees[0].Move.Text:  "Départ",
		v.Quorum.Text:             "Quorum non atteint — membres votants présents : 1 sur 4 (2 requis)",
	} {
		if got != want {
			t.Errorf("shows %q, want %q", got, want)
		}
	}
}

// gated is a store whose arrivals wait until the test lets them through,
// so that a test sees the view while a change is being saved.
type gated struct {
	*meeting.Store
	through chan struct{}
}

func (g gated) RecordArrival(ctx context.Context, attendeeID int64, at meeting.Clock) (*meeting.AttendanceEvent, error) {
	<-g.through
	return g.Store.RecordArrival(ctx, attendeeID, at)
}

func TestATapWaitsForTheChangeBeforeTheNext(t *testing.T) {
	st := uitest.Store(t)
	env, _ := uitest.Env(t)
	b := newBoard(t, st)
	g := gated{st, make(chan struct{})}
	v := live.New(env, g, b.m.ID)
	env.Wait()
	v.Now = at(9, 20)
	uitest.Load(env, v)
	claire := v.Attendees[0]
	test.Tap(claire.Move)
	// A second tap on the same row before the change is read back would
	// record her arrival twice; the buttons wait, even when the clock ticks.
	v.Tick()
	for _, b := range []*widget.Button{claire.Move, claire.At, claire.Undo, v.OpenSitting, v.Attendees[1].Move} {
		if !b.Disabled() {
			t.Errorf("%q is enabled while the change is saved", b.Text)
		}
	}
	close(g.through)
	env.Wait()
	if row := v.Attendees[0]; row.Move.Disabled() || row.Move.Text != "Departure" || v.OpenSitting.Disabled() {
		t.Errorf("after the change: %q disabled %v, open the sitting disabled %v", row.Move.Text, row.Move.Disabled(), v.OpenSitting.Disabled())
	}
}

func TestTheReviewOfActionsClosesThemEverywhere(t *testing.T) {
	st := uitest.Store(t)
	ctx := context.Background()
	b := newBoard(t, st)
	owner := b.attendees[1].PersonID
	late := &meeting.Action{MeetingID: b.m.ID, Title: "Chiffrer la rénovation du gymnase", OwnerID: owner, Due: "2026-11-30", Status: meeting.ActionOpen}
	soon := &meeting.Action{MeetingID: b.m.ID, Title: "Relancer le prestataire", OwnerID: owner, Due: "2026-12-08", Status: meeting.ActionInProgress}
	uitest.Must(t, st.CreateAction(ctx, late))
	uitest.Must(t, st.CreateAction(ctx, soon))
	next := &meeting.Meeting{SeriesID: b.m.SeriesID, Title: "Conseil d’administration", Language: "fr",
		Starts: time.Date(2027, 1, 14, 9, 30, 0, 0, paris), TimeZone: "Europe/Paris", Minutes: 90}
	uitest.Must(t, st.CreateMeetingFromSeries(ctx, next))

	env, _ := uitest.Env(t)
	v := show(t, env, st, next.ID, at(9, 30))
	tap(t, env, v, v.OpenSitting, v.Now)
	for i := 0; len(v.Minutes.Review) == 0; i++ {
		if i > 3 || v.Next.Disabled() {
			t.Fatalf("no review of actions on %q", v.Title.Text)
		}
		tap(t, env, v, v.Next, v.Now)
	}
	if len(v.Minutes.Review) != 2 {
		t.Fatalf("%d actions to review, want 2", len(v.Minutes.Review))
	}
	row := v.Minutes.Review[0]
	if !strings.Contains(row.Action.Text, "Chiffrer la rénovation") || !strings.Contains(row.Action.Text, "overdue") ||
		row.Action.Importance != widget.DangerImportance || v.Minutes.Review[1].Action.Importance != widget.WarningImportance {
		t.Errorf("rows: %q (%v), %q (%v)", row.Action.Text, row.Action.Importance, v.Minutes.Review[1].Action.Text, v.Minutes.Review[1].Action.Importance)
	}
	row.Status.SetSelected(uikit.ActionStatusLabel(meeting.ActionDone))
	env.Wait()
	got, err := st.GetAction(ctx, late.ID)
	uitest.Must(t, err)
	if got.Status != meeting.ActionDone || got.Completed == "" {
		t.Errorf("the action reviewed is %s (completed %q), want done", got.Status, got.Completed)
	}
	// The row stays, in blue, until the meeting moves on.
	if len(v.Minutes.Review) != 2 || v.Minutes.Review[0].Action.Importance != widget.HighImportance || v.Minutes.Review[0].Status.Value() != meeting.ActionDone {
		t.Errorf("after closing it: %d rows, first %v %s", len(v.Minutes.Review), v.Minutes.Review[0].Action.Importance, v.Minutes.Review[0].Status.Value())
	}
	tap(t, env, v, v.Previous, v.Now)
	if len(v.Minutes.Review) != 0 {
		t.Errorf("the review stays on another item %q", v.Title.Text)
	}
}

func TestAForgottenTapIsRecordedAtTheTimeTyped(t *testing.T) {
	st := uitest.Store(t)
	env, _ := uitest.Env(t)
	b := newBoard(t, st)
	v := show(t, env, st, b.m.ID, at(9, 30))
	tap(t, env, v, v.OpenSitting, at(9, 31))
	tap(t, env, v, v.Next, at(9, 45))

	// Bruno came in at 9:35, during item 1; the secretary notices at 9:50.
	v.Now = at(9, 50)
	test.Tap(v.Attendees[1].At)
	if v.MovementAt.Text != "09:50" {
		t.Errorf("the time offered is %q, want now", v.MovementAt.Text)
	}
	v.MovementAt.SetText("25:10")
	if v.MovementAt.Validate() == nil {
		t.Error("25:10 is taken as a time")
	}
	v.MovementAt.SetText("9h35") // as French users write it
	v.MovementDialog.Submit()
	env.Wait()
	ev := record(t, st, b.m.ID).Attendees[1].Events
	if len(ev) != 1 || ev[0].Kind != meeting.Arrival || ev[0].At != "09:35" || ev[0].ItemID != b.items[0].ID {
		t.Fatalf("Bruno's late-recorded arrival: %+v (item 1 is %d)", ev, b.items[0].ID)
	}
	if !strings.Contains(v.Attendees[1].State.Text, "present since 09:35") {
		t.Errorf("Bruno's row: %q", v.Attendees[1].State.Text)
	}

	// A time before his last movement is refused in plain words; nothing changes.
	test.Tap(v.Attendees[1].At)
	v.MovementAt.SetText("09:30")
	v.MovementDialog.Submit()
	env.Wait()
	if ev := record(t, st, b.m.ID).Attendees[1].Events; len(ev) != 1 {
		t.Errorf("a departure before the arrival was recorded: %+v", ev)
	}
	if text := uitest.TopOverlayText(env); !strings.Contains(text, "before") {
		t.Errorf("the refusal says %q", text)
	}
}

func TestBeforeTheSittingAndPastMidnight(t *testing.T) {
	st := uitest.Store(t)
	env, _ := uitest.Env(t)
	b := newBoard(t, st)
	v := show(t, env, st, b.m.ID, at(9, 15))

	// Claire comes in at 9:20 and steps out at 9:22, before the opening.
	tap(t, env, v, v.Attendees[0].Move, at(9, 20))
	tap(t, env, v, v.Attendees[0].Move, at(9, 22))
	if row := v.Attendees[0]; row.Move.Text != "Arrival" || !strings.Contains(row.State.Text, "left at 09:22") || v.Quorum.State.Present != 0 {
		t.Errorf("after she left before the opening: %q, button %q, %d counted", row.State.Text, row.Move.Text, v.Quorum.State.Present)
	}

	// The sitting runs late: item 2 at 23:50, item 3 at 00:05, closed at 00:20.
	tap(t, env, v, v.OpenSitting, at(21, 0))
	tap(t, env, v, v.Next, at(23, 50))
	tap(t, env, v, v.Next, func() time.Time { return time.Date(2026, 12, 4, 0, 5, 0, 0, paris) })
	if v.Title.Text != "3. Questions diverses" || v.Position.Text != "Item 3 of 3" {
		t.Errorf("after midnight the view shows %q (%q)", v.Title.Text, v.Position.Text)
	}
	v.Now = func() time.Time { return time.Date(2026, 12, 4, 0, 12, 0, 0, paris) }
	v.Tick()
	if v.Elapsed.Text != "7 min of 15 min" {
		t.Errorf("time on item 3 after midnight: %q", v.Elapsed.Text)
	}
	tap(t, env, v, v.CloseSitting, func() time.Time { return time.Date(2026, 12, 4, 0, 20, 0, 0, paris) })
	if r := record(t, st, b.m.ID); r.Meeting.Closed != "00:20" || r.Agenda[2].Ended != "00:20" || r.Agenda[1].Ended != "00:05" {
		t.Errorf("closed %q; item 2 ended %q, item 3 ended %q", r.Meeting.Closed, r.Agenda[1].Ended, r.Agenda[2].Ended)
	}
}

func TestATimeStillToComeIsRefused(t *testing.T) {
	st := uitest.Store(t)
	env, _ := uitest.Env(t)
	b := newBoard(t, st)
	v := show(t, env, st, b.m.ID, at(9, 30))
	test.Tap(v.Attendees[0].At)
	v.MovementAt.SetText("10:00")
	if err := v.MovementAt.Validate(); err == nil || !strings.Contains(err.Error(), "still to come") {
		t.Errorf("10:00 at 9:30: %v", err)
	}
}
