package uitest

import (
	"testing"

	"fyne.io/fyne/v2"

	"quorum/ui/uikit"
)

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
