package uikit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
)

// QuorumText is the sentence that says whether a meeting can decide.
func QuorumText(q meeting.QuorumState) string {
	args := map[string]any{"Present": q.Present, "Members": q.Members, "Required": q.Required, "Proxies": q.Proxies}
	if !q.Needed {
		return lang.L("No quorum required — voting members present: {{.Present}} of {{.Members}}", args)
	}
	detail := lang.L("({{.Required}} required)", args)
	if q.Proxies > 0 {
		detail = lang.L("({{.Required}} required; {{.Proxies}} by proxy)", args)
	}
	args["Detail"] = detail
	if q.Reached {
		return lang.L("Quorum reached — voting members present: {{.Present}} of {{.Members}} {{.Detail}}", args)
	}
	return lang.L("Quorum not reached — voting members present: {{.Present}} of {{.Members}} {{.Detail}}", args)
}

// QuorumIndicator shows whether the quorum is reached: green when it
// is, red when it is not, plain when no rule asks for one. It is a label
// of its own (not a label held), so that its text wraps where it is put.
type QuorumIndicator struct {
	widget.Label
	State meeting.QuorumState
}

// NewQuorumIndicator returns an indicator showing nothing until Set.
func NewQuorumIndicator() *QuorumIndicator {
	i := &QuorumIndicator{}
	i.ExtendBaseWidget(i)
	i.Wrapping = fyne.TextWrapWord
	i.Hide()
	return i
}

// Set shows the quorum q.
func (i *QuorumIndicator) Set(q meeting.QuorumState) {
	i.State = q
	i.Label.TextStyle.Bold = q.Needed
	switch {
	case !q.Needed:
		i.Label.Importance = widget.MediumImportance
	case q.Reached:
		i.Label.Importance = widget.SuccessImportance
	default:
		i.Label.Importance = widget.DangerImportance
	}
	i.Label.SetText(QuorumText(q))
	i.Label.Show()
}

// Locked reports whether a meeting's record can no longer change: its
// minutes are approved, and only an explicit Reopen (Details) opens them
// again. Actions keep their status, owner, due date and notes editable.
func Locked(m *meeting.Meeting) bool {
	return m != nil && m.Status == meeting.MinutesApproved
}

// LockedText is the line a locked meeting's tabs show above their
// greyed fields.
func LockedText() string {
	return lang.L("The minutes are approved: this meeting can no longer be changed. To correct it, reopen the minutes in Details (the reason is kept).")
}
