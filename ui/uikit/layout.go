package uikit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// fixedWidth lays out one object at a given width and the height that
// width needs: wrapped text in a dialog keeps all its lines.
type fixedWidth struct{ width float32 }

func (f fixedWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if len(objects) == 0 {
		return fyne.Size{}
	}
	o := objects[0]
	// Wrapped text is taller when narrower: size the width first, then
	// ask for the height that width needs.
	o.Resize(fyne.NewSize(f.width, o.MinSize().Height))
	return fyne.NewSize(f.width, o.MinSize().Height)
}

func (f fixedWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Resize(fyne.NewSize(size.Width, size.Height))
		o.Move(fyne.Position{})
	}
}

// Paragraph is text wrapped at width, as tall as its lines need.
func Paragraph(text string, width float32) (fyne.CanvasObject, *widget.Label) {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return container.New(fixedWidth{width: width}, l), l
}
