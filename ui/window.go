package ui

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/workspace"
)

// screen is one section of the sidebar or one tab of a workspace.
type screen interface {
	Content() fyne.CanvasObject
	Reload()
}

// newMeetinger is the meetings section: it starts a new meeting on Ctrl+N.
type newMeetinger interface{ NewMeeting() }

// mainWindow is Quorum's window: the sidebar on the left, the section or
// meeting workspace on the right.
type mainWindow struct {
	env *uikit.Env
	st  *meeting.Store

	search   *widget.Entry
	buttons  map[uikit.Section]*widget.Button
	body     *fyne.Container // the section or workspace shown
	sections map[uikit.Section]screen
	current  uikit.Section
	ws       *workspace.Workspace // the open meeting, or nil
	content  fyne.CanvasObject

	shortcuts map[fyne.KeyName]func() // Ctrl+key → what it does

	// open opens another database for Settings' Open another database
	// (nil: the button is disabled); opened are the stores it opened,
	// closed when the window closes.
	open   func(path string) (*meeting.Store, error)
	opened *[]*meeting.Store
}

// sectionOrder lists the sidebar's sections, top to bottom.
var sectionOrder = []uikit.Section{uikit.Meetings, uikit.Actions, uikit.People, uikit.SeriesSection, uikit.SettingsPage}

func sectionTitle(s uikit.Section) string {
	switch s {
	case uikit.Meetings:
		return lang.L("Meetings")
	case uikit.Actions:
		return lang.L("Actions")
	case uikit.People:
		return lang.L("People")
	case uikit.SeriesSection:
		return lang.L("Series")
	case uikit.SettingsPage:
		return lang.L("Settings")
	}
	return string(s)
}

func sectionIcon(s uikit.Section) fyne.Resource {
	switch s {
	case uikit.Meetings:
		return theme.CalendarIcon()
	case uikit.Actions:
		return theme.ConfirmIcon()
	case uikit.People:
		return theme.AccountIcon()
	case uikit.SeriesSection:
		return theme.ListIcon()
	}
	return theme.SettingsIcon()
}

// newMainWindow builds the window's content for st in env's window.
func newMainWindow(env *uikit.Env, st *meeting.Store) *mainWindow {
	mw := &mainWindow{env: env, st: st, buttons: map[uikit.Section]*widget.Button{}, sections: map[uikit.Section]screen{}}
	env.Nav = mw

	mw.search = widget.NewEntry()
	mw.search.SetPlaceHolder(lang.L("Search…"))
	mw.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	mw.search.OnSubmitted = mw.onSearch
	mw.search.OnChanged = func(text string) {
		// Results come as the user types, once a word has begun.
		if len([]rune(strings.TrimSpace(text))) >= 2 {
			mw.onSearch(text)
		}
	}

	side := container.NewVBox(mw.search, widget.NewSeparator())
	for _, s := range sectionOrder {
		b := widget.NewButtonWithIcon(sectionTitle(s), sectionIcon(s), func() { mw.ShowSection(s) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		mw.buttons[s] = b
		side.Add(b)
	}
	mw.body = container.NewStack()
	var top fyne.CanvasObject
	if env.ReadOnly {
		banner := widget.NewLabel(lang.L("Another Quorum window has this database open: this one is read-only. Close the other window and reopen Quorum to make changes."))
		banner.Wrapping = fyne.TextWrapWord
		banner.Importance = widget.WarningImportance
		top = container.NewVBox(banner, widget.NewSeparator())
	}
	split := container.NewHSplit(container.NewPadded(side), mw.body)
	split.Offset = 0.18
	mw.content = container.NewBorder(top, nil, nil, nil, split)

	w := env.Window
	w.SetContent(mw.content)
	w.SetOnDropped(mw.onDropped)
	w.SetCloseIntercept(mw.onClose)
	mw.addShortcuts()
	return mw
}

// restore gives the window its last size and shows the meeting that was
// open when it was closed, else the meetings.
func (mw *mainWindow) restore() {
	w := mw.env.Window
	size := mw.env.Prefs.WindowSize()
	if size.Width < 640 || size.Height < 480 {
		size = fyne.NewSize(1180, 760)
	}
	w.Resize(size)
	w.CenterOnScreen()
	if id := mw.env.Prefs.LastMeeting(); id != 0 {
		if _, err := mw.st.GetMeeting(mw.env.Ctx, id); err == nil {
			mw.OpenMeeting(id, "")
			return
		}
	}
	mw.ShowSection(uikit.Meetings)
}

// ShowSection shows one of the sidebar's sections, built the first time
// and re-read from the store each time.
func (mw *mainWindow) ShowSection(s uikit.Section) {
	mw.closeMeeting()
	sc, ok := mw.sections[s]
	if !ok {
		sc = mw.buildSection(s)
		mw.sections[s] = sc
	}
	mw.current = s
	for k, b := range mw.buttons {
		if k == s {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.LowImportance
		}
		b.Refresh()
	}
	mw.body.Objects = []fyne.CanvasObject{sc.Content()}
	mw.body.Refresh()
	sc.Reload()
}

// OpenMeeting shows the workspace of meeting id on tab ("" for the
// first one, or the one last shown).
func (mw *mainWindow) OpenMeeting(id int64, tab string) {
	if mw.ws != nil && mw.ws.MeetingID() == id {
		mw.ws.Select(tab)
		return
	}
	mw.closeMeeting()
	mw.ws = workspace.New(mw.env, mw.st, id, mw.workspaceTabs())
	mw.ws.OnClose = func() { mw.ShowSection(uikit.Meetings) }
	mw.env.Prefs.SetLastMeeting(id)
	for _, b := range mw.buttons {
		b.Importance = widget.LowImportance
		b.Refresh()
	}
	mw.body.Objects = []fyne.CanvasObject{mw.ws.Content()}
	mw.body.Refresh()
	mw.ws.Select(tab)
}

// closeMeeting saves what is waiting in the open workspace and leaves it.
func (mw *mainWindow) closeMeeting() {
	if mw.ws == nil {
		return
	}
	mw.env.FlushAll()
	mw.ws.Close()
	mw.ws = nil
	mw.env.Prefs.SetLastMeeting(0)
}

// onDropped gives files dropped on the window to the open meeting's papers.
func (mw *mainWindow) onDropped(_ fyne.Position, uris []fyne.URI) {
	if mw.ws == nil {
		mw.env.Inform(lang.L("Open a meeting first, then drop its papers on the window."))
		return
	}
	mw.ws.Drop(uris)
}

// onClose saves everything waiting and the window's size, then closes.
func (mw *mainWindow) onClose() {
	mw.keep()
	mw.env.Window.Close()
}

// keep saves everything waiting, the window's size and the open meeting.
func (mw *mainWindow) keep() {
	mw.env.FlushAll()
	mw.env.Prefs.SetWindowSize(mw.env.Window.Canvas().Size())
	last := int64(0)
	if mw.ws != nil {
		last = mw.ws.MeetingID()
	}
	mw.env.Prefs.SetLastMeeting(last)
}

// onSearch shows what the search field finds.
func (mw *mainWindow) onSearch(text string) {
	mw.closeMeeting()
	sc := mw.newSearchResults(text)
	for _, b := range mw.buttons {
		b.Importance = widget.LowImportance
		b.Refresh()
	}
	mw.body.Objects = []fyne.CanvasObject{sc.Content()}
	mw.body.Refresh()
	sc.Reload()
}

// addShortcuts binds Ctrl+N, Ctrl+F, Ctrl+P and Ctrl+W (Cmd on macOS).
func (mw *mainWindow) addShortcuts() {
	c := mw.env.Window.Canvas()
	mw.shortcuts = map[fyne.KeyName]func(){}
	bind := func(k fyne.KeyName, fn func()) {
		mw.shortcuts[k] = fn
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { fn() })
	}
	bind(fyne.KeyN, mw.newMeeting)
	bind(fyne.KeyF, func() { c.Focus(mw.search) })
	bind(fyne.KeyP, func() {
		if mw.ws != nil {
			mw.ws.Select(uikit.TabPrint)
		}
	})
	bind(fyne.KeyW, func() {
		if mw.ws != nil {
			mw.ShowSection(uikit.Meetings)
			return
		}
		mw.onClose()
	})
}

// newMeeting shows the meetings and starts a new one.
func (mw *mainWindow) newMeeting() {
	if mw.env.ReadOnly {
		return
	}
	mw.ShowSection(uikit.Meetings)
	if nm, ok := mw.sections[uikit.Meetings].(newMeetinger); ok {
		nm.NewMeeting()
	}
}

// openDatabase opens the database at path in this window, in place of
// the one open now, saving first what is waiting.
func (mw *mainWindow) openDatabase(path string) {
	mw.env.FlushAll()
	st, err := mw.open(path)
	if err != nil {
		mw.env.ShowError(err)
		return
	}
	*mw.opened = append(*mw.opened, st)
	mw.closeMeeting()
	mw.env.ReadOnly = st.ReadOnly()
	next := newMainWindow(mw.env, st)
	next.open, next.opened = mw.open, mw.opened
	next.ShowSection(uikit.Meetings)
	next.startChecks()
}

// startChecks runs, off the UI thread, the quick check of the database
// and the day's automatic backup, and says what went wrong: a damaged
// database is reported with the way out, never rewritten.
func (mw *mainWindow) startChecks() {
	env, st := mw.env, mw.st
	env.Go(func() {
		err := st.QuickCheck(env.Ctx)
		if err == nil && !st.ReadOnly() {
			_, err = st.AutoBackup(env.Ctx, time.Now())
		}
		if err != nil && !errors.Is(err, context.Canceled) {
			fyne.Do(func() { env.ShowError(err) })
		}
	})
}
