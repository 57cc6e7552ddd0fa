package actions

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

var today = time.Date(2026, 3, 20, 10, 0, 0, 0, time.UTC)

// fixture is a store with two owners, a series with one meeting, and
// three actions: one overdue, one done after its due day, one with
// neither meeting nor due day.
type fixture struct {
	st            *meeting.Store
	ada, bob      *meeting.Person
	codir         *meeting.Series
	board         *meeting.Meeting
	late, done, x *meeting.Action
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{st: uitest.Store(t)}
	f.ada = &meeting.Person{Name: "Adélaïde Lœwy"}
	f.bob = &meeting.Person{Name: "Bob Martin"}
	f.codir = &meeting.Series{Name: "Comité de direction", Code: "CODIR"}
	must(t, f.st.CreatePerson(ctx, f.ada), f.st.CreatePerson(ctx, f.bob), f.st.CreateSeries(ctx, f.codir))
	f.board = &meeting.Meeting{SeriesID: f.codir.ID, Title: "CODIR de mars", Starts: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	must(t, f.st.CreateMeeting(ctx, f.board))
	f.late = &meeting.Action{MeetingID: f.board.ID, Title: "Envoyer le budget révisé", OwnerID: f.ada.ID, Due: "2026-03-15"}
	f.done = &meeting.Action{MeetingID: f.board.ID, Title: "Réserver la salle", OwnerID: f.bob.ID, Due: "2026-03-10", Status: meeting.ActionDone}
	f.x = &meeting.Action{Title: "Relire la charte", OwnerID: f.bob.ID, Status: meeting.ActionInProgress}
	must(t, f.st.CreateAction(ctx, f.late), f.st.CreateAction(ctx, f.done), f.st.CreateAction(ctx, f.x))
	return f
}

func must(t *testing.T, errs ...error) {
	t.Helper()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// open builds the section on st, shows it and waits for its data.
func open(t *testing.T, st Store) (*Screen, *uikit.Env, *uitest.Nav) {
	t.Helper()
	env, nav := uitest.Env(t)
	s := New(env, st)
	s.Now = func() time.Time { return today }
	uitest.Show(env, s.Content())
	s.Reload()
	env.Wait()
	return s, env, nav
}

// titles lists the titles of the actions shown, in order.
func titles(s *Screen) string {
	var ts []string
	for _, a := range s.list {
		ts = append(ts, a.Title)
	}
	return strings.Join(ts, "|")
}

func TestListAndFilters(t *testing.T) {
	uitest.English(t)
	f := newFixture(t)
	s, env, _ := open(t, f.st)

	if got, want := titles(s), "Réserver la salle|Envoyer le budget révisé|Relire la charte"; got != want {
		t.Fatalf("actions shown = %q, want %q (by due day, none last)", got, want)
	}
	if s.count.Text != "3 actions" {
		t.Errorf("count = %q", s.count.Text)
	}
	// The overdue action is in red and says so; the done one is not.
	l := widget.NewLabel("")
	s.fillCell(widget.TableCellID{Row: 1, Col: 2}, l)
	if l.Text != "15/03/2026 (overdue)" || l.Importance != widget.DangerImportance {
		t.Errorf("overdue due cell = %q (importance %v)", l.Text, l.Importance)
	}
	s.fillCell(widget.TableCellID{Row: 0, Col: 2}, l)
	if l.Text != "10/03/2026" || l.Importance != widget.HighImportance {
		t.Errorf("done action's due cell = %q (importance %v), want blue", l.Text, l.Importance)
	}
	s.fillCell(widget.TableCellID{Row: 0, Col: 0}, l)
	if l.Importance != widget.MediumImportance {
		t.Errorf("done action's title has importance %v, want plain", l.Importance)
	}
	s.fillCell(widget.TableCellID{Row: 1, Col: 4}, l)
	if l.Text != "CODIR n° 1 – 02/03/2026" {
		t.Errorf("meeting cell = %q", l.Text)
	}
	s.fillCell(widget.TableCellID{Row: 2, Col: 4}, l)
	if l.Text != "" {
		t.Errorf("meeting cell of an action without one = %q", l.Text)
	}

	test.Tap(s.overdue)
	env.Wait()
	if got := titles(s); got != "Envoyer le budget révisé" {
		t.Errorf("overdue only = %q", got)
	}
	test.Tap(s.overdue)
	env.Wait()

	s.owner.SetSelected("Bob Martin")
	env.Wait()
	if got := titles(s); got != "Réserver la salle|Relire la charte" {
		t.Errorf("Bob's actions = %q", got)
	}
	s.status.SetSelected("Not done")
	env.Wait()
	if got := titles(s); got != "Relire la charte" {
		t.Errorf("Bob's actions not done = %q", got)
	}
	s.owner.SetSelectedIndex(0)
	env.Wait()
	s.status.SetSelected("Done")
	env.Wait()
	if got := titles(s); got != "Réserver la salle" {
		t.Errorf("done actions = %q", got)
	}
	s.status.SetSelectedIndex(0)
	env.Wait()
	s.series.SetSelected("CODIR – Comité de direction")
	env.Wait()
	if got := titles(s); got != "Réserver la salle|Envoyer le budget révisé" {
		t.Errorf("CODIR's actions = %q", got)
	}
	if s.series.Selected != "CODIR – Comité de direction" || s.count.Text != "2 actions" {
		t.Errorf("after reload: series filter %q, count %q", s.series.Selected, s.count.Text)
	}
}

func TestChangeStatusAndNote(t *testing.T) {
	uitest.English(t)
	f := newFixture(t)
	s, env, nav := open(t, f.st)
	ctx := context.Background()

	if !s.pick.Disabled() || !s.addNote.Disabled() {
		t.Error("status and note are enabled with no action selected")
	}
	s.table.Select(widget.TableCellID{Row: 1, Col: 0})
	if s.heading.Text != "Envoyer le budget révisé" || s.pick.Disabled() {
		t.Fatalf("selected: heading %q, picker disabled %v", s.heading.Text, s.pick.Disabled())
	}
	if !strings.Contains(s.info.Text, "Owner: Adélaïde Lœwy") || s.info.Importance != widget.DangerImportance {
		t.Errorf("info = %q (importance %v)", s.info.Text, s.info.Importance)
	}
	s.pick.SetSelected("In progress")
	env.Wait()
	a, err := f.st.GetAction(ctx, f.late.ID)
	must(t, err)
	if a.Status != meeting.ActionInProgress {
		t.Errorf("status saved = %q, want in-progress", a.Status)
	}
	if s.selected == nil || s.selected.ID != f.late.ID || s.selected.Status != meeting.ActionInProgress {
		t.Errorf("after saving, the panel shows %+v", s.selected)
	}

	// An empty note cannot be added; a real one is, dated today.
	test.Tap(s.addNote)
	if len(uitest.Overlays(env)) != 1 {
		t.Fatal("no note dialog")
	}
	s.noteForm.Submit()
	env.Wait()
	a, _ = f.st.GetAction(ctx, f.late.ID)
	if len(a.Notes) != 0 {
		t.Fatalf("an empty note was saved: %+v", a.Notes)
	}
	test.Type(s.noteText, "Budget envoyé à la DAF, réponse attendue")
	s.noteForm.Submit()
	env.Wait()
	a, _ = f.st.GetAction(ctx, f.late.ID)
	if len(a.Notes) != 1 || a.Notes[0].Text != "Budget envoyé à la DAF, réponse attendue" {
		t.Fatalf("notes = %+v", a.Notes)
	}
	if !strings.Contains(s.notes.Text, "Budget envoyé à la DAF") {
		t.Errorf("notes shown = %q", s.notes.Text)
	}

	test.Tap(s.openIt)
	if nav.Meeting != f.board.ID || nav.Tab != uikit.TabMinutes {
		t.Errorf("opened meeting %d tab %q, want %d %q", nav.Meeting, nav.Tab, f.board.ID, uikit.TabMinutes)
	}
	// An action from no meeting has none to open.
	s.table.Select(widget.TableCellID{Row: 2, Col: 0})
	if !s.openIt.Disabled() {
		t.Error("Open its meeting is enabled for an action without one")
	}
}

func TestFrenchReadOnly(t *testing.T) {
	uitest.French(t)
	f := newFixture(t)
	env, _ := uitest.Env(t)
	env.ReadOnly = true
	s := New(env, f.st)
	s.Now = func() time.Time { return today }
	uitest.Show(env, s.Content())
	s.Reload()
	env.Wait()

	if s.overdue.Text != "En retard seulement" || s.count.Text != "3 actions" {
		t.Errorf("French: check %q, count %q", s.overdue.Text, s.count.Text)
	}
	if s.status.Options[1] != "Non terminées" || s.status.Options[2] != "À faire" {
		t.Errorf("French statuses = %q", s.status.Options)
	}
	l := widget.NewLabel("")
	s.fillCell(widget.TableCellID{Row: 1, Col: 2}, l)
	if l.Text != "15/03/2026 (en retard)" {
		t.Errorf("French due cell = %q", l.Text)
	}
	s.table.Select(widget.TableCellID{Row: 1, Col: 0})
	if !s.pick.Disabled() || !s.addNote.Disabled() || s.openIt.Disabled() {
		t.Error("read-only: status and note must be disabled, the meeting still opens")
	}
}

func TestEmptyDatabase(t *testing.T) {
	uitest.English(t)
	s, _, _ := open(t, uitest.Store(t))
	if len(s.list) != 0 || s.count.Text != "0 actions" {
		t.Errorf("empty database: %d actions, count %q", len(s.list), s.count.Text)
	}
	if s.owner.Selected != "All owners" || len(s.owner.Options) != 1 {
		t.Errorf("owner filter = %q of %q", s.owner.Selected, s.owner.Options)
	}
}
