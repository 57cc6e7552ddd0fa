package uikit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// FixedWidth shows o at width w, whatever its own width, and as tall as
// it needs at that width (wrapped text keeps all its lines), so that the
// cells of a column line up from row to row.
func FixedWidth(w float32, o fyne.CanvasObject) *fyne.Container {
	return container.New(columnWidth(w), o)
}

type columnWidth float32

func (c columnWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		// Wrapped text is taller when narrower: size the width first.
		o.Resize(fyne.NewSize(float32(c), o.MinSize().Height))
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(c), h)
}

func (c columnWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

// Paragraph is text wrapped at width, as tall as its lines need: a
// message in a dialog keeps all its lines.
func Paragraph(text string, width float32) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return FixedWidth(width, l)
}
