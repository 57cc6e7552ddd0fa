package people

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

var bg = context.Background()

func must(t *testing.T, errs ...error) {
	t.Helper()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// open builds the section on st, shows it and waits for the directory.
func open(t *testing.T, st Store) (*Screen, *uikit.Env, *uitest.Nav) {
	t.Helper()
	env, nav := uitest.Env(t)
	s := New(env, st)
	uitest.Show(env, s.Content())
	s.Reload()
	env.Wait()
	return s, env, nav
}

func person(t *testing.T, st *meeting.Store, name, org, email string) *meeting.Person {
	t.Helper()
	p := &meeting.Person{Name: name, Organisation: org, Email: email}
	must(t, st.CreatePerson(bg, p))
	return p
}

// pick selects the entry named name in the list.
func pick(t *testing.T, s *Screen, env *uikit.Env, name string) {
	t.Helper()
	for i, p := range s.people {
		if p.Name == name {
			s.list.Select(i)
			env.Wait()
			return
		}
	}
	t.Fatalf("%q is not in the list", name)
}

// meetingRow returns the text and the Open button of row i of the
// selected person's meetings.
func meetingRow(t *testing.T, s *Screen, i int) (*widget.Label, *widget.Button) {
	t.Helper()
	row := s.meetings.Objects[i].(*fyne.Container)
	return row.Objects[0].(*widget.Label), row.Objects[1].(*widget.Button)
}

func stored(t *testing.T, st *meeting.Store, id int64) *meeting.Person {
	t.Helper()
	p, err := st.GetPerson(bg, id)
	must(t, err)
	return p
}

func TestEditAsTyped(t *testing.T) {
	uitest.English(t)
	st := uitest.Store(t)
	ada := person(t, st, "Ada Lovelace", "", "")
	person(t, st, "Bob Martin", "Coop", "")
	s, env, _ := open(t, st)

	if s.name.Disabled() == false || s.remove.Disabled() == false {
		t.Error("the form is enabled with nobody selected")
	}
	pick(t, s, env, "Ada Lovelace")
	if s.name.Text != "Ada Lovelace" || s.name.Disabled() {
		t.Fatalf("form shows %q (disabled %v)", s.name.Text, s.name.Disabled())
	}
	test.Type(s.title, "Comtesse")
	test.Type(s.email, "ada@example.org")
	test.Type(s.phone, "+33 1 23 45 67 89")
	env.Wait()
	want := meeting.Person{ID: ada.ID, Name: "Ada Lovelace", Title: "Comtesse", Email: "ada@example.org", Phone: "+33 1 23 45 67 89"}
	if got := stored(t, st, ada.ID); *got != want {
		t.Errorf("stored %+v, want %+v", *got, want)
	}
	if got := describe(s.people[0]); got != "Ada Lovelace (ada@example.org)" {
		t.Errorf("list shows %q", got)
	}

	// Tab goes through the form in order.
	c := env.Window.Canvas()
	c.Focus(s.name)
	for _, want := range []*widget.Entry{s.title, s.org, s.email, s.phone} {
		test.FocusNext(c)
		if c.Focused() != want {
			t.Errorf("Tab went to %T %p, want the next field", c.Focused(), c.Focused())
		}
	}
	c.Unfocus()

	// Bad input: a message by the field, nothing saved.
	for _, c := range []struct {
		entry *widget.Entry
		text  string
		want  string
	}{
		{s.email, "ada at home", "Email: “ada at home” is not an email address"},
		{s.name, "", "Name: required"},
		{s.name, strings.Repeat("é", 5000), "Name: 5000 characters; at most 500 are allowed"},
	} {
		c.entry.SetText(c.text)
		env.Wait()
		if s.fields.Problem.Hidden || s.fields.Problem.Text != c.want {
			t.Errorf("after %.20q: problem %q (hidden %v), want %q", c.text, s.fields.Problem.Text, s.fields.Problem.Hidden, c.want)
		}
		if got := stored(t, st, ada.ID); *got != want {
			t.Errorf("after %.20q: stored %+v", c.text, *got)
		}
		c.entry.SetText(map[*widget.Entry]string{s.email: want.Email, s.name: want.Name}[c.entry])
		env.Wait()
		if !s.fields.Problem.Hidden {
			t.Errorf("the problem stays once fixed: %q", s.fields.Problem.Text)
		}
	}

	// Typed, then another entry selected at once: the typing goes to Ada.
	test.Type(s.org, "Analytical Engines")
	pick(t, s, env, "Bob Martin")
	if got := stored(t, st, ada.ID); got.Organisation != "Analytical Engines" {
		t.Errorf("Ada's organisation = %q", got.Organisation)
	}
	if s.org.Text != "Coop" {
		t.Errorf("Bob's form shows organisation %q", s.org.Text)
	}
}

func TestFilterAndNew(t *testing.T) {
	uitest.English(t)
	st := uitest.Store(t)
	person(t, st, "Ada Lovelace", "Engines", "")
	person(t, st, "Bob Martin", "Coop", "")
	s, env, _ := open(t, st)

	s.filter.SetText("coop") // typed at once: each keystroke reads the directory
	env.Wait()
	if len(s.people) != 1 || s.people[0].Name != "Bob Martin" {
		t.Errorf("filtered list = %+v", s.people)
	}

	test.Tap(s.add)
	s.newDialog.Submit() // no name: refused by the dialog
	env.Wait()
	if list, _ := st.ListPeople(bg, ""); len(list) != 2 {
		t.Fatalf("%d people after an empty new entry", len(list))
	}
	test.Type(s.newName, "Zoé Ørsted")
	s.newName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter confirms
	env.Wait()
	list, err := st.ListPeople(bg, "Zoé")
	must(t, err)
	if len(list) != 1 {
		t.Fatalf("new entry stored: %+v", list)
	}
	if s.filter.Text != "" || len(s.people) != 3 || s.cur == nil || s.cur.ID != list[0].ID || s.name.Text != "Zoé Ørsted" {
		t.Errorf("after adding: filter %q, %d shown, form %q", s.filter.Text, len(s.people), s.name.Text)
	}
}

// usedFixture: Ada attends the board and owns an action; Bob is unused.
func usedFixture(t *testing.T, st *meeting.Store) (ada, bob *meeting.Person, board *meeting.Meeting) {
	t.Helper()
	ada = person(t, st, "Ada Lovelace", "", "ada@example.org")
	bob = person(t, st, "Bob Martin", "", "")
	sr := &meeting.Series{Name: "Board", Code: "BRD"}
	must(t, st.CreateSeries(bg, sr))
	board = &meeting.Meeting{SeriesID: sr.ID, Title: "Conseil de printemps", Starts: time.Date(2026, 4, 2, 9, 0, 0, 0, time.UTC)}
	must(t, st.CreateMeeting(bg, board))
	must(t, st.AddAttendee(bg, &meeting.Attendee{MeetingID: board.ID, PersonID: ada.ID, Role: meeting.Chair, Status: meeting.Confirmed}))
	must(t, st.CreateAction(bg, &meeting.Action{MeetingID: board.ID, Title: "Rédiger le rapport", OwnerID: ada.ID, Due: "2026-05-01"}))
	return ada, bob, board
}

func TestMeetingsActionsAndDelete(t *testing.T) {
	uitest.English(t)
	st := uitest.Store(t)
	ada, bob, board := usedFixture(t, st)
	s, env, nav := open(t, st)

	pick(t, s, env, "Ada Lovelace")
	if len(s.meetings.Objects) != 1 {
		t.Fatalf("%d meetings shown", len(s.meetings.Objects))
	}
	l, b := meetingRow(t, s, 0)
	if l.Text != "02/04/2026 – BRD n° 1 — Conseil de printemps: Chair, Confirmed" || b.Text != "Open the meeting" {
		t.Errorf("meeting shown as %q, %q", l.Text, b.Text)
	}
	test.Tap(b)
	if nav.Meeting != board.ID || nav.Tab != uikit.TabAttendees {
		t.Errorf("opened %d %q", nav.Meeting, nav.Tab)
	}
	if l := s.actions.Objects[0].(*widget.Label); l.Text != "Rédiger le rapport — Open — due 01/05/2026" {
		t.Errorf("action shown as %q", l.Text)
	}

	test.Tap(s.remove)
	env.Wait()
	msg := uitest.TopOverlayText(env)
	if !strings.Contains(msg, "cannot be deleted: this person attends 1 meeting, owns 1 action.") {
		t.Errorf("refusal does not say why:\n%s", msg)
	}
	if _, err := st.GetPerson(bg, ada.ID); err != nil {
		t.Errorf("Ada was deleted: %v", err)
	}
	env.Window.Canvas().Overlays().Top().Hide()

	pick(t, s, env, "Bob Martin")
	if l := s.meetings.Objects[0].(*widget.Label); l.Text != "Attends no meeting." {
		t.Errorf("Bob's meetings: %q", l.Text)
	}
	test.Tap(s.remove)
	env.Wait()
	s.confirm.Confirm()
	env.Wait()
	if _, err := st.GetPerson(bg, bob.ID); meeting.ErrorCode(err) != meeting.ENOTFOUND {
		t.Errorf("Bob is still there: %v", err)
	}
	if len(s.people) != 1 || s.cur != nil || !s.name.Disabled() {
		t.Errorf("after deletion: %d shown, selected %v", len(s.people), s.cur)
	}
}

func TestMerge(t *testing.T) {
	uitest.English(t)
	st := uitest.Store(t)
	ada, _, board := usedFixture(t, st)
	dup := person(t, st, "A. Lovelace", "Engines", "")
	s, env, _ := open(t, st)

	// Merge Ada into her duplicate, keeping the duplicate.
	pick(t, s, env, "Ada Lovelace")
	test.Tap(s.merge)
	env.Wait()
	s.mergeWith.SetSelected("A. Lovelace (Engines)")
	s.mergeKeep.SetSelected("Keep the other entry")
	s.mergeDialog.Confirm()
	env.Wait()
	if _, err := st.GetPerson(bg, ada.ID); meeting.ErrorCode(err) != meeting.ENOTFOUND {
		t.Errorf("the entry not kept is still there: %v", err)
	}
	got := stored(t, st, dup.ID)
	if got.Email != "ada@example.org" || got.Organisation != "Engines" {
		t.Errorf("kept entry = %+v", *got)
	}
	att, err := st.Attendees(bg, board.ID)
	must(t, err)
	if att[0].PersonID != dup.ID {
		t.Errorf("the board's attendee is %d, want %d", att[0].PersonID, dup.ID)
	}
	if s.cur == nil || s.cur.ID != dup.ID || s.name.Text != "A. Lovelace" || s.email.Text != "ada@example.org" {
		t.Errorf("after merging, the form shows %q %q", s.name.Text, s.email.Text)
	}

	// Refused when both attend the same meeting: the meeting is named.
	other := person(t, st, "Ada L.", "", "")
	must(t, st.AddAttendee(bg, &meeting.Attendee{MeetingID: board.ID, PersonID: other.ID, Role: meeting.Member, Status: meeting.Invited}))
	test.Tap(s.merge)
	env.Wait()
	s.mergeWith.SetSelected("Ada L.")
	s.mergeDialog.Confirm()
	env.Wait()
	msg := uitest.TopOverlayText(env)
	if !strings.Contains(msg, "Both entries attend the meeting “Conseil de printemps” of 02/04/2026: take one of them off it first, then merge.") {
		t.Errorf("refusal does not name the meeting:\n%s", msg)
	}
	if _, err := st.GetPerson(bg, other.ID); err != nil {
		t.Errorf("the refused merge deleted an entry: %v", err)
	}
	env.Window.Canvas().Overlays().Top().Hide()

	// Refused when one holds the other's proxy.
	holder := person(t, st, "Ada Byron", "", "")
	audit := &meeting.Meeting{Title: "Audit", Starts: time.Date(2026, 6, 1, 14, 0, 0, 0, time.UTC)}
	must(t, st.CreateMeeting(bg, audit))
	must(t, st.AddAttendee(bg, &meeting.Attendee{MeetingID: audit.ID, PersonID: dup.ID, Role: meeting.Member,
		Status: meeting.Represented, ProxyID: holder.ID}))
	test.Tap(s.merge)
	env.Wait()
	s.mergeWith.SetSelected("Ada Byron")
	s.mergeDialog.Confirm()
	env.Wait()
	if msg := uitest.TopOverlayText(env); !strings.Contains(msg, "One entry holds the other's proxy at the meeting “Audit” of 01/06/2026") {
		t.Errorf("proxy refusal:\n%s", msg)
	}
}

func TestFrenchEmptyAndReadOnly(t *testing.T) {
	uitest.French(t)
	s, _, _ := open(t, uitest.Store(t))
	if len(s.people) != 0 || s.heading.Text != "Sélectionnez une personne, ou ajoutez-en une avec Nouvelle personne." {
		t.Errorf("empty directory: %d people, heading %q", len(s.people), s.heading.Text)
	}
	if s.add.Text != "Nouvelle personne…" || s.filter.PlaceHolder != "Filtrer par nom, organisme ou e-mail" {
		t.Errorf("French: %q, %q", s.add.Text, s.filter.PlaceHolder)
	}

	st := uitest.Store(t)
	usedFixture(t, st)
	env, _ := uitest.Env(t)
	env.ReadOnly = true
	s = New(env, st)
	uitest.Show(env, s.Content())
	s.Reload()
	env.Wait()
	pick(t, s, env, "Ada Lovelace")
	if !s.name.Disabled() || !s.remove.Disabled() || !s.merge.Disabled() || !s.add.Disabled() {
		t.Error("read-only: the form can be edited")
	}
	if l, _ := meetingRow(t, s, 0); l.Text != "02/04/2026 – BRD n° 1 — Conseil de printemps : Président de séance, Présence confirmée" {
		t.Errorf("French meeting line = %q", l.Text)
	}
	if got := usedText(s.cur, meeting.PersonUse{Meetings: 2, Actions: 1}); got !=
		"La fiche « Ada Lovelace » ne peut pas être supprimée : cette personne participe à 2 réunions, est responsable de 1 action. Retirez-la d’abord de ces éléments, ou fusionnez cette fiche avec une autre." {
		t.Errorf("French refusal = %q", got)
	}
}

// busyStore refuses every change to an entry, as when another program
// holds the database.
type busyStore struct{ *meeting.Store }

func (busyStore) UpdatePerson(context.Context, *meeting.Person) error {
	return &meeting.Error{Code: meeting.EBUSY, Message: "the database is busy"}
}

func TestStoreFailureShown(t *testing.T) {
	uitest.English(t)
	st := uitest.Store(t)
	ada := person(t, st, "Ada Lovelace", "", "")
	s, env, _ := open(t, busyStore{st})
	pick(t, s, env, "Ada Lovelace")
	test.Type(s.phone, "01 02")
	env.Wait()
	if s.fields.Problem.Hidden || !strings.HasPrefix(s.fields.Problem.Text, "The database is busy (another Quorum or a backup is writing to it).") {
		t.Errorf("problem = %q", s.fields.Problem.Text)
	}
	if got := stored(t, st, ada.ID); got.Phone != "" || s.phone.Text != "01 02" {
		t.Errorf("stored phone %q, form %q", got.Phone, s.phone.Text)
	}
}
