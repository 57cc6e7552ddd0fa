package uikit

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
)

// StatusLabel is the user's word for a meeting's status.
func StatusLabel(s meeting.Status) string {
	switch s {
	case meeting.Draft:
		return lang.L("Draft")
	case meeting.Convened:
		return lang.L("Convened")
	case meeting.Held:
		return lang.L("Held")
	case meeting.MinutesDraft:
		return lang.L("Minutes in draft")
	case meeting.MinutesSubmitted:
		return lang.L("Minutes submitted for approval")
	case meeting.MinutesApproved:
		return lang.L("Minutes approved")
	case meeting.Cancelled:
		return lang.L("Cancelled")
	}
	return string(s)
}

// StepAction is the label of the button that takes a step of the
// validation of minutes.
func StepAction(k meeting.StepKind) string {
	switch k {
	case meeting.Submitted:
		return lang.L("Submit the minutes for approval")
	case meeting.Approved:
		return lang.L("Approve the minutes")
	case meeting.Returned:
		return lang.L("Return the minutes for correction")
	case meeting.Reopened:
		return lang.L("Reopen the minutes")
	}
	return string(k)
}

// StatusAction is the label of the button that moves a meeting to s.
func StatusAction(s meeting.Status) string {
	switch s {
	case meeting.Draft:
		return lang.L("Back to draft")
	case meeting.Convened:
		return lang.L("Convene")
	case meeting.Held:
		return lang.L("Mark as held")
	case meeting.MinutesDraft:
		return lang.L("Start the minutes")
	case meeting.MinutesApproved:
		return lang.L("Approve the minutes")
	case meeting.Cancelled:
		return lang.L("Cancel the meeting")
	}
	return string(s)
}

// RoleLabel is the user's word for an attendee's role.
func RoleLabel(r meeting.Role) string {
	switch r {
	case meeting.Chair:
		return lang.L("Chair")
	case meeting.Secretary:
		return lang.L("Secretary")
	case meeting.Member:
		return lang.L("Member")
	case meeting.Guest:
		return lang.L("Guest")
	case meeting.Observer:
		return lang.L("Observer")
	}
	return string(r)
}

// PresenceLabel is the user's word for an attendee's presence.
func PresenceLabel(p meeting.Presence) string {
	switch p {
	case meeting.Invited:
		return lang.L("Invited")
	case meeting.Confirmed:
		return lang.L("Confirmed")
	case meeting.Present:
		return lang.L("Present")
	case meeting.Apologies:
		return lang.L("Apologies")
	case meeting.Absent:
		return lang.L("Absent")
	case meeting.Represented:
		return lang.L("Represented")
	}
	return string(p)
}

// PurposeLabel is the user's word for an agenda item's purpose.
func PurposeLabel(p meeting.Purpose) string {
	switch p {
	case meeting.ForInformation:
		return lang.L("For information")
	case meeting.ForDiscussion:
		return lang.L("For discussion")
	case meeting.ForDecision:
		return lang.L("For decision")
	}
	return string(p)
}

// OutcomeLabel is the user's word for a decision's outcome.
func OutcomeLabel(o meeting.Outcome) string {
	switch o {
	case meeting.Adopted:
		return lang.L("Adopted")
	case meeting.Rejected:
		return lang.L("Rejected")
	case meeting.Deferred:
		return lang.L("Deferred")
	case meeting.Noted:
		return lang.L("Noted")
	}
	return string(o)
}

// ActionStatusLabel is the user's word for an action's status.
func ActionStatusLabel(s meeting.ActionStatus) string {
	switch s {
	case meeting.ActionOpen:
		// Keyed: "Open" alone is the verb of Fyne's file dialogs.
		return lang.X("action.open", "Open")
	case meeting.ActionInProgress:
		return lang.L("In progress")
	case meeting.ActionDone:
		return lang.L("Done")
	case meeting.ActionCancelled:
		return lang.L("Cancelled")
	}
	return string(s)
}

// ClassificationLabel is the user's word for a classification.
func ClassificationLabel(c meeting.Classification) string {
	switch c {
	case meeting.Public:
		return lang.L("Public")
	case meeting.Internal:
		return lang.L("Internal")
	case meeting.Restricted:
		return lang.L("Restricted")
	case meeting.Confidential:
		return lang.L("Confidential")
	case meeting.Secret:
		return lang.L("Secret")
	}
	return string(c)
}

// LanguageLabel is the name of a document language in the UI's language.
func LanguageLabel(l string) string {
	switch l {
	case "fr":
		return lang.L("French")
	case "en":
		return lang.L("English")
	}
	return l
}

// Choice is a drop-down of the values of one of the domain's choices,
// shown with their labels.
type Choice[T ~string] struct {
	*widget.Select
	values []T
	label  func(T) string
}

// NewChoice returns a drop-down of values shown through label; changed
// runs when the user picks one.
func NewChoice[T ~string](values []T, label func(T) string, changed func(T)) *Choice[T] {
	c := &Choice[T]{values: values, label: label}
	opts := make([]string, len(values))
	for i, v := range values {
		opts[i] = label(v)
	}
	c.Select = NewSelect(opts, nil)
	c.ExtendBaseWidget(c) // drawn as a drop-down when placed itself
	c.Select.OnChanged = func(string) {
		if changed != nil && c.SelectedIndex() >= 0 {
			changed(c.values[c.SelectedIndex()])
		}
	}
	return c
}

// Value is the value picked ("" if none).
func (c *Choice[T]) Value() T {
	if i := c.SelectedIndex(); i >= 0 {
		return c.values[i]
	}
	return ""
}

// SetValue shows v as picked without calling changed.
func (c *Choice[T]) SetValue(v T) {
	fn := c.Select.OnChanged
	c.Select.OnChanged = nil
	defer func() { c.Select.OnChanged = fn }()
	for i, x := range c.values {
		if x == v {
			c.SetSelectedIndex(i)
			return
		}
	}
	c.ClearSelected()
}

// NewSelect is widget.NewSelect with its placeholder, shown while nothing
// is picked, in the user's language.
func NewSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = lang.L("(Select one)")
	return s
}
