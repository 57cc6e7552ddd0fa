package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"quorum/meeting"
	"quorum/ui/details"
	"quorum/ui/papers"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

// TestReopenInDetailsUnlocksTheOtherTabs follows a secretary who finds a
// mistake in approved minutes: every tab is greyed, a dropped file is not
// attached; once the minutes are reopened in Details, each tab shown again
// can be changed, without closing the meeting.
func TestReopenInDetailsUnlocksTheOtherTabs(t *testing.T) {
	uitest.English(t)
	st := uitest.Store(t)
	m := addMeeting(t, st, "Conseil d’école")
	ctx := t.Context()
	p := &meeting.Person{Name: "Claire Martin"}
	uitest.Must(t, st.CreatePerson(ctx, p))
	uitest.Must(t, st.AddAttendee(ctx, &meeting.Attendee{MeetingID: m.ID, PersonID: p.ID, Role: meeting.Chair, Voting: true, Status: meeting.Present}))
	it := &meeting.AgendaItem{MeetingID: m.ID, Title: "Budget", Purpose: meeting.ForDecision}
	uitest.Must(t, st.AddItem(ctx, it))
	uitest.ApproveMinutes(t, st, m.ID)
	mw, env := openWindow(t, st)

	tabs := []string{uikit.TabAttendees, uikit.TabAgenda, uikit.TabPapers, uikit.TabMinutes}
	for _, id := range tabs {
		mw.OpenMeeting(m.ID, id)
		env.Wait()
		content := mw.ws.Tab(id).Content()
		if got := uitest.Enabled(content); len(got) != 0 {
			t.Errorf("%s of a locked meeting: %q can be used", id, got)
		}
		if !lockShown(content) {
			t.Errorf("%s of a locked meeting does not say it is locked", id)
		}
	}

	path := filepath.Join(t.TempDir(), "annexe.txt")
	uitest.Must(t, os.WriteFile(path, []byte("Annexe"), 0o644))
	mw.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(path)})
	env.Wait()
	if docs, _ := st.Documents(ctx, m.ID); len(docs) != 0 || !strings.Contains(uitest.TopOverlayText(env), uikit.LockedText()) {
		t.Errorf("a file dropped on a locked meeting: %d attached, message %q", len(docs), uitest.TopOverlayText(env))
	}

	pt := mw.ws.Tab(uikit.TabPapers).(*papers.Tab)
	if pt.Empty.Text != "No papers." {
		t.Errorf("papers of a locked meeting invite to add some: %q", pt.Empty.Text)
	}

	mw.OpenMeeting(m.ID, uikit.TabDetails)
	env.Wait()
	d := mw.ws.Tab(uikit.TabDetails).(*details.Tab)
	test.Tap(uitest.Button(t, d.Content(), "Reopen the minutes"))
	test.Type(d.StepWhy, "Montant du budget erroné")
	d.StepDialog.Submit()
	env.Wait()
	if got, _ := st.GetMeeting(ctx, m.ID); got.Status != meeting.MinutesDraft {
		t.Fatalf("after Reopen the meeting is %s", got.Status)
	}

	for _, id := range tabs {
		mw.OpenMeeting(m.ID, id)
		env.Wait()
		content := mw.ws.Tab(id).Content()
		if len(uitest.Enabled(content)) == 0 || lockShown(content) {
			t.Errorf("%s after Reopen: still locked (%q can be used)", id, uitest.Enabled(content))
		}
	}
	if !strings.HasPrefix(pt.Empty.Text, "No papers yet: add them") {
		t.Errorf("papers after Reopen: %q", pt.Empty.Text)
	}
}

// lockShown reports whether o shows the banner of a locked meeting.
func lockShown(o fyne.CanvasObject) bool {
	shown := false
	uitest.Walk(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*uikit.LockBanner); ok && b.Visible() && b.Text == uikit.LockedText() {
			shown = true
		}
	})
	return shown
}
