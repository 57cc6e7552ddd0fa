package uikit_test

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

func TestActionsTakeTheirRAGColour(t *testing.T) {
	today := meeting.Date("2026-12-03")
	cases := []struct {
		a    meeting.Action
		want widget.Importance
		due  string
	}{
		{meeting.Action{Status: meeting.ActionOpen, Due: "2026-12-02"}, widget.DangerImportance, "due 02/12/2026, overdue"},
		{meeting.Action{Status: meeting.ActionOpen, Due: "2026-12-10"}, widget.WarningImportance, "due 10/12/2026"},
		{meeting.Action{Status: meeting.ActionInProgress, Due: "2026-12-11"}, widget.SuccessImportance, "due 11/12/2026"},
		{meeting.Action{Status: meeting.ActionOpen}, widget.SuccessImportance, "no due date"},
		{meeting.Action{Status: meeting.ActionDone, Due: "2026-11-01"}, widget.HighImportance, "due 01/11/2026"},
	}
	for _, c := range cases {
		if got := uikit.RAGImportance(c.a.RAG(today)); got != c.want {
			t.Errorf("%+v: importance %v, want %v", c.a, got, c.want)
		}
		if got := uikit.DueText(&c.a, today); got != c.due {
			t.Errorf("%+v: %q, want %q", c.a, got, c.due)
		}
	}
	uitest.French(t)
	if got := uikit.DueText(&cases[0].a, today); got != "échéance 02/12/2026, en retard" {
		t.Errorf("in French: %q", got)
	}
}
