package meetings

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

// today is the day the tests run on, as the screen sees it.
var today = time.Date(2026, 6, 15, 12, 0, 0, 0, time.Local)

// open builds the section on st and shows it loaded.
func open(t *testing.T, st Store) (*Screen, *uikit.Env, *uitest.Nav) {
	t.Helper()
	env, nav := uitest.Env(t)
	s := New(env, st)
	s.now = func() time.Time { return today }
	uitest.Load(env, s)
	return s, env, nav
}

// fixture holds a series CODIR with a place, two members and a standard
// agenda, two held meetings and two to come (one a one-off).
type fixture struct {
	st                   *meeting.Store
	codir                *meeting.Series
	jan, may, july, sept *meeting.Meeting
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	st := uitest.Store(t)
	f := &fixture{st: st}
	chair := &meeting.Person{Name: "Élodie Marchand"}
	member := &meeting.Person{Name: "Tom Baker"}
	uitest.Must(t, st.CreatePerson(bg, chair))
	uitest.Must(t, st.CreatePerson(bg, member))
	f.codir = &meeting.Series{Name: "Comité de direction", Code: "CODIR", Place: "Salle du conseil",
		Members: []meeting.SeriesMember{{PersonID: chair.ID, Role: meeting.Chair, Voting: true}, {PersonID: member.ID, Role: meeting.Member, Voting: true}},
		Agenda:  []meeting.StandardItem{{Title: "Approbation du procès-verbal", Purpose: meeting.ForDecision, Minutes: 10}}}
	uitest.Must(t, st.CreateSeries(bg, f.codir))
	add := func(series int64, title string, starts time.Time) *meeting.Meeting {
		m := &meeting.Meeting{SeriesID: series, Title: title, Starts: starts, Minutes: 90}
		uitest.Must(t, st.CreateMeeting(bg, m))
		return m
	}
	f.jan = add(f.codir.ID, "CODIR de janvier", time.Date(2026, 1, 12, 9, 30, 0, 0, time.Local))
	f.may = add(f.codir.ID, "CODIR de mai", time.Date(2026, 5, 11, 9, 30, 0, 0, time.Local))
	f.sept = add(0, "Séminaire de rentrée", time.Date(2026, 9, 3, 14, 0, 0, 0, time.Local))
	f.july = add(f.codir.ID, "CODIR de juillet", time.Date(2026, 7, 6, 9, 30, 0, 0, time.Local))
	uitest.Must(t, st.SetMeetingStatus(bg, f.july.ID, meeting.Convened))
	return f
}

// titles lists what the list shows, row by row: headings and notes as
// they read, meetings by title.
func titles(s *Screen) []string {
	var out []string
	for _, r := range s.rows {
		if r.m != nil {
			out = append(out, r.m.Title)
		} else {
			out = append(out, r.heading+r.note)
		}
	}
	return out
}

func rowOf(t *testing.T, s *Screen, id int64) *rowView {
	t.Helper()
	for i, r := range s.rows {
		if r.m != nil && r.m.ID == id {
			s.list.ScrollTo(i)
			break
		}
	}
	var found *rowView
	for _, o := range test.LaidOutObjects(s.list) {
		if r, ok := o.(*rowView); ok && r.m != nil && r.m.ID == id && r.Visible() {
			found = r
		}
	}
	if found == nil {
		t.Fatalf("meeting %d is not shown", id)
	}
	return found
}

func TestListGroupsAndOpens(t *testing.T) {
	f := newFixture(t)
	s, _, nav := open(t, f.st)
	want := []string{"Upcoming (2)", "CODIR de juillet", "Séminaire de rentrée", "Past (2)", "CODIR de mai", "CODIR de janvier"}
	if got := titles(s); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("rows = %q, want %q", got, want)
	}
	r := rowOf(t, s, f.july.ID)
	if r.date.Text != "06/07/2026  09:30" || r.code.Text != "CODIR no. 3" || r.title.Text != "CODIR de juillet" || r.sts.Text != "Convened" {
		t.Errorf("row reads %q %q %q %q", r.date.Text, r.code.Text, r.title.Text, r.sts.Text)
	}
	if r := rowOf(t, s, f.sept.ID); r.code.Text != "" || r.sts.Text != "Draft" {
		t.Errorf("one-off row reads %q %q", r.code.Text, r.sts.Text)
	}
	if s.empty.Visible() {
		t.Error("the empty message shows beside meetings")
	}

	s.list.Select(5) // the January meeting
	if nav.Meeting != f.jan.ID || nav.Tab != "" {
		t.Errorf("tapping January opened meeting %d tab %q", nav.Meeting, nav.Tab)
	}
	s.list.Select(3) // a heading opens nothing
	if nav.Meeting != f.jan.ID {
		t.Errorf("tapping a heading opened meeting %d", nav.Meeting)
	}
}

func TestFilters(t *testing.T) {
	f := newFixture(t)
	s, env, _ := open(t, f.st)
	if got := s.seriesFilter.Options; len(got) != 2 || got[1] != "CODIR – Comité de direction" {
		t.Fatalf("series filter offers %q", got)
	}
	s.seriesFilter.SetSelectedIndex(1)
	env.Wait()
	want := "Upcoming (1)|CODIR de juillet|Past (2)|CODIR de mai|CODIR de janvier"
	if got := strings.Join(titles(s), "|"); got != want {
		t.Errorf("CODIR rows = %q, want %q", got, want)
	}
	s.statusFilter.SetSelected(uikit.StatusLabel(meeting.Draft))
	env.Wait()
	want = "Upcoming (0)|No meeting planned.|Past (2)|CODIR de mai|CODIR de janvier"
	if got := strings.Join(titles(s), "|"); got != want {
		t.Errorf("draft CODIR rows = %q, want %q", got, want)
	}
	s.statusFilter.SetSelected(uikit.StatusLabel(meeting.Cancelled))
	env.Wait()
	if s.list.Visible() || !s.empty.Visible() || s.emptyText.Text != "No meeting matches this series and status." || s.emptyNew.Visible() {
		t.Errorf("no match: list shown %v, message %q", s.list.Visible(), s.emptyText.Text)
	}
	s.statusFilter.SetSelected("All statuses")
	s.seriesFilter.SetSelectedIndex(0)
	env.Wait()
	if len(s.rows) != 6 {
		t.Errorf("all meetings again: %d rows, want 6", len(s.rows))
	}
	// A reload keeps the series picked.
	s.seriesFilter.SetSelectedIndex(1)
	env.Wait()
	s.Reload()
	env.Wait()
	if s.seriesFilter.SelectedIndex() != 1 || len(s.rows) != 5 {
		t.Errorf("after reload: series %d, %d rows", s.seriesFilter.SelectedIndex(), len(s.rows))
	}
}

func TestEmptyDatabase(t *testing.T) {
	st := uitest.Store(t)
	s, env, nav := open(t, st)
	if s.list.Visible() || !s.empty.Visible() || !s.emptyNew.Visible() || !strings.HasPrefix(s.emptyText.Text, "There are no meetings yet.") {
		t.Fatalf("empty database: list %v, message %q", s.list.Visible(), s.emptyText.Text)
	}
	test.Tap(s.emptyNew)
	env.Wait()
	if s.form == nil || len(s.form.kind.Options) != 1 {
		t.Fatalf("the New meeting dialog offers %v, want Blank only", s.form.kind.Options)
	}
	test.Type(s.form.title, "Première réunion")
	test.Type(s.form.date, "03/12/2026")
	s.form.dlg.Submit()
	env.Wait()
	ms, err := st.ListMeetings(bg, meeting.MeetingFilter{})
	uitest.Must(t, err)
	if len(ms) != 1 || ms[0].Title != "Première réunion" || ms[0].Minutes != 120 || ms[0].Starts.Format("02/01/2006 15:04") != "03/12/2026 09:30" {
		t.Fatalf("meetings = %+v", ms)
	}
	if nav.Meeting != ms[0].ID || nav.Tab != uikit.TabDetails {
		t.Errorf("opened meeting %d tab %q", nav.Meeting, nav.Tab)
	}
	if s.empty.Visible() || len(s.rows) != 2 {
		t.Errorf("the new meeting is not listed: %q", titles(s))
	}
}

func TestNewBlankMeeting(t *testing.T) {
	f := newFixture(t)
	s, env, nav := open(t, f.st)
	test.Tap(s.newButton)
	env.Wait()
	fm := s.form
	if env.Window.Canvas().Focused() != fm.title {
		t.Error("the title is not ready to type in")
	}
	if got := len(fm.kind.Options); got != 3 {
		t.Fatalf("%d ways offered, want 3", got)
	}
	if !fm.series.Disabled() || !fm.source.Disabled() {
		t.Error("series and earlier meeting can be picked for a blank meeting")
	}
	test.Type(fm.title, "Réunion budgétaire")
	test.Type(fm.date, "1/10/2026")
	fm.clock.SetText("")
	test.Type(fm.clock, "14h")
	fm.duration.SetText("")
	test.Type(fm.duration, "1h45")
	test.Tap(uitest.TopButton(t, env, "Create"))
	env.Wait()
	m, err := f.st.GetMeeting(bg, nav.Meeting)
	uitest.Must(t, err)
	if m.Title != "Réunion budgétaire" || m.SeriesID != 0 || m.Minutes != 105 || m.Starts.Format("2006-01-02 15:04") != "2026-10-01 14:00" ||
		m.Classification != env.Prefs.Classification() {
		t.Errorf("new meeting = %+v", m)
	}
	if n, _ := f.st.Attendees(bg, m.ID); len(n) != 0 {
		t.Errorf("a blank meeting has %d attendees", len(n))
	}
}

func TestNewMeetingBadInput(t *testing.T) {
	f := newFixture(t)
	s, env, _ := open(t, f.st)
	s.NewMeeting()
	env.Wait()
	fm := s.form
	create := uitest.TopButton(t, env, "Create")
	test.Type(fm.title, "Réunion")
	for _, tc := range []struct {
		e    *widget.Entry
		text string
		want string
	}{
		{fm.date, "31/02/2026", "is not a date"},
		{fm.date, "", "A date is required"},
		{fm.clock, "25:00", "is not a time of day"},
		{fm.duration, "-30", "is not a duration"},
		{fm.duration, "30h", "is not a duration"},
		{fm.title, strings.Repeat("a", 5000), "at most 500"},
		{fm.title, "  ", "A title is required"},
	} {
		good := map[*widget.Entry]string{fm.title: "Réunion", fm.date: "03/12/2026", fm.clock: "09:30", fm.duration: "2h"}
		for e, v := range good {
			e.SetText(v)
		}
		tc.e.SetText("")
		if len(tc.text) > 100 {
			tc.e.SetText(tc.text) // typed, it would take a minute
		} else {
			test.Type(tc.e, tc.text)
		}
		err := tc.e.Validate()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.text, err, tc.want)
		}
		if !create.Disabled() {
			t.Errorf("%q: Create is enabled", tc.text)
		}
		fm.dlg.Submit() // Enter
		env.Wait()
	}
	ms, err := f.st.ListMeetings(bg, meeting.MeetingFilter{})
	uitest.Must(t, err)
	if len(ms) != 4 {
		t.Errorf("%d meetings after bad input, want the 4 there were", len(ms))
	}
}

func TestNewMeetingFromSeries(t *testing.T) {
	f := newFixture(t)
	s, env, nav := open(t, f.st)
	s.NewMeeting()
	env.Wait()
	fm := s.form
	fm.kind.SetSelected(fm.kind.Options[1])
	if fm.series.Disabled() || fm.series.SelectedIndex() != 0 || fm.title.Text != "Comité de direction" {
		t.Fatalf("from a series: series %d, title %q", fm.series.SelectedIndex(), fm.title.Text)
	}
	test.Type(fm.date, "07/09/2026")
	fm.dlg.Submit()
	env.Wait()
	m, err := f.st.GetMeeting(bg, nav.Meeting)
	uitest.Must(t, err)
	if m.SeriesID != f.codir.ID || m.Number != 4 || m.Place != "Salle du conseil" || m.Title != "Comité de direction" {
		t.Errorf("meeting from the series = %+v", m)
	}
	a, err := f.st.Agenda(bg, m.ID)
	uitest.Must(t, err)
	at, err := f.st.Attendees(bg, m.ID)
	uitest.Must(t, err)
	// The series held meetings before: Quorum's approval item stands for
	// the standard one, with the review of actions.
	if len(a) != 2 || a[0].Kind != meeting.ApprovalItem || a[1].Kind != meeting.ReviewItem || len(at) != 2 || at[0].Role != meeting.Chair {
		t.Errorf("agenda %d items, %d attendees", len(a), len(at))
	}
	if got := titles(s); len(got) != 7 || got[3] != "Comité de direction" {
		t.Errorf("rows after creation = %q", got)
	}
}

func TestCopyEarlierMeeting(t *testing.T) {
	f := newFixture(t)
	item := &meeting.AgendaItem{MeetingID: f.may.ID, Title: "Budget", Purpose: meeting.ForDecision, Minutes: 30, Notes: "Débattu"}
	uitest.Must(t, f.st.AddItem(bg, item))
	s, env, nav := open(t, f.st)
	s.NewMeeting()
	env.Wait()
	fm := s.form
	fm.kind.SetSelected(fm.kind.Options[2])
	// Latest first: September's one-off is offered first.
	if fm.source.SelectedIndex() != 0 || !strings.Contains(fm.source.Selected, "Séminaire de rentrée") || !fm.title.Disabled() {
		t.Fatalf("copy: source %q, title disabled %v", fm.source.Selected, fm.title.Disabled())
	}
	fm.source.SetSelectedIndex(2) // May
	if fm.title.Text != "CODIR de mai" || fm.duration.Text != "1 h 30" || fm.clock.Text != "09:30" {
		t.Errorf("copy of May shows %q %q %q", fm.title.Text, fm.duration.Text, fm.clock.Text)
	}
	test.Type(fm.date, "08/06/2026")
	fm.dlg.Submit()
	env.Wait()
	m, err := f.st.GetMeeting(bg, nav.Meeting)
	uitest.Must(t, err)
	if m.ID == f.may.ID || m.Title != "CODIR de mai" || m.Number != 4 || m.Minutes != 90 || m.Starts.Format("2006-01-02 15:04") != "2026-06-08 09:30" {
		t.Errorf("copy = %+v", m)
	}
	a, err := f.st.Agenda(bg, m.ID)
	uitest.Must(t, err)
	// The series' follow-up items come first, made for the copy; then
	// the items of the meeting copied, without their notes.
	var kinds []meeting.ItemKind
	var copied []*meeting.AgendaItem
	for _, it := range a {
		kinds = append(kinds, it.Kind)
		if it.Kind == meeting.OrdinaryItem {
			copied = append(copied, it)
		}
	}
	if len(copied) != 1 || copied[0].Title != "Budget" || copied[0].Notes != "" || len(a) != 3 {
		t.Errorf("agenda of the copy: kinds %v, copied items %d", kinds, len(copied))
	}
}

func TestDeleteAsksFirst(t *testing.T) {
	f := newFixture(t)
	s, env, _ := open(t, f.st)
	test.Tap(rowOf(t, s, f.may.ID).del)
	msg := uitest.Texts(uitest.Overlays(env)[0])
	if !strings.Contains(msg, "Delete the meeting?") || !strings.Contains(strings.ReplaceAll(msg, "\n", " "), "CODIR de mai") {
		t.Errorf("the confirmation reads %q", msg)
	}
	test.Tap(uitest.TopButton(t, env, "Keep it"))
	env.Wait()
	if _, err := f.st.GetMeeting(bg, f.may.ID); err != nil {
		t.Fatalf("kept meeting: %v", err)
	}
	test.Tap(rowOf(t, s, f.may.ID).del)
	test.Tap(uitest.TopButton(t, env, "Delete"))
	env.Wait()
	if _, err := f.st.GetMeeting(bg, f.may.ID); meeting.ErrorCode(err) != meeting.ENOTFOUND {
		t.Errorf("deleted meeting: %v", err)
	}
	if got := strings.Join(titles(s), "|"); strings.Contains(got, "CODIR de mai") || !strings.Contains(got, "Past (1)") {
		t.Errorf("rows after deletion = %q", got)
	}
}

func TestFrench(t *testing.T) {
	uitest.French(t)
	f := newFixture(t)
	s, env, _ := open(t, f.st)
	want := "À venir (2)|CODIR de juillet|Séminaire de rentrée|Passées (2)|CODIR de mai|CODIR de janvier"
	if got := strings.Join(titles(s), "|"); got != want {
		t.Errorf("rows = %q, want %q", got, want)
	}
	r := rowOf(t, s, f.july.ID)
	if r.code.Text != "CODIR n° 3" || r.sts.Text != "Convoquée" {
		t.Errorf("row reads %q %q", r.code.Text, r.sts.Text)
	}
	if s.newButton.Text != "Nouvelle réunion…" {
		t.Errorf("button reads %q", s.newButton.Text)
	}
	s.NewMeeting()
	env.Wait()
	if got := s.form.kind.Options; got[0] != "Vierge" {
		t.Errorf("ways offered: %q", got)
	}
	test.Type(s.form.date, "31/02/2026")
	if err := s.form.date.Validate(); err == nil || !strings.Contains(err.Error(), "n’est pas une date") {
		t.Errorf("31/02 in French: %v", err)
	}
	// Every label fits at the window's size in French.
	s.form.dlg.Hide()
	env.Window.Resize(fyne.NewSize(1000, 700))
	if w := s.Content().MinSize().Width; w > 1000-220 {
		t.Errorf("the section needs %v pixels: too wide beside the sidebar", w)
	}
}

func TestReadOnly(t *testing.T) {
	f := newFixture(t)
	env, _ := uitest.Env(t)
	env.ReadOnly = true
	s := New(env, f.st)
	uitest.Load(env, s)
	if !s.newButton.Disabled() || !rowOf(t, s, f.may.ID).del.Disabled() {
		t.Error("a read-only database can be changed")
	}
	s.NewMeeting()
	env.Wait()
	if s.form != nil {
		t.Error("the New meeting dialog opens on a read-only database")
	}
}

func TestSeriesPickedIsDeleted(t *testing.T) {
	f := newFixture(t)
	other := &meeting.Series{Name: "Bureau", Code: "BUR"}
	uitest.Must(t, f.st.CreateSeries(bg, other))
	s, env, _ := open(t, f.st)
	s.seriesFilter.SetSelected("BUR – Bureau")
	env.Wait()
	if s.list.Visible() || !strings.Contains(s.emptyText.Text, "No meeting matches") {
		t.Fatalf("BUR has no meeting, yet %q", titles(s))
	}
	uitest.Must(t, f.st.DeleteSeries(bg, other.ID))
	s.Reload()
	env.Wait()
	if s.seriesFilter.SelectedIndex() != 0 || len(s.rows) != 6 {
		t.Errorf("after BUR went: series %q, %d rows", s.seriesFilter.Selected, len(s.rows))
	}
}
