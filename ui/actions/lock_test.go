package actions

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uitest"
)

// TestActionsOfApprovedMinutesAreFollowedUp: the approved minutes of a
// meeting lock what they record, not the follow-up of its actions.
func TestActionsOfApprovedMinutesAreFollowedUp(t *testing.T) {
	uitest.English(t)
	f := newFixture(t)
	uitest.ApproveMinutes(t, f.st, f.board.ID)
	s, env, _ := open(t, f.st)
	ctx := context.Background()

	s.table.Select(widget.TableCellID{Row: 1, Col: 0})
	if s.heading.Text != "Envoyer le budget révisé" || s.pick.Disabled() || s.addNote.Disabled() {
		t.Fatalf("selected %q: status disabled %v, note disabled %v", s.heading.Text, s.pick.Disabled(), s.addNote.Disabled())
	}
	s.pick.SetSelected("Done")
	env.Wait()
	test.Tap(s.addNote)
	test.Type(s.noteText, "Budget envoyé le 18 mars")
	s.noteForm.Submit()
	env.Wait()
	a, err := f.st.GetAction(ctx, f.late.ID)
	must(t, err)
	if a.Status != meeting.ActionDone || len(a.Notes) != 1 || a.Title != "Envoyer le budget révisé" {
		t.Errorf("action of approved minutes after its follow-up: %+v", a)
	}
	if m, _ := f.st.GetMeeting(ctx, f.board.ID); m.Status != meeting.MinutesApproved {
		t.Errorf("the meeting became %s", m.Status)
	}
	if n := len(uitest.Overlays(env)); n != 0 {
		t.Errorf("%d dialogs over the window: %q", n, uitest.TopOverlayText(env))
	}
}
