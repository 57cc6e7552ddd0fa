package uitest

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
)

// SubmitMinutes takes meeting id from its status through the sitting to
// minutes submitted for approval.
func SubmitMinutes(t testing.TB, st *meeting.Store, id int64) {
	t.Helper()
	ctx := context.Background()
	m, err := st.GetMeeting(ctx, id)
	Must(t, err)
	for _, to := range []meeting.Status{meeting.Convened, meeting.Held, meeting.MinutesDraft} {
		if m.Status.CanBecome(to) {
			Must(t, st.SetMeetingStatus(ctx, id, to))
			m.Status = to
		}
	}
	Must(t, st.SubmitMinutes(ctx, id, "Jean-Loïc Nguyễn", ""))
}

// ApproveMinutes takes meeting id on to approved minutes, which lock it.
func ApproveMinutes(t testing.TB, st *meeting.Store, id int64) {
	t.Helper()
	SubmitMinutes(t, st, id)
	Must(t, st.ApproveMinutes(context.Background(), id, "Claire Martin, présidente", ""))
}

// Enabled names the widgets under o that a user could change something
// with, hidden or not: the entries, drop-downs, check boxes and buttons
// not disabled. A button is named by its text ("" for an icon alone),
// another widget by its type and what it shows.
func Enabled(o fyne.CanvasObject) []string {
	var out []string
	Walk(o, func(o fyne.CanvasObject) {
		d, ok := o.(fyne.Disableable)
		if !ok || d.Disabled() {
			return
		}
		switch w := o.(type) {
		case *widget.Button:
			out = append(out, fmt.Sprintf("button %q", w.Text))
		case *widget.Entry:
			out = append(out, fmt.Sprintf("entry %q", w.Text))
		case *widget.Select:
			out = append(out, fmt.Sprintf("select %q", w.Selected))
		case *widget.Check:
			out = append(out, fmt.Sprintf("check %q", w.Text))
		default:
			out = append(out, fmt.Sprintf("%T", o))
		}
	})
	return out
}
