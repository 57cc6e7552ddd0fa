package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"quorum/export"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

// TestScriptPrintsTheNotice: the end-to-end script's print step writes
// the calendar invite and the mail draft too.
func TestScriptPrintsTheNotice(t *testing.T) {
	st := uitest.Store(t)
	m := addMeeting(t, st, "Bureau")
	mw, _ := openWindow(t, st)
	mw.OpenMeeting(m.ID, uikit.TabDetails)
	dir := t.TempDir()
	script := "print " + export.DocInvite + " bureau.ics\nprint " + export.DocMail + " bureau.eml\n"
	t.Chdir(dir) // the script names files relative to where it runs
	if err := mw.script(strings.NewReader(script), dir); err != nil {
		t.Fatal(err)
	}
	ics, err := os.ReadFile(filepath.Join(dir, "bureau.ics"))
	if err != nil || !bytes.HasPrefix(ics, []byte("BEGIN:VCALENDAR")) || !bytes.Contains(ics, []byte("UID:"+export.InviteUID(m))) {
		t.Errorf("the invite: %v\n%s", err, ics)
	}
	eml, err := os.ReadFile(filepath.Join(dir, "bureau.eml"))
	if err != nil || !bytes.Contains(eml, []byte("X-Unsent: 1")) || !bytes.Contains(eml, []byte("Content-Type: text/calendar")) {
		t.Errorf("the mail draft: %v", err)
	}
}
