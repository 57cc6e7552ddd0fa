package uitest

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quorum/ui/uikit"
)

// Shown puts a screen in env's window, waits until it has loaded and
// returns it: tab := uitest.Shown(env, minutes.New(env, st, id)).
func Shown[S interface{ Content() fyne.CanvasObject }](env *uikit.Env, s S) S {
	Show(env, s.Content())
	env.Wait()
	return s
}

// TopOverlay returns every object of the dialog over env's window (none
// when there is no dialog).
func TopOverlay(env *uikit.Env) []fyne.CanvasObject {
	overlays := Overlays(env)
	if len(overlays) == 0 {
		return nil
	}
	return test.LaidOutObjects(overlays[len(overlays)-1])
}

// TapDialogButton taps the button labelled label of the dialog over
// env's window, as a user would; the test fails without one.
func TapDialogButton(t testing.TB, env *uikit.Env, label string) {
	t.Helper()
	for _, o := range TopOverlay(env) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no dialog with a %q button", label)
}
