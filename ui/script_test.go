package ui

import (
	"fmt"
	"strings"
	"testing"

	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

func TestScriptDrivesTheWindow(t *testing.T) {
	st := uitest.Store(t)
	m := addMeeting(t, st, "Bureau")
	mw, _ := openWindow(t, st)
	mw.OpenMeeting(m.ID, uikit.TabDetails)

	err := mw.script(strings.NewReader(`
# go to the print panel, then leave the meeting
tap Print
shortcut w
tap People
shortcut f
type budget
`), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if mw.ws != nil || mw.current != uikit.People {
		t.Errorf("after the script the window shows %q (workspace open: %v), want the people", mw.current, mw.ws != nil)
	}
	if mw.search.Text != "budget" {
		t.Errorf("typed into the search field: %q", mw.search.Text)
	}
}

func TestScriptStopsOnAStepThatFindsNothing(t *testing.T) {
	st := uitest.Store(t)
	mw, _ := openWindow(t, st)
	err := mw.script(strings.NewReader("tap People\ntap Nowhere to be seen\n"), t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "line 2") || !strings.Contains(err.Error(), "Nowhere") {
		t.Errorf("error = %v, want one naming line 2 and what was not found", err)
	}
	if err := mw.script(strings.NewReader("frobnicate\n"), t.TempDir()); err == nil {
		t.Error("an unknown step gave no error")
	}
}

func TestScriptOpensAMeetingAndTapsInTheUsersLanguage(t *testing.T) {
	uitest.French(t)
	st := uitest.Store(t)
	m := addMeeting(t, st, "Bureau")
	mw, _ := openWindow(t, st)
	// "Print" is the English text of the tab; the French window reads
	// « Impression » or the like, and the step still finds it.
	err := mw.script(strings.NewReader(fmt.Sprintf("open %d live\ntap Print\n", m.ID)), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if mw.ws == nil || mw.ws.Selected() != uikit.TabPrint {
		t.Errorf("after the script: workspace open %v", mw.ws != nil)
	}
	if err := mw.script(strings.NewReader("open\n"), t.TempDir()); err == nil {
		t.Error("open with no meeting gave no error")
	}
}
