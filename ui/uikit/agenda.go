package uikit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// Relayout lays o out anew after something in it was shown or hidden,
// which Fyne does not do on its own. A scroll first takes its content's
// new size, then lays the content out.
func Relayout(o fyne.CanvasObject) {
	o.Refresh()
	if s, ok := o.(*container.Scroll); ok {
		s.Content.Refresh()
	}
}
