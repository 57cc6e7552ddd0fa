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
	r.pad.SetMinSize(fyne.NewSize(float32(it.Level*indent), 0))
	r.number.SetText(it.Number)
	r.title.SetText(it.Title)
	r.confidential.Hidden = !it.Confidential
	r.start.SetText(it.Start.Format("15:04"))
	r.minutes.SetText(uikit.FormatMinutes(it.Minutes))
	r.Refresh()
}
