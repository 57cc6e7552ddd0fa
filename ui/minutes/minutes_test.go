package minutes_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/minutes"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

// sitting is a meeting with a chair, a secretary and two items, the
// second with a sub-item.
func sitting(t *testing.T, st *meeting.Store) (m *meeting.Meeting, items []*meeting.AgendaItem, chair *meeting.Person) {
	t.Helper()
	ctx := context.Background()
	paris, _ := time.LoadLocation("Europe/Paris")
	m = &meeting.Meeting{Title: "Comité de direction — décembre", Starts: time.Date(2026, 12, 3, 9, 30, 0, 0, paris),
		TimeZone: "Europe/Paris", Minutes: 120, Language: "fr"}
	must(t, st.CreateMeeting(ctx, m))
	chair = &meeting.Person{Name: "Claire Martin"}
	must(t, st.CreatePerson(ctx, chair))
	sec := &meeting.Person{Name: "Jean-Loïc Nguyễn"}
	must(t, st.CreatePerson(ctx, sec))
	must(t, st.CreatePerson(ctx, &meeting.Person{Name: "Zoé Outsider"})) // in the directory, not invited
	must(t, st.AddAttendee(ctx, &meeting.Attendee{MeetingID: m.ID, PersonID: chair.ID, Role: meeting.Chair, Voting: true, Status: meeting.Present}))
	must(t, st.AddAttendee(ctx, &meeting.Attendee{MeetingID: m.ID, PersonID: sec.ID, Role: meeting.Secretary, Status: meeting.Present}))
	for _, it := range []*meeting.AgendaItem{
		{MeetingID: m.ID, Title: "Approbation du procès-verbal", Purpose: meeting.ForDecision, Minutes: 10},
		{MeetingID: m.ID, Title: "Budget 2027", Purpose: meeting.ForDiscussion, Minutes: 45},
	} {
		must(t, st.AddItem(ctx, it))
		items = append(items, it)
	}
	sub := &meeting.AgendaItem{MeetingID: m.ID, ParentID: items[1].ID, Title: "Investissements", Purpose: meeting.ForDecision}
	must(t, st.AddItem(ctx, sub))
	return m, append(items, sub), chair
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// retype replaces an entry's text as a user would: select all, type.
func retype(e *widget.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}

func TestMinutesOfAnItem(t *testing.T) {
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	ctx := context.Background()
	m, items, chair := sitting(t, st)
	tab := uitest.Shown(env, minutes.New(env, st, m.ID))

	if n := tab.Items.Length(); n != 4 {
		t.Fatalf("the list shows %d entries, want the 3 items and the actions tied to none", n)
	}
	if !strings.Contains(tab.Heading.Text, "1. Approbation du procès-verbal") {
		t.Fatalf("the first item is not shown: %q", tab.Heading.Text)
	}

	// Notes, typed, are saved.
	test.Type(tab.Notes, "Le procès-verbal est approuvé sans remarque.")
	tab.Notes.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(tab.Notes, "Aucune abstention.")
	env.Wait()
	a, err := st.Agenda(ctx, m.ID)
	must(t, err)
	if got := a.Find(items[0].ID).Notes; got != "Le procès-verbal est approuvé sans remarque.\nAucune abstention." {
		t.Fatalf("notes in the store: %q", got)
	}

	// A decision with its votes.
	test.Tap(tab.AddDecision)
	if len(tab.Decisions) != 1 {
		t.Fatalf("%d decision rows after Add", len(tab.Decisions))
	}
	d := tab.Decisions[0]
	if d.Delete.Text != "Delete" {
		t.Errorf("the Delete button reads %q", d.Delete.Text)
	}
	test.Type(d.Text, "Le procès-verbal de la séance n° 11 est approuvé.")
	test.Type(d.For, "7")
	test.Type(d.Against, "2")
	test.Type(d.Abstain, "1")
	d.Outcome.SetSelectedIndex(1) // Rejected
	env.Wait()
	a, err = st.Agenda(ctx, m.ID)
	must(t, err)
	decs := a.Find(items[0].ID).Decisions
	if len(decs) != 1 {
		t.Fatalf("the store holds %d decisions", len(decs))
	}
	want := meeting.Decision{ID: decs[0].ID, ItemID: items[0].ID, Text: "Le procès-verbal de la séance n° 11 est approuvé.",
		Outcome: meeting.Rejected, For: 7, Against: 2, Abstain: 1}
	if decs[0] != want {
		t.Fatalf("decision in the store: %+v, want %+v", decs[0], want)
	}

	// Bad votes: a message, nothing saved.
	retype(d.For, "-3")
	env.Wait()
	if d.Error.Hidden || !strings.Contains(d.Error.Text, "-3") {
		t.Errorf("no message for -3 votes: %q", d.Error.Text)
	}
	a, _ = st.Agenda(ctx, m.ID)
	if got := a.Find(items[0].ID).Decisions[0].For; got != 7 {
		t.Errorf("votes for became %d after a bad entry", got)
	}
	retype(d.For, "8")
	env.Wait()
	if !d.Error.Hidden {
		t.Errorf("the message stays once the votes are right: %q", d.Error.Text)
	}

	// An action with its owner and due date.
	test.Tap(tab.AddAction)
	if len(tab.Actions) != 1 {
		t.Fatalf("%d action rows after Add", len(tab.Actions))
	}
	ar := tab.Actions[0]
	if got := ar.Owner.Options; len(got) != 4 || got[1] != "Claire Martin" || got[3] != "Zoé Outsider" {
		t.Errorf("owners offered: %q (want —, the attendees, then the directory)", got)
	}
	test.Type(ar.Title, "Diffuser le procès-verbal approuvé")
	test.Type(ar.Due, "15/01/2027")
	ar.Owner.SetSelected("Claire Martin")
	env.Wait()
	acts, err := st.ListActions(ctx, meeting.ActionFilter{MeetingID: m.ID})
	must(t, err)
	if len(acts) != 1 {
		t.Fatalf("the store holds %d actions", len(acts))
	}
	if got := acts[0]; got.Title != "Diffuser le procès-verbal approuvé" || got.OwnerID != chair.ID || got.Due != "2027-01-15" ||
		got.ItemID != items[0].ID || got.Status != meeting.ActionOpen {
		t.Fatalf("action in the store: %+v", got)
	}

	// A bad date: a message beside the field, nothing saved.
	retype(ar.Due, "31/02/2027")
	env.Wait()
	if ar.Error.Hidden || !strings.Contains(ar.Error.Text, "31/02/2027") {
		t.Errorf("no message for 31/02/2027: %q", ar.Error.Text)
	}
	acts, _ = st.ListActions(ctx, meeting.ActionFilter{MeetingID: m.ID})
	if acts[0].Due != "2027-01-15" {
		t.Errorf("due date became %q after a bad entry", acts[0].Due)
	}
	// A 5,000-character title: refused too.
	retype(ar.Due, "16/01/2027")
	ar.Title.SetText(strings.Repeat("x", 5000)) // pasted
	env.Wait()
	acts, _ = st.ListActions(ctx, meeting.ActionFilter{MeetingID: m.ID})
	if acts[0].Title != "Diffuser le procès-verbal approuvé" || ar.Error.Hidden {
		t.Errorf("a 5,000-character title: stored %d characters, message %q", len(acts[0].Title), ar.Error.Text)
	}
	retype(ar.Title, "Diffuser le procès-verbal")
	ar.Status.SetSelectedIndex(2) // Done
	env.Wait()
	acts, _ = st.ListActions(ctx, meeting.ActionFilter{MeetingID: m.ID})
	if acts[0].Status != meeting.ActionDone || acts[0].Due != "2027-01-16" || acts[0].Title != "Diffuser le procès-verbal" {
		t.Errorf("action after the fixes: %+v", acts[0])
	}

	// Another item shows its own; coming back shows what was saved.
	tab.Items.Select(1)
	if len(tab.Decisions) != 0 || len(tab.Actions) != 0 || tab.Notes.Text != "" {
		t.Errorf("item 2 shows %d decisions, %d actions, notes %q", len(tab.Decisions), len(tab.Actions), tab.Notes.Text)
	}
	tab.Items.Select(0)
	if len(tab.Decisions) != 1 || tab.Decisions[0].For.Text != "8" || len(tab.Actions) != 1 ||
		!strings.HasPrefix(tab.Notes.Text, "Le procès-verbal") {
		t.Errorf("item 1 after coming back: %d decisions, %d actions, notes %q", len(tab.Decisions), len(tab.Actions), tab.Notes.Text)
	}

	// Deleting asks first.
	test.Tap(tab.Decisions[0].Delete)
	uitest.TapDialogButton(t, env, lang.L("Delete"))
	env.Wait()
	a, _ = st.Agenda(ctx, m.ID)
	if n := len(a.Find(items[0].ID).Decisions); n != 0 || len(tab.Decisions) != 0 {
		t.Errorf("after Delete: %d decisions stored, %d shown", n, len(tab.Decisions))
	}
	test.Tap(tab.Actions[0].Delete)
	uitest.TapDialogButton(t, env, lang.L("Keep it"))
	env.Wait()
	if acts, _ := st.ListActions(ctx, meeting.ActionFilter{MeetingID: m.ID}); len(acts) != 1 {
		t.Errorf("Keep deleted the action")
	}

	// Reload shows what changed elsewhere (the live meeting, another tab).
	must(t, st.AddDecision(ctx, &meeting.Decision{ItemID: items[0].ID, Text: "Décision prise ailleurs", Outcome: meeting.Noted}))
	tab.Reload()
	env.Wait()
	if len(tab.Decisions) != 1 || tab.Decisions[0].Text.Text != "Décision prise ailleurs" || tab.Items.Length() != 4 {
		t.Errorf("after Reload: %d decisions shown", len(tab.Decisions))
	}
}

func TestSittingTimes(t *testing.T) {
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	m, _, _ := sitting(t, st)
	tab := uitest.Shown(env, minutes.New(env, st, m.ID))

	test.Type(tab.Opened, "9h32")
	test.Type(tab.Closed, "11 h 40")
	env.Wait()
	got, err := st.GetMeeting(context.Background(), m.ID)
	must(t, err)
	if got.Opened != "09:32" || got.Closed != "11:40" || got.Title != m.Title {
		t.Fatalf("meeting after typing the times: opened %q closed %q title %q", got.Opened, got.Closed, got.Title)
	}
	for _, bad := range []string{"25:00", "8:00"} { // not a time; before the opening
		retype(tab.Closed, bad)
		env.Wait()
		if tab.TimesError.Hidden {
			t.Errorf("closed at %q: no message", bad)
		}
		got, _ = st.GetMeeting(context.Background(), m.ID)
		if got.Closed != "11:40" {
			t.Errorf("closed at %q was saved as %q", bad, got.Closed)
		}
	}

	// What was saved is shown when the tab is read again.
	again := uitest.Shown(env, minutes.New(env, st, m.ID))
	if again.Opened.Text != "09:32" || again.Closed.Text != "11:40" {
		t.Errorf("times read back: %q %q", again.Opened.Text, again.Closed.Text)
	}
}

func TestEmptyMeeting(t *testing.T) {
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	ctx := context.Background()
	m := &meeting.Meeting{Title: "Réunion sans ordre du jour", Starts: time.Date(2026, 12, 10, 14, 0, 0, 0, time.UTC)}
	must(t, st.CreateMeeting(ctx, m))
	tab := uitest.Shown(env, minutes.New(env, st, m.ID))

	if tab.NoItems.Hidden || tab.Items.Length() != 1 {
		t.Fatalf("empty agenda: message hidden %v, %d entries", tab.NoItems.Hidden, tab.Items.Length())
	}
	if tab.ItemFields.Visible() {
		t.Errorf("notes and decisions are offered without an item")
	}
	test.Tap(tab.AddAction)
	test.Type(tab.Actions[0].Title, "Fixer la date de la prochaine réunion")
	env.Wait()
	acts, err := st.ListActions(ctx, meeting.ActionFilter{MeetingID: m.ID})
	must(t, err)
	if len(acts) != 1 || acts[0].ItemID != 0 || acts[0].OwnerID != 0 || acts[0].Due != "" {
		t.Fatalf("actions stored: %+v", acts)
	}
}

func TestFrench(t *testing.T) {
	uitest.French(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	m, _, _ := sitting(t, st)
	tab := uitest.Shown(env, minutes.New(env, st, m.ID))

	if tab.AddDecision.Text != "Ajouter une décision" || tab.AddAction.Text != "Ajouter une action" || tab.Items.Length() != 4 {
		t.Errorf("buttons in French: %q, %q", tab.AddDecision.Text, tab.AddAction.Text)
	}
	tab.Items.Select(3)
	if tab.Heading.Text != "Actions hors ordre du jour" {
		t.Errorf("heading of the actions tied to no item: %q", tab.Heading.Text)
	}
	tab.Items.Select(0)
	test.Tap(tab.AddAction)
	ar := tab.Actions[0]
	test.Type(ar.Title, "Relancer le prestataire")
	test.Type(ar.Due, "31/02/2027")
	env.Wait()
	if ar.Error.Hidden || !strings.Contains(ar.Error.Text, "31/02/2027") {
		t.Errorf("no message for a bad date: %q", ar.Error.Text)
	}
	if acts, _ := st.ListActions(context.Background(), meeting.ActionFilter{MeetingID: m.ID}); len(acts) != 0 {
		t.Errorf("an action with a bad date was saved: %+v", acts[0])
	}
	test.Tap(tab.AddDecision)
	test.Type(tab.Decisions[0].For, "beaucoup")
	env.Wait()
	if tab.Decisions[0].Error.Text != "Une décision doit avoir un texte" {
		t.Errorf("a decision without text: %q", tab.Decisions[0].Error.Text)
	}
	test.Type(tab.Decisions[0].Text, "Le budget est adopté.")
	env.Wait()
	if tab.Decisions[0].Error.Text != "« beaucoup » n’est pas un nombre de voix : écrivez un nombre entier de 0 à 100000" {
		t.Errorf("bad votes in French: %q", tab.Decisions[0].Error.Text)
	}
}

func TestReadOnly(t *testing.T) {
	env, _ := uitest.Env(t)
	env.ReadOnly = true
	st := uitest.Store(t)
	ctx := context.Background()
	m, items, _ := sitting(t, st)
	must(t, st.AddDecision(ctx, &meeting.Decision{ItemID: items[0].ID, Text: "Approuvé.", Outcome: meeting.Adopted, For: 5}))
	must(t, st.CreateAction(ctx, &meeting.Action{MeetingID: m.ID, ItemID: items[0].ID, Title: "Archiver"}))
	tab := uitest.Shown(env, minutes.New(env, st, m.ID))
	if len(tab.Decisions) != 1 || tab.Decisions[0].For.Text != "5" || len(tab.Actions) != 1 || tab.Actions[0].Title.Text != "Archiver" {
		t.Fatalf("read-only tab does not show the record: %d decisions, %d actions", len(tab.Decisions), len(tab.Actions))
	}
	for _, w := range []fyne.Disableable{tab.Notes, tab.Opened, tab.AddDecision, tab.AddAction,
		tab.Decisions[0].Text, tab.Decisions[0].Outcome, tab.Decisions[0].Delete, tab.Actions[0].Due, tab.Actions[0].Owner} {
		if !w.Disabled() {
			t.Errorf("%T is editable in a read-only database", w)
		}
	}
}

// TestDeletedWhileTyping deletes a decision before its save is due: the
// save, when its time comes, must not bring it back.
func TestDeletedWhileTyping(t *testing.T) {
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	m, items, _ := sitting(t, st)
	tab := uitest.Shown(env, minutes.New(env, st, m.ID))
	test.Tap(tab.AddDecision)
	test.Type(tab.Decisions[0].Text, "Une décision vite regrettée")
	test.Tap(tab.Decisions[0].Delete)
	uitest.TapDialogButton(t, env, lang.L("Delete"))
	time.Sleep(uikit.SaveDelay + 300*time.Millisecond)
	env.Wait()
	a, err := st.Agenda(context.Background(), m.ID)
	must(t, err)
	if n := len(a.Find(items[0].ID).Decisions); n != 0 || len(tab.Decisions) != 0 {
		t.Errorf("a decision deleted while typed: %d stored, %d shown", n, len(tab.Decisions))
	}
}

// TestTheReviewOfActionsAfterTheMeeting: the « Suivi des actions » item of
// the next meeting lists the series' open actions, whose status changes
// there, even once the minutes are approved.
func TestTheReviewOfActionsAfterTheMeeting(t *testing.T) {
	uitest.French(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	ctx := context.Background()
	paris, _ := time.LoadLocation("Europe/Paris")
	sr := &meeting.Series{Name: "Comité de direction", Code: "CODIR"}
	must(t, st.CreateSeries(ctx, sr))
	first := &meeting.Meeting{SeriesID: sr.ID, Title: "Comité de direction — novembre", Language: "fr",
		Starts: time.Date(2026, 11, 5, 9, 30, 0, 0, paris), TimeZone: "Europe/Paris", Minutes: 120}
	must(t, st.CreateMeetingFromSeries(ctx, first))
	late := &meeting.Action{MeetingID: first.ID, Title: "Chiffrer la rénovation", Due: "2026-11-20", Status: meeting.ActionOpen}
	must(t, st.CreateAction(ctx, late))
	next := &meeting.Meeting{SeriesID: sr.ID, Title: "Comité de direction — décembre", Language: "fr",
		Starts: time.Date(2026, 12, 3, 9, 30, 0, 0, paris), TimeZone: "Europe/Paris", Minutes: 120}
	must(t, st.CreateMeetingFromSeries(ctx, next))
	for _, s := range []meeting.Status{meeting.Convened, meeting.Held, meeting.MinutesDraft} {
		must(t, st.SetMeetingStatus(ctx, next.ID, s))
	}
	must(t, st.SubmitMinutes(ctx, next.ID, "", ""))
	must(t, st.ApproveMinutes(ctx, next.ID, "Claire Martin", ""))

	tab := minutes.New(env, st, next.ID)
	tab.Now = func() time.Time { return time.Date(2026, 12, 3, 12, 0, 0, 0, paris) }
	uitest.Shown(env, tab)
	tab.Items.Select(1) // « Suivi des actions »
	if len(tab.Review) != 1 || !strings.Contains(tab.Review[0].Action.Text, "Chiffrer la rénovation · échéance 20/11/2026, en retard") ||
		tab.Review[0].Action.Importance != widget.DangerImportance || tab.Review[0].Status.Disabled() {
		t.Fatalf("the review shows %d rows: %+v", len(tab.Review), tab.Review)
	}
	tab.Review[0].Status.SetSelected(uikit.ActionStatusLabel(meeting.ActionDone))
	env.Wait()
	got, err := st.GetAction(ctx, late.ID)
	must(t, err)
	if got.Status != meeting.ActionDone || tab.Review[0].Action.Importance != widget.HighImportance {
		t.Errorf("after marking it done: stored %s, shown in %v", got.Status, tab.Review[0].Action.Importance)
	}
	tab.Items.Select(0)
	if len(tab.Review) != 0 {
		t.Error("the review stays on another item")
	}
}
