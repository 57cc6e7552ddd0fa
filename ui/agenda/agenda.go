// Package agenda is the Agenda tab of a meeting's workspace: the numbered
// tree of items (1, 2, 2.1 …) with their planned start times, the total
// time against the meeting's duration, and beside it a form to edit the
// item selected. Items are added, deleted, moved up and down, indented and
// outdented with buttons and with keyboard shortcuts.
package agenda

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// Store is what the tab needs of the store.
type Store interface {
	GetMeeting(ctx context.Context, id int64) (*meeting.Meeting, error)
	Agenda(ctx context.Context, meetingID int64) (meeting.Agenda, error)
	Attendees(ctx context.Context, meetingID int64) ([]*meeting.Attendee, error)
	ListPeople(ctx context.Context, query string) ([]*meeting.Person, error)
	Documents(ctx context.Context, meetingID int64) ([]*meeting.Document, error)
	AddItem(ctx context.Context, it *meeting.AgendaItem) error
	UpdateItem(ctx context.Context, it *meeting.AgendaItem) error
	DeleteItem(ctx context.Context, id int64) error
	MoveItem(ctx context.Context, id int64, mv meeting.Move) error
}

// Tab is the Agenda tab of one meeting. Its widgets are fields so that
// tests, and the window's own test hook, can drive them.
type Tab struct {
	env       *uikit.Env
	st        Store
	meetingID int64
	writes    *uikit.Writes
	saver     *uikit.Saver

	// What was read from the store, kept up to date as the user types.
	m      *meeting.Meeting
	agenda meeting.Agenda
	rows   []*meeting.AgendaItem // the items in agenda order
	papers map[int64]int         // papers attached to each item
	people []person              // presenters to pick from, "none" first

	cur     *meeting.AgendaItem // the item in the form; nil when none
	stored  meeting.AgendaItem  // cur as last read or saved
	want    int64               // the item to select once the agenda is read
	focus   bool                // put the cursor in the title once it is shown
	loading bool                // the form is being filled: changes are not the user's
	active  bool                // the tab is shown: its shortcuts work

	Lock  *uikit.LockBanner // says the minutes are approved, when they are
	List  *widget.List
	Empty *widget.Label // says the agenda has no items yet

	Add, AddSub, Delete  *widget.Button
	Up, Down, In, Out    *widget.Button
	Total, Overrun, Keys *widget.Label

	Heading      *widget.Label // "Item 2.1", or a hint when nothing is selected
	Title        *keyEntry
	TitleError   *widget.Label
	Purpose      *uikit.Choice[meeting.Purpose]
	Presenter    *widget.Select
	Minutes      *keyEntry
	MinutesError *widget.Label
	Description  *keyEntry
	DescError    *widget.Label
	Confidential *widget.Check
	form         *fyne.Container
	formScroll   *container.Scroll
	left         *fyne.Container

	content fyne.CanvasObject
}

// person is one choice of presenter.
type person struct {
	id   int64
	name string
}

// New builds the Agenda tab of a meeting; Reload fills it.
func New(env *uikit.Env, st Store, meetingID int64) *Tab {
	t := &Tab{env: env, st: st, meetingID: meetingID, writes: env.NewWrites()}
	t.saver = env.NewSaver(t.save)
	t.build()
	return t
}

// Content is what the workspace shows in the tab.
func (t *Tab) Content() fyne.CanvasObject { return t.content }

// Close saves what is being typed and lets the tab go; the workspace
// calls it when it closes the meeting.
func (t *Tab) Close() {
	t.Deactivate()
	t.saver.Flush()
	t.env.Forget(t.saver)
}

// Reload reads the meeting, its agenda and its people from the store
// again, keeping the item selected.
func (t *Tab) Reload() {
	t.saver.Flush()
	if t.cur != nil && t.want == 0 {
		t.want = t.cur.ID
	}
	uikit.Load(t.env, t.load, t.apply)
}

// loaded is what Reload reads.
type loaded struct {
	m      *meeting.Meeting
	agenda meeting.Agenda
	papers map[int64]int
	people []person
}

func (t *Tab) load(ctx context.Context) (loaded, error) {
	var l loaded
	var err error
	if l.m, err = t.st.GetMeeting(ctx, t.meetingID); err != nil {
		return l, err
	}
	if l.agenda, err = t.st.Agenda(ctx, t.meetingID); err != nil {
		return l, err
	}
	docs, err := t.st.Documents(ctx, t.meetingID)
	if err != nil {
		return l, err
	}
	l.papers = map[int64]int{}
	for _, d := range docs {
		l.papers[d.ItemID]++
	}
	attendees, err := t.st.Attendees(ctx, t.meetingID)
	if err != nil {
		return l, err
	}
	directory, err := t.st.ListPeople(ctx, "")
	if err != nil {
		return l, err
	}
	// The meeting's attendees first, then the rest of the directory.
	l.people = []person{{0, lang.L("No presenter")}}
	seen := map[int64]bool{}
	for _, a := range attendees {
		l.people = append(l.people, person{a.PersonID, a.Person.Name})
		seen[a.PersonID] = true
	}
	for _, p := range directory {
		if !seen[p.ID] {
			l.people = append(l.people, person{p.ID, p.Name})
		}
	}
	return l, nil
}

func (t *Tab) apply(l loaded) {
	t.m, t.agenda, t.papers, t.people = l.m, l.agenda, l.papers, l.people
	t.Lock.Set(t.m, t.content)
	names := make([]string, len(t.people))
	for i, p := range t.people {
		names[i] = p.name
	}
	t.Presenter.SetOptions(names)

	// The item in the form keeps what the user typed since the read began.
	if t.cur != nil {
		if it := t.agenda.Find(t.cur.ID); it != nil {
			keepEdits(it, t.cur)
			t.agenda.Schedule(t.m.Starts)
		}
	}
	t.rows = t.rows[:0]
	t.agenda.Walk(func(it *meeting.AgendaItem) { t.rows = append(t.rows, it) })
	t.List.Refresh()
	t.Empty.Hidden = len(t.rows) > 0
	t.Empty.Refresh()

	want := t.want
	t.want = 0
	t.List.UnselectAll()
	if i := t.rowOf(want); i >= 0 {
		t.List.Select(i)
		t.List.ScrollTo(i)
	} else {
		t.show(nil)
	}
	t.showTotals()
}

// keepEdits copies the fields the form edits from typed into read.
func keepEdits(read, typed *meeting.AgendaItem) {
	read.Title, read.Purpose, read.PresenterID, read.PresenterName = typed.Title, typed.Purpose, typed.PresenterID, typed.PresenterName
	read.Minutes, read.Description, read.Confidential = typed.Minutes, typed.Description, typed.Confidential
}

func (t *Tab) rowOf(id int64) int {
	for i, it := range t.rows {
		if it.ID == id {
			return i
		}
	}
	return -1
}

// build makes the widgets.
func (t *Tab) build() {
	t.List = widget.NewList(func() int { return len(t.rows) }, newRow,
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*row).show(t.rows[i]) })
	t.List.OnSelected = t.selected
	t.Lock = uikit.NewLockBanner()
	t.Empty = widget.NewLabel(lang.L("This agenda has no items yet: add the first one."))
	t.Empty.Wrapping = fyne.TextWrapWord
	t.Empty.Alignment = fyne.TextAlignCenter

	t.Add = widget.NewButtonWithIcon(lang.X("agenda.add", "Item"), theme.ContentAddIcon(), func() { t.add(false) })
	t.AddSub = widget.NewButtonWithIcon(lang.X("agenda.add-sub", "Sub-item"), theme.ContentAddIcon(), func() { t.add(true) })
	t.Delete = widget.NewButtonWithIcon(lang.X("agenda.delete", "Delete"), theme.DeleteIcon(), t.delete)
	t.Up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { t.move(meeting.MoveUp) })
	t.Down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { t.move(meeting.MoveDown) })
	t.In = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { t.move(meeting.MoveIn) })
	t.Out = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { t.move(meeting.MoveOut) })
	t.Keys = widget.NewLabel(lang.L("Keys: Alt+N new item, Alt+Shift+N new sub-item, Alt+Delete delete; " +
		"Alt+↑ and Alt+↓ move up and down (↑ ↓); Alt+→ or Ctrl+] makes a sub-item of the item above (→); " +
		"Alt+← or Ctrl+[ moves up a level (←)."))
	t.Keys.Wrapping = fyne.TextWrapWord
	t.Keys.SizeName = theme.SizeNameCaptionText
	t.Total = widget.NewLabel("")
	t.Total.Truncation = fyne.TextTruncateEllipsis
	t.Overrun = widget.NewLabel("")
	t.Overrun.Importance = widget.DangerImportance
	t.Overrun.TextStyle.Bold = true
	t.Overrun.Truncation = fyne.TextTruncateEllipsis

	t.buildForm()

	tools := container.NewVBox(
		container.NewHBox(t.Add, t.AddSub, t.Delete),
		container.NewHBox(t.Up, t.Down, t.In, t.Out),
	)
	list := container.NewStack(t.List, container.NewPadded(container.NewVBox(t.Empty)))
	t.left = container.NewBorder(tools, container.NewVBox(widget.NewSeparator(), t.Total, t.Overrun), nil, nil, list)
	t.formScroll = container.NewVScroll(container.NewPadded(container.NewVBox(t.form, widget.NewSeparator(), t.Keys)))
	split := container.NewHSplit(t.left, t.formScroll)
	split.SetOffset(0.5)
	t.content = container.NewBorder(t.Lock, nil, nil, nil, split)
	t.show(nil)
	t.showTotals()
}

func (t *Tab) buildForm() {
	t.Heading = widget.NewLabel("")
	t.Heading.TextStyle.Bold = true
	t.Heading.Wrapping = fyne.TextWrapWord

	t.Title = t.newEntry(false)
	t.Title.Validator = checkTitle
	t.TitleError = errorLabel()
	t.Title.OnChanged = t.titleChanged

	t.Purpose = uikit.NewChoice(meeting.Purposes, uikit.PurposeLabel, func(p meeting.Purpose) {
		t.edit(func(it *meeting.AgendaItem) { it.Purpose = p })
		t.saver.Flush()
	})
	t.Purpose.PlaceHolder = "—" // Fyne's own has no French
	t.Presenter = uikit.NewSelect(nil, nil)
	t.Presenter.PlaceHolder = "—"
	t.Presenter.OnChanged = func(string) {
		i := t.Presenter.SelectedIndex()
		if i < 0 {
			return
		}
		t.edit(func(it *meeting.AgendaItem) { it.PresenterID, it.PresenterName = t.people[i].id, t.people[i].name })
		t.saver.Flush()
	}

	t.Minutes = t.newEntry(false)
	t.Minutes.Validator = checkMinutes
	t.Minutes.SetPlaceHolder(lang.L("45 or 1h30"))
	t.MinutesError = errorLabel()
	t.Minutes.OnChanged = t.minutesChanged

	t.Description = t.newEntry(true)
	t.Description.Validator = checkDescription
	t.Description.SetMinRowsVisible(6)
	t.DescError = errorLabel()
	t.Description.OnChanged = t.descriptionChanged

	t.Confidential = widget.NewCheck(lang.L("Confidential: dealt with in closed session"), func(on bool) {
		t.edit(func(it *meeting.AgendaItem) { it.Confidential = on })
		t.saver.Flush()
	})

	// Short words take keys of their own: other screens' "Title" may
	// not be an item's.
	field := func(key, english string) *widget.Label { return widget.NewLabel(lang.X(key, english)) }
	t.form = container.NewVBox(t.Heading, container.New(layout.NewFormLayout(),
		field("agenda.title", "Title"), container.NewVBox(t.Title, t.TitleError),
		field("agenda.purpose", "Purpose"), t.Purpose.Select,
		field("agenda.presenter", "Presenter"), t.Presenter,
		field("agenda.duration", "Duration"), container.NewVBox(t.Minutes, t.MinutesError),
		field("agenda.description", "Description"), container.NewVBox(t.Description, t.DescError),
		widget.NewLabel(""), t.Confidential,
	))
}

func errorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// showError shows err (or nothing) in the label under a field; the
// field's own validator marks the field.
func (t *Tab) showError(label *widget.Label, err error) {
	shown := label.Visible()
	if err == nil {
		label.SetText("")
		label.Hide()
	} else {
		label.SetText(err.Error())
		label.Show()
	}
	if shown != label.Visible() {
		uikit.Relayout(t.formScroll) // around the message
	}
}

// edit applies a change the user made in the form to the item and saves
// it a moment later.
func (t *Tab) edit(change func(*meeting.AgendaItem)) {
	if t.loading || t.cur == nil {
		return
	}
	change(t.cur)
	t.List.RefreshItem(t.rowOf(t.cur.ID))
	t.saver.Changed()
}

func (t *Tab) titleChanged(s string) {
	if t.loading || t.cur == nil {
		return
	}
	err := checkTitle(s)
	t.showError(t.TitleError, err)
	t.edit(func(it *meeting.AgendaItem) {
		it.Title = t.stored.Title // the list shows what is right
		if err == nil {
			it.Title = strings.TrimSpace(s)
		}
	})
}

func checkTitle(s string) error {
	err := uikit.CheckTitle(s)
	if err == nil && strings.ContainsAny(s, "\r\n") {
		err = errors.New(lang.L("A title must fit on one line"))
	}
	return err
}

func (t *Tab) minutesChanged(s string) {
	if t.loading || t.cur == nil {
		return
	}
	n, err := uikit.ParseMinutes(s)
	t.showError(t.MinutesError, err)
	if err != nil {
		n = t.stored.Minutes
	}
	t.edit(func(it *meeting.AgendaItem) { it.Minutes = n })
	t.agenda.Schedule(t.m.Starts)
	t.List.Refresh()
	t.showTotals()
}

func (t *Tab) descriptionChanged(s string) {
	if t.loading || t.cur == nil {
		return
	}
	err := checkDescription(s)
	t.showError(t.DescError, err)
	if err == nil {
		t.edit(func(it *meeting.AgendaItem) { it.Description = s })
	}
}

func checkDescription(s string) error {
	if n := utf8.RuneCountInString(s); n > meeting.MaxText {
		return errors.New(lang.L("The description is {{.N}} characters long; at most {{.Max}} are allowed",
			map[string]any{"N": n, "Max": meeting.MaxText}))
	}
	return nil
}

func checkMinutes(s string) error {
	_, err := uikit.ParseMinutes(s)
	return err
}

// save writes the item in the form; it runs on the UI thread, the write
// off it.
func (t *Tab) save() {
	if t.cur == nil {
		return
	}
	if t.wrong() {
		return // saved once every field is right
	}
	it := *t.cur
	it.Items, it.Decisions = nil, nil
	t.stored = it
	t.writes.Do(func(ctx context.Context) error { return t.st.UpdateItem(ctx, &it) }, func(err error) {
		if err != nil && t.cur != nil && t.cur.ID == it.ID {
			// The form shows again what the store holds.
			t.want, t.cur = it.ID, nil
			t.Reload()
		}
	})
}

// selected shows the item of row i in the form, after saving the one
// that was there.
func (t *Tab) selected(i widget.ListItemID) {
	if i < 0 || i >= len(t.rows) {
		return
	}
	it := t.rows[i]
	if t.cur != nil && t.cur.ID == it.ID {
		t.cur = it // the same item, read anew, maybe moved
		t.Heading.SetText(lang.L("Item {{.Number}}", map[string]any{"Number": it.Number}))
		t.enableTools()
		return
	}
	t.saver.Flush()
	if t.cur != nil && t.wrong() {
		// What was typed wrong is dropped: the item is as it was saved.
		keepEdits(t.cur, &t.stored)
		t.agenda.Schedule(t.m.Starts)
		t.List.Refresh()
		t.showTotals()
	}
	t.show(it)
}

// wrong reports whether a field of the form holds something wrong.
func (t *Tab) wrong() bool {
	return t.TitleError.Visible() || t.MinutesError.Visible() || t.DescError.Visible()
}

// show fills the form with it, or empties it when it is nil.
func (t *Tab) show(it *meeting.AgendaItem) {
	t.cur = it
	if it != nil {
		t.stored = *it
	}
	t.loading = true
	defer func() { t.loading = false }()
	for _, l := range []*widget.Label{t.TitleError, t.MinutesError, t.DescError} {
		t.showError(l, nil)
	}
	if it == nil {
		t.Heading.SetText(lang.L("Select an item of the agenda to edit it here."))
		t.Title.SetText("")
		t.Minutes.SetText("")
		t.Description.SetText("")
		t.Purpose.SetValue("")
		t.Presenter.ClearSelected()
		t.Confidential.SetChecked(false)
	} else {
		t.Heading.SetText(lang.L("Item {{.Number}}", map[string]any{"Number": it.Number}))
		t.Title.SetText(it.Title)
		t.Minutes.SetText(minutesText(it.Minutes))
		t.Description.SetText(it.Description)
		t.Purpose.SetValue(it.Purpose)
		t.Presenter.SetSelectedIndex(max(0, t.personIndex(it.PresenterID)))
		t.Confidential.SetChecked(it.Confidential)
	}
	t.enableTools()
	if it != nil && t.focus {
		t.focus = false
		t.env.Window.Canvas().Focus(t.Title)
		t.Title.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// minutesText is a duration as the form shows it: 45, or 1h30 from an hour.
func minutesText(n int) string {
	if n < 60 {
		return strconv.Itoa(n)
	}
	return fmt.Sprintf("%dh%02d", n/60, n%60)
}

func (t *Tab) personIndex(id int64) int {
	for i, p := range t.people {
		if p.id == id {
			return i
		}
	}
	return -1
}

// enableTools enables what makes sense for the item selected; nothing
// in a read-only database or once the minutes are approved.
func (t *Tab) enableTools() {
	ok := t.env.Editable(t.m) && t.m != nil
	it := t.cur
	first, last, top := true, true, true
	if it != nil {
		sibs := t.siblings(it)
		first, last, top = sibs[0] == it, sibs[len(sibs)-1] == it, it.ParentID == 0
	}
	uikit.Enable(ok, t.Add)
	uikit.Enable(ok && it != nil && it.Level+1 < meeting.MaxDepth, t.AddSub)
	uikit.Enable(ok && it != nil, t.Delete)
	uikit.Enable(ok && !first, t.Up, t.In)
	uikit.Enable(ok && !last, t.Down)
	uikit.Enable(ok && !top, t.Out)
	uikit.Enable(ok && it != nil, t.Title, t.Minutes, t.Description, t.Purpose, t.Presenter, t.Confidential)
}

// siblings returns the items at it's level under its parent, it included.
func (t *Tab) siblings(it *meeting.AgendaItem) []*meeting.AgendaItem {
	if it.ParentID == 0 {
		return t.agenda
	}
	return t.agenda.Find(it.ParentID).Items
}

// showTotals shows the time the agenda needs against the meeting's.
func (t *Tab) showTotals() {
	if t.m == nil {
		t.Total.SetText("")
		t.Overrun.Hide()
		return
	}
	total := t.agenda.TotalMinutes()
	if t.m.Minutes == 0 {
		t.Total.SetText(lang.L("Total: {{.Total}} (the meeting has no planned duration)",
			map[string]any{"Total": uikit.FormatMinutes(total)}))
	} else {
		t.Total.SetText(lang.L("Total: {{.Total}} of the meeting's {{.Planned}}",
			map[string]any{"Total": uikit.FormatMinutes(total), "Planned": uikit.FormatMinutes(t.m.Minutes)}))
	}
	shown := t.Overrun.Visible()
	if over := t.agenda.Overrun(t.m); over > 0 {
		t.Overrun.SetText(lang.L("{{.Over}} over the meeting's duration", map[string]any{"Over": uikit.FormatMinutes(over)}))
		t.Overrun.Show()
	} else {
		t.Overrun.Hide()
	}
	if shown != t.Overrun.Visible() {
		uikit.Relayout(t.left)
	}
}

// add adds an item at the end of the agenda, or a sub-item at the end of
// the selected item's, and selects it with its title ready to type over.
func (t *Tab) add(sub bool) {
	t.saver.Flush()
	it := &meeting.AgendaItem{MeetingID: t.meetingID, Title: lang.L("New item"), Purpose: meeting.ForInformation}
	if sub {
		if t.cur == nil {
			return
		}
		it.ParentID = t.cur.ID
	}
	t.writes.Do(func(ctx context.Context) error { return t.st.AddItem(ctx, it) }, func(err error) {
		if err == nil {
			t.want, t.focus = it.ID, true
		}
		t.Reload()
	})
}

// move moves the selected item.
func (t *Tab) move(mv meeting.Move) {
	if t.cur == nil {
		return
	}
	t.saver.Flush()
	id := t.cur.ID
	t.writes.Do(func(ctx context.Context) error { return t.st.MoveItem(ctx, id, mv) }, func(error) {
		t.want = id
		t.Reload()
	})
}

// delete deletes the selected item, after asking when its sub-items,
// decisions or papers are at stake.
func (t *Tab) delete() {
	it := t.cur
	if it == nil {
		return
	}
	t.saver.Flush()
	subs, decisions, papers := -1, 0, 0
	meeting.Agenda{it}.Walk(func(x *meeting.AgendaItem) {
		subs++
		decisions += len(x.Decisions)
		papers += t.papers[x.ID]
	})
	// The item before it keeps the selection.
	if i := t.rowOf(it.ID); i > 0 {
		t.want = t.rows[i-1].ID
	}
	del := func() {
		t.writes.Do(func(ctx context.Context) error { return t.st.DeleteItem(ctx, it.ID) }, func(error) {
			t.cur = nil
			t.Reload()
		})
	}
	if subs+decisions+papers == 0 {
		del()
		return
	}
	var what []string
	if subs > 0 {
		what = append(what, lang.N("its {{.Count}} sub-item", subs, map[string]any{"Count": subs}))
	}
	if decisions > 0 {
		what = append(what, lang.N("its {{.Count}} decision", decisions, map[string]any{"Count": decisions}))
	}
	msg := lang.L("Delete item {{.Number}} “{{.Title}}”?", map[string]any{"Number": it.Number, "Title": it.Title})
	if len(what) > 0 {
		msg += "\n" + lang.L("This also deletes {{.What}}.", map[string]any{"What": strings.Join(what, lang.X("agenda.and", " and "))})
	}
	if papers > 0 {
		msg += "\n" + lang.N("Its {{.Count}} paper stays with the meeting.", papers, map[string]any{"Count": papers})
	}
	uikit.Confirm(t.env, lang.L("Delete the item"), msg, lang.X("agenda.delete", "Delete"), func(ok bool) {
		if ok {
			del()
		} else {
			t.want = 0
		}
	})
}
