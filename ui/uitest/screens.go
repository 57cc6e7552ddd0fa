package uitest

import (
	"fyne.io/fyne/v2"

	"quorum/ui/uikit"
)

// Shown puts a screen in env's window, waits until it has loaded and
// returns it: tab := uitest.Shown(env, minutes.New(env, st, id)).
func Shown[S interface{ Content() fyne.CanvasObject }](env *uikit.Env, s S) S {
	Show(env, s.Content())
	env.Wait()
	return s
}
