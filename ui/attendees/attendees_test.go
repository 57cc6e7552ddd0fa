package attendees

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

var bg = context.Background()

// fixture is a meeting with two attendees (Élodie, chair; Tom, member)
// and a directory with two more people.
type fixture struct {
	st                       *meeting.Store
	m                        *meeting.Meeting
	elodie, tom, anne, bruno *meeting.Person
	env                      *uikit.Env
	tab                      *Tab
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{st: uitest.Store(t)}
	f.m = &meeting.Meeting{Title: "Conseil", Starts: time.Date(2026, 3, 12, 9, 30, 0, 0, time.UTC)}
	uitest.Must(t, f.st.CreateMeeting(bg, f.m))
	person := func(name, org, email string) *meeting.Person {
		p := &meeting.Person{Name: name, Organisation: org, Email: email}
		uitest.Must(t, f.st.CreatePerson(bg, p))
		return p
	}
	f.elodie = person("Élodie Marchand", "Mairie de Lyon", "")
	f.tom = person("Tom Baker", "", "tom@example.org")
	f.anne = person("Anne-Sophie de La Tour d’Auvergne", "Région Auvergne-Rhône-Alpes", "")
	f.bruno = person("Bruno Lemaire", "Mairie de Lyon", "b.lemaire@example.org")
	uitest.Must(t, f.st.AddAttendee(bg, &meeting.Attendee{MeetingID: f.m.ID, PersonID: f.elodie.ID, Role: meeting.Chair, Voting: true, Status: meeting.Confirmed}))
	uitest.Must(t, f.st.AddAttendee(bg, &meeting.Attendee{MeetingID: f.m.ID, PersonID: f.tom.ID, Role: meeting.Member, Voting: true, Status: meeting.Invited}))
	return f
}

func (f *fixture) open(t *testing.T, id int64) *Tab {
	t.Helper()
	env, _ := uitest.Env(t)
	f.env = env
	f.tab = New(env, f.st, id)
	uitest.Load(env, f.tab)
	return f.tab
}

func (f *fixture) stored(t *testing.T) []*meeting.Attendee {
	t.Helper()
	list, err := f.st.Attendees(bg, f.m.ID)
	uitest.Must(t, err)
	return list
}

func buttons(tab *Tab) []string {
	var out []string
	for _, b := range tab.found {
		out = append(out, b.Text)
	}
	return out
}

func TestShowsAttendeesAndCounts(t *testing.T) {
	f := newFixture(t)
	tab := f.open(t, f.m.ID)
	if len(tab.rows) != 2 || tab.rows[0].name.Text != "Élodie Marchand – Mairie de Lyon" || tab.rows[1].name.Text != "Tom Baker – tom@example.org" {
		t.Fatalf("rows: %d", len(tab.rows))
	}
	r := tab.rows[0]
	if r.role.Selected != "Chair" || !r.voting.Checked || r.presence.Selected != "Confirmed" || r.proxy.Visible() {
		t.Errorf("Élodie's row: %q %v %q proxy shown %v", r.role.Selected, r.voting.Checked, r.presence.Selected, r.proxy.Visible())
	}
	want := "Invited: 2   ·   Confirmed: 1   ·   Present: 0   ·   Apologies: 0   ·   Represented: 0   ·   Voting: 2"
	if tab.counts.Text != want {
		t.Errorf("counts = %q, want %q", tab.counts.Text, want)
	}
	if tab.empty.Visible() {
		t.Error("the empty message shows beside attendees")
	}
}

func TestTypeAheadAdds(t *testing.T) {
	f := newFixture(t)
	tab := f.open(t, f.m.ID)
	test.Type(tab.search, "lyon")
	f.env.Wait()
	// Élodie attends already: only Bruno is offered.
	if got := buttons(tab); len(got) != 1 || got[0] != "Bruno Lemaire – Mairie de Lyon, b.lemaire@example.org" {
		t.Fatalf("matches for lyon: %q", got)
	}
	test.Tap(tab.found[0])
	f.env.Wait()
	list := f.stored(t)
	if len(list) != 3 || list[2].PersonID != f.bruno.ID || list[2].Role != meeting.Member || !list[2].Voting || list[2].Status != meeting.Invited {
		t.Fatalf("attendees after adding Bruno: %d", len(list))
	}
	if tab.search.Text != "" || len(tab.found) != 0 || len(tab.rows) != 3 || !strings.HasPrefix(tab.counts.Text, "Invited: 3") {
		t.Errorf("after adding: search %q, %d matches, %d rows, counts %q", tab.search.Text, len(tab.found), len(tab.rows), tab.counts.Text)
	}

	// Enter adds the first match.
	test.Type(tab.search, "auvergne")
	f.env.Wait()
	tab.search.OnSubmitted(tab.search.Text)
	f.env.Wait()
	if list := f.stored(t); len(list) != 4 || list[3].PersonID != f.anne.ID {
		t.Errorf("Enter did not add Anne-Sophie: %d attendees", len(list))
	}
	test.Type(tab.search, "lyon")
	f.env.Wait()
	if len(tab.found) != 0 || !strings.Contains(uitest.Texts(tab.matches), "already an attendee") {
		t.Errorf("everyone from Lyon attends, yet %q are offered", buttons(tab))
	}
	tab.search.SetText("zzz")
	f.env.Wait()
	if len(tab.matches.Objects) != 0 {
		t.Error("something is offered for zzz")
	}
}

func TestPickersSaveAtOnce(t *testing.T) {
	f := newFixture(t)
	tab := f.open(t, f.m.ID)
	tom := tab.rows[1]
	tom.role.SetSelected("Secretary")
	f.env.Wait()
	test.Tap(tom.voting)
	f.env.Wait()
	tom.presence.SetSelected("Apologies")
	f.env.Wait()
	got := f.stored(t)[1]
	if got.Role != meeting.Secretary || got.Voting || got.Status != meeting.Apologies {
		t.Errorf("Tom stored as %s, voting %v, %s", got.Role, got.Voting, got.Status)
	}
	if !strings.Contains(tab.counts.Text, "Apologies: 1") || !strings.Contains(tab.counts.Text, "Voting: 1") {
		t.Errorf("counts = %q", tab.counts.Text)
	}

	// Represented: the proxy holder is picked among the other attendees.
	tom.presence.SetSelected("Represented")
	f.env.Wait()
	if !tom.proxy.Visible() || len(tom.proxy.Options) != 1 || tom.proxy.Options[0] != "Élodie Marchand" {
		t.Fatalf("proxy: shown %v, options %q", tom.proxy.Visible(), tom.proxy.Options)
	}
	tom.proxy.SetSelectedIndex(0)
	f.env.Wait()
	got = f.stored(t)[1]
	if got.Status != meeting.Represented || got.ProxyID != f.elodie.ID || got.ProxyName != "Élodie Marchand" {
		t.Errorf("Tom stored %s, proxy %d", got.Status, got.ProxyID)
	}
	if !strings.Contains(tab.counts.Text, "Represented: 1") {
		t.Errorf("counts = %q", tab.counts.Text)
	}
	// The proxy shows when the tab is read again.
	tab.Reload()
	f.env.Wait()
	if tab.rows[1].proxy.Selected != "Élodie Marchand" {
		t.Errorf("proxy read back: %q", tab.rows[1].proxy.Selected)
	}
	// Present again: the proxy goes.
	tab.rows[1].presence.SetSelected("Present")
	f.env.Wait()
	if got := f.stored(t)[1]; got.Status != meeting.Present || got.ProxyID != 0 || tab.rows[1].proxy.Visible() {
		t.Errorf("present: stored %s proxy %d", got.Status, got.ProxyID)
	}
}

func TestGuestsDoNotVote(t *testing.T) {
	f := newFixture(t)
	tab := f.open(t, f.m.ID)
	tom := tab.rows[1]
	tom.role.SetSelected("Guest")
	f.env.Wait()
	if got := f.stored(t)[1]; got.Role != meeting.Guest || got.Voting || tom.voting.Checked {
		t.Errorf("guest stored voting %v, shown %v", got.Voting, tom.voting.Checked)
	}
	if !strings.HasSuffix(tab.counts.Text, "Voting: 1") {
		t.Errorf("counts = %q", tab.counts.Text)
	}
	// A guest may still be given a vote, by hand.
	test.Tap(tom.voting)
	f.env.Wait()
	if got := f.stored(t)[1]; got.Role != meeting.Guest || !got.Voting {
		t.Errorf("guest given a vote: stored %s voting %v", got.Role, got.Voting)
	}
}

func TestRemove(t *testing.T) {
	f := newFixture(t)
	tab := f.open(t, f.m.ID)
	test.Tap(tab.rows[0].remove)
	f.env.Wait()
	if list := f.stored(t); len(list) != 1 || list[0].PersonID != f.tom.ID {
		t.Fatalf("after removing Élodie: %d attendees", len(list))
	}
	if _, err := f.st.GetPerson(bg, f.elodie.ID); err != nil {
		t.Errorf("the directory lost Élodie: %v", err)
	}
	if len(tab.rows) != 1 || !strings.HasPrefix(tab.counts.Text, "Invited: 1") {
		t.Errorf("%d rows, counts %q", len(tab.rows), tab.counts.Text)
	}
}

func TestCreatePerson(t *testing.T) {
	f := newFixture(t)
	tab := f.open(t, f.m.ID)
	test.Type(tab.search, "Chloé Dupont-Aignan")
	f.env.Wait()
	test.Tap(tab.newPerson)
	fm := tab.form
	if fm.name.Text != "Chloé Dupont-Aignan" {
		t.Errorf("the name is not taken from the search: %q", fm.name.Text)
	}
	create := uitest.TopButton(t, f.env, "Create and add")
	test.Type(fm.email, "chloe at example")
	if err := fm.email.Validate(); err == nil || !create.Disabled() {
		t.Errorf("a bad email is taken: %v", err)
	}
	fm.email.SetText("")
	test.Type(fm.email, "chloe@example.org")
	test.Type(fm.organisation, "Préfecture du Rhône")
	test.Tap(create)
	f.env.Wait()
	list := f.stored(t)
	if len(list) != 3 || list[2].Person.Name != "Chloé Dupont-Aignan" || list[2].Person.Email != "chloe@example.org" ||
		list[2].Person.Organisation != "Préfecture du Rhône" || list[2].Role != meeting.Member {
		t.Fatalf("attendees after creating Chloé: %d", len(list))
	}
	if len(tab.rows) != 3 || tab.search.Text != "" {
		t.Errorf("%d rows, search %q", len(tab.rows), tab.search.Text)
	}
}

func TestCreatePersonBadInput(t *testing.T) {
	f := newFixture(t)
	tab := f.open(t, f.m.ID)
	test.Tap(tab.newPerson)
	fm := tab.form
	for _, c := range []struct {
		text, want string
	}{{"", "A name is required"}, {strings.Repeat("é", 5000), "at most 500"}} {
		fm.name.SetText(c.text)
		if err := fm.name.Validate(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("name %.10q: %v", c.text, err)
		}
		fm.dlg.Submit()
		f.env.Wait()
	}
	people, err := f.st.ListPeople(bg, "")
	uitest.Must(t, err)
	if len(people) != 4 || len(f.stored(t)) != 2 {
		t.Errorf("%d people, %d attendees after bad input", len(people), len(f.stored(t)))
	}
}

func TestEmptyMeeting(t *testing.T) {
	f := newFixture(t)
	m := &meeting.Meeting{Title: "Vide", Starts: f.m.Starts}
	uitest.Must(t, f.st.CreateMeeting(bg, m))
	tab := f.open(t, m.ID)
	if !tab.empty.Visible() || len(tab.rows) != 0 || !strings.HasPrefix(tab.counts.Text, "Invited: 0") {
		t.Errorf("empty meeting: message shown %v, %d rows, counts %q", tab.empty.Visible(), len(tab.rows), tab.counts.Text)
	}
}

func TestEmptyDirectory(t *testing.T) {
	st := uitest.Store(t)
	m := &meeting.Meeting{Title: "Première", Starts: time.Date(2026, 3, 12, 9, 30, 0, 0, time.UTC)}
	uitest.Must(t, st.CreateMeeting(bg, m))
	env, _ := uitest.Env(t)
	tab := New(env, st, m.ID)
	uitest.Load(env, tab)
	test.Type(tab.search, "Jean")
	env.Wait()
	if len(tab.found) != 0 || len(tab.matches.Objects) != 0 {
		t.Error("an empty directory offers someone")
	}
}

func TestReadOnly(t *testing.T) {
	f := newFixture(t)
	env, _ := uitest.Env(t)
	env.ReadOnly = true
	tab := New(env, f.st, f.m.ID)
	uitest.Load(env, tab)
	r := tab.rows[0]
	if !tab.search.Disabled() || !tab.newPerson.Disabled() || !r.role.Disabled() || !r.voting.Disabled() ||
		!r.presence.Disabled() || !r.remove.Disabled() {
		t.Error("a read-only database can be changed")
	}
}

func TestFrench(t *testing.T) {
	uitest.French(t)
	f := newFixture(t)
	tab := f.open(t, f.m.ID)
	r := tab.rows[0]
	if r.role.Selected != "Président de séance" || r.presence.Selected != "Présence confirmée" || r.voting.Text != "Votant" {
		t.Errorf("French row: %q %q %q", r.role.Selected, r.presence.Selected, r.voting.Text)
	}
	want := "Convoqués\u00a0: 2   ·   Confirmés\u00a0: 1   ·   Présents\u00a0: 0   ·   Excusés\u00a0: 0   ·   Représentés\u00a0: 0   ·   Votants\u00a0: 2"
	if tab.counts.Text != want {
		t.Errorf("counts = %q, want %q", tab.counts.Text, want)
	}
	tab.rows[1].presence.SetSelected("Représenté")
	f.env.Wait()
	if got := f.stored(t)[1]; got.Status != meeting.Represented || tab.rows[1].proxy.PlaceHolder != "Pouvoir donné à…" {
		t.Errorf("French represented: %s, %q", got.Status, tab.rows[1].proxy.PlaceHolder)
	}
	if w := tab.Content().MinSize().Width; w > 1000-220 {
		t.Errorf("the tab needs %v pixels in French", w)
	}
}

func TestQuickChangesAllKept(t *testing.T) {
	f := newFixture(t)
	tab := f.open(t, f.m.ID)
	tom := tab.rows[1]
	// Three changes before any was written: none undoes another.
	tom.role.SetSelected("Secretary")
	test.Tap(tom.voting)
	tom.presence.SetSelected("Present")
	f.env.Wait()
	got := f.stored(t)[1]
	if got.Role != meeting.Secretary || got.Voting || got.Status != meeting.Present {
		t.Errorf("Tom stored as %s, voting %v, %s", got.Role, got.Voting, got.Status)
	}
}
