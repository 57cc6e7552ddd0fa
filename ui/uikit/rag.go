package uikit

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
)

// RAGImportance is how a label shows an action's RAG colour: red when
// overdue, amber (warning) when due within a week, green when on time,
// blue (the theme's primary colour) when done or cancelled.
func RAGImportance(r meeting.RAG) widget.Importance {
	switch r {
	case meeting.Red:
		return widget.DangerImportance
	case meeting.Amber:
		return widget.WarningImportance
	case meeting.Blue:
		return widget.HighImportance
	}
	return widget.SuccessImportance
}

// DueText says when an action is due, and that it is late when it is.
func DueText(a *meeting.Action, today meeting.Date) string {
	switch {
	case a.Due == "":
		return lang.L("no due date")
	case a.RAG(today) == meeting.Red:
		return lang.L("due {{.Date}}, overdue", map[string]any{"Date": FormatDate(a.Due)})
	}
	return lang.L("due {{.Date}}", map[string]any{"Date": FormatDate(a.Due)})
}
