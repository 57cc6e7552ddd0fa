package live

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// AttendeeRow is one attendee: name, where they are, the button that
// records their arrival or departure at the time of the tap, the one that
// records it at a time typed (a tap forgotten), and the undo.
type AttendeeRow struct {
	Name, State    *widget.Label
	Move, At, Undo *widget.Button
	attendee       *meeting.Attendee
}

func (t *Tab) rebuildPeople() {
	t.Attendees = t.Attendees[:0]
	t.people.RemoveAll()
	if t.rec == nil {
		return
	}
	if len(t.rec.Attendees) == 0 {
		t.people.Add(widget.NewLabel(lang.L("No attendees: add them in the Attendees tab.")))
	}
	for _, a := range t.rec.Attendees {
		r := &AttendeeRow{attendee: a, Name: widget.NewLabel(a.Person.Name), State: widget.NewLabel("")}
		r.Name.TextStyle.Bold = a.Voting
		r.Name.Truncation = fyne.TextTruncateEllipsis
		r.State.SizeName = theme.SizeNameCaptionText
		r.State.Wrapping = fyne.TextWrapWord
		r.Move = widget.NewButton("", func() { t.onMovement(r) })
		r.At = widget.NewButtonWithIcon("", theme.HistoryIcon(), func() { t.askTime(r) })
		r.Undo = widget.NewButtonWithIcon("", theme.ContentUndoIcon(), func() { t.onUndo(r) })
		t.Attendees = append(t.Attendees, r)
		// The name takes the whole width; where they are, and the buttons, below.
		t.people.Add(container.New(layout.NewCustomPaddedVBoxLayout(0), r.Name,
			container.NewBorder(nil, nil, nil, container.NewHBox(r.Move, r.At, r.Undo), r.State)))
	}
	t.people.Refresh()
}

func (t *Tab) showPeople() {
	at, edit := t.at(), t.editable()
	for _, r := range t.Attendees {
		a := r.attendee
		in := a.PresentAt(at)
		r.State.SetText(presence(a, in))
		if in {
			r.Move.SetText(lang.L("Departure"))
			r.Move.SetIcon(theme.LogoutIcon())
		} else {
			r.Move.SetText(lang.L("Arrival"))
			r.Move.SetIcon(theme.LoginIcon())
		}
		uikit.Enable(edit && t.rec.Meeting.Closed == "", r.Move, r.At)
		uikit.Enable(edit && len(a.Events) > 0, r.Undo)
	}
}

// presence says where an attendee is: in the room since when, gone since
// when, or why they are not there.
func presence(a *meeting.Attendee, in bool) string {
	role := uikit.RoleLabel(a.Role)
	if !a.Voting {
		role = lang.L("{{.Role}}, non-voting", map[string]any{"Role": role})
	}
	var where string
	switch {
	case in && a.Arrived != "":
		where = lang.L("present since {{.At}}", map[string]any{"At": arrivedAt(a)})
	case in:
		where = lang.L("present")
	case a.Status == meeting.Present && a.Left != "":
		where = lang.L("left at {{.At}}", map[string]any{"At": a.Left})
	case a.Status == meeting.Represented && a.ProxyName != "":
		where = lang.L("represented by {{.Name}}", map[string]any{"Name": a.ProxyName})
	case a.Status == meeting.Present:
		where = lang.L("not arrived yet")
	default:
		where = uikit.PresenceLabel(a.Status)
	}
	return role + " · " + where
}

// arrivedAt is when a present attendee last came in.
func arrivedAt(a *meeting.Attendee) meeting.Clock {
	for i := len(a.Events) - 1; i >= 0; i-- {
		if a.Events[i].Kind == meeting.Arrival {
			return a.Events[i].At
		}
	}
	return a.Arrived
}

func (t *Tab) onMovement(r *AttendeeRow) { t.record(r, t.clock()) }

// record records the arrival of an attendee who was not in the room at
// the time at, or the departure of one who was.
func (t *Tab) record(r *AttendeeRow, at meeting.Clock) {
	id := r.attendee.ID
	record := t.st.RecordArrival
	if r.attendee.PresentAt(at) {
		record = t.st.RecordDeparture
	}
	t.change(func(ctx context.Context) error {
		_, err := record(ctx, id, at)
		return err
	})
}

// askTime asks at what time an attendee came in or left, for a tap the
// secretary forgot; the time is now unless changed.
func (t *Tab) askTime(r *AttendeeRow) {
	question := lang.L("Arrival of {{.Name}} at", map[string]any{"Name": r.attendee.Person.Name})
	if r.attendee.PresentAt(t.at()) {
		question = lang.L("Departure of {{.Name}} at", map[string]any{"Name": r.attendee.Person.Name})
	}
	t.MovementAt = widget.NewEntry()
	t.MovementAt.SetText(string(t.clock()))
	now := t.clock()
	t.MovementAt.Validator = func(s string) error {
		c, err := uikit.ParseClock(s)
		switch {
		case err != nil:
			return err
		case c == "":
			return errors.New(lang.L("Type the time, as 10:05"))
		case c.After(now):
			return errors.New(lang.L("{{.At}} is still to come: it is {{.Now}}", map[string]any{"At": c, "Now": now}))
		}
		return nil
	}
	t.MovementDialog = dialog.NewForm(question, lang.L("Record"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Time"), t.MovementAt)}, func(ok bool) {
			if ok && t.MovementAt.Validate() == nil {
				at, _ := uikit.ParseClock(t.MovementAt.Text)
				t.record(r, at)
			}
		}, t.env.Window)
	t.MovementDialog.Show()
}

func (t *Tab) onUndo(r *AttendeeRow) {
	id := r.attendee.ID
	t.change(func(ctx context.Context) error { return t.st.UndoMovement(ctx, id) })
}
