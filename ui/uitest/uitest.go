// Package uitest helps the window's tests: a store in a temporary folder,
// the environment a screen is built in, and the user's language.
package uitest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"quorum/assets"
	"quorum/meeting"
	"quorum/ui/uikit"
)

// Store opens a new, empty database in a temporary folder, closed when
// the test ends.
func Store(t testing.TB) *meeting.Store {
	t.Helper()
	st, err := meeting.Open(filepath.Join(t.TempDir(), "quorum.db"))
	if err != nil {
		t.Fatalf("open the store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Nav records where the screens asked the window to go.
type Nav struct {
	Meeting  int64
	Tab      string
	Sections []uikit.Section
}

// OpenMeeting records the meeting and tab asked for.
func (n *Nav) OpenMeeting(id int64, tab string) { n.Meeting, n.Tab = id, tab }

// ShowSection records the section asked for.
func (n *Nav) ShowSection(s uikit.Section) { n.Sections = append(n.Sections, s) }

// Env starts a test app and returns an environment with a test window
// of 1000×700, in-memory preferences and a Nav recording navigation.
// Show puts a screen's content in the window.
func Env(t testing.TB) (*uikit.Env, *Nav) {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1000, 700))
	ctx, cancel := context.WithCancel(context.Background())
	nav := &Nav{}
	env := &uikit.Env{Ctx: ctx, Window: w, Prefs: uikit.NewPrefs(a.Preferences()), Nav: nav}
	t.Cleanup(func() {
		env.Wait()
		cancel()
	})
	return env, nav
}

// Show puts content in env's window, at the window's size.
func Show(env *uikit.Env, content fyne.CanvasObject) {
	env.Window.SetContent(content)
	env.Window.Resize(fyne.NewSize(1000, 700))
}

// French makes lang speak French for the rest of the test, as for a
// user whose system is in French; English comes back afterwards.
func French(t testing.TB) { speak(t, "fr_FR.UTF-8") }

// English makes lang speak English for the test.
func English(t testing.TB) { speak(t, "en_GB.UTF-8") }

func speak(t testing.TB, loc string) {
	t.Helper()
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LC_ALL", loc)
	if err := assets.LoadTranslations(); err != nil {
		t.Fatalf("load the translations: %v", err)
	}
	t.Cleanup(func() {
		// t.Setenv restores the variables after this cleanup has run;
		// reload in English now so that the next test starts in it.
		os.Setenv("LC_ALL", "en_GB.UTF-8")
		_ = assets.LoadTranslations()
	})
}

// Overlays returns the dialogs and pop-ups now over env's window, the top
// one last.
func Overlays(env *uikit.Env) []fyne.CanvasObject {
	return env.Window.Canvas().Overlays().List()
}
