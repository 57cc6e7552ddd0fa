package agenda

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

func TestApprovedMinutesLockTheAgenda(t *testing.T) {
	uitest.English(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	id := newMeeting(t, st, "Budget", 20, ".Investissements", 10, "Questions diverses", 10)
	uitest.ApproveMinutes(t, st, id)
	tab := open(t, env, st, id)
	tab.List.Select(1)
	if got := uitest.Enabled(tab.Content()); len(got) != 0 {
		t.Errorf("a locked agenda can be changed with %q", got)
	}
	if !tab.Lock.Visible() || tab.Lock.Text != uikit.LockedText() || tab.Title.Text != ".Investissements" {
		t.Errorf("banner shown %v %q; item shown %q", tab.Lock.Visible(), tab.Lock.Text, tab.Title.Text)
	}
	// The shortcuts press disabled buttons no more than a click does.
	env.Window.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierAlt})
	env.Window.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt})
	env.Wait()
	if got := outline(t, st, id); got != "1 Budget; 1.1 .Investissements; 2 Questions diverses" {
		t.Fatalf("locked agenda changed: %s", got)
	}

	uitest.Must(t, st.ReopenMinutes(context.Background(), id, "", "Point ajouté en séance"))
	tab.Reload()
	env.Wait()
	if tab.Lock.Visible() || tab.Title.Disabled() || tab.Add.Disabled() || tab.Delete.Disabled() || tab.Out.Disabled() {
		t.Fatalf("reopened, the agenda stays locked: banner %v", tab.Lock.Visible())
	}
	if got := uitest.Enabled(tab.Content()); !slices.Contains(got, "*agenda.keyEntry") {
		t.Errorf("reopened, the form cannot be typed in: %q", got)
	}
	retype(tab.Title, "Investissements 2027")
	env.Wait()
	if got := agendaOf(t, st, id)[0].Items[0].Title; got != "Investissements 2027" {
		t.Errorf("title after reopening = %q", got)
	}
}
