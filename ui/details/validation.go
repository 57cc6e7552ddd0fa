package details

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// askStep asks who takes a step of the validation of the minutes, and
// the comment (required to return or reopen them), then takes it.
func (t *Tab) askStep(step meeting.StepKind, to meeting.Status) {
	take := map[meeting.StepKind]func(context.Context, int64, string, string) error{
		meeting.Submitted: t.st.SubmitMinutes,
		meeting.Approved:  t.st.ApproveMinutes,
		meeting.Returned:  t.st.ReturnMinutes,
		meeting.Reopened:  t.st.ReopenMinutes,
	}[step]
	needsWhy := step == meeting.Returned || step == meeting.Reopened
	t.StepBy = widget.NewEntry()
	t.StepBy.SetPlaceHolder(lang.L("Name and position"))
	if step == meeting.Approved {
		t.StepBy.Validator = required(lang.L("Say who approves the minutes"))
	}
	t.StepWhy = widget.NewMultiLineEntry()
	t.StepWhy.SetMinRowsVisible(3)
	if needsWhy {
		t.StepWhy.Validator = required(lang.L("Say why: it is kept in the record"))
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("By"), t.StepBy),
		widget.NewFormItem(lang.L("Comment"), t.StepWhy),
	}
	if step == meeting.Reopened {
		items[1].HintText = lang.L("Why the approved minutes must change")
	}
	t.StepDialog = dialog.NewForm(uikit.StepAction(step), uikit.StepAction(step), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		by, why := strings.TrimSpace(t.StepBy.Text), strings.TrimSpace(t.StepWhy.Text)
		t.moveTo(to, func(ctx context.Context) error { return take(ctx, t.id, by, why) })
	}, t.env.Window)
	t.StepDialog.Resize(t.StepDialog.MinSize().Max(uikit.DialogSize))
	t.StepDialog.Show()
}

// required checks that a field is not blank, saying what is missing.
func required(missing string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(missing)
		}
		return nil
	}
}
