package live

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// ReviewRow is one open action of the series, reviewed on the "Review
// of actions" item: its status is changed there, and everywhere.
type ReviewRow struct {
	Action *widget.Label
	Status *uikit.Choice[meeting.ActionStatus]
	a      *meeting.Action
}

// rebuildReview lists the series' open actions when the item under
// discussion is its "Review of actions"; a row stays while the item does,
// so that an action marked done is still seen done.
func (t *Tab) rebuildReview(cur int) {
	var it *meeting.AgendaItem
	if cur >= 0 && t.items[cur].Kind == meeting.ReviewItem {
		it = t.items[cur]
	}
	box := t.review.Objects
	if it == nil {
		t.Review, t.reviewOf = nil, 0
		t.review.RemoveAll()
		t.reviewIn.Hide()
		return
	}
	if it.ID == t.reviewOf && len(box) > 0 {
		for _, r := range t.Review {
			uikit.Enable(t.editableActions(), r.Status.Select)
		}
		return
	}
	t.reviewOf, t.Review = it.ID, nil
	t.review.RemoveAll()
	t.review.Add(uikit.Heading(lang.N("{{.Count}} open actions of the series to review", len(t.rec.Review), map[string]any{"Count": len(t.rec.Review)})))
	today := meeting.DateOf(t.Now())
	for _, a := range t.rec.Review {
		r := &ReviewRow{a: a, Action: widget.NewLabel(reviewText(a, today))}
		r.Action.Wrapping = fyne.TextWrapWord
		r.Action.Importance = uikit.RAGImportance(a.RAG(today))
		r.Status = uikit.NewChoice(meeting.ActionStatuses, uikit.ActionStatusLabel, func(s meeting.ActionStatus) { t.onReview(r, s) })
		r.Status.SetValue(a.Status)
		uikit.Enable(t.editableActions(), r.Status.Select)
		t.Review = append(t.Review, r)
		t.review.Add(container.NewBorder(nil, nil, nil, uikit.FixedWidth(150, r.Status), r.Action))
	}
	t.reviewIn.Show()
	t.review.Refresh()
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
		text += " · " + lang.L("from {{.Meeting}} of {{.Date}}", map[string]any{"Meeting": a.MeetingTitle,
			"Date": uikit.FormatDate(meeting.DateOf(a.MeetingStarts))})
	}
	return text
}

// editableActions reports whether actions may change: even approved
// minutes leave them open, a read-only window does not.
func (t *Tab) editableActions() bool { return !t.env.ReadOnly }

// onReview changes the status of a reviewed action; the action is the
// same everywhere, so the Actions list and its own meeting see it.
func (t *Tab) onReview(r *ReviewRow, s meeting.ActionStatus) {
	id, today := r.a.ID, meeting.DateOf(t.Now())
	var saved *meeting.Action
	t.writes.Do(func(ctx context.Context) (err error) {
		if saved, err = t.st.GetAction(ctx, id); err != nil {
			return err
		}
		saved.Status = s
		return t.st.UpdateAction(ctx, saved)
	}, func(err error) {
		if err != nil {
			r.Status.SetValue(r.a.Status)
			return
		}
		*r.a = *saved
		r.Action.Importance = uikit.RAGImportance(r.a.RAG(today))
		r.Action.SetText(reviewText(r.a, today))
	})
}
