package series

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

// open builds the section on st, shows it and waits for its list.
func open(t *testing.T, st Store) (*Screen, *uikit.Env) {
	t.Helper()
	env, _ := uitest.Env(t)
	s := New(env, st)
	uitest.Show(env, s.Content())
	s.Reload()
	env.Wait()
	return s, env
}

// fixture is a store with the CODIR (two members, two standard items)
// and three people.
func fixture(t *testing.T) (*meeting.Store, *meeting.Series, []*meeting.Person) {
	t.Helper()
	st := uitest.Store(t)
	var people []*meeting.Person
	for _, n := range []string{"Ada Lovelace", "Bob Martin", "Chloé Dupré"} {
		p := &meeting.Person{Name: n}
		must(t, st.CreatePerson(bg, p))
		people = append(people, p)
	}
	sr := &meeting.Series{Name: "Comité de direction", Code: "CODIR", Place: "Salle du conseil", NoticeDays: 5,
		Quorum: meeting.QuorumRule{Percent: 50, Proxies: true},
		Members: []meeting.SeriesMember{
			{PersonID: people[0].ID, Role: meeting.Chair, Voting: true},
			{PersonID: people[1].ID, Role: meeting.Member, Voting: true}},
		Agenda: []meeting.StandardItem{
			{Title: "Approbation du procès-verbal", Purpose: meeting.ForDecision, Minutes: 5},
			{Title: "Questions diverses", Purpose: meeting.ForDiscussion, Minutes: 10}}}
	must(t, st.CreateSeries(bg, sr))
	return st, sr, people
}

func stored(t *testing.T, st *meeting.Store, id int64) *meeting.Series {
	t.Helper()
	sr, err := st.GetSeries(bg, id)
	must(t, err)
	return sr
}

func selectFirst(s *Screen, env *uikit.Env) {
	s.list.Select(0)
	env.Wait()
}

func TestEditFields(t *testing.T) {
	uitest.English(t)
	st, sr, _ := fixture(t)
	s, env := open(t, st)
	selectFirst(s, env)
	if s.name.Text != "Comité de direction" || s.notice.Text != "5" || s.quorum.Value() != quorumPercent ||
		s.quorumValue.Text != "50" || !s.proxies.Checked || len(s.members) != 2 || len(s.agenda) != 2 {
		t.Fatalf("form shows name %q, notice %q, quorum %q %q, %d members, %d items",
			s.name.Text, s.notice.Text, s.quorum.Value(), s.quorumValue.Text, len(s.members), len(s.agenda))
	}

	s.place.SetText("")
	test.Type(s.place, "Siège, salle Œuvre")
	s.notice.SetText("8")
	env.Wait()
	s.quorum.SetSelected(quorumLabel(quorumCount))
	s.quorumValue.SetText("4")
	env.Wait()
	test.Tap(s.proxies)
	env.Wait()
	got := stored(t, st, sr.ID)
	if got.Place != "Siège, salle Œuvre" || got.NoticeDays != 8 || got.Quorum != (meeting.QuorumRule{Count: 4}) {
		t.Errorf("stored place %q, notice %d, quorum %+v", got.Place, got.NoticeDays, got.Quorum)
	}

	// Bad input: said by the field, nothing saved.
	for _, c := range []struct {
		entry *widget.Entry
		text  string
		want  string
	}{
		{s.notice, "-3", "Notice (clear days): “-3” is not a whole number between 0 and 365"},
		{s.notice, "deux", "Notice (clear days): “deux” is not a whole number between 0 and 365"},
		{s.name, strings.Repeat("x", 5000), "Name: 5000 characters; at most 500 are allowed"},
		{s.code, "", "Code: required"},
		{s.quorumValue, "0", "Quorum: give a number between 1 and 10000"},
	} {
		old := c.entry.Text
		c.entry.SetText(c.text)
		env.Wait()
		if s.fields.Problem.Hidden || s.fields.Problem.Text != c.want {
			t.Errorf("%.20q: problem %q, want %q", c.text, s.fields.Problem.Text, c.want)
		}
		if now := stored(t, st, sr.ID); now.NoticeDays != 8 || now.Name != "Comité de direction" || now.Code != "CODIR" || now.Quorum.Count != 4 {
			t.Errorf("%.20q was saved: %+v", c.text, now)
		}
		c.entry.SetText(old)
		env.Wait()
	}
	if !s.fields.Problem.Hidden {
		t.Errorf("problem still shown: %q", s.fields.Problem.Text)
	}
}

func TestMembersAndAgenda(t *testing.T) {
	uitest.English(t)
	st, sr, people := fixture(t)
	s, env := open(t, st)
	selectFirst(s, env)

	if len(s.addMember.Options) != 1 || s.addMember.Options[0] != "Chloé Dupré" {
		t.Fatalf("people to add = %q", s.addMember.Options)
	}
	s.addMember.SetSelected("Chloé Dupré")
	env.Wait()
	s.members[2].role.SetSelected(uikit.RoleLabel(meeting.Secretary))
	env.Wait()
	test.Tap(s.members[1].voting) // Bob no longer votes
	env.Wait()
	got := stored(t, st, sr.ID)
	want := []meeting.SeriesMember{
		{PersonID: people[0].ID, Name: "Ada Lovelace", Role: meeting.Chair, Voting: true},
		{PersonID: people[1].ID, Name: "Bob Martin", Role: meeting.Member, Voting: false},
		{PersonID: people[2].ID, Name: "Chloé Dupré", Role: meeting.Secretary, Voting: true}}
	if len(got.Members) != 3 || got.Members[0] != want[0] || got.Members[1] != want[1] || got.Members[2] != want[2] {
		t.Fatalf("members = %+v", got.Members)
	}
	if len(s.addMember.Options) != 0 {
		t.Errorf("people to add after adding the last = %q", s.addMember.Options)
	}

	// Move Chloé up, then remove Ada.
	test.Tap(s.members[2].up)
	env.Wait()
	test.Tap(s.members[0].del)
	env.Wait()
	got = stored(t, st, sr.ID)
	if len(got.Members) != 2 || got.Members[0].Name != "Chloé Dupré" || got.Members[1].Name != "Bob Martin" {
		t.Errorf("after moving and removing: %+v", got.Members)
	}

	// The standard agenda: add an item, name it, time it, move it first.
	test.Tap(s.addItem)
	env.Wait()
	r := s.agenda[2]
	r.title.SetText("")
	test.Type(r.title, "Point sur les effectifs")
	r.minutes.SetText("1h30")
	r.purpose.SetSelected(uikit.PurposeLabel(meeting.ForInformation))
	env.Wait()
	test.Tap(s.agenda[2].up)
	env.Wait()
	test.Tap(s.agenda[1].up)
	env.Wait()
	got = stored(t, st, sr.ID)
	if len(got.Agenda) != 3 || got.Agenda[0] != (meeting.StandardItem{Title: "Point sur les effectifs", Purpose: meeting.ForInformation, Minutes: 90}) ||
		got.Agenda[2].Title != "Questions diverses" {
		t.Fatalf("agenda = %+v", got.Agenda)
	}

	// A negative duration and a blank title: said, not saved.
	s.agenda[1].minutes.SetText("-5")
	env.Wait()
	if !strings.HasPrefix(s.agendaFields.Problem.Text, "Item 2, duration: “-5” is not a duration") {
		t.Errorf("problem = %q", s.agendaFields.Problem.Text)
	}
	s.agenda[1].minutes.SetText("5")
	s.agenda[2].title.SetText(" ")
	env.Wait()
	if s.agendaFields.Problem.Text != "Item 3: required" {
		t.Errorf("problem = %q", s.agendaFields.Problem.Text)
	}
	if now := stored(t, st, sr.ID); now.Agenda[2].Title != "Questions diverses" {
		t.Errorf("a blank title was saved: %+v", now.Agenda)
	}
	s.agenda[2].title.SetText("Questions diverses")
	test.Tap(s.agenda[0].del)
	env.Wait()
	got = stored(t, st, sr.ID)
	if len(got.Agenda) != 2 || got.Agenda[0].Title != "Approbation du procès-verbal" {
		t.Errorf("after removing: %+v", got.Agenda)
	}
}

func TestNewAndDelete(t *testing.T) {
	uitest.English(t)
	st, sr, _ := fixture(t)
	s, env := open(t, st)

	test.Tap(s.add)
	test.Type(s.newName, "Conseil social et économique")
	test.Type(s.newCode, "codir") // taken, in another case
	s.newDialog.Submit()
	env.Wait()
	if list, _ := st.ListSeries(bg); len(list) != 1 {
		t.Fatalf("a series with a taken code was added: %d series", len(list))
	}
	if err := s.newCode.Validate(); err == nil || err.Error() != "the series “Comité de direction” already has this code" {
		t.Errorf("taken code: %v", err)
	}
	s.newCode.SetText("CSE")
	s.newCode.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter confirms
	env.Wait()
	list, err := st.ListSeries(bg)
	must(t, err)
	if len(list) != 2 || list[1].Code != "CSE" {
		t.Fatalf("series = %+v", list)
	}
	if s.cur == nil || s.cur.Code != "CSE" || s.name.Text != "Conseil social et économique" {
		t.Errorf("the new series is not shown: %+v", s.cur)
	}

	// The new series has no meetings: deleted once confirmed.
	test.Tap(s.remove)
	env.Wait()
	s.confirm.Confirm()
	env.Wait()
	if list, _ := st.ListSeries(bg); len(list) != 1 {
		t.Errorf("%d series after deleting one of two", len(list))
	}
	if s.cur != nil || !s.name.Disabled() {
		t.Errorf("a deleted series is still shown: %+v", s.cur)
	}

	// The CODIR has a meeting: refused, saying so.
	must(t, st.CreateMeeting(bg, &meeting.Meeting{SeriesID: sr.ID, Title: "CODIR", Starts: time.Now()}))
	selectFirst(s, env)
	test.Tap(s.remove)
	env.Wait()
	if msg := uitest.TopOverlayText(env); !strings.Contains(msg, "“Comité de direction” cannot be deleted: it has 1 meeting. Delete it first.") {
		t.Errorf("refusal = %q", msg)
	}
	if _, err := st.GetSeries(bg, sr.ID); err != nil {
		t.Errorf("the CODIR was deleted: %v", err)
	}
}

func TestFrenchEmptyAndReadOnly(t *testing.T) {
	uitest.French(t)
	s, _ := open(t, uitest.Store(t))
	if len(s.all) != 0 || s.heading.Text != "Sélectionnez une instance, ou ajoutez-en une avec Nouvelle instance." || !s.name.Disabled() {
		t.Errorf("empty database: %d series, heading %q", len(s.all), s.heading.Text)
	}
	if s.add.Text != "Nouvelle instance…" || s.quorum.Options[1] != "Part des votants (%)" {
		t.Errorf("French: %q, %q", s.add.Text, s.quorum.Options)
	}

	st, _, _ := fixture(t)
	env, _ := uitest.Env(t)
	env.ReadOnly = true
	s = New(env, st)
	uitest.Show(env, s.Content())
	s.Reload()
	env.Wait()
	selectFirst(s, env)
	if s.name.Text != "Comité de direction" {
		t.Fatalf("read-only: shows %q", s.name.Text)
	}
	for _, w := range []interface{ Disabled() bool }{s.name, s.notice, s.quorum, s.proxies, s.remove, s.addMember,
		s.addItem, s.add, s.members[0].role, s.members[0].del, s.agenda[0].title, s.agenda[1].up} {
		if !w.Disabled() {
			t.Errorf("read-only: %T is enabled", w)
		}
	}
	if s.members[0].role.Selected != "Président de séance" || s.agenda[0].purpose.Selected != "Pour décision" {
		t.Errorf("French pickers: %q, %q", s.members[0].role.Selected, s.agenda[0].purpose.Selected)
	}
}
