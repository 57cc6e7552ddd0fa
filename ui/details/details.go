// Package details is the Details tab of a meeting's workspace: every
// field of the meeting, saved as it is typed, and its status, changed
// with explicit buttons.
package details

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// Store is what the Details tab needs of the store.
type Store interface {
	GetMeeting(ctx context.Context, id int64) (*meeting.Meeting, error)
	GetSeries(ctx context.Context, id int64) (*meeting.Series, error)
	UpdateMeeting(ctx context.Context, m *meeting.Meeting) error
	SetMeetingStatus(ctx context.Context, id int64, to meeting.Status) error
	SubmitMinutes(ctx context.Context, meetingID int64, by, comment string) error
	ApproveMinutes(ctx context.Context, meetingID int64, by, comment string) error
	ReturnMinutes(ctx context.Context, meetingID int64, by, comment string) error
	ReopenMinutes(ctx context.Context, meetingID int64, by, reason string) error
	MinutesHistory(ctx context.Context, meetingID int64) ([]meeting.MinutesStep, error)
}

// Zones are the time zones offered; any other IANA name can be typed.
var Zones = []string{"Europe/Paris", "Europe/Brussels", "Europe/Luxembourg", "Europe/Zurich", "Europe/London",
	"America/Montreal", "America/Guadeloupe", "America/Martinique", "Indian/Reunion", "Pacific/Noumea", "UTC"}

// Tab is the Details tab of one meeting.
type Tab struct {
	// OnChanged runs after a change was saved, so that the workspace's
	// header shows the new title or status.
	OnChanged func()

	env   *uikit.Env
	st    Store
	id    int64
	m     *meeting.Meeting // as last read or saved
	saver *uikit.Saver
	queue uikit.Writes
	// filling is true while Reload puts the meeting in the fields, whose
	// changes are then not the user's.
	filling bool
	closed  bool // Close was called: nothing more is saved

	title, number, date, clock, duration, zone, place, link, papersDue, notes *field
	fields                                                                    []*field

	series         *widget.Label
	classification *uikit.Choice[meeting.Classification]
	language       *uikit.Choice[string]
	status         *widget.Label
	statusButtons  *fyne.Container
	lock           *uikit.LockBanner
	// History tells who submitted, returned, approved or reopened the
	// minutes, when and why; hidden before the first step.
	History *widget.Label

	// The dialog of a step of the validation of the minutes, when shown.
	StepDialog      *dialog.FormDialog
	StepBy, StepWhy *widget.Entry
	buttons         []*widget.Button // one per status the meeting may move to
	content         fyne.CanvasObject
}

// field is a text field with the message, under it, of what is wrong
// with what was typed.
type field struct {
	name  string // the store's name of the field ("title" …)
	entry *widget.Entry
	input fyne.CanvasObject // the widget shown: entry, or the select entry holding it
	msg   *widget.Label
	box   *fyne.Container
}

func newField(name string, e *widget.Entry, input fyne.CanvasObject) *field {
	f := &field{name: name, entry: e, input: input, msg: widget.NewLabel("")}
	e.AlwaysShowValidationError = true
	f.msg.Importance = widget.DangerImportance
	f.msg.Wrapping = fyne.TextWrapWord
	f.msg.Hide()
	f.box = container.NewVBox(input, f.msg)
	return f
}

// show shows err under the field, or nothing when it is nil; it returns
// whether the field is fine.
func (f *field) show(err error) bool {
	f.entry.SetValidationError(err)
	if err == nil {
		f.msg.Hide()
		return true
	}
	f.msg.SetText(err.Error())
	f.msg.Show()
	return false
}

// New builds the Details tab of meeting meetingID; Reload fills it.
func New(env *uikit.Env, st Store, meetingID int64) *Tab {
	t := &Tab{env: env, st: st, id: meetingID}
	t.saver = env.NewSaver(t.save)
	line := func(name, placeholder string) *field {
		e := widget.NewEntry()
		e.PlaceHolder = placeholder
		return t.add(newField(name, e, e))
	}
	t.title = line("title", "")
	t.number = line("number", "")
	t.date = line("starts", uikit.DateHint)
	t.clock = line("clock", "9:30")
	t.duration = line("minutes", "1h30")
	zone := widget.NewSelectEntry(Zones)
	zone.PlaceHolder = lang.L("This computer's time zone")
	t.zone = t.add(newField("time_zone", &zone.Entry, zone))
	t.place = line("place", "")
	t.link = line("link", "https://")
	t.papersDue = line("papers_due", uikit.DateHint)
	notes := widget.NewMultiLineEntry()
	notes.Wrapping = fyne.TextWrapWord
	notes.SetMinRowsVisible(4)
	t.notes = t.add(newField("notes", notes, notes))

	t.series = widget.NewLabel("")
	t.classification = uikit.NewChoice(meeting.Classifications, uikit.ClassificationLabel,
		func(meeting.Classification) { t.saveNow() })
	t.language = uikit.NewChoice(meeting.Languages, uikit.LanguageLabel, func(string) { t.saveNow() })
	t.status = widget.NewLabel("")
	t.status.TextStyle.Bold = true
	t.statusButtons = container.NewHBox()
	t.lock = uikit.NewLockBanner()
	t.History = widget.NewLabel("")
	t.History.Wrapping = fyne.TextWrapWord
	t.History.Hide()

	row := func(label string, o fyne.CanvasObject) []fyne.CanvasObject {
		l := widget.NewLabel(label)
		l.Alignment = fyne.TextAlignTrailing
		return []fyne.CanvasObject{l, o}
	}
	var cells []fyne.CanvasObject
	for _, r := range [][]fyne.CanvasObject{
		row(lang.L("Title"), t.title.box),
		row(lang.L("Part of"), t.series),
		row(lang.L("Number"), t.number.box),
		row(lang.L("Date"), t.date.box),
		row(lang.L("Start time"), t.clock.box),
		row(lang.L("Duration"), t.duration.box),
		row(lang.L("Time zone"), t.zone.box),
		row(lang.L("Place"), t.place.box),
		row(lang.L("Video link"), t.link.box),
		row(lang.L("Classification"), t.classification.Select),
		row(lang.L("Language of documents"), t.language.Select),
		row(lang.L("Papers due"), t.papersDue.box),
		row(lang.L("Notes"), t.notes.box),
	} {
		cells = append(cells, r...)
	}
	// The status and the buttons that change it stay in sight above the
	// fields, however long the form.
	status := container.NewHBox(widget.NewLabel(lang.L("Status")), t.status, layout.NewSpacer(), t.statusButtons)
	t.content = container.NewBorder(container.NewVBox(container.NewPadded(status), t.lock, t.History, widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(container.NewPadded(container.New(layout.NewFormLayout(), cells...))))
	return t
}

// add keeps f among the fields saved by the saver.
func (t *Tab) add(f *field) *field {
	f.entry.OnChanged = func(string) {
		if !t.filling {
			t.saver.Changed()
		}
	}
	t.fields = append(t.fields, f)
	return f
}

// Content is what the workspace shows for the tab.
func (t *Tab) Content() fyne.CanvasObject { return t.content }

// Reload saves what waits to be saved, then reads the meeting again once
// the changes asked before are written.
func (t *Tab) Reload() {
	t.saver.Flush()
	type found struct {
		m       *meeting.Meeting
		series  *meeting.Series
		history []meeting.MinutesStep
	}
	uikit.Read(&t.queue, t.env, func(ctx context.Context) (v found, err error) {
		if v.m, err = t.st.GetMeeting(ctx, t.id); err != nil {
			return v, err
		}
		if v.history, err = t.st.MinutesHistory(ctx, t.id); err != nil || v.m.SeriesID == 0 {
			return v, err
		}
		v.series, err = t.st.GetSeries(ctx, v.m.SeriesID)
		return v, err
	}, func(v found) {
		t.History.SetText(historyText(v.history))
		t.History.Hidden = t.History.Text == ""
		t.fill(v.m, v.series)
	})
}

// Close saves what waits to be saved; the workspace calls it when the
// meeting is closed.
func (t *Tab) Close() {
	t.saver.Flush()
	t.env.Forget(t.saver)
	t.closed = true
}

// fill shows m, of the series sr (nil: none), in the fields.
func (t *Tab) fill(m *meeting.Meeting, sr *meeting.Series) {
	t.filling = true
	defer func() { t.filling = false }()
	t.m = m
	t.title.entry.SetText(m.Title)
	if sr != nil {
		t.series.SetText(sr.Code + " – " + sr.Name)
		t.number.entry.SetText(strconv.Itoa(m.Number))
	} else {
		t.series.SetText(lang.L("None (one-off meeting)"))
		t.number.entry.SetText("")
	}
	t.date.entry.SetText(uikit.FormatDate(meeting.DateOf(m.Starts)))
	t.clock.entry.SetText(m.Starts.Format("15:04"))
	t.duration.entry.SetText(uikit.MinutesText(m.Minutes))
	t.zone.entry.SetText(m.TimeZone)
	t.place.entry.SetText(m.Place)
	t.link.entry.SetText(m.Link)
	t.papersDue.entry.SetText(uikit.FormatDate(m.PapersDue))
	t.notes.entry.SetText(m.Notes)
	for _, f := range t.fields {
		f.show(nil)
	}
	t.classification.SetValue(m.Classification)
	t.language.SetValue(m.Language)
	t.showStatus()
}

// setEnabled lets the user edit what may be edited: nothing when the
// database is read-only or the minutes are approved (the banner then says
// so); the number only in a series.
func (t *Tab) setEnabled() {
	editable := t.env.Editable(t.m)
	for _, f := range t.fields {
		if w, ok := f.input.(fyne.Disableable); ok {
			uikit.Enable(editable && (f != t.number || t.m.SeriesID != 0), w)
		}
	}
	uikit.Enable(editable, t.classification, t.language)
	t.lock.Set(t.m, t.content)
}

// showStatus shows the status and a button for each status it may go to
// (these stay enabled when the minutes are approved: Reopen is one), and
// lets the fields be edited as the status allows.
func (t *Tab) showStatus() {
	t.status.SetText(uikit.StatusLabel(t.m.Status))
	t.buttons = nil
	t.statusButtons.RemoveAll()
	for _, to := range t.m.Status.Next() {
		label := uikit.StatusAction(to)
		if step := t.m.Status.StepTo(to); step != "" {
			label = uikit.StepAction(step)
		}
		b := widget.NewButton(label, func() { t.askStatus(to) })
		if to == meeting.Cancelled {
			b.Importance = widget.DangerImportance
		}
		if t.env.ReadOnly {
			b.Disable()
		}
		t.buttons = append(t.buttons, b)
		t.statusButtons.Add(b)
	}
	t.setEnabled() // last: the banner lays the tab out anew, buttons included
}

// askStatus moves the meeting to status to; cancelling it asks first, a
// step of the validation of the minutes asks who takes it and why.
func (t *Tab) askStatus(to meeting.Status) {
	if step := t.m.Status.StepTo(to); step != "" {
		t.askStep(step, to)
		return
	}
	if to != meeting.Cancelled {
		t.setStatus(to)
		return
	}
	msg := lang.L("“{{.Name}}” will be marked as cancelled. It keeps its agenda, attendees and papers, and can be put back in draft later.",
		map[string]any{"Name": uikit.MeetingName(t.m)})
	uikit.Confirm(t.env, lang.L("Cancel the meeting?"), msg, lang.L("Cancel the meeting"), func(ok bool) {
		if ok {
			t.setStatus(to)
		}
	})
}

func (t *Tab) setStatus(to meeting.Status) {
	t.moveTo(to, func(ctx context.Context) error { return t.st.SetMeetingStatus(ctx, t.id, to) })
}

// moveTo runs change, which moves the meeting to status to, then shows
// the new status, or why it could not change.
func (t *Tab) moveTo(to meeting.Status, change func(ctx context.Context) error) {
	t.queue.Run(t.env, change,
		func(err error) {
			if err != nil {
				t.env.ShowError(err)
				t.Reload() // another window may have moved it
				return
			}
			m := *t.m
			m.Status = to
			t.m = &m
			t.showStatus()
			t.changed()
			t.Reload() // the history of the minutes has a new step
		})
}

func (t *Tab) changed() {
	if t.OnChanged != nil {
		t.OnChanged()
	}
}

// saveNow saves at once (a picker changed).
func (t *Tab) saveNow() {
	if t.filling {
		return
	}
	t.saver.Changed()
	t.saver.Flush()
}

// save reads the fields and saves the meeting with those that are right;
// a field that is wrong says so and keeps its last saved value.
func (t *Tab) save() {
	if t.m == nil || !t.env.Editable(t.m) || t.closed {
		return
	}
	m := *t.m
	if f := t.title; f.show(uikit.CheckTitle(f.entry.Text)) {
		m.Title = strings.TrimSpace(f.entry.Text)
	}
	if m.SeriesID != 0 {
		if n, err := parseNumber(t.number.entry.Text); t.number.show(err) {
			m.Number = n
		}
	}
	m.Starts, m.TimeZone = t.starts()
	if n, err := uikit.ParseMinutes(t.duration.entry.Text); t.duration.show(err) {
		m.Minutes = n
	}
	for _, f := range []*field{t.place, t.link, t.notes} {
		f.show(nil) // the store says when it refuses them
	}
	m.Place = strings.TrimSpace(t.place.entry.Text)
	m.Link = strings.TrimSpace(t.link.entry.Text)
	if d, err := uikit.ParseDate(t.papersDue.entry.Text); t.papersDue.show(err) {
		m.PapersDue = d
	}
	m.Notes = t.notes.entry.Text
	m.Classification = t.classification.Value()
	m.Language = t.language.Value()
	if m == *t.m {
		return
	}
	t.update(&m, true)
}

// update writes m; when the store refuses the number (another meeting of
// the series has it) and retry is set, the other fields are written with
// the number last saved.
func (t *Tab) update(m *meeting.Meeting, retry bool) {
	t.queue.Run(t.env, func(ctx context.Context) error { return t.st.UpdateMeeting(ctx, m) }, func(err error) {
		if err != nil {
			t.showStoreError(err)
			var me *meeting.Error
			if retry && errors.As(err, &me) && me.Field == "number" && m.Number != t.m.Number {
				m.Number = t.m.Number
				t.update(m, false)
			}
			return
		}
		t.m = m
		t.changed()
	})
}

// starts reads the date, time and time zone fields into the meeting's
// start; a field that is wrong keeps what was saved.
func (t *Tab) starts() (time.Time, string) {
	old := t.m
	day, err := uikit.ParseDate(t.date.entry.Text)
	if err == nil && day == "" {
		err = errors.New(lang.L("A date is required"))
	}
	if !t.date.show(err) {
		day = meeting.DateOf(old.Starts)
	}
	at, err := uikit.ParseClock(t.clock.entry.Text)
	if err == nil && at == "" {
		err = errors.New(lang.L("A start time is required"))
	}
	if !t.clock.show(err) {
		at = meeting.Clock(old.Starts.Format(meeting.ClockLayout))
	}
	zone := strings.TrimSpace(t.zone.entry.Text)
	loc, err := location(zone)
	if !t.zone.show(err) {
		zone, loc = old.TimeZone, old.Starts.Location()
	}
	if day == meeting.DateOf(old.Starts) && string(at) == old.Starts.Format(meeting.ClockLayout) && zone == old.TimeZone {
		return old.Starts, old.TimeZone
	}
	if loc == nil {
		// No zone: the offset the meeting already has, or this
		// computer's when it leaves a named zone.
		loc = old.Starts.Location()
		if old.TimeZone != "" {
			loc = time.Local
		}
	}
	return uikit.StartsAt(day, at, loc), zone
}

// location is the time zone named zone; nil for "" (none named).
func location(zone string) (*time.Location, error) {
	if zone == "" {
		return nil, nil
	}
	loc, err := time.LoadLocation(zone)
	if err != nil || zone == "Local" {
		return nil, errors.New(lang.L("“{{.Text}}” is not a time zone: pick one from the list or write a name such as Europe/Paris",
			map[string]any{"Text": zone}))
	}
	return loc, nil
}

func parseNumber(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > 1_000_000 {
		return 0, errors.New(lang.L("Write the meeting's number in its series, a whole number from 1"))
	}
	return n, nil
}

// showStoreError shows a change the store refused next to the field it
// names, or in a dialog when it names none of the tab's fields.
func (t *Tab) showStoreError(err error) {
	var me *meeting.Error
	if errors.As(err, &me) && me.Field != "" {
		for _, f := range t.fields {
			if f.name == me.Field {
				f.show(errors.New(lang.L(me.Message)))
				return
			}
		}
	}
	t.env.ShowError(err)
}
