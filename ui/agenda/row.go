package agenda

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// indent is the room each level of the agenda takes on the left.
const indent = 24

// row shows one item in the list: its number, indented by its level, its
// title, whether it is confidential, its planned start and its duration.
type row struct {
	widget.BaseWidget
	pad          *canvas.Rectangle
	number       *widget.Label
	title        *widget.Label
	confidential *widget.Icon
	start        *widget.Label
	minutes      *widget.Label
}

func newRow() fyne.CanvasObject {
	r := &row{
		pad:          canvas.NewRectangle(color.Transparent),
		number:       widget.NewLabel(""),
		title:        widget.NewLabel(""),
		confidential: widget.NewIcon(theme.VisibilityOffIcon()),
		start:        widget.NewLabel(""),
		minutes:      widget.NewLabel(""),
	}
	r.number.TextStyle.Bold = true
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.minutes.Alignment = fyne.TextAlignTrailing
	r.ExtendBaseWidget(r)
	return r
}

func (r *row) CreateRenderer() fyne.WidgetRenderer {
	left := container.NewHBox(r.pad, r.number)
	right := container.NewHBox(r.confidential, r.start, container.NewGridWrap(fyne.NewSize(72, r.minutes.MinSize().Height), r.minutes))
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, left, right, r.title))
}

func (r *row) show(it *meeting.AgendaItem) {
	// Only what changed is set: a label shapes its text anew on each
	// SetText, and the list shows every row again at each keystroke in a
	// duration.
	pad := fyne.NewSize(float32(it.Level*indent), 0)
	if r.pad.MinSize() != pad || r.confidential.Hidden == it.Confidential {
		r.pad.SetMinSize(pad)
		r.confidential.Hidden = !it.Confidential
		r.Refresh() // lays the row out anew
	}
	set(r.number, it.Number)
	set(r.title, it.Title)
	set(r.start, it.Start.Format("15:04"))
	set(r.minutes, uikit.FormatMinutes(it.Minutes))
}

func set(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}
