package details

import (
	"testing"
	"time"

	"quorum/meeting"
)

func TestHistorySaysWhoApprovedTheMinutesAndHow(t *testing.T) {
	if historyText(nil) != "" {
		t.Error("minutes never submitted have a history")
	}
	at := time.Date(2027, 1, 14, 10, 5, 0, 0, time.Local)
	got := historyText([]meeting.MinutesStep{
		{Step: meeting.Approved, By: "Comité de direction — CODIR-4", At: at, ByMeeting: 4, Comment: "Le PV est approuvé."},
	})
	want := "• Approved by the decision of « Comité de direction — CODIR-4 », recorded on 14/01/2027 at 10:05: “Le PV est approuvé.”"
	if got != want {
		t.Errorf("approved by a decision:\n got %q\nwant %q", got, want)
	}
}
