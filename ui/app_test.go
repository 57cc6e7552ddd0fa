package ui

import (
	"bytes"
	"image/png"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"quorum/assets"
	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

// openWindow builds the main window on st in a test window and restores it.
func openWindow(t *testing.T, st *meeting.Store) (*mainWindow, *uikit.Env) {
	t.Helper()
	env, _ := uitest.Env(t)
	mw := newMainWindow(env, st)
	mw.restore()
	env.Wait()
	return mw, env
}

// press types the shortcut Ctrl+k (Cmd+k on macOS) in mw's window.
func press(mw *mainWindow, k fyne.KeyName) {
	mw.env.Window.Canvas().(fyne.Shortcutable).TypedShortcut(
		&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
	mw.env.Wait()
}

func addMeeting(t *testing.T, st *meeting.Store, title string) *meeting.Meeting {
	t.Helper()
	m := &meeting.Meeting{Title: title, Starts: time.Date(2026, 12, 3, 9, 30, 0, 0, time.UTC), Minutes: 120}
	if err := st.CreateMeeting(t.Context(), m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestWindowStartsOnMeetingsAndMovesBetweenSections(t *testing.T) {
	st := uitest.Store(t)
	mw, _ := openWindow(t, st)
	if mw.current != uikit.Meetings || mw.buttons[uikit.Meetings].Importance != widget.HighImportance {
		t.Fatalf("the window starts on %q, want the meetings", mw.current)
	}
	for _, s := range sectionOrder {
		mw.buttons[s].OnTapped()
		if mw.current != s || mw.body.Objects[0] != mw.sections[s].Content() {
			t.Errorf("after tapping %q the window shows %q", s, mw.current)
		}
	}
}

func TestWindowOpensAndClosesAMeeting(t *testing.T) {
	st := uitest.Store(t)
	m := addMeeting(t, st, "Comité de direction n° 12 — réunion de décembre")
	mw, env := openWindow(t, st)

	mw.OpenMeeting(m.ID, uikit.TabAgenda)
	env.Wait()
	if mw.ws == nil || mw.body.Objects[0] != mw.ws.Content() {
		t.Fatal("the meeting's workspace is not shown")
	}
	if got := env.Prefs.LastMeeting(); got != m.ID {
		t.Errorf("last meeting kept = %d, want %d", got, m.ID)
	}
	press(mw, fyne.KeyW)
	if mw.ws != nil || mw.current != uikit.Meetings {
		t.Error("Ctrl+W did not go back from the meeting to the meetings")
	}
	if got := env.Prefs.LastMeeting(); got != 0 {
		t.Errorf("last meeting kept after closing it = %d, want 0", got)
	}
}

func TestWindowReopensTheLastMeetingAndSize(t *testing.T) {
	st := uitest.Store(t)
	m := addMeeting(t, st, "Conseil d’administration")
	env, _ := uitest.Env(t)
	env.Prefs.SetLastMeeting(m.ID)
	env.Prefs.SetWindowSize(fyne.NewSize(1300, 820))
	mw := newMainWindow(env, st)
	mw.restore()
	env.Wait()
	if mw.ws == nil || mw.ws.MeetingID() != m.ID {
		t.Fatal("the meeting open at the last close is not reopened")
	}
	if got := env.Window.Canvas().Size(); got.Width != 1300 || got.Height != 820 {
		t.Errorf("window size = %v, want the last one 1300×820", got)
	}

	// A meeting deleted since is not an error: the meetings are shown.
	if err := st.DeleteMeeting(t.Context(), m.ID); err != nil {
		t.Fatal(err)
	}
	mw2 := newMainWindow(env, st)
	mw2.restore()
	if mw2.ws != nil || mw2.current != uikit.Meetings {
		t.Error("a deleted last meeting should leave the window on the meetings")
	}
}

func TestWindowCloseKeepsSizeAndMeeting(t *testing.T) {
	st := uitest.Store(t)
	m := addMeeting(t, st, "Bureau")
	mw, env := openWindow(t, st)
	mw.OpenMeeting(m.ID, "")
	env.Window.Resize(fyne.NewSize(900, 650))
	mw.keep()
	if got := env.Prefs.WindowSize(); got.Width != 900 || got.Height != 650 {
		t.Errorf("size kept = %v, want 900×650", got)
	}
	if got := env.Prefs.LastMeeting(); got != m.ID {
		t.Errorf("last meeting kept = %d, want %d", got, m.ID)
	}
}

func TestWindowShortcuts(t *testing.T) {
	st := uitest.Store(t)
	m := addMeeting(t, st, "Bureau")
	mw, env := openWindow(t, st)

	press(mw, fyne.KeyF)
	if env.Window.Canvas().Focused() != mw.search {
		t.Error("Ctrl+F does not put the cursor in the search field")
	}
	mw.OpenMeeting(m.ID, uikit.TabDetails)
	press(mw, fyne.KeyP)
	if got := mw.ws.Selected(); got != uikit.TabPrint {
		t.Errorf("Ctrl+P shows the %q tab, want the print panel", got)
	}
	press(mw, fyne.KeyN)
	if mw.ws != nil || mw.current != uikit.Meetings {
		t.Error("Ctrl+N does not go to the meetings to start a new one")
	}
}

func TestReadOnlyWindowSaysSo(t *testing.T) {
	st := uitest.Store(t)
	env, _ := uitest.Env(t)
	env.ReadOnly = true
	mw := newMainWindow(env, st)
	if !showsText(mw.content, "Another Quorum window has this database open: this one is read-only. Close the other window and reopen Quorum to make changes.") {
		t.Error("a read-only window shows no banner")
	}
}

func TestFrenchSidebar(t *testing.T) {
	uitest.French(t)
	st := uitest.Store(t)
	mw, _ := openWindow(t, st)
	want := map[uikit.Section]string{uikit.Meetings: "Réunions", uikit.Actions: "Actions", uikit.People: "Personnes",
		uikit.SeriesSection: "Instances", uikit.SettingsPage: "Réglages"}
	for s, w := range want {
		if got := mw.buttons[s].Text; got != w {
			t.Errorf("section %q reads %q in French, want %q", s, got, w)
		}
	}
	if mw.search.PlaceHolder != "Rechercher…" {
		t.Errorf("search placeholder in French = %q", mw.search.PlaceHolder)
	}
}

func TestIcon(t *testing.T) {
	if assets.Icon.Name() != "icon.png" {
		t.Errorf("icon name = %q", assets.Icon.Name())
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(assets.Icon.Content()))
	if err != nil {
		t.Fatalf("the application icon is not a PNG: %v", err)
	}
	if cfg.Width != 512 || cfg.Height != 512 {
		t.Errorf("icon is %d×%d, want 512×512", cfg.Width, cfg.Height)
	}
}

// showsText reports whether a label under o reads text.
func showsText(o fyne.CanvasObject, text string) bool {
	switch o := o.(type) {
	case *widget.Label:
		return o.Text == text
	case *fyne.Container:
		for _, c := range o.Objects {
			if showsText(c, text) {
				return true
			}
		}
	}
	return false
}

func TestWorkspaceShowsItsFirstTabWhenOpened(t *testing.T) {
	st := uitest.Store(t)
	m := addMeeting(t, st, "Bureau")
	mw, env := openWindow(t, st)
	mw.OpenMeeting(m.ID, uikit.TabDetails)
	env.Wait()
	if mw.ws.Selected() != uikit.TabDetails || mw.ws.Tab(uikit.TabDetails) == nil {
		t.Fatal("the details tab is not shown")
	}
	holder := mw.ws.Tab(uikit.TabDetails).Content()
	if !holder.Visible() || holder.Size().Width == 0 {
		t.Errorf("the details tab's content is not laid out: %v", holder.Size())
	}
}
