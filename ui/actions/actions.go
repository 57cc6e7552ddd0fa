// Package actions is the Actions section of Quorum's window: every action
// across meetings in one table, filtered by owner, status, series or
// lateness; the selected action's status is changed with a picker, a
// progress note added with a dialog, and its meeting opened with a button.
// The actions shown are exported to Excel (.xlsx) or CSV.
package actions

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// Store is what the Actions section needs from the store.
type Store interface {
	ListActions(ctx context.Context, f meeting.ActionFilter) ([]*meeting.Action, error)
	UpdateAction(ctx context.Context, a *meeting.Action) error
	AddActionNote(ctx context.Context, actionID int64, n *meeting.ActionNote) error
	ListPeople(ctx context.Context, query string) ([]*meeting.Person, error)
	ListSeries(ctx context.Context) ([]*meeting.Series, error)
}

// The fixed choices of the status filter, before the statuses themselves.
const (
	allStatuses = iota
	notDone
	firstStatus
)

// Screen is the Actions section.
type Screen struct {
	env *uikit.Env
	st  Store

	// Now gives today, which says what is overdue; tests set it.
	Now func() time.Time

	owner   *widget.Select // "All owners", then the directory
	status  *widget.Select // "All statuses", "Not done", then each status
	series  *widget.Select // "All series", then each series
	overdue *widget.Check
	count   *widget.Label
	table   *widget.Table

	toExcel, toCSV *widget.Button
	exported       *widget.Label // what became of the last export

	// The selected action.
	heading  *widget.Label
	info     *widget.Label
	pick     *uikit.Choice[meeting.ActionStatus]
	notes    *widget.Label
	detail   *fyne.Container
	addNote  *widget.Button
	openIt   *widget.Button
	noteForm *dialog.FormDialog // the open "Add a progress note" dialog
	noteText *widget.Entry

	people   []*meeting.Person
	seriesOf []*meeting.Series
	list     []*meeting.Action
	selected *meeting.Action
	reads    int // reloads started, so that only the last one shows

	content fyne.CanvasObject
}

// columns are the table's headings, in order.
var columns = []string{"Action", "Owner", "Due", "Status", "Meeting"}

// columnWidths are the table's column widths at 1000 pixels wide.
var columnWidths = []float32{280, 160, 170, 100, 210}

// New builds the Actions section; Reload fills it.
func New(env *uikit.Env, st Store) *Screen {
	s := &Screen{env: env, st: st, Now: time.Now}
	refilter := func(string) { s.Reload() }
	s.owner = uikit.NewSelect(nil, refilter)
	s.status = uikit.NewSelect(nil, refilter)
	s.series = uikit.NewSelect(nil, refilter)
	s.overdue = widget.NewCheck(lang.L("Overdue only"), func(bool) { s.Reload() })
	s.count = widget.NewLabel("")
	s.toExcel = widget.NewButtonWithIcon(lang.L("Export to Excel (.xlsx)"), theme.DocumentSaveIcon(), func() { s.askExport(XLSX) })
	s.toCSV = widget.NewButtonWithIcon(lang.L("Export to CSV"), theme.DocumentSaveIcon(), func() { s.askExport(CSV) })
	s.exported = uikit.Note(widget.MediumImportance)

	s.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(s.list), len(columns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { s.fillCell(id, o.(*widget.Label)) })
	s.table.ShowHeaderColumn = false
	s.table.CreateHeader = func() fyne.CanvasObject { return uikit.Heading("") }
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(lang.L(columns[id.Col]))
		}
	}
	for i, w := range columnWidths {
		s.table.SetColumnWidth(i, w)
	}
	s.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(s.list) {
			s.show(s.list[id.Row])
		}
	}

	s.heading = widget.NewLabel("")
	s.heading.TextStyle.Bold = true
	s.heading.Wrapping = fyne.TextWrapWord
	s.info = widget.NewLabel("")
	s.info.Wrapping = fyne.TextWrapWord
	s.pick = uikit.NewChoice(meeting.ActionStatuses, uikit.ActionStatusLabel, s.setStatus)
	s.notes = widget.NewLabel("")
	s.notes.Wrapping = fyne.TextWrapWord
	s.addNote = widget.NewButton(lang.L("Add a progress note…"), s.askNote)
	s.openIt = widget.NewButton(lang.L("Open its meeting"), func() {
		if s.selected != nil && s.selected.MeetingID != 0 {
			s.env.Nav.OpenMeeting(s.selected.MeetingID, uikit.TabMinutes)
		}
	})
	// The filters' choices say what they filter: "All owners" …
	filters := container.NewGridWithColumns(4, s.owner, s.status, s.series, s.overdue)
	s.detail = container.NewVBox(s.heading, s.info,
		container.NewHBox(widget.NewLabel(lang.L("Status")), s.pick.Select, s.addNote, s.openIt),
		s.notes)
	s.show(nil)
	split := container.NewVSplit(s.table, container.NewVScroll(s.detail))
	split.Offset = 0.6
	counted := container.NewBorder(nil, nil, nil, container.NewHBox(s.toExcel, s.toCSV), s.count)
	s.content = container.NewBorder(container.NewVBox(filters, counted, s.exported), nil, nil, nil, split)
	return s
}

// Content is what the window shows for the section.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// loaded is what Reload reads.
type loaded struct {
	people  []*meeting.Person
	series  []*meeting.Series
	actions []*meeting.Action
}

// Reload reads the directory, the series and the actions the filters
// select, and shows them.
func (s *Screen) Reload() {
	f := s.filter()
	s.reads++
	read := s.reads
	uikit.Load(s.env, func(ctx context.Context) (loaded, error) {
		var l loaded
		var err error
		if l.people, err = s.st.ListPeople(ctx, ""); err != nil {
			return l, err
		}
		if l.series, err = s.st.ListSeries(ctx); err != nil {
			return l, err
		}
		l.actions, err = s.st.ListActions(ctx, f)
		return l, err
	}, func(l loaded) {
		if read == s.reads { // a later read, for later choices, shows its own
			s.apply(l)
		}
	})
}

// filter is the store's filter for the choices of the drop-downs.
func (s *Screen) filter() meeting.ActionFilter {
	var f meeting.ActionFilter
	if i := s.owner.SelectedIndex(); i > 0 && i <= len(s.people) {
		f.OwnerID = s.people[i-1].ID
	}
	if i := s.series.SelectedIndex(); i > 0 && i <= len(s.seriesOf) {
		f.SeriesID = s.seriesOf[i-1].ID
	}
	switch i := s.status.SelectedIndex(); {
	case i == notDone:
		f.Statuses = []meeting.ActionStatus{meeting.ActionOpen, meeting.ActionInProgress}
	case i >= firstStatus:
		f.Statuses = []meeting.ActionStatus{meeting.ActionStatuses[i-firstStatus]}
	}
	if s.overdue.Checked {
		f.DueBefore = meeting.DateOf(s.Now())
		if len(f.Statuses) != 1 || !pending(f.Statuses[0]) {
			f.Statuses = []meeting.ActionStatus{meeting.ActionOpen, meeting.ActionInProgress}
		}
	}
	return f
}

// pending reports whether an action in status st still has to be done.
func pending(st meeting.ActionStatus) bool {
	return st == meeting.ActionOpen || st == meeting.ActionInProgress
}

// apply shows what Reload read, keeping the filters' choices and the
// selected action.
func (s *Screen) apply(l loaded) {
	s.people, s.seriesOf, s.list = l.people, l.series, l.actions
	owners := []string{lang.L("All owners")}
	for _, p := range l.people {
		owners = append(owners, p.Name)
	}
	series := []string{lang.L("All series")}
	for _, sr := range l.series {
		series = append(series, sr.Code+" – "+sr.Name)
	}
	statuses := []string{lang.L("All statuses"), lang.L("Not done")}
	for _, st := range meeting.ActionStatuses {
		statuses = append(statuses, uikit.ActionStatusLabel(st))
	}
	setOptions(s.owner, owners)
	setOptions(s.series, series)
	setOptions(s.status, statuses)
	s.count.SetText(lang.N("{{.Count}} actions", len(l.actions), map[string]any{"Count": len(l.actions)}))

	var keep *meeting.Action
	for i, a := range l.actions {
		if s.selected != nil && a.ID == s.selected.ID {
			keep = a
			s.table.Select(widget.TableCellID{Row: i, Col: 0})
		}
	}
	if keep == nil {
		s.table.UnselectAll()
	}
	s.table.Refresh()
	s.show(keep)
}

// setOptions replaces a drop-down's options, keeping its choice by
// position (the first when there was none) without calling OnChanged.
func setOptions(sel *widget.Select, options []string) {
	i := max(sel.SelectedIndex(), 0)
	if i >= len(options) {
		i = 0
	}
	fn := sel.OnChanged
	sel.OnChanged = nil
	sel.Options = options
	sel.SetSelectedIndex(i)
	sel.OnChanged = fn
}

// fillCell shows one cell of the table: an overdue action is in red;
// the due date and status of the others take their RAG colour (amber
// when due within a week, green on time, blue when done or cancelled).
func (s *Screen) fillCell(id widget.TableCellID, l *widget.Label) {
	if id.Row < 0 || id.Row >= len(s.list) {
		return
	}
	a := s.list[id.Row]
	rag := a.RAG(meeting.DateOf(s.Now()))
	l.Importance = widget.MediumImportance
	if rag == meeting.Red || id.Col == 2 || id.Col == 3 {
		l.Importance = uikit.RAGImportance(rag)
	}
	l.SetText(cell(a, id.Col, rag == meeting.Red))
}

// cell is the text of column col for action a.
func cell(a *meeting.Action, col int, late bool) string {
	switch col {
	case 0:
		return a.Title
	case 1:
		return a.OwnerName
	case 2:
		if late {
			return lang.L("{{.Date}} (overdue)", map[string]any{"Date": uikit.FormatDate(a.Due)})
		}
		return uikit.FormatDate(a.Due)
	case 3:
		return uikit.ActionStatusLabel(a.Status)
	case 4:
		return meetingLabel(a)
	}
	return ""
}

// isOverdue reports whether a is still to be done after its due day.
func (s *Screen) isOverdue(a *meeting.Action) bool {
	return pending(a.Status) && a.Due != "" && a.Due < meeting.DateOf(s.Now())
}

// meetingLabel names the meeting an action came from: "CODIR n° 12 –
// 10/03/2026", or its title and day for a one-off meeting.
func meetingLabel(a *meeting.Action) string {
	if a.MeetingID == 0 {
		return ""
	}
	name := a.MeetingTitle
	if a.SeriesCode != "" && a.MeetingNumber > 0 {
		name = lang.L("{{.Code}} n° {{.Number}}", map[string]any{"Code": a.SeriesCode, "Number": a.MeetingNumber})
	}
	return name + " – " + uikit.FormatDate(meeting.DateOf(a.MeetingStarts))
}

// show fills the panel of the selected action (nil: none).
func (s *Screen) show(a *meeting.Action) {
	defer s.detail.Refresh()
	s.selected = a
	if a == nil {
		s.heading.SetText(lang.L("Select an action to change its status or add a progress note."))
		s.info.SetText("")
		s.notes.SetText("")
		s.pick.SetValue("")
		for _, w := range []fyne.Disableable{s.pick, s.addNote, s.openIt} {
			w.Disable()
		}
		return
	}
	s.heading.SetText(a.Title)
	var info []string
	if a.OwnerName != "" {
		info = append(info, lang.L("Owner: {{.Name}}", map[string]any{"Name": a.OwnerName}))
	}
	if a.Due != "" {
		info = append(info, lang.L("Due: {{.Date}}", map[string]any{"Date": uikit.FormatDate(a.Due)}))
	}
	if m := meetingLabel(a); m != "" {
		info = append(info, lang.L("From: {{.Meeting}}", map[string]any{"Meeting": m}))
	}
	if a.ItemTitle != "" {
		info = append(info, lang.L("Item: {{.Title}}", map[string]any{"Title": a.ItemTitle}))
	}
	if a.Details != "" {
		info = append(info, a.Details)
	}
	s.info.SetText(strings.Join(info, "\n"))
	s.info.Importance = widget.MediumImportance
	if s.isOverdue(a) {
		s.info.Importance = widget.DangerImportance
	}
	s.info.Refresh()
	var notes []string
	for _, n := range a.Notes {
		notes = append(notes, uikit.FormatDate(n.Date)+" — "+n.Text)
	}
	if len(notes) == 0 {
		notes = append(notes, lang.L("No progress notes yet."))
	}
	s.notes.SetText(strings.Join(notes, "\n"))
	s.pick.SetValue(a.Status)
	s.openIt.Enable()
	if a.MeetingID == 0 {
		s.openIt.Disable()
	}
	for _, w := range []fyne.Disableable{s.pick, s.addNote} {
		if s.env.ReadOnly {
			w.Disable()
		} else {
			w.Enable()
		}
	}
}

// setStatus saves the status picked for the selected action at once.
func (s *Screen) setStatus(st meeting.ActionStatus) {
	if s.selected == nil || s.env.ReadOnly || st == s.selected.Status {
		return
	}
	a := *s.selected
	a.Status = st
	s.write(func(ctx context.Context) error { return s.st.UpdateAction(ctx, &a) })
}

// write runs a change off the UI thread, then reads the section again
// (after a failure too, which is shown, so that it shows what the store
// holds).
func (s *Screen) write(change func(ctx context.Context) error) {
	uikit.Change(s.env, change, s.Reload, s.Reload)
}

// askNote opens the dialog that adds a progress note to the selected
// action, dated today.
func (s *Screen) askNote() {
	if s.selected == nil || s.env.ReadOnly {
		return
	}
	id := s.selected.ID
	s.noteText = widget.NewMultiLineEntry()
	s.noteText.SetMinRowsVisible(4)
	s.noteText.Wrapping = fyne.TextWrapWord
	s.noteText.Validator = func(text string) error {
		switch n := len([]rune(strings.TrimSpace(text))); {
		case n == 0:
			return errors.New(lang.L("Write the note"))
		case n > meeting.MaxText:
			return errors.New(lang.L("The note is too long ({{.N}} characters; at most {{.Max}})",
				map[string]any{"N": n, "Max": meeting.MaxText}))
		}
		return nil
	}
	item := widget.NewFormItem(lang.L("Note"), s.noteText)
	item.HintText = lang.L("What has been done, dated today")
	s.noteForm = dialog.NewForm(lang.L("Add a progress note"), lang.L("Add"), lang.L("Cancel"),
		[]*widget.FormItem{item}, func(ok bool) {
			if !ok {
				return
			}
			n := &meeting.ActionNote{Text: strings.TrimSpace(s.noteText.Text)}
			s.write(func(ctx context.Context) error { return s.st.AddActionNote(ctx, id, n) })
		}, s.env.Window)
	s.noteForm.Resize(fyne.NewSize(520, 260))
	s.noteForm.Show()
	s.env.Window.Canvas().Focus(s.noteText)
}
