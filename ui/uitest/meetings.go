package uitest

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"quorum/ui/uikit"
)

// TopButton returns the button labelled text on the dialog or pop-up on
// top of env's window; the test fails when there is none.
func TopButton(t testing.TB, env *uikit.Env, text string) *widget.Button {
	t.Helper()
	list := Overlays(env)
	if len(list) == 0 {
		t.Fatalf("no dialog, so no button %q", text)
	}
	return Button(t, list[len(list)-1], text)
}

// Screen is what every screen and tab offers the window.
type Screen interface {
	Content() fyne.CanvasObject
	Reload()
}

// Load shows s in env's window and waits until it has read the store.
func Load(env *uikit.Env, s Screen) {
	Show(env, s.Content())
	s.Reload()
	env.Wait()
}

// Must stops the test when err is not nil.
func Must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
