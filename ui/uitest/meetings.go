package uitest

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quorum/ui/uikit"
)

// visible calls fn on o and on every object under it that is shown.
func visible(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o)
	switch o := o.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			visible(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			visible(c, fn)
		}
	}
}

// ButtonIn returns the shown button under o that reads text, or nil.
func ButtonIn(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	visible(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	return found
}

// TopButton returns the button that reads text on the dialog or pop-up
// on top of env's window, or nil.
func TopButton(env *uikit.Env, text string) *widget.Button {
	list := Overlays(env)
	if len(list) == 0 {
		return nil
	}
	return ButtonIn(list[len(list)-1], text)
}

// TextIn returns every text shown under o (labels, buttons, entries …),
// one per line, for tests that check what the user reads.
func TextIn(o fyne.CanvasObject) string {
	var b strings.Builder
	visible(o, func(c fyne.CanvasObject) {
		if t, ok := c.(*canvas.Text); ok && t.Text != "" {
			b.WriteString(t.Text)
			b.WriteByte('\n')
		}
	})
	return b.String()
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
