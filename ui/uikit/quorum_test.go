package uikit_test

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

func TestQuorumIndicatorSaysWhetherTheMeetingCanDecide(t *testing.T) {
	i := uikit.NewQuorumIndicator()
	if i.Visible() {
		t.Error("an indicator with nothing set is shown")
	}
	cases := []struct {
		q          meeting.QuorumState
		importance widget.Importance
		text       string
	}{
		{meeting.QuorumState{Needed: true, Members: 10, Required: 5, Present: 5, Reached: true}, widget.SuccessImportance,
			"Quorum reached — voting members present: 5 of 10 (5 required)"},
		{meeting.QuorumState{Needed: true, Members: 10, Required: 6, Present: 5, Proxies: 2}, widget.DangerImportance,
			"Quorum not reached — voting members present: 5 of 10 (6 required; 2 by proxy)"},
		{meeting.QuorumState{Members: 3, Present: 2, Reached: true}, widget.MediumImportance,
			"No quorum required — voting members present: 2 of 3"},
	}
	for _, c := range cases {
		i.Set(c.q)
		if i.Text != c.text || i.Importance != c.importance || !i.Visible() {
			t.Errorf("%+v shows %q (importance %v, shown %v), want %q (%v)", c.q, i.Text, i.Importance, i.Visible(), c.text, c.importance)
		}
	}
	uitest.French(t)
	i.Set(cases[1].q)
	if want := "Quorum non atteint — membres votants présents : 5 sur 10 (6 requis ; 2 par pouvoir)"; i.Text != want {
		t.Errorf("in French: %q, want %q", i.Text, want)
	}
}

func TestOnlyApprovedMinutesLockTheMeeting(t *testing.T) {
	for _, s := range meeting.Statuses {
		if got := uikit.Locked(&meeting.Meeting{Status: s}); got != (s == meeting.MinutesApproved) {
			t.Errorf("status %s locked: %v", s, got)
		}
	}
	if uikit.Locked(nil) {
		t.Error("no meeting is locked")
	}
}
