package details

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

// fixture is a series CODIR with two meetings, n° 1 and n° 2.
type fixture struct {
	st        *meeting.Store
	one, two  *meeting.Meeting
	codir     *meeting.Series
	env       *uikit.Env
	changes   int
	tab       *Tab
	startsOne time.Time
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{st: uitest.Store(t)}
	f.codir = &meeting.Series{Name: "Comité de direction", Code: "CODIR"}
	uitest.Must(t, f.st.CreateSeries(bg, f.codir))
	f.startsOne = time.Date(2026, 3, 12, 9, 30, 0, 0, time.UTC)
	f.one = &meeting.Meeting{SeriesID: f.codir.ID, Title: "CODIR de mars", Starts: f.startsOne, Minutes: 90,
		Place: "Salle du conseil", PapersDue: "2026-03-05", Notes: "Café prévu"}
	uitest.Must(t, f.st.CreateMeeting(bg, f.one))
	f.two = &meeting.Meeting{SeriesID: f.codir.ID, Title: "CODIR d’avril", Starts: f.startsOne.AddDate(0, 1, 0)}
	uitest.Must(t, f.st.CreateMeeting(bg, f.two))
	return f
}

// open shows the tab of meeting id, loaded.
func (f *fixture) open(t *testing.T, id int64) *Tab {
	t.Helper()
	env, _ := uitest.Env(t)
	f.env = env
	f.tab = New(env, f.st, id)
	f.tab.OnChanged = func() { f.changes++ }
	uitest.Load(env, f.tab)
	return f.tab
}

func (f *fixture) stored(t *testing.T, id int64) *meeting.Meeting {
	t.Helper()
	m, err := f.st.GetMeeting(bg, id)
	uitest.Must(t, err)
	return m
}

// retype replaces the text of e as a user would: select all, type.
func retype(e *widget.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}

func TestShowsEveryField(t *testing.T) {
	f := newFixture(t)
	tab := f.open(t, f.one.ID)
	for _, c := range []struct{ got, want string }{
		{tab.title.entry.Text, "CODIR de mars"},
		{tab.series.Text, "CODIR – Comité de direction"},
		{tab.number.entry.Text, "1"},
		{tab.date.entry.Text, "12/03/2026"},
		{tab.clock.entry.Text, "09:30"},
		{tab.duration.entry.Text, "1 h 30"},
		{tab.zone.entry.Text, ""},
		{tab.place.entry.Text, "Salle du conseil"},
		{tab.papersDue.entry.Text, "05/03/2026"},
		{tab.notes.entry.Text, "Café prévu"},
		{tab.classification.Selected, "Internal"},
		{tab.language.Selected, "French"},
		{tab.status.Text, "Draft"},
	} {
		if c.got != c.want {
			t.Errorf("shows %q, want %q", c.got, c.want)
		}
	}
	if len(tab.buttons) != 2 || tab.buttons[0].Text != "Convene" || tab.buttons[1].Text != "Cancel the meeting" {
		t.Errorf("status buttons: %v", tab.buttons)
	}
	if f.changes != 0 {
		t.Errorf("loading counted as %d changes", f.changes)
	}
}

func TestTypingSaves(t *testing.T) {
	f := newFixture(t)
	tab := f.open(t, f.one.ID)
	retype(tab.title.entry, "CODIR exceptionnel")
	retype(tab.date.entry, "19/03/2026")
	retype(tab.clock.entry, "14h")
	retype(tab.duration.entry, "2h15")
	retype(tab.place.entry, "Salle Œuvre, 3ᵉ étage")
	retype(tab.link.entry, "https://visio.example/codir")
	retype(tab.papersDue.entry, "")
	retype(tab.notes.entry, "Café prévu – prévoir 12 couverts")
	f.env.Wait()
	m := f.stored(t, f.one.ID)
	if m.Title != "CODIR exceptionnel" || m.Starts.Format("2006-01-02 15:04") != "2026-03-19 14:00" || m.Minutes != 135 ||
		m.Place != "Salle Œuvre, 3ᵉ étage" || m.Link != "https://visio.example/codir" || m.PapersDue != "" ||
		m.Notes != "Café prévu – prévoir 12 couverts" {
		t.Errorf("stored %+v", m)
	}
	if f.changes == 0 {
		t.Error("OnChanged was not called")
	}

	tab.classification.SetSelected("Confidential") // saved at once, without waiting
	tab.language.SetSelected("English")
	f.env.Wait()
	if m := f.stored(t, f.one.ID); m.Classification != meeting.Confidential || m.Language != "en" {
		t.Errorf("pickers: %s, %s", m.Classification, m.Language)
	}
}

func TestTimeZone(t *testing.T) {
	f := newFixture(t)
	tab := f.open(t, f.one.ID)
	retype(tab.zone.entry, "Europe/Paris")
	f.env.Wait()
	m := f.stored(t, f.one.ID)
	if m.TimeZone != "Europe/Paris" || m.Starts.Format("15:04 MST") != "09:30 CET" {
		t.Errorf("in Paris: %s %v", m.TimeZone, m.Starts)
	}
	retype(tab.zone.entry, "Mars/Olympus")
	f.env.Wait()
	if !tab.zone.msg.Visible() || !strings.Contains(tab.zone.msg.Text, "is not a time zone") {
		t.Errorf("unknown zone: message %q", tab.zone.msg.Text)
	}
	if m := f.stored(t, f.one.ID); m.TimeZone != "Europe/Paris" {
		t.Errorf("unknown zone saved: %q", m.TimeZone)
	}
}

func TestBadInputSavesNothingWrong(t *testing.T) {
	f := newFixture(t)
	tab := f.open(t, f.one.ID)
	for _, c := range []struct {
		f    *field
		text string
		want string
	}{
		{tab.date, "31/02/2026", "“31/02/2026” is not a date"},
		{tab.date, "", "A date is required"},
		{tab.clock, "9h75", "is not a time of day"},
		{tab.duration, "-30", "is not a duration"},
		{tab.duration, "100000", "is not a duration"},
		{tab.title, strings.Repeat("x", 5000), "The title is 5000 characters long"},
		{tab.title, " ", "A title is required"},
		{tab.number, "-3", "a whole number from 1"},
		{tab.papersDue, "30/02/2026", "is not a date"},
	} {
		if len(c.text) > 100 {
			c.f.entry.SetText(c.text) // typed, it would take a minute
		} else {
			retype(c.f.entry, c.text)
		}
		f.env.Wait()
		if !c.f.msg.Visible() || !strings.Contains(c.f.msg.Text, c.want) {
			t.Errorf("%q: message %q (shown %v), want %q", c.text, c.f.msg.Text, c.f.msg.Visible(), c.want)
		}
		if c.f.entry.Validate(); c.f.msg.Visible() && !strings.Contains(c.f.msg.Text, c.want) {
			t.Errorf("%q: the entry does not show itself wrong", c.text)
		}
		m := f.stored(t, f.one.ID)
		if m.Title != "CODIR de mars" || !m.Starts.Equal(f.startsOne) || m.Minutes != 90 || m.Number != 1 || m.PapersDue != "2026-03-05" {
			t.Fatalf("%q: stored %+v", c.text, m)
		}
		c.f.entry.SetText(map[*field]string{tab.date: "12/03/2026", tab.clock: "09:30", tab.duration: "1h30",
			tab.title: "CODIR de mars", tab.number: "1", tab.papersDue: "05/03/2026"}[c.f])
		f.env.Wait()
		if c.f.msg.Visible() {
			t.Errorf("%q put right: message %q stays", c.text, c.f.msg.Text)
		}
	}

	// A wrong field does not stop a right one from being saved.
	retype(tab.date.entry, "31/02/2026")
	retype(tab.place.entry, "Salle B")
	f.env.Wait()
	if m := f.stored(t, f.one.ID); m.Place != "Salle B" || !m.Starts.Equal(f.startsOne) {
		t.Errorf("stored place %q, starts %v", m.Place, m.Starts)
	}
}

func TestStoreRefusal(t *testing.T) {
	f := newFixture(t)
	tab := f.open(t, f.one.ID)
	tab.place.entry.SetText("Salle\nB") // pasted over two lines
	f.env.Wait()
	if !tab.place.msg.Visible() || !strings.Contains(tab.place.msg.Text, "one line") {
		t.Errorf("place on two lines: message %q", tab.place.msg.Text)
	}
	if m := f.stored(t, f.one.ID); m.Place != "Salle du conseil" {
		t.Errorf("place stored: %q", m.Place)
	}
	tab.place.entry.SetText("Salle B")
	f.env.Wait()
	if m := f.stored(t, f.one.ID); m.Place != "Salle B" || tab.place.msg.Visible() {
		t.Errorf("place put right: stored %q, message %q", m.Place, tab.place.msg.Text)
	}
}

func TestNumberTaken(t *testing.T) {
	f := newFixture(t)
	tab := f.open(t, f.one.ID)
	retype(tab.number.entry, "2")
	f.env.Wait()
	if !tab.number.msg.Visible() || !strings.Contains(tab.number.msg.Text, "already has a meeting") {
		t.Errorf("number taken: message %q", tab.number.msg.Text)
	}
	if len(uitest.Overlays(f.env)) != 0 {
		t.Error("a dialog opened for an error shown next to its field")
	}
	if m := f.stored(t, f.one.ID); m.Number != 1 {
		t.Errorf("number stored %d", m.Number)
	}
	// The number taken does not keep the other fields from being saved.
	retype(tab.place.entry, "Salle C")
	f.env.Wait()
	if m := f.stored(t, f.one.ID); m.Number != 1 || m.Place != "Salle C" || !tab.number.msg.Visible() {
		t.Errorf("beside a number taken: stored n° %d, place %q", m.Number, m.Place)
	}
	retype(tab.number.entry, "7")
	f.env.Wait()
	if m := f.stored(t, f.one.ID); m.Number != 7 || tab.number.msg.Visible() {
		t.Errorf("number stored %d, message %q", m.Number, tab.number.msg.Text)
	}
}

func TestOneOffMeeting(t *testing.T) {
	f := newFixture(t)
	m := &meeting.Meeting{Title: "Séminaire", Starts: f.startsOne}
	uitest.Must(t, f.st.CreateMeeting(bg, m))
	tab := f.open(t, m.ID)
	if tab.series.Text != "None (one-off meeting)" || !tab.number.entry.Disabled() || tab.number.entry.Text != "" {
		t.Errorf("one-off: series %q, number %q disabled %v", tab.series.Text, tab.number.entry.Text, tab.number.entry.Disabled())
	}
	retype(tab.title.entry, "Séminaire de rentrée")
	f.env.Wait()
	if got := f.stored(t, m.ID); got.Title != "Séminaire de rentrée" || got.Number != 0 {
		t.Errorf("stored %+v", got)
	}
}

func TestStatusButtons(t *testing.T) {
	f := newFixture(t)
	tab := f.open(t, f.one.ID)
	test.Tap(tab.buttons[0]) // Convene
	f.env.Wait()
	if m := f.stored(t, f.one.ID); m.Status != meeting.Convened || tab.status.Text != "Convened" {
		t.Fatalf("convened: stored %s, shown %q", m.Status, tab.status.Text)
	}
	var labels []string
	for _, b := range tab.buttons {
		labels = append(labels, b.Text)
	}
	if strings.Join(labels, "|") != "Mark as held|Back to draft|Cancel the meeting" || f.changes != 1 {
		t.Errorf("buttons %q, %d changes", labels, f.changes)
	}

	test.Tap(tab.buttons[2]) // Cancel: asks first
	if len(uitest.Overlays(f.env)) != 1 {
		t.Fatal("cancelling does not ask")
	}
	test.Tap(uitest.TopButton(t, f.env, "Keep it"))
	f.env.Wait()
	if m := f.stored(t, f.one.ID); m.Status != meeting.Convened {
		t.Errorf("kept: %s", m.Status)
	}
	test.Tap(tab.buttons[2])
	test.Tap(uitest.TopButton(t, f.env, "Cancel the meeting"))
	f.env.Wait()
	if m := f.stored(t, f.one.ID); m.Status != meeting.Cancelled || tab.status.Text != "Cancelled" ||
		len(tab.buttons) != 1 || tab.buttons[0].Text != "Back to draft" {
		t.Errorf("cancelled: stored %s, shown %q", m.Status, tab.status.Text)
	}
}

func TestMeetingGone(t *testing.T) {
	f := newFixture(t)
	tab := f.open(t, 999)
	if len(uitest.Overlays(f.env)) != 1 || !strings.Contains(uitest.Texts(uitest.Overlays(f.env)[0]), "no longer exists") {
		t.Error("a missing meeting is not said")
	}
	test.Type(tab.title.entry, "x")
	f.env.Wait() // saves nothing, does not panic
}

func TestReadOnly(t *testing.T) {
	f := newFixture(t)
	env, _ := uitest.Env(t)
	env.ReadOnly = true
	tab := New(env, f.st, f.one.ID)
	uitest.Load(env, tab)
	for _, fl := range tab.fields {
		if !fl.input.(interface{ Disabled() bool }).Disabled() {
			t.Errorf("field %s can be edited", fl.name)
		}
	}
	if !tab.classification.Disabled() || !tab.language.Disabled() || !tab.buttons[0].Disabled() {
		t.Error("pickers or status buttons can be used")
	}
	if tab.title.entry.Text != "CODIR de mars" {
		t.Errorf("read-only shows %q", tab.title.entry.Text)
	}
}

func TestFrench(t *testing.T) {
	uitest.French(t)
	f := newFixture(t)
	tab := f.open(t, f.one.ID)
	if tab.status.Text != "Brouillon" || tab.buttons[0].Text != "Convoquer" || tab.classification.Selected != "Interne" ||
		tab.language.Selected != "Français" {
		t.Errorf("French: %q %q %q %q", tab.status.Text, tab.buttons[0].Text, tab.classification.Selected, tab.language.Selected)
	}
	retype(tab.date.entry, "31/02/2026")
	f.env.Wait()
	if !strings.Contains(tab.date.msg.Text, "n’est pas une date") {
		t.Errorf("French date message: %q", tab.date.msg.Text)
	}
	text := uitest.Texts(tab.Content())
	for _, w := range []string{"Titre", "Heure de début", "Fuseau horaire", "Langue des documents", "Remise des documents"} {
		if !strings.Contains(text, w) {
			t.Errorf("%q is not shown", w)
		}
	}
	if w := tab.Content().MinSize().Width; w > 1000-220 {
		t.Errorf("the tab needs %v pixels in French", w)
	}
}

func TestReloadAndCloseKeepWhatWasTyped(t *testing.T) {
	f := newFixture(t)
	tab := f.open(t, f.one.ID)
	retype(tab.place.entry, "Salle 4")
	tab.Reload() // the window shows the tab again before the save was due
	f.env.Wait()
	if tab.place.entry.Text != "Salle 4" || f.stored(t, f.one.ID).Place != "Salle 4" {
		t.Errorf("after reload: shows %q, stored %q", tab.place.entry.Text, f.stored(t, f.one.ID).Place)
	}
	retype(tab.place.entry, "Salle 5")
	tab.Close()
	f.env.Wait()
	if got := f.stored(t, f.one.ID).Place; got != "Salle 5" {
		t.Errorf("closed: stored %q", got)
	}
	retype(tab.place.entry, "Salle 6") // no longer flushed by the window
	f.env.Wait()
	if got := f.stored(t, f.one.ID).Place; got != "Salle 5" {
		t.Errorf("after close: stored %q", got)
	}
}

func TestTabGoesThroughTheFields(t *testing.T) {
	f := newFixture(t)
	tab := f.open(t, f.one.ID)
	c := f.env.Window.Canvas()
	c.Focus(tab.title.entry)
	for _, want := range []*field{tab.number, tab.date, tab.clock, tab.duration, tab.zone, tab.place, tab.link} {
		test.FocusNext(c)
		if _, ok := c.Focused().(*widget.Button); ok {
			test.FocusNext(c) // the time zones' drop-down button
		}
		if c.Focused() != want.input.(fyne.Focusable) {
			t.Fatalf("Tab went to %T, want the %s field", c.Focused(), want.name)
		}
	}
}
