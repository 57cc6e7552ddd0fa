package uitest

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quorum/ui/uikit"
)

// Texts joins, one a line, the texts of the labels shown under o (a
// dialog from Overlays, a screen's content).
func Texts(o fyne.CanvasObject) string {
	var out []string
	Walk(o, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			out = append(out, l.Text)
		}
	})
	return strings.Join(out, "\n")
}

// Button returns the button labelled text under o; the test fails when
// there is none.
func Button(t testing.TB, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	Walk(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}

// Walk calls fn on o and on every object drawn under it.
func Walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			Walk(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			Walk(c, fn)
		}
	}
}

// Top is the dialog or pop-up on top of env's window, nil when there is none.
func Top(env *uikit.Env) fyne.CanvasObject {
	return env.Window.Canvas().Overlays().Top()
}

// TopButton returns the button labelled text of the dialog over env's
// window; the test fails when there is none.
func TopButton(t testing.TB, env *uikit.Env, text string) *widget.Button {
	t.Helper()
	top := Top(env)
	if top == nil {
		t.Fatalf("no dialog, so no button %q", text)
	}
	return Button(t, top, text)
}

// TapDialogButton taps the button labelled label of the dialog over
// env's window, as a user would; the test fails without one.
func TapDialogButton(t testing.TB, env *uikit.Env, label string) {
	t.Helper()
	test.Tap(TopButton(t, env, label))
}

// TopOverlayText is the text of the labels of the dialog on top of env's
// window, one label a line ("" when there is none): what the user reads.
func TopOverlayText(env *uikit.Env) string {
	top := Top(env)
	if top == nil {
		return ""
	}
	return Texts(top)
}
