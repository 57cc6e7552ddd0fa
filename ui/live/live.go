// Package live is the view the secretary keeps open during the sitting:
// the item under discussion in large type with its time against the time
// allotted, the previous and next items, who is in the room with one tap
// for an arrival or a departure, whether the quorum holds, and the notes,
// decisions and actions of the item. Every tap and every entry is saved
// at once (typed text a moment after the last key), so nothing is lost if
// the laptop shuts down.
package live

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/minutes"
	"quorum/ui/uikit"
)

// Store is what the view needs of the meeting store.
type Store interface {
	minutes.Store
	OpenSitting(ctx context.Context, meetingID int64, at meeting.Clock) error
	CloseSitting(ctx context.Context, meetingID int64, at meeting.Clock) error
	StartItem(ctx context.Context, itemID int64, at meeting.Clock) error
	EndItem(ctx context.Context, itemID int64, at meeting.Clock) error
	RecordArrival(ctx context.Context, attendeeID int64, at meeting.Clock) (*meeting.AttendanceEvent, error)
	RecordDeparture(ctx context.Context, attendeeID int64, at meeting.Clock) (*meeting.AttendanceEvent, error)
	UndoMovement(ctx context.Context, attendeeID int64) error
}

// TickEvery is how often the times shown move on while the view is shown.
const TickEvery = 10 * time.Second

// Tab is the live view of one meeting. Its widgets are fields so that
// tests can use them as a user would.
type Tab struct {
	Sitting        *widget.Label // opened, closed, time spent against the time planned
	OpenSitting    *widget.Button
	CloseSitting   *widget.Button
	Quorum         *uikit.QuorumIndicator
	Locked         *widget.Label // why nothing can be changed (approved minutes, a cancelled meeting), when so
	Position       *widget.Label // "Item 2 of 7"
	Title          *widget.Label // the item under discussion, large
	About          *widget.Label // purpose and presenter
	Elapsed        *widget.Label // time spent on the item against its time allotted
	Progress       *widget.ProgressBar
	Previous, Next *widget.Button
	Coming         *widget.Label // the next item's title
	Attendees      []*AttendeeRow
	Minutes        *minutes.Tab // notes, decisions and actions of the item shown
	// The dialog that records an arrival or departure at a time typed,
	// when shown.
	MovementDialog *dialog.FormDialog
	MovementAt     *widget.Entry

	// Now is the clock the times are taken from; tests set it.
	Now func() time.Time
	// OnChanged runs when the meeting's status changed (closing the
	// sitting marks a convened meeting held).
	OnChanged func()

	env       *uikit.Env
	st        Store
	meetingID int64
	writes    *uikit.Writes

	rec   *meeting.Record
	items []*meeting.AgendaItem // in agenda order, sub-items after their item

	people  *fyne.Container
	entry   fyne.CanvasObject // the minutes panel, hidden before the first item
	hint    *widget.Label     // in its place: how to begin
	stop    chan struct{}     // closed to stop the ticker; nil when none runs
	waiting bool              // a change is being saved: the buttons wait for it
	content fyne.CanvasObject
}

// New builds the live view of a meeting and starts reading it.
func New(env *uikit.Env, st Store, meetingID int64) *Tab {
	t := &Tab{env: env, st: st, meetingID: meetingID, writes: env.NewWrites(), Now: time.Now}
	t.Sitting = widget.NewLabel("")
	t.Sitting.Wrapping = fyne.TextWrapWord
	t.OpenSitting = widget.NewButtonWithIcon(lang.L("Open the sitting"), theme.MediaPlayIcon(), t.onOpen)
	t.OpenSitting.Importance = widget.HighImportance
	t.CloseSitting = widget.NewButtonWithIcon(lang.L("Close the sitting"), theme.MediaStopIcon(), t.onClose)
	t.Quorum = uikit.NewQuorumIndicator()
	t.Locked = widget.NewLabel("")
	t.Locked.Wrapping = fyne.TextWrapWord
	t.Locked.Importance = widget.WarningImportance
	t.Locked.Hide()

	t.Position = widget.NewLabel("")
	t.Position.SizeName = theme.SizeNameCaptionText
	t.Title = widget.NewLabel("")
	t.Title.SizeName = theme.SizeNameHeadingText
	t.Title.TextStyle.Bold = true
	t.Title.Wrapping = fyne.TextWrapWord
	t.About = widget.NewLabel("")
	t.About.Wrapping = fyne.TextWrapWord
	t.Elapsed = widget.NewLabel("")
	t.Elapsed.TextStyle.Bold = true
	t.Progress = widget.NewProgressBar()
	t.Progress.TextFormatter = func() string { return "" }
	t.Previous = widget.NewButtonWithIcon(lang.L("Previous item"), theme.NavigateBackIcon(), func() { t.onMove(-1) })
	t.Next = widget.NewButtonWithIcon(lang.L("Next item"), theme.NavigateNextIcon(), func() { t.onMove(1) })
	t.Next.IconPlacement = widget.ButtonIconTrailingText
	t.Next.Importance = widget.HighImportance
	t.Coming = widget.NewLabel("")
	t.Coming.Truncation = fyne.TextTruncateEllipsis

	t.Minutes = minutes.New(env, st, meetingID)
	t.Minutes.Now = func() time.Time { return t.Now() }
	t.entry = t.Minutes.Panel()
	t.Minutes.Heading.Hide() // the item's title is above, large
	t.entry.Hide()
	t.hint = widget.NewLabel(lang.L("Open the sitting when the chair does: the first item starts, and its notes, decisions and actions are taken here."))
	t.hint.Wrapping = fyne.TextWrapWord
	t.people = container.NewVBox()

	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(t.OpenSitting, t.CloseSitting), t.Sitting),
		t.Quorum, t.Locked, widget.NewSeparator())
	item := container.NewVBox(t.Position, t.Title, t.About,
		container.NewBorder(nil, nil, t.Elapsed, nil, t.Progress),
		container.NewBorder(nil, nil, t.Previous, t.Next, t.Coming),
		widget.NewSeparator())
	side := container.NewBorder(uikit.Heading(lang.L("In the room")), nil, nil, nil,
		container.NewVScroll(t.people))
	split := container.NewHSplit(container.NewBorder(item, nil, nil, nil,
		container.NewStack(t.entry, container.NewVBox(t.hint))), side)
	split.Offset = 0.65
	t.content = container.NewBorder(top, nil, nil, nil, split)
	t.show()
	t.Reload()
	return t
}

// Content is what the workspace shows in the tab.
func (t *Tab) Content() fyne.CanvasObject { return t.content }

// Reload reads the meeting again, after the changes asked before.
func (t *Tab) Reload() {
	t.Minutes.Reload()
	t.read()
}

func (t *Tab) read() {
	uikit.Read(t.writes, t.env, func(ctx context.Context) (*meeting.Record, error) {
		return t.st.Record(ctx, t.meetingID)
	}, func(rec *meeting.Record) {
		t.rec = rec
		t.items = t.items[:0]
		rec.Agenda.Walk(func(it *meeting.AgendaItem) { t.items = append(t.items, it) })
		t.show()
	})
}

// Activate starts moving the times shown on while the view is shown.
func (t *Tab) Activate() {
	if t.stop != nil {
		return
	}
	stop := make(chan struct{})
	t.stop = stop
	go func() {
		tick := time.NewTicker(TickEvery)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				fyne.Do(t.Tick)
			}
		}
	}()
}

// Deactivate stops the times when another tab is shown.
func (t *Tab) Deactivate() {
	if t.stop != nil {
		close(t.stop)
		t.stop = nil
	}
}

// Close stops the times when the meeting is closed.
func (t *Tab) Close() { t.Deactivate() }

// Tick shows the times as they are now: time spent on the item and in
// the sitting, who is in the room, the quorum.
func (t *Tab) Tick() {
	if t.rec != nil {
		t.showSitting()
		t.showItem()
		t.showQuorum()
		t.showPeople()
	}
}

// clock is the time of day now, in the meeting's time zone.
func (t *Tab) clock() meeting.Clock {
	now := t.Now()
	if t.rec != nil {
		now = now.In(t.rec.Meeting.Starts.Location())
	}
	return meeting.Clock(now.Format(meeting.ClockLayout))
}

// editable reports whether the user may change the meeting here.
// A cancelled meeting has no sitting to record; while a change is being
// saved, the buttons wait for it (see busy).
func (t *Tab) editable() bool {
	return t.rec != nil && !t.waiting && t.env.Editable(t.rec.Meeting) && t.rec.Meeting.Status != meeting.Cancelled
}

// current is the index of the item the sitting is on (see
// meeting.Agenda.Current); -1 before the first.
func (t *Tab) current() int {
	if t.rec == nil {
		return -1
	}
	if cur := t.rec.Agenda.Current(); cur != nil {
		for i, it := range t.items {
			if it == cur {
				return i
			}
		}
	}
	return -1
}

// running reports whether the item at index i is under discussion.
func (t *Tab) running(i int) bool {
	return i >= 0 && t.items[i].Started != "" && t.items[i].Ended == ""
}

func (t *Tab) show() {
	t.waiting = false
	edit := t.editable()
	t.Locked.Hide()
	switch {
	case t.rec == nil:
	case uikit.Locked(t.rec.Meeting):
		t.Locked.SetText(uikit.LockedText())
		t.Locked.Show()
	case t.rec.Meeting.Status == meeting.Cancelled:
		t.Locked.SetText(lang.L("This meeting is cancelled: there is no sitting to record."))
		t.Locked.Show()
	}
	uikit.Enable(edit && t.rec.Meeting.Opened == "", t.OpenSitting)
	uikit.Enable(edit && t.rec.Meeting.Opened != "" && t.rec.Meeting.Closed == "", t.CloseSitting)
	cur := t.current()
	open := t.rec != nil && t.rec.Meeting.Opened != "" && t.rec.Meeting.Closed == ""
	uikit.Enable(edit && open && cur > 0, t.Previous)
	uikit.Enable(edit && open && cur+1 < len(t.items), t.Next)
	if cur >= 0 {
		t.Minutes.ShowItem(t.items[cur].ID)
		t.entry.Show()
		t.hint.Hide()
	} else {
		t.entry.Hide()
		t.hint.Show()
	}
	t.rebuildPeople()
	t.Tick()
}

func (t *Tab) showSitting() {
	m := t.rec.Meeting
	args := map[string]any{"Opened": m.Opened, "Closed": m.Closed,
		"Planned": m.Starts.Format(meeting.ClockLayout), "Duration": uikit.FormatMinutes(m.Minutes)}
	switch {
	case m.Opened == "":
		t.Sitting.SetText(lang.L("The sitting is not open yet (planned at {{.Planned}}, {{.Duration}}).", args))
	case m.Closed == "":
		args["Spent"] = uikit.FormatMinutes(t.clock().Since(m.Opened))
		t.Sitting.SetText(lang.L("Sitting opened at {{.Opened}}: {{.Spent}} of {{.Duration}} planned.", args))
	default:
		args["Spent"] = uikit.FormatMinutes(m.Closed.Since(m.Opened))
		t.Sitting.SetText(lang.L("Sitting opened at {{.Opened}}, closed at {{.Closed}} ({{.Spent}}).", args))
	}
}

func (t *Tab) showItem() {
	cur := t.current()
	t.Elapsed.Importance = widget.MediumImportance
	t.Progress.Hide()
	if len(t.items) == 0 {
		t.Position.SetText("")
		t.Title.SetText(lang.L("The agenda has no items yet: add them in the Agenda tab."))
		t.About.SetText("")
		t.Elapsed.SetText("")
		t.Coming.SetText("")
		return
	}
	shown := max(cur, 0)
	it := t.items[shown]
	t.Position.SetText(lang.L("Item {{.N}} of {{.Count}}", map[string]any{"N": shown + 1, "Count": len(t.items)}))
	if cur < 0 {
		t.Position.SetText(lang.L("First item"))
	}
	t.Title.SetText(it.Number + ". " + it.Title)
	about := uikit.PurposeLabel(it.Purpose)
	if it.PresenterName != "" {
		about += " · " + lang.L("presented by {{.Name}}", map[string]any{"Name": it.PresenterName})
	}
	t.About.SetText(about)
	t.Coming.SetText("")
	if shown+1 < len(t.items) {
		next := t.items[shown+1]
		t.Coming.SetText(lang.L("Next: {{.Item}}", map[string]any{"Item": next.Number + ". " + next.Title}))
	}
	args := map[string]any{"Started": it.Started, "Ended": it.Ended, "Allotted": uikit.FormatMinutes(it.Minutes)}
	switch {
	case it.Started == "":
		t.Elapsed.SetText(lang.L("Not taken up yet ({{.Allotted}} allotted)", args))
	case t.running(cur):
		spent := t.clock().Since(it.Started)
		args["Spent"] = uikit.FormatMinutes(spent)
		args["Over"] = uikit.FormatMinutes(spent - it.Minutes)
		switch {
		case it.Minutes == 0:
			t.Elapsed.SetText(lang.L("{{.Spent}} since {{.Started}} (no time allotted)", args))
		case spent > it.Minutes:
			t.Elapsed.SetText(lang.L("{{.Spent}} of {{.Allotted}}: {{.Over}} over", args))
			t.Elapsed.Importance = widget.DangerImportance
		default:
			t.Elapsed.SetText(lang.L("{{.Spent}} of {{.Allotted}}", args))
		}
		if it.Minutes > 0 {
			t.Progress.Max = float64(it.Minutes)
			t.Progress.SetValue(float64(min(spent, it.Minutes)))
			t.Progress.Show()
		}
	default:
		args["Spent"] = uikit.FormatMinutes(it.Ended.Since(it.Started))
		t.Elapsed.SetText(lang.L("Discussed from {{.Started}} to {{.Ended}} ({{.Spent}} of {{.Allotted}})", args))
	}
	t.Elapsed.Refresh()
}

// at is the time the room is judged at (see meeting.RoomTime).
func (t *Tab) at() meeting.Clock { return meeting.RoomTime(t.rec.Meeting, t.rec.Attendees) }

func (t *Tab) showQuorum() {
	var rule meeting.QuorumRule
	if t.rec.Series != nil {
		rule = t.rec.Series.Quorum
	}
	t.Quorum.Set(meeting.QuorumOf(rule, t.rec.Attendees, t.at()))
}

// change runs a change of the meeting in the order asked, then reads the
// meeting again whatever happened (a refused change shows why).
func (t *Tab) change(call func(ctx context.Context) error) {
	t.busy()
	t.writes.Do(call, func(error) { t.read() })
}

// busy disables the buttons until the meeting is read again, so that a
// second tap does not act on what the first one changed.
func (t *Tab) busy() {
	t.waiting = true
	uikit.Enable(false, t.OpenSitting, t.CloseSitting, t.Previous, t.Next)
	for _, r := range t.Attendees {
		uikit.Enable(false, r.Move, r.At, r.Undo)
	}
}

func (t *Tab) onOpen() {
	at := t.clock()
	t.change(func(ctx context.Context) error { return t.st.OpenSitting(ctx, t.meetingID, at) })
}

func (t *Tab) onClose() {
	at := t.clock()
	t.busy()
	t.writes.Do(func(ctx context.Context) error { return t.st.CloseSitting(ctx, t.meetingID, at) }, func(err error) {
		t.read()
		if err == nil && t.OnChanged != nil {
			t.OnChanged()
		}
	})
}

// onMove takes up the item by steps from the current one: the one
// running ends at the same time.
func (t *Tab) onMove(by int) {
	i := t.current() + by
	if i < 0 || i >= len(t.items) {
		return
	}
	id, at := t.items[i].ID, t.clock()
	t.change(func(ctx context.Context) error { return t.st.StartItem(ctx, id, at) })
}
