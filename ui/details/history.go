package details

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// historyText tells the validation of the minutes, a line a step, oldest
// first: who submitted, returned, approved or reopened them, when, and
// why; "" when the minutes have not been submitted yet.
func historyText(steps []meeting.MinutesStep) string {
	lines := make([]string, 0, len(steps))
	for _, st := range steps {
		at := st.At.Local()
		args := map[string]any{"By": st.By, "Date": uikit.FormatDate(meeting.DateOf(at)), "Time": at.Format(meeting.ClockLayout)}
		if st.By == "" {
			args["By"] = lang.L("someone not named")
		}
		var line string
		switch {
		case st.Step == meeting.Submitted:
			line = lang.L("Submitted for approval by {{.By}} on {{.Date}} at {{.Time}}", args)
		case st.Step == meeting.Approved && st.ByMeeting != 0:
			line = lang.L("Approved by the decision of « {{.By}} », recorded on {{.Date}} at {{.Time}}", args)
		case st.Step == meeting.Approved:
			line = lang.L("Approved by {{.By}} on {{.Date}} at {{.Time}}", args)
		case st.Step == meeting.Returned:
			line = lang.L("Returned for correction by {{.By}} on {{.Date}} at {{.Time}}", args)
		case st.Step == meeting.Reopened:
			line = lang.L("Reopened by {{.By}} on {{.Date}} at {{.Time}}", args)
		default:
			continue
		}
		if c := strings.TrimSpace(st.Comment); c != "" {
			line += lang.L(": “{{.Comment}}”", map[string]any{"Comment": c})
		}
		lines = append(lines, "• "+line)
	}
	return strings.Join(lines, "\n")
}
