package uikit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
)

// Editable reports whether the window may change the record of meeting m:
// the database is this window's to write (not ReadOnly) and m's minutes
// are not approved (see Locked). The tabs of a meeting's workspace ask it
// each time they read the meeting, so that a Reopen in Details makes them
// editable again as soon as they are shown. A meeting not read yet (nil)
// depends on ReadOnly alone.
func (e *Env) Editable(m *meeting.Meeting) bool {
	return !e.ReadOnly && !Locked(m)
}

// Enable enables the widgets ws when on is set, and disables them when
// it is not.
func Enable(on bool, ws ...fyne.Disableable) {
	for _, w := range ws {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}

// LockBanner is the line a tab shows at its top while its meeting's
// minutes are approved (LockedText); hidden otherwise. It is a label of
// its own (not a label held), so that Fyne lays out and wraps the text
// it draws.
type LockBanner struct {
	widget.Label
}

// NewLockBanner returns a hidden banner; Set shows it for a locked meeting.
func NewLockBanner() *LockBanner {
	b := &LockBanner{}
	b.ExtendBaseWidget(b)
	b.Wrapping = fyne.TextWrapWord
	b.Importance = widget.WarningImportance
	b.TextStyle.Bold = true
	b.Hide()
	return b
}

// Set shows the banner when m is locked and hides it when it is not;
// when that changes, around (the tab's content) is laid out anew.
func (b *LockBanner) Set(m *meeting.Meeting, around fyne.CanvasObject) {
	shown := b.Visible()
	if Locked(m) {
		b.SetText(LockedText())
		b.Show()
	} else {
		b.Hide()
	}
	if shown != b.Visible() && around != nil {
		// Twice: the first gives the banner its width, the second the
		// height its wrapped text then takes.
		Relayout(around)
		Relayout(around)
	}
}
