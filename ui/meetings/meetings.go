// Package meetings is the Meetings section of the window: the meetings to
// come and those held, filtered by series and status; a new meeting
// (blank, from a series or as a copy of an earlier one); deletion.
package meetings

import (
	"context"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// Store is what the Meetings section needs of the store.
type Store interface {
	ListMeetings(ctx context.Context, f meeting.MeetingFilter) ([]*meeting.Meeting, error)
	ListSeries(ctx context.Context) ([]*meeting.Series, error)
	CreateMeeting(ctx context.Context, m *meeting.Meeting) error
	CreateMeetingFromSeries(ctx context.Context, m *meeting.Meeting) error
	CopyMeeting(ctx context.Context, fromID int64, starts time.Time) (*meeting.Meeting, error)
	DeleteMeeting(ctx context.Context, id int64) error
}

// Screen is the Meetings section.
type Screen struct {
	env   *uikit.Env
	st    Store
	now   func() time.Time
	queue uikit.Writes

	seriesFilter *widget.Select
	statusFilter *uikit.Choice[meeting.Status]
	newButton    *widget.Button
	list         *widget.List
	empty        *fyne.Container // shown instead of the list when nothing is found
	emptyText    *widget.Label
	emptyNew     *widget.Button
	content      fyne.CanvasObject

	series []*meeting.Series // every series, by name, as in seriesFilter after "All series"
	rows   []row             // what the list shows
	loads  int               // reloads asked for; only the last one's result is shown
	form   *newForm          // the New meeting dialog last opened
}

// row is one line of the list: a group's heading, a note, or a meeting.
type row struct {
	heading string
	note    string
	m       *meeting.Meeting
}

// New builds the Meetings section; Reload fills it.
func New(env *uikit.Env, st Store) *Screen {
	s := &Screen{env: env, st: st, now: time.Now}

	s.seriesFilter = uikit.NewSelect(nil, func(string) { s.Reload() })
	s.seriesFilter.PlaceHolder = lang.L("All series")
	statuses := append([]meeting.Status{""}, meeting.Statuses...)
	s.statusFilter = uikit.NewChoice(statuses, statusFilterLabel, func(meeting.Status) { s.Reload() })
	s.statusFilter.PlaceHolder = lang.L("All statuses")

	s.newButton = widget.NewButtonWithIcon(lang.L("New meeting…"), theme.ContentAddIcon(), s.NewMeeting)
	s.newButton.Importance = widget.HighImportance

	s.list = widget.NewList(func() int { return len(s.rows) }, func() fyne.CanvasObject { return newRowView(s) },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*rowView).show(s.rows[id]) })
	s.list.OnSelected = func(id widget.ListItemID) {
		s.list.UnselectAll()
		if m := s.rows[id].m; m != nil {
			s.env.Nav.OpenMeeting(m.ID, "")
		}
	}

	s.emptyText = widget.NewLabel("")
	s.emptyText.Wrapping = fyne.TextWrapWord
	s.emptyText.Alignment = fyne.TextAlignCenter
	s.emptyNew = widget.NewButtonWithIcon(lang.L("New meeting…"), theme.ContentAddIcon(), s.NewMeeting)
	s.emptyNew.Importance = widget.HighImportance
	s.empty = container.NewCenter(container.NewVBox(uikit.FixedWidth(480, s.emptyText), container.NewCenter(s.emptyNew)))
	s.empty.Hide()

	heading := widget.NewLabel(lang.L("Meetings"))
	heading.SizeName = theme.SizeNameHeadingText
	heading.TextStyle.Bold = true
	filters := container.NewHBox(widget.NewLabel(lang.L("Series")), uikit.FixedWidth(200, s.seriesFilter),
		widget.NewLabel(lang.L("Status")), uikit.FixedWidth(180, s.statusFilter.Select))
	top := container.NewVBox(container.NewBorder(nil, nil, heading, s.newButton), filters, widget.NewSeparator())
	s.content = container.NewBorder(top, nil, nil, nil, container.NewStack(s.list, s.empty))

	if env.ReadOnly {
		s.newButton.Disable()
		s.emptyNew.Disable()
	}
	return s
}

func statusFilterLabel(st meeting.Status) string {
	if st == "" {
		return lang.L("All statuses")
	}
	return uikit.StatusLabel(st)
}

// Content is what the window shows for the section.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// Reload reads the series and the meetings the filters select.
func (s *Screen) Reload() {
	f := meeting.MeetingFilter{Status: s.statusFilter.Value()}
	if i := s.seriesFilter.SelectedIndex(); i > 0 && i <= len(s.series) {
		f.SeriesID = s.series[i-1].ID
	}
	s.loads++
	load := s.loads
	s.load(f, func(v found) {
		if load != s.loads {
			return // a later reload, with other filters, is on its way
		}
		s.showSeries(v.series, v.filter.SeriesID)
		s.show(v.meetings, v.filter)
	})
}

// found is what a load reads: every series, and the meetings the filter
// selects.
type found struct {
	series   []*meeting.Series
	meetings []*meeting.Meeting
	filter   meeting.MeetingFilter
}

// load reads the series and the meetings f selects, then calls apply. A
// series picked that is gone no longer filters.
func (s *Screen) load(f meeting.MeetingFilter, apply func(found)) {
	uikit.Load(s.env, func(ctx context.Context) (found, error) {
		sr, err := s.st.ListSeries(ctx)
		if err != nil {
			return found{}, err
		}
		if !slices.ContainsFunc(sr, func(x *meeting.Series) bool { return x.ID == f.SeriesID }) {
			f.SeriesID = 0
		}
		ms, err := s.st.ListMeetings(ctx, f)
		return found{sr, ms, f}, err
	}, apply)
}

// showSeries fills the series filter, showing the series picked (0: all).
func (s *Screen) showSeries(list []*meeting.Series, picked int64) {
	s.series = list
	opts := []string{lang.L("All series")}
	sel := 0
	for i, sr := range list {
		opts = append(opts, sr.Code+" – "+sr.Name)
		if sr.ID == picked {
			sel = i + 1
		}
	}
	fn := s.seriesFilter.OnChanged
	s.seriesFilter.OnChanged = nil
	s.seriesFilter.SetOptions(opts)
	s.seriesFilter.SetSelectedIndex(sel)
	s.seriesFilter.OnChanged = fn
}

// show lists the meetings found: those to come first, soonest first, then
// those held, latest first.
func (s *Screen) show(ms []*meeting.Meeting, f meeting.MeetingFilter) {
	y, mo, d := s.now().Date()
	today := time.Date(y, mo, d, 0, 0, 0, 0, time.Local)
	split := len(ms)
	for i, m := range ms {
		if !m.Starts.Before(today) {
			split = i
			break
		}
	}
	upcoming, past := ms[split:], slices.Clone(ms[:split])
	slices.Reverse(past)

	s.rows = s.rows[:0]
	if len(ms) > 0 {
		s.rows = append(s.rows, row{heading: lang.L("Upcoming ({{.N}})", map[string]any{"N": len(upcoming)})})
		if len(upcoming) == 0 {
			s.rows = append(s.rows, row{note: lang.L("No meeting planned.")})
		}
		for _, m := range upcoming {
			s.rows = append(s.rows, row{m: m})
		}
		if len(past) > 0 {
			s.rows = append(s.rows, row{heading: lang.L("Past ({{.N}})", map[string]any{"N": len(past)})})
		}
		for _, m := range past {
			s.rows = append(s.rows, row{m: m})
		}
	}
	switch {
	case len(ms) > 0:
		s.empty.Hide()
		s.list.Show()
	case f == meeting.MeetingFilter{}:
		s.emptyText.SetText(lang.L("There are no meetings yet. Create the first one: a blank meeting, a meeting of a series with its usual agenda and members, or a copy of an earlier one."))
		s.emptyNew.Show()
		s.list.Hide()
		s.empty.Show()
	default:
		s.emptyText.SetText(lang.L("No meeting matches this series and status."))
		s.emptyNew.Hide()
		s.list.Hide()
		s.empty.Show()
	}
	s.list.Refresh()
}

// confirmDelete asks whether to delete m, naming it, then deletes it.
func (s *Screen) confirmDelete(m *meeting.Meeting) {
	msg := lang.L("“{{.Name}}” will be deleted with its agenda, attendees, papers and minutes. The actions decided in it are kept. This cannot be undone.",
		map[string]any{"Name": uikit.MeetingName(m)})
	uikit.Confirm(s.env, lang.L("Delete the meeting?"), msg, lang.L("Delete"), func(ok bool) {
		if !ok {
			return
		}
		s.queue.Run(s.env, func(ctx context.Context) error { return s.st.DeleteMeeting(ctx, m.ID) },
			func(err error) {
				s.env.ShowError(err)
				s.Reload()
			})
	})
}

// rowView shows one row of the list.
type rowView struct {
	widget.BaseWidget
	s                               *Screen
	heading, date, code, title, sts *widget.Label
	del                             *widget.Button
	line                            *fyne.Container
	m                               *meeting.Meeting
}

func newRowView(s *Screen) *rowView {
	r := &rowView{s: s, heading: widget.NewLabel(""), date: widget.NewLabel(""), code: widget.NewLabel(""),
		title: widget.NewLabel(""), sts: widget.NewLabel("")}
	r.heading.TextStyle.Bold = true
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.code.Truncation = fyne.TextTruncateEllipsis
	r.sts.Truncation = fyne.TextTruncateEllipsis
	r.del = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		if r.m != nil {
			s.confirmDelete(r.m)
		}
	})
	r.del.Importance = widget.LowImportance
	if s.env.ReadOnly {
		r.del.Disable()
	}
	r.line = container.NewBorder(nil, nil,
		container.NewHBox(uikit.FixedWidth(150, r.date), uikit.FixedWidth(130, r.code)),
		container.NewHBox(uikit.FixedWidth(190, r.sts), r.del), r.title)
	r.ExtendBaseWidget(r)
	return r
}

func (r *rowView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.heading, r.line))
}

func (r *rowView) show(rw row) {
	r.m = rw.m
	if rw.m == nil {
		r.line.Hide()
		r.heading.TextStyle.Bold = rw.heading != ""
		r.heading.TextStyle.Italic = rw.note != ""
		r.heading.SetText(rw.heading + rw.note)
		r.heading.Show()
		return
	}
	r.heading.Hide()
	m := rw.m
	r.date.SetText(uikit.FormatDate(meeting.DateOf(m.Starts)) + "  " + m.Starts.Format("15:04"))
	r.code.SetText(uikit.MeetingCode(m))
	r.title.SetText(m.Title)
	r.sts.SetText(uikit.StatusLabel(m.Status))
	r.line.Show()
}
