package uikit_test

import (
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

func TestEditableOnlyWhenWritableAndNotApproved(t *testing.T) {
	env, _ := uitest.Env(t)
	approved, draft := &meeting.Meeting{Status: meeting.MinutesApproved}, &meeting.Meeting{Status: meeting.MinutesDraft}
	if !env.Editable(draft) || !env.Editable(nil) || env.Editable(approved) {
		t.Errorf("writable: draft %v, not read %v, approved %v", env.Editable(draft), env.Editable(nil), env.Editable(approved))
	}
	env.ReadOnly = true
	if env.Editable(draft) || env.Editable(nil) {
		t.Error("a read-only database is editable")
	}
}

func TestLockBannerShowsForApprovedMinutesOnly(t *testing.T) {
	env, _ := uitest.Env(t)
	b := uikit.NewLockBanner()
	e := widget.NewEntry()
	box := container.NewVBox(b, e)
	uitest.Show(env, box)
	if b.Visible() {
		t.Error("a new banner is shown")
	}
	b.Set(&meeting.Meeting{Status: meeting.MinutesApproved}, box)
	uikit.Enable(false, e)
	if !b.Visible() || b.Text != uikit.LockedText() || !e.Disabled() || e.Position().Y <= b.Position().Y {
		t.Errorf("approved: banner shown %v %q above the entry %v, entry disabled %v", b.Visible(), b.Text, e.Position(), e.Disabled())
	}
	b.Set(&meeting.Meeting{Status: meeting.MinutesDraft}, box)
	uikit.Enable(true, e)
	if b.Visible() || e.Disabled() || e.Position().Y != 0 {
		t.Errorf("reopened: banner shown %v, entry disabled %v at %v", b.Visible(), e.Disabled(), e.Position())
	}
	uitest.French(t)
	b.Set(&meeting.Meeting{Status: meeting.MinutesApproved}, box)
	if want := "Le procès-verbal est approuvé : cette réunion ne peut plus être modifiée. Pour la corriger, rouvrez le procès-verbal dans Informations (le motif est conservé)."; b.Text != want {
		t.Errorf("in French: %q", b.Text)
	}
}
