package meetings

import (
	"context"
	"errors"
	"slices"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// The ways to start a new meeting.
const (
	blank = iota
	fromSeries
	copyOf
)

// newForm is the New meeting dialog.
type newForm struct {
	s        *Screen
	kinds    []int // the ways offered, in the order of kind's options
	kind     *widget.RadioGroup
	series   *widget.Select // the series, when fromSeries
	source   *widget.Select // the earlier meeting, when copyOf
	title    *widget.Entry
	date     *widget.Entry
	clock    *widget.Entry
	duration *widget.Entry
	dlg      *dialog.FormDialog

	seriesList []*meeting.Series
	meetings   []*meeting.Meeting // latest first
	autoTitle  string             // the title the form filled in itself
}

// NewMeeting opens the New meeting dialog (the window's Ctrl+N).
func (s *Screen) NewMeeting() {
	if s.env.ReadOnly {
		return
	}
	s.load(meeting.MeetingFilter{}, func(v found) {
		slices.Reverse(v.meetings)
		s.form = newNewForm(s, v.series, v.meetings)
		s.form.dlg.Show()
		s.env.Window.Canvas().Focus(s.form.title)
	})
}

func newNewForm(s *Screen, series []*meeting.Series, meetings []*meeting.Meeting) *newForm {
	f := &newForm{s: s, seriesList: series, meetings: meetings}
	opts := []string{lang.L("Blank")}
	f.kinds = []int{blank}
	if len(series) > 0 {
		opts, f.kinds = append(opts, lang.L("From a series (its agenda, place and members)")), append(f.kinds, fromSeries)
	}
	if len(meetings) > 0 {
		opts, f.kinds = append(opts, lang.L("Copy of an earlier meeting")), append(f.kinds, copyOf)
	}
	f.kind = widget.NewRadioGroup(opts, func(string) { f.kindChanged() })
	f.kind.Required = true

	var names []string
	for _, sr := range series {
		names = append(names, sr.Code+" – "+sr.Name)
	}
	f.series = uikit.NewSelect(names, func(string) { f.seriesChanged() })
	f.series.PlaceHolder = lang.L("Pick a series")
	names = nil
	for _, m := range meetings {
		names = append(names, uikit.MeetingName(m))
	}
	f.source = uikit.NewSelect(names, func(string) { f.sourceChanged() })
	f.source.PlaceHolder = lang.L("Pick a meeting")

	f.title = entry(uikit.CheckTitle, "")
	f.date = entry(required(uikit.ParseDate, lang.L("A date is required")), uikit.DateHint)
	f.clock = entry(required(uikit.ParseClock, lang.L("A start time is required")), "9:30")
	f.clock.SetText("09:30")
	f.duration = entry(func(t string) error { _, err := uikit.ParseMinutes(t); return err }, "1h30")
	f.duration.SetText(uikit.MinutesText(120))

	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Start from"), f.kind),
		widget.NewFormItem(lang.L("Series"), f.series),
		widget.NewFormItem(lang.L("Earlier meeting"), f.source),
		widget.NewFormItem(lang.L("Title"), f.title),
		{Text: lang.L("Date"), Widget: f.date, HintText: lang.L("Day/month/year, as {{.Hint}}", map[string]any{"Hint": uikit.DateHint})},
		widget.NewFormItem(lang.L("Start time"), f.clock),
		{Text: lang.L("Duration"), Widget: f.duration, HintText: lang.L("Minutes (45) or hours and minutes (1h30)")},
	}
	f.dlg = dialog.NewForm(lang.L("New meeting"), lang.L("Create"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			f.create()
		}
	}, s.env.Window)
	for _, e := range []*widget.Entry{f.title, f.date, f.clock, f.duration} {
		e.OnSubmitted = func(string) { f.dlg.Submit() }
	}
	f.dlg.Resize(f.dlg.MinSize().Max(uikit.DialogSize))
	f.kind.SetSelected(opts[0])
	return f
}

// entry is a one-line field checked by check.
func entry(check func(string) error, placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.PlaceHolder = placeholder
	e.Validator = check
	return e
}

// required checks a field that parse reads and that must not be empty.
func required[T any](parse func(string) (T, error), missing string) func(string) error {
	return func(t string) error {
		var zero T
		v, err := parse(t)
		if err == nil && any(v) == any(zero) {
			return errors.New(missing)
		}
		return err
	}
}

func (f *newForm) way() int {
	if i := slices.Index(f.kind.Options, f.kind.Selected); i >= 0 {
		return f.kinds[i]
	}
	return blank
}

// kindChanged enables the fields of the way picked.
func (f *newForm) kindChanged() {
	way := f.way()
	f.series.Disable()
	f.source.Disable()
	f.title.Enable()
	f.duration.Enable()
	switch way {
	case fromSeries:
		f.series.Enable()
		if f.series.SelectedIndex() < 0 {
			f.series.SetSelectedIndex(0)
		}
		f.seriesChanged()
	case copyOf:
		f.source.Enable()
		f.title.Disable()
		f.duration.Disable()
		if f.source.SelectedIndex() < 0 {
			f.source.SetSelectedIndex(0)
		}
		f.sourceChanged()
	}
}

// seriesChanged offers the series' name as the title, unless the user
// typed one.
func (f *newForm) seriesChanged() {
	if i := f.series.SelectedIndex(); i >= 0 && f.way() == fromSeries {
		f.setTitle(f.seriesList[i].Name)
	}
}

// sourceChanged shows the title, start time and duration of the meeting
// to copy.
func (f *newForm) sourceChanged() {
	i := f.source.SelectedIndex()
	if i < 0 || f.way() != copyOf {
		return
	}
	m := f.meetings[i]
	f.setTitle(m.Title)
	f.clock.SetText(m.Starts.Format("15:04"))
	f.duration.SetText(uikit.MinutesText(m.Minutes))
}

func (f *newForm) setTitle(t string) {
	if f.title.Text == "" || f.title.Text == f.autoTitle {
		f.title.SetText(t)
		f.autoTitle = t
	}
}

// create adds the meeting the form describes and opens it.
func (f *newForm) create() {
	day, err1 := uikit.ParseDate(f.date.Text)
	at, err2 := uikit.ParseClock(f.clock.Text)
	mins, err3 := uikit.ParseMinutes(f.duration.Text)
	if err := errors.Join(uikit.CheckTitle(f.title.Text), err1, err2, err3); err != nil || day == "" || at == "" {
		return // the dialog does not submit an invalid form
	}
	s := f.s
	m := &meeting.Meeting{Title: f.title.Text, Starts: uikit.StartsAt(day, at, time.Local), Minutes: mins,
		Classification: s.env.Prefs.Classification(), Language: uikit.DocumentLanguage(s.env.Prefs)}
	way, series, source := f.way(), f.series.SelectedIndex(), f.source.SelectedIndex()
	s.queue.Run(s.env, func(ctx context.Context) error {
		switch way {
		case fromSeries:
			m.SeriesID = f.seriesList[series].ID
			return s.st.CreateMeetingFromSeries(ctx, m)
		case copyOf:
			from := f.meetings[source]
			c, err := s.st.CopyMeeting(ctx, from.ID, uikit.StartsAt(day, at, from.Starts.Location()))
			if err == nil {
				m = c
			}
			return err
		}
		return s.st.CreateMeeting(ctx, m)
	}, func(err error) {
		if err == nil {
			s.env.Nav.OpenMeeting(m.ID, uikit.TabDetails)
		}
		s.env.ShowError(err)
		s.Reload()
	})
}
