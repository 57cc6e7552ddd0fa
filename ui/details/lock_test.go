package details

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

func TestApprovedMinutesLockTheFieldsUntilReopened(t *testing.T) {
	f := newFixture(t)
	uitest.ApproveMinutes(t, f.st, f.one.ID)
	tab := f.open(t, f.one.ID)

	// Everything greyed but the Reopen button, under the banner.
	if got := uitest.Enabled(tab.Content()); !slices.Equal(got, []string{`button "Reopen the minutes"`}) {
		t.Errorf("a locked meeting's details let the user change %q", got)
	}
	if !tab.lock.Visible() || tab.lock.Text != uikit.LockedText() {
		t.Errorf("banner shown %v: %q", tab.lock.Visible(), tab.lock.Text)
	}
	test.Type(tab.title.entry, " bis")
	tab.classification.SetSelected(uikit.ClassificationLabel(meeting.Confidential))
	f.env.Wait()
	if got := f.stored(t, f.one.ID); got.Title != "CODIR de mars" || got.Classification == meeting.Confidential {
		t.Errorf("a locked meeting was changed: %q, %s", got.Title, got.Classification)
	}

	// Reopened here, with a reason: the fields are editable at once.
	f.button(t, "Reopen the minutes")
	test.Type(tab.StepWhy, "Erreur matérielle au point 2")
	tab.StepDialog.Submit()
	f.env.Wait()
	if got := f.stored(t, f.one.ID).Status; got != meeting.MinutesDraft {
		t.Fatalf("after reopening: status %q", got)
	}
	if tab.lock.Visible() || tab.title.entry.Disabled() || tab.notes.entry.Disabled() || tab.classification.Disabled() || tab.number.entry.Disabled() {
		t.Errorf("reopened, the details stay locked: banner %v, title disabled %v", tab.lock.Visible(), tab.title.entry.Disabled())
	}
	if got := uitest.Enabled(tab.Content()); !slices.Contains(got, `entry "CODIR de mars"`) || !slices.Contains(got, `entry "Salle du conseil"`) {
		t.Errorf("reopened, the editable widgets are only %q", got)
	}
	retype(tab.title.entry, "CODIR de mars (corrigé)")
	f.env.Wait()
	if got := f.stored(t, f.one.ID).Title; got != "CODIR de mars (corrigé)" {
		t.Errorf("title after reopening = %q", got)
	}
}

func TestApprovedHereLocksAtOnceInFrench(t *testing.T) {
	uitest.French(t)
	f := newFixture(t)
	uitest.SubmitMinutes(t, f.st, f.one.ID)
	tab := f.open(t, f.one.ID)
	if tab.lock.Visible() || tab.title.entry.Disabled() {
		t.Fatal("submitted minutes lock the details")
	}
	f.button(t, "Approuver le procès-verbal")
	test.Type(tab.StepBy, "Claire Martin, présidente")
	tab.StepDialog.Submit()
	f.env.Wait()
	want := "Le procès-verbal est approuvé : cette réunion ne peut plus être modifiée. Pour la corriger, rouvrez le procès-verbal dans Informations (le motif est conservé)."
	if !tab.lock.Visible() || tab.lock.Text != want {
		t.Errorf("banner after approving here: shown %v, %q", tab.lock.Visible(), tab.lock.Text)
	}
	if got := uitest.Enabled(tab.Content()); !slices.Equal(got, []string{`button "Rouvrir le procès-verbal"`}) {
		t.Errorf("approved here, the details let the user change %q", got)
	}
}
