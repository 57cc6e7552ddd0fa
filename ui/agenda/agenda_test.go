package agenda

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

// newMeeting creates a meeting at 09:00 for 60 minutes with items of the
// given titles and minutes; titles with a "." are sub-items of the
// previous top-level item.
func newMeeting(t testing.TB, st *meeting.Store, items ...any) int64 {
	t.Helper()
	ctx := context.Background()
	m := &meeting.Meeting{Title: "Comité de direction", Starts: time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC), Minutes: 60}
	if err := st.CreateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	var parent int64
	for i := 0; i < len(items); i += 2 {
		it := &meeting.AgendaItem{MeetingID: m.ID, Title: items[i].(string), Minutes: items[i+1].(int), Purpose: meeting.ForDiscussion}
		if strings.HasPrefix(it.Title, ".") {
			it.ParentID = parent
		}
		if err := st.AddItem(ctx, it); err != nil {
			t.Fatal(err)
		}
		if it.ParentID == 0 {
			parent = it.ID
		}
	}
	return m.ID
}

// open shows the Agenda tab of a meeting and waits for it to be read.
func open(t testing.TB, env *uikit.Env, st *meeting.Store, id int64) *Tab {
	t.Helper()
	tab := New(env, st, id)
	uitest.Show(env, tab.Content())
	tab.Activate()
	tab.Reload()
	env.Wait()
	return tab
}

// shown is what the list shows: "number title start duration" per row.
func shown(tab *Tab) []string {
	var out []string
	for i := range tab.rows {
		r := newRow().(*row)
		tab.List.UpdateItem(i, r)
		out = append(out, strings.Join([]string{r.number.Text, r.title.Text, r.start.Text, r.minutes.Text}, " "))
	}
	return out
}

func agendaOf(t *testing.T, st *meeting.Store, id int64) meeting.Agenda {
	t.Helper()
	a, err := st.Agenda(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// outline is the stored agenda as "number title (minutes)" lines.
func outline(t *testing.T, st *meeting.Store, id int64) string {
	var lines []string
	agendaOf(t, st, id).Walk(func(it *meeting.AgendaItem) {
		lines = append(lines, it.Number+" "+it.Title)
	})
	return strings.Join(lines, "; ")
}

func retype(e *keyEntry, text string) {
	e.SetText("")
	test.Type(e, text)
}

func TestStartTimesFollowTheDurationTyped(t *testing.T) {
	uitest.English(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	id := newMeeting(t, st, "Ouverture", 10, "Budget 2027", 30, ".Fonctionnement", 10, "Questions diverses", 5)
	tab := open(t, env, st, id)

	want := []string{"1 Ouverture 09:00 10 min", "2 Budget 2027 09:10 30 min", "2.1 .Fonctionnement 09:40 10 min", "3 Questions diverses 09:50 5 min"}
	if got := shown(tab); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("the list shows\n%q\nwant\n%q", got, want)
	}
	if tab.Total.Text != "Total: 55 min of the meeting's 1 h" || tab.Overrun.Visible() {
		t.Fatalf("total %q, overrun shown %v", tab.Total.Text, tab.Overrun.Visible())
	}

	tab.List.Select(1)
	if tab.Title.Text != "Budget 2027" || tab.Minutes.Text != "30" || tab.Heading.Text != "Item 2" {
		t.Fatalf("the form shows %q, %q, %q", tab.Heading.Text, tab.Title.Text, tab.Minutes.Text)
	}
	retype(tab.Minutes, "1h")
	// The times move as the user types, before anything is saved.
	if got := shown(tab); got[2] != "2.1 .Fonctionnement 10:10 10 min" || got[3] != "3 Questions diverses 10:20 5 min" {
		t.Fatalf("after typing 1h the list shows %q", got)
	}
	if tab.Total.Text != "Total: 1 h 25 of the meeting's 1 h" || !tab.Overrun.Visible() ||
		tab.Overrun.Text != "25 min over the meeting's duration" || tab.Overrun.Importance != widget.DangerImportance {
		t.Fatalf("total %q; overrun %q shown %v importance %v", tab.Total.Text, tab.Overrun.Text, tab.Overrun.Visible(), tab.Overrun.Importance)
	}
	retype(tab.Title, "Budget 2027 : arbitrages")
	env.Wait()
	it := agendaOf(t, st, id)[1]
	if it.Minutes != 60 || it.Title != "Budget 2027 : arbitrages" {
		t.Fatalf("stored %q, %d minutes", it.Title, it.Minutes)
	}
}

func TestBadInputIsRefusedAndNothingWrongSaved(t *testing.T) {
	uitest.English(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	id := newMeeting(t, st, "Ouverture", 10)
	tab := open(t, env, st, id)
	tab.List.Select(0)

	tab.Title.SetText(strings.Repeat("é", 5000)) // pasted
	retype(tab.Minutes, "-5")
	env.Wait()
	if !tab.TitleError.Visible() || !strings.Contains(tab.TitleError.Text, "5000 characters") {
		t.Errorf("title message %q shown %v", tab.TitleError.Text, tab.TitleError.Visible())
	}
	if !tab.MinutesError.Visible() || !strings.Contains(tab.MinutesError.Text, "“-5” is not a duration") {
		t.Errorf("duration message %q shown %v", tab.MinutesError.Text, tab.MinutesError.Visible())
	}
	if tab.Title.Validate() == nil {
		t.Error("the title entry does not show it is wrong")
	}
	if got := agendaOf(t, st, id)[0]; got.Title != "Ouverture" || got.Minutes != 10 {
		t.Fatalf("stored %q, %d minutes after bad input", got.Title, got.Minutes)
	}
	if got := shown(tab)[0]; got != "1 Ouverture 09:00 10 min" {
		t.Fatalf("the list shows %q after bad input", got)
	}

	retype(tab.Title, "")
	if tab.TitleError.Text != "A title is required" {
		t.Errorf("empty title says %q", tab.TitleError.Text)
	}
	// While one field is wrong, nothing of the form is saved.
	retype(tab.Minutes, "20")
	env.Wait()
	if tab.MinutesError.Visible() || agendaOf(t, st, id)[0].Minutes != 10 {
		t.Fatalf("saved with an empty title: message shown %v, stored %+v", tab.MinutesError.Visible(), agendaOf(t, st, id)[0])
	}
	// Once every field is right, the form is saved.
	test.Type(tab.Title, "Ouverture de la séance")
	env.Wait()
	if got := agendaOf(t, st, id)[0]; tab.TitleError.Visible() || got.Minutes != 20 || got.Title != "Ouverture de la séance" {
		t.Fatalf("after good input: message shown %v, stored %+v", tab.TitleError.Visible(), got)
	}
}

func TestButtonsAddMoveIndentAndDelete(t *testing.T) {
	uitest.English(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	id := newMeeting(t, st, "A", 10, "B", 10, "C", 10)
	tab := open(t, env, st, id)

	tab.List.Select(2) // C
	if !tab.Up.Disabled() && tab.Down.Disabled() && tab.Out.Disabled() && !tab.In.Disabled() {
		// as expected: C is last, at the top level
	} else {
		t.Fatalf("tools for C: up %v down %v in %v out %v", tab.Up.Disabled(), tab.Down.Disabled(), tab.In.Disabled(), tab.Out.Disabled())
	}
	test.Tap(tab.Up)
	env.Wait()
	if got := outline(t, st, id); got != "1 A; 2 C; 3 B" {
		t.Fatalf("after up: %s", got)
	}
	if tab.cur == nil || tab.cur.Title != "C" {
		t.Fatalf("the selection did not follow the item: %+v", tab.cur)
	}
	test.Tap(tab.In)
	env.Wait()
	if got := outline(t, st, id); got != "1 A; 1.1 C; 2 B" {
		t.Fatalf("after indent: %s", got)
	}
	if tab.Heading.Text != "Item 1.1" || !tab.Up.Disabled() || tab.Out.Disabled() {
		t.Fatalf("after indent the form says %q; up disabled %v, out disabled %v", tab.Heading.Text, tab.Up.Disabled(), tab.Out.Disabled())
	}
	test.Tap(tab.Out)
	env.Wait()
	if got := outline(t, st, id); got != "1 A; 2 C; 3 B" {
		t.Fatalf("after outdent: %s", got)
	}

	test.Tap(tab.AddSub)
	env.Wait()
	if got := outline(t, st, id); got != "1 A; 2 C; 2.1 New item; 3 B" {
		t.Fatalf("after add sub-item: %s", got)
	}
	if tab.Heading.Text != "Item 2.1" || env.Window.Canvas().Focused() != tab.Title {
		t.Fatalf("the new sub-item is not ready to type: %q, focus %v", tab.Heading.Text, env.Window.Canvas().Focused())
	}
	test.Type(tab.Title, "Point d’étape") // typed over the selected default title
	test.Tap(tab.Add)
	env.Wait()
	if got := outline(t, st, id); got != "1 A; 2 C; 2.1 Point d’étape; 3 B; 4 New item" {
		t.Fatalf("after typing then adding: %s", got)
	}

	// An item without sub-items, decisions or papers goes at once.
	test.Tap(tab.Delete)
	env.Wait()
	if got := outline(t, st, id); got != "1 A; 2 C; 2.1 Point d’étape; 3 B" {
		t.Fatalf("after delete: %s", got)
	}
	if tab.Heading.Text != "Item 3" {
		t.Fatalf("after delete the item before is not selected: %q", tab.Heading.Text)
	}
}

func TestDeleteAsksWhenSubItemsOrPapersGo(t *testing.T) {
	uitest.English(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	id := newMeeting(t, st, "A", 10, ".A1", 5, "B", 10)
	ctx := context.Background()
	a := agendaOf(t, st, id)[0]
	if err := st.AddDecision(ctx, &meeting.Decision{ItemID: a.Items[0].ID, Text: "Adopté", Outcome: meeting.Adopted}); err != nil {
		t.Fatal(err)
	}
	if err := st.AttachDocument(ctx, &meeting.Document{MeetingID: id, ItemID: a.ID, Title: "Note", FileName: "note.txt"}, []byte("x")); err != nil {
		t.Fatal(err)
	}
	tab := open(t, env, st, id)
	tab.List.Select(0)
	test.Tap(tab.Delete)
	env.Wait()
	over := uitest.Overlays(env)
	if len(over) != 1 {
		t.Fatalf("no confirmation asked: %d overlays", len(over))
	}
	text := uitest.Texts(over[0])
	for _, want := range []string{"Delete item 1 “A”?", "This also deletes its 1 sub-item and its 1 decision.", "Its 1 paper stays with the meeting."} {
		if !strings.Contains(text, want) {
			t.Errorf("the confirmation says %q, without %q", text, want)
		}
	}
	test.Tap(uitest.Button(t, over[0], "Keep it"))
	env.Wait()
	if got := outline(t, st, id); got != "1 A; 1.1 .A1; 2 B" {
		t.Fatalf("kept, yet: %s", got)
	}
	test.Tap(tab.Delete)
	test.Tap(uitest.Button(t, uitest.Overlays(env)[0], "Delete"))
	env.Wait()
	if got := outline(t, st, id); got != "1 B" {
		t.Fatalf("after confirmed delete: %s", got)
	}
	docs, _ := st.Documents(ctx, id)
	if len(docs) != 1 || docs[0].ItemID != 0 {
		t.Fatalf("the paper did not stay with the meeting: %+v", docs)
	}
}

func TestShortcutsWorkOnlyWhileShown(t *testing.T) {
	uitest.English(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	id := newMeeting(t, st, "A", 10, "B", 10)
	tab := open(t, env, st, id)
	tab.List.Select(1)
	canvas := env.Window.Canvas().(fyne.Shortcutable)
	key := func(k fyne.KeyName, mod fyne.KeyModifier) {
		canvas.TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: mod})
		env.Wait()
	}
	key(fyne.KeyUp, fyne.KeyModifierAlt)
	if got := outline(t, st, id); got != "1 B; 2 A" {
		t.Fatalf("after Alt+Up: %s", got)
	}
	key(fyne.KeyDown, fyne.KeyModifierAlt)
	key(fyne.KeyRightBracket, fyne.KeyModifierShortcutDefault)
	if got := outline(t, st, id); got != "1 A; 1.1 B" {
		t.Fatalf("after Alt+Down, Ctrl+]: %s", got)
	}
	// From the title entry too, where Fyne gives the entry every shortcut.
	env.Window.Canvas().Focus(tab.Title)
	tab.Title.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt})
	env.Wait()
	if got := outline(t, st, id); got != "1 A; 2 B" {
		t.Fatalf("after Alt+Left in the title: %s", got)
	}
	key(fyne.KeyN, fyne.KeyModifierAlt|fyne.KeyModifierShift)
	if got := outline(t, st, id); got != "1 A; 2 B; 2.1 New item" {
		t.Fatalf("after Alt+Shift+N: %s", got)
	}
	key(fyne.KeyDelete, fyne.KeyModifierAlt)
	if got := outline(t, st, id); got != "1 A; 2 B" {
		t.Fatalf("after Alt+Delete: %s", got)
	}

	tab.Deactivate()
	key(fyne.KeyN, fyne.KeyModifierAlt)
	tab.Title.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt})
	env.Wait()
	if got := outline(t, st, id); got != "1 A; 2 B" {
		t.Fatalf("shortcuts still work on a hidden tab: %s", got)
	}
}

func TestPresenterPurposeAndConfidential(t *testing.T) {
	uitest.English(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	ctx := context.Background()
	id := newMeeting(t, st, "Budget", 30)
	guest := &meeting.Person{Name: "Zoé Œuvrard-Lefèbvre"}
	other := &meeting.Person{Name: "Adèle Martin"}
	for _, p := range []*meeting.Person{guest, other} {
		if err := st.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.AddAttendee(ctx, &meeting.Attendee{MeetingID: id, PersonID: guest.ID, Role: meeting.Guest, Status: meeting.Invited}); err != nil {
		t.Fatal(err)
	}
	tab := open(t, env, st, id)
	// The attendees come first, then the rest of the directory.
	if got := strings.Join(tab.Presenter.Options, "|"); got != "No presenter|Zoé Œuvrard-Lefèbvre|Adèle Martin" {
		t.Fatalf("presenters offered: %s", got)
	}
	tab.List.Select(0)
	tab.Presenter.SetSelectedIndex(2)
	tab.Purpose.SetSelectedIndex(2)
	test.Tap(tab.Confidential)
	env.Wait()
	it := agendaOf(t, st, id)[0]
	if it.PresenterID != other.ID || it.Purpose != meeting.ForDecision || !it.Confidential {
		t.Fatalf("stored presenter %d purpose %s confidential %v", it.PresenterID, it.Purpose, it.Confidential)
	}
	tab.Reload()
	env.Wait()
	if tab.Presenter.Selected != "Adèle Martin" || tab.Purpose.Value() != meeting.ForDecision || !tab.Confidential.Checked {
		t.Fatalf("read back: %q %q %v", tab.Presenter.Selected, tab.Purpose.Value(), tab.Confidential.Checked)
	}
	r := newRow().(*row)
	tab.List.UpdateItem(0, r)
	if r.confidential.Hidden {
		t.Fatal("the list does not mark the confidential item")
	}
	// The row shown in the list follows the check box.
	test.Tap(tab.Confidential)
	var shownRow *row
	uitest.Walk(tab.List, func(o fyne.CanvasObject) {
		if r, ok := o.(*row); ok && r.number.Text == "1" {
			shownRow = r
		}
	})
	if shownRow == nil || !shownRow.confidential.Hidden {
		t.Fatal("the list still marks the item confidential")
	}
}

func TestEmptyAgendaInFrench(t *testing.T) {
	uitest.French(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	id := newMeeting(t, st)
	tab := open(t, env, st, id)
	if !tab.Empty.Visible() || tab.Empty.Text != "Cet ordre du jour ne compte encore aucun point : ajoutez le premier." {
		t.Fatalf("empty agenda says %q (shown %v)", tab.Empty.Text, tab.Empty.Visible())
	}
	if tab.Add.Disabled() || !tab.Delete.Disabled() || !tab.Title.Disabled() {
		t.Fatal("on an empty agenda only Add should be enabled")
	}
	if tab.Total.Text != "Total : 0 min sur 1 h prévues pour la réunion" {
		t.Fatalf("total in French: %q", tab.Total.Text)
	}
	test.Tap(tab.Add)
	env.Wait()
	if got := outline(t, st, id); got != "1 Nouveau point" {
		t.Fatalf("added in French: %s", got)
	}
	retype(tab.Minutes, "1h30")
	env.Wait()
	if tab.Overrun.Text != "1 h 30 de dépassement de la durée prévue" && tab.Overrun.Text != "30 min de dépassement de la durée prévue" {
		t.Fatalf("overrun in French: %q", tab.Overrun.Text)
	}
	for _, s := range []string{tab.Add.Text, tab.AddSub.Text, tab.Delete.Text, tab.Keys.Text, tab.Heading.Text, tab.Confidential.Text} {
		if s == "" || strings.Contains(s, "Add") || strings.Contains(s, "item") {
			t.Errorf("not in French: %q", s)
		}
	}
}

func TestReadOnlyShowsButChangesNothing(t *testing.T) {
	uitest.English(t)
	env, _ := uitest.Env(t)
	env.ReadOnly = true
	st := uitest.Store(t)
	id := newMeeting(t, st, "A", 10, "B", 10)
	tab := open(t, env, st, id)
	tab.List.Select(1)
	for _, w := range []fyne.Disableable{tab.Add, tab.AddSub, tab.Delete, tab.Up, tab.In, tab.Title, tab.Minutes, tab.Presenter, tab.Confidential} {
		if !w.Disabled() {
			t.Errorf("%T is enabled in read-only mode", w)
		}
	}
	env.Window.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt})
	env.Wait()
	if got := outline(t, st, id); got != "1 A; 2 B" {
		t.Fatalf("read-only agenda changed: %s", got)
	}
}

func TestCloseSavesWhatIsTyped(t *testing.T) {
	uitest.English(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	id := newMeeting(t, st, "A", 10, "B", 10)
	tab := open(t, env, st, id)
	tab.List.Select(0)
	retype(tab.Title, "A — ouverture")
	tab.Close()
	env.Wait() // waits for the write; the tab's saver is no longer env's to flush
	if got := outline(t, st, id); got != "1 A — ouverture; 2 B" {
		t.Fatalf("after close: %s", got)
	}
	// The closed tab's shortcuts are gone with it.
	env.Window.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierAlt})
	env.Wait()
	if got := outline(t, st, id); got != "1 A — ouverture; 2 B" {
		t.Fatalf("a closed tab added an item: %s", got)
	}
}
