// Package minutes is the Minutes tab of a meeting's workspace: the times
// the sitting opened and closed, and for each agenda item its notes, its
// decisions with their votes and the actions it gave rise to. Everything
// typed is saved as it is typed; what is wrong is said beside the field and
// nothing of it is saved.
package minutes

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// Store is what the tab needs of the meeting store.
type Store interface {
	Record(ctx context.Context, meetingID int64) (*meeting.Record, error)
	ListPeople(ctx context.Context, query string) ([]*meeting.Person, error)
	GetMeeting(ctx context.Context, id int64) (*meeting.Meeting, error)
	UpdateMeeting(ctx context.Context, m *meeting.Meeting) error
	UpdateItem(ctx context.Context, it *meeting.AgendaItem) error
	AddDecision(ctx context.Context, d *meeting.Decision) error
	UpdateDecision(ctx context.Context, d *meeting.Decision) error
	DeleteDecision(ctx context.Context, id int64) error
	CreateAction(ctx context.Context, a *meeting.Action) error
	UpdateAction(ctx context.Context, a *meeting.Action) error
	DeleteAction(ctx context.Context, id int64) error
	GetAction(ctx context.Context, id int64) (*meeting.Action, error)
}

// Tab is the Minutes tab of one meeting. Its widgets are fields so that
// tests can use them as a user would.
type Tab struct {
	Lock           *uikit.LockBanner // says the minutes are approved, when they are
	Opened, Closed *widget.Entry     // the sitting's times
	TimesError     *widget.Label
	Items          *widget.List // the agenda's items, then the actions tied to none
	Heading        *widget.Label
	NoItems        *widget.Label // shown when the agenda is empty
	Notes          *widget.Entry
	NotesError     *widget.Label
	Decisions      []*DecisionRow // of the selected item
	Actions        []*ActionRow   // of the selected item
	AddDecision    *widget.Button
	AddAction      *widget.Button
	ItemFields     *fyne.Container // notes and decisions: hidden for the actions tied to no item
	Review         []*ReviewRow    // on the "Review of actions" item: the series' open actions

	// Now gives today, which says what is overdue; tests set it.
	Now func() time.Time

	env       *uikit.Env
	st        Store
	meetingID int64

	rec      *meeting.Record
	owners   []owner               // who can own an action: attendees first, then the directory
	entries  []*meeting.AgendaItem // the list on the left; nil last: the actions tied to no item
	selected int                   // index in entries; -1: none

	saved int // changes saved so far: a read older than one is read again

	timesSaver, notesSaver *uikit.Saver
	rowSavers              []*uikit.Saver // of the rows shown
	decisionBox, actionBox *fyne.Container
	reviewBox              *fyne.Container   // the review rows, on the "Review of actions" item
	panel                  fyne.CanvasObject // the entry shown: notes, decisions, actions
	content                fyne.CanvasObject

	follow   bool  // ShowItem was called: show that item on each read
	followID int64 // the item it asked for
}

// owner is a person who can own an action.
type owner struct {
	id   int64
	name string
}

// New builds the Minutes tab of a meeting and starts reading it.
func New(env *uikit.Env, st Store, meetingID int64) *Tab {
	t := &Tab{env: env, st: st, meetingID: meetingID, selected: -1, Now: time.Now}
	t.timesSaver = env.NewSaver(t.saveTimes)
	t.notesSaver = env.NewSaver(t.saveNotes)

	t.Opened = widget.NewEntry()
	t.Opened.SetPlaceHolder("9:30")
	t.Closed = widget.NewEntry()
	t.Closed.SetPlaceHolder("11:30")
	t.TimesError = errorLabel()
	times := container.NewHBox(
		widget.NewLabel(lang.L("Sitting opened at")), sized(t.Opened, 90),
		widget.NewLabel(lang.L("closed at")), sized(t.Closed, 90))

	t.Items = widget.NewList(func() int { return len(t.entries) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(t.entryLabel(i)) })
	t.Items.OnSelected = func(i widget.ListItemID) { t.show(i) }

	t.Heading = widget.NewLabel("")
	t.Heading.TextStyle.Bold = true
	t.Heading.Wrapping = fyne.TextWrapWord
	t.NoItems = widget.NewLabel(lang.L("The agenda has no items yet: add them in the Agenda tab. Actions tied to no item can be recorded below."))
	t.NoItems.Wrapping = fyne.TextWrapWord
	t.NoItems.Hide()

	t.Notes = widget.NewMultiLineEntry()
	t.Notes.Wrapping = fyne.TextWrapWord
	t.Notes.SetMinRowsVisible(6)
	t.Notes.SetPlaceHolder(lang.L("What was said on this item"))
	t.NotesError = errorLabel()

	t.decisionBox = container.NewVBox()
	t.reviewBox = container.NewVBox()
	t.reviewBox.Hide()
	t.actionBox = container.NewVBox()
	t.AddDecision = widget.NewButtonWithIcon(lang.L("Add a decision"), theme.ContentAddIcon(), t.newDecision)
	t.AddAction = widget.NewButtonWithIcon(lang.L("Add an action"), theme.ContentAddIcon(), t.newAction)

	t.ItemFields = container.NewVBox(
		heading(lang.X("minutes.notes", "Notes")), t.Notes, t.NotesError,
		widget.NewSeparator(),
		heading(lang.L("Decisions")), t.decisionBox, container.NewHBox(t.AddDecision),
		widget.NewSeparator())
	panel := container.NewVBox(t.Heading, t.NoItems, t.reviewBox, t.ItemFields,
		heading(lang.L("Actions")), t.actionBox, container.NewHBox(t.AddAction))

	t.panel = container.NewVScroll(container.NewPadded(panel))
	split := container.NewHSplit(t.Items, t.panel)
	split.Offset = 0.3
	t.Lock = uikit.NewLockBanner()
	t.content = container.NewBorder(container.NewVBox(t.Lock, times, t.TimesError, widget.NewSeparator()), nil, nil, nil, split)
	t.enable()
	if !env.ReadOnly {
		t.Opened.OnChanged = func(string) { t.timesSaver.Changed() }
		t.Closed.OnChanged = func(string) { t.timesSaver.Changed() }
		t.Notes.OnChanged = func(string) { t.notesSaver.Changed() }
	}
	t.ItemFields.Hide()
	t.Reload()
	return t
}

// Content is what the workspace shows in the tab.
func (t *Tab) Content() fyne.CanvasObject { return t.content }

// editable reports whether the meeting's record may be changed: not in
// a read-only database, nor once the minutes are approved (the follow-up
// of its actions goes on: see wire).
func (t *Tab) editable() bool {
	var m *meeting.Meeting
	if t.rec != nil {
		m = t.rec.Meeting
	}
	return t.env.Editable(m)
}

// enable lets the sitting's times, the notes and the Add buttons be used
// when the record may be changed, and shows the banner when it is locked.
func (t *Tab) enable() {
	uikit.Enable(t.editable(), t.Opened, t.Closed, t.Notes, t.AddDecision, t.AddAction)
	if t.rec != nil {
		t.Lock.Set(t.rec.Meeting, t.content)
	}
}

// Reload saves what is waiting, then reads the meeting again.
func (t *Tab) Reload() {
	t.flush()
	saved := t.saved
	type loaded struct {
		rec    *meeting.Record
		people []*meeting.Person
	}
	uikit.Load(t.env, func(ctx context.Context) (loaded, error) {
		rec, err := t.st.Record(ctx, t.meetingID)
		if err != nil {
			return loaded{}, err
		}
		people, err := t.st.ListPeople(ctx, "")
		return loaded{rec, people}, err
	}, func(l loaded) {
		// What was typed while the meeting was read is saved first; the
		// read is then too old to show.
		if t.flush(); t.saved != saved {
			t.Reload()
			return
		}
		t.apply(l.rec, l.people)
	})
}

func (t *Tab) apply(rec *meeting.Record, people []*meeting.Person) {
	t.rec = rec
	t.enable()
	t.owners = t.owners[:0]
	seen := map[int64]bool{}
	for _, a := range rec.Attendees {
		if !seen[a.PersonID] {
			seen[a.PersonID] = true
			t.owners = append(t.owners, owner{a.PersonID, a.Person.Name})
		}
	}
	for _, p := range people {
		if !seen[p.ID] {
			seen[p.ID] = true
			t.owners = append(t.owners, owner{p.ID, p.Name})
		}
	}
	setQuietly(t.Opened, string(rec.Meeting.Opened))
	setQuietly(t.Closed, string(rec.Meeting.Closed))

	var keep int64 = -1 // the item shown before, if any
	if t.selected >= 0 && t.selected < len(t.entries) {
		keep = itemID(t.entries[t.selected])
	}
	if t.follow {
		keep = t.followID
	}
	t.entries = t.entries[:0]
	rec.Agenda.Walk(func(it *meeting.AgendaItem) { t.entries = append(t.entries, it) })
	t.entries = append(t.entries, nil)
	t.NoItems.Hidden = len(rec.Agenda) > 0
	t.Items.Refresh()
	sel := 0
	for i, e := range t.entries {
		if itemID(e) == keep {
			sel = i
		}
	}
	t.selected = -1
	t.Items.Select(sel)
	t.show(sel) // when sel was selected already, Select says nothing
}

// Panel is the notes, decisions and actions of the entry shown, without
// the list of items: the live-meeting view shows it for the item under
// discussion.
func (t *Tab) Panel() fyne.CanvasObject { return t.panel }

// ShowItem shows the notes, decisions and actions of the item id (0: the
// actions tied to no item), now if the meeting is read, else once it is.
func (t *Tab) ShowItem(id int64) {
	t.follow, t.followID = true, id
	for i, e := range t.entries {
		if itemID(e) == id {
			t.Items.Select(i)
			t.show(i)
		}
	}
}

// itemID is the ID of an item, 0 for none.
func itemID(it *meeting.AgendaItem) int64 {
	if it == nil {
		return 0
	}
	return it.ID
}

func (t *Tab) entryLabel(i int) string {
	it := t.entries[i]
	if it == nil {
		return lang.L("Actions tied to no item")
	}
	return strings.Repeat("    ", it.Level) + it.Number + ". " + it.Title
}

// flush saves the changes waiting in the forms shown.
func (t *Tab) flush() {
	t.timesSaver.Flush()
	t.notesSaver.Flush()
	for _, s := range t.rowSavers {
		s.Flush()
	}
}

// show puts the entry i on the right, after saving what was typed in the
// one shown before.
func (t *Tab) show(i int) {
	if i == t.selected {
		return
	}
	t.flush()
	for _, s := range t.rowSavers {
		t.env.Forget(s)
	}
	t.rowSavers = nil
	t.selected = i
	it := t.entries[i]
	t.NotesError.Hide()
	if it == nil {
		t.Heading.SetText(lang.L("Actions tied to no item"))
		t.ItemFields.Hide()
	} else {
		t.Heading.SetText(it.Number + ". " + it.Title)
		setQuietly(t.Notes, it.Notes)
		t.ItemFields.Show()
	}
	t.showReview(it)
	t.Decisions = nil
	t.decisionBox.RemoveAll()
	if it != nil {
		for _, d := range it.Decisions {
			t.addDecisionRow(d)
		}
	}
	t.Actions = nil
	t.actionBox.RemoveAll()
	for _, a := range t.rec.Actions {
		if a.ItemID == itemID(it) || (it == nil && t.rec.Agenda.Find(a.ItemID) == nil) {
			t.addActionRow(*a)
		}
	}
	t.content.Refresh() // lay the panel out again, at its width, before anyone types in it
}

// item is the agenda item shown, or nil.
func (t *Tab) item() *meeting.AgendaItem {
	if t.selected < 0 {
		return nil
	}
	return t.entries[t.selected]
}

func (t *Tab) saveTimes() {
	opened, err := uikit.ParseClock(t.Opened.Text)
	if t.check(t.Opened, t.TimesError, err) {
		return
	}
	closed, err := uikit.ParseClock(t.Closed.Text)
	if t.check(t.Closed, t.TimesError, err) {
		return
	}
	if opened != "" && closed != "" && closed < opened {
		t.check(t.Closed, t.TimesError, errors.New(lang.L("The sitting cannot close before it opens")))
		return
	}
	// The other fields of the meeting may have changed in another tab:
	// change only the times.
	m, err := t.st.GetMeeting(t.env.Ctx, t.meetingID)
	if err == nil {
		m.Opened, m.Closed = opened, closed
		err = t.st.UpdateMeeting(t.env.Ctx, m)
	}
	if !t.failed(t.TimesError, err) && t.rec != nil {
		t.rec.Meeting = m
	}
}

func (t *Tab) saveNotes() {
	it := t.item()
	if it == nil {
		return
	}
	changed := *it
	changed.Notes = t.Notes.Text
	if !t.failed(t.NotesError, t.st.UpdateItem(t.env.Ctx, &changed)) {
		it.Notes = changed.Notes
	}
}

// check shows err beside entry and in label; it reports whether there
// was an error.
func (t *Tab) check(e *widget.Entry, label *widget.Label, err error) bool {
	e.SetValidationError(err)
	if err != nil {
		showError(label, err.Error())
		return true
	}
	label.Hide()
	return false
}

// failed follows a change sent to the store: it counts the changes
// saved, and shows why the store refused one: a broken rule beside the
// form, anything else in a dialog. It reports whether err was one.
func (t *Tab) failed(label *widget.Label, err error) bool {
	if err == nil {
		t.saved++
		label.Hide()
		return false
	}
	showError(label, uikit.ErrorText(err))
	if meeting.ErrorCode(err) != meeting.EINVALID {
		t.env.ShowError(err)
	}
	return true
}

// rowSaver returns a saver for a row of the panel, forgotten when the
// panel shows another item.
func (t *Tab) rowSaver(save func()) *uikit.Saver {
	s := t.env.NewSaver(save)
	t.rowSavers = append(t.rowSavers, s)
	return s
}

func showError(l *widget.Label, text string) {
	l.SetText(text)
	l.Show()
}

func errorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

func heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}

// setQuietly shows text in e without it counting as a change.
func setQuietly(e *widget.Entry, text string) {
	fn := e.OnChanged
	e.OnChanged = nil
	e.SetText(text)
	e.OnChanged = fn
	e.SetValidationError(nil)
}

// sized gives o a width of its own in a row.
func sized(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.New(layout.NewGridWrapLayout(fyne.NewSize(width, o.MinSize().Height)), o)
}

// labelled puts a small label above a field.
func labelled(label string, o fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(label)
	l.SizeName = theme.SizeNameCaptionText
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(l, nil, nil, nil, o)
}
