package uitest

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quorum/ui/uikit"
)

// TopOverlayText is the text of the labels of the dialog or pop-up on
// top of env's window, one label a line ("" when there is none): what
// the user reads in it.
func TopOverlayText(env *uikit.Env) string {
	top := env.Window.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var lines []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widget.Label:
			lines = append(lines, o.Text)
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	return strings.Join(lines, "\n")
}
