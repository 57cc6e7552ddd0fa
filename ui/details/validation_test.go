package details

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"quorum/meeting"
	"quorum/ui/uitest"
)

// button returns the status button labelled text.
func (f *fixture) button(t *testing.T, text string) {
	t.Helper()
	for _, b := range f.tab.buttons {
		if b.Text == text {
			test.Tap(b)
			return
		}
	}
	var have []string
	for _, b := range f.tab.buttons {
		have = append(have, b.Text)
	}
	t.Fatalf("no status button %q, only %v", text, have)
}

func TestValidationOfTheMinutes(t *testing.T) {
	f := newFixture(t)
	for _, to := range []meeting.Status{meeting.Convened, meeting.Held, meeting.MinutesDraft} {
		uitest.Must(t, f.st.SetMeetingStatus(bg, f.one.ID, to))
	}
	tab := f.open(t, f.one.ID)

	// Submit: who is optional.
	f.button(t, "Submit the minutes for approval")
	test.Type(tab.StepBy, "Jean-Loïc Nguyen, secrétaire de séance")
	tab.StepDialog.Submit()
	f.env.Wait()
	if got := f.stored(t, f.one.ID).Status; got != meeting.MinutesSubmitted || tab.status.Text != "Minutes submitted for approval" {
		t.Fatalf("after submitting: stored %q, shown %q", got, tab.status.Text)
	}

	// Return needs a comment: without one, nothing changes.
	f.button(t, "Return the minutes for correction")
	tab.StepDialog.Submit()
	f.env.Wait()
	if got := f.stored(t, f.one.ID).Status; got != meeting.MinutesSubmitted {
		t.Fatalf("returned without a comment: status %q", got)
	}
	test.Type(tab.StepWhy, "Corriger le vote du point 3")
	tab.StepDialog.Submit()
	f.env.Wait()
	if got := f.stored(t, f.one.ID).Status; got != meeting.MinutesDraft {
		t.Fatalf("after returning: status %q", got)
	}

	// Submit again, then approve, which needs who.
	f.button(t, "Submit the minutes for approval")
	tab.StepDialog.Submit()
	f.env.Wait()
	f.button(t, "Approve the minutes")
	tab.StepDialog.Submit()
	f.env.Wait()
	if got := f.stored(t, f.one.ID).Status; got != meeting.MinutesSubmitted {
		t.Fatalf("approved without saying who: status %q", got)
	}
	test.Type(tab.StepBy, "Claire Martin, présidente")
	tab.StepDialog.Submit()
	f.env.Wait()
	if got := f.stored(t, f.one.ID).Status; got != meeting.MinutesApproved {
		t.Fatalf("after approving: status %q", got)
	}

	steps, err := f.st.MinutesHistory(bg, f.one.ID)
	uitest.Must(t, err)
	if len(steps) != 4 || steps[0].By != "Jean-Loïc Nguyen, secrétaire de séance" ||
		steps[1].Step != meeting.Returned || steps[1].Comment != "Corriger le vote du point 3" ||
		steps[3].Step != meeting.Approved || steps[3].By != "Claire Martin, présidente" {
		t.Errorf("history = %+v", steps)
	}
	// The tab tells the same history, a line a step.
	lines := strings.Split(tab.History.Text, "\n")
	if !tab.History.Visible() || len(lines) != 4 ||
		!strings.HasPrefix(lines[0], "• Submitted for approval by Jean-Loïc Nguyen, secrétaire de séance on ") ||
		!strings.Contains(lines[1], "Returned for correction by") || !strings.HasSuffix(lines[1], ": “Corriger le vote du point 3”") ||
		!strings.HasPrefix(lines[3], "• Approved by Claire Martin, présidente on ") {
		t.Errorf("history shown: %q", tab.History.Text)
	}
}

func TestReopenInFrenchNeedsAReason(t *testing.T) {
	uitest.French(t)
	f := newFixture(t)
	for _, to := range []meeting.Status{meeting.Convened, meeting.Held, meeting.MinutesDraft} {
		uitest.Must(t, f.st.SetMeetingStatus(bg, f.one.ID, to))
	}
	uitest.Must(t, f.st.SubmitMinutes(bg, f.one.ID, "", ""))
	uitest.Must(t, f.st.ApproveMinutes(bg, f.one.ID, "Claire Martin", ""))
	tab := f.open(t, f.one.ID)
	if tab.status.Text != "PV approuvé" {
		t.Errorf("status in French = %q", tab.status.Text)
	}
	f.button(t, "Rouvrir le procès-verbal")
	tab.StepDialog.Submit()
	f.env.Wait()
	if got := f.stored(t, f.one.ID).Status; got != meeting.MinutesApproved {
		t.Fatalf("reopened without a reason: status %q", got)
	}
	test.Type(tab.StepWhy, "Erreur matérielle sur le montant du point 2")
	tab.StepDialog.Submit()
	f.env.Wait()
	if got := f.stored(t, f.one.ID).Status; got != meeting.MinutesDraft {
		t.Fatalf("after reopening: status %q", got)
	}
	lines := strings.Split(tab.History.Text, "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "• Soumis pour approbation par une personne non nommée le ") ||
		!strings.HasPrefix(lines[1], "• Approuvé par Claire Martin le ") ||
		!strings.HasSuffix(lines[2], " : « Erreur matérielle sur le montant du point 2 »") {
		t.Errorf("history in French: %q", tab.History.Text)
	}
}
