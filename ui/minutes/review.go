package minutes

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// ReviewRow is one open action of the series, reviewed on the "Review of
// actions" item: its status is changed there, and everywhere.
type ReviewRow struct {
	Action *widget.Label
	Status *uikit.Choice[meeting.ActionStatus]
	a      *meeting.Action
}

// showReview lists, when it is the "Review of actions" item, the series'
// open actions that came from earlier meetings, each in its RAG colour with
// its status to change. A row stays while the item is shown, so that an
// action marked done is still seen done.
func (t *Tab) showReview(it *meeting.AgendaItem) {
	t.Review = nil
	t.reviewBox.RemoveAll()
	if it == nil || it.Kind != meeting.ReviewItem {
		t.reviewBox.Hide()
		return
	}
	n := len(t.rec.Review)
	t.reviewBox.Add(heading(lang.N("{{.Count}} open actions of the series to review", n, map[string]any{"Count": n})))
	today := meeting.DateOf(t.Now())
	for _, a := range t.rec.Review {
		r := &ReviewRow{a: a, Action: widget.NewLabel(reviewText(a, today))}
		r.Action.Wrapping = fyne.TextWrapWord
		r.Action.Importance = uikit.RAGImportance(a.RAG(today))
		r.Status = uikit.NewChoice(meeting.ActionStatuses, uikit.ActionStatusLabel, func(s meeting.ActionStatus) { t.review(r, s) })
		r.Status.SetValue(a.Status)
		// Even approved minutes leave their actions to follow up.
		uikit.Enable(!t.env.ReadOnly, r.Status)
		t.Review = append(t.Review, r)
		t.reviewBox.Add(container.NewBorder(nil, nil, nil, uikit.FixedWidth(150, r.Status), r.Action))
	}
	t.reviewBox.Add(widget.NewSeparator())
	t.reviewBox.Show()
}

// reviewText names an action, its owner, when it is due and the meeting
// it came from.
func reviewText(a *meeting.Action, today meeting.Date) string {
	text := a.Title
	if a.OwnerName != "" {
		text += " — " + a.OwnerName
	}
	text += " · " + uikit.DueText(a, today)
	if a.MeetingTitle != "" {
		text += " · " + lang.L("from {{.Meeting}} ({{.Date}})", map[string]any{"Meeting": a.MeetingTitle,
			"Date": uikit.FormatDate(meeting.DateOf(a.MeetingStarts))})
	}
	return text
}

// review changes the status of a reviewed action; the action is the same
// everywhere, so the Actions list and its own meeting see it. A refusal
// puts the status back and says why.
func (t *Tab) review(r *ReviewRow, s meeting.ActionStatus) {
	saved, err := t.st.GetAction(t.env.Ctx, r.a.ID)
	if err == nil {
		saved.Status = s
		err = t.st.UpdateAction(t.env.Ctx, saved)
	}
	if err != nil {
		r.Status.SetValue(r.a.Status)
		t.env.ShowError(err)
		return
	}
	t.saved++
	*r.a = *saved
	today := meeting.DateOf(t.Now())
	r.Action.Importance = uikit.RAGImportance(r.a.RAG(today))
	r.Action.SetText(reviewText(r.a, today))
}
