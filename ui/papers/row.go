package papers

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// Row is one paper in the list.
type Row struct {
	doc *meeting.Document

	InPack     *widget.Check
	Title      *widget.Entry
	TitleError *widget.Label
	Info       *widget.Label // file name, kind, pages, size
	Warning    *widget.Label // what is wrong with it, in red; hidden when nothing is
	Item       *widget.Select
	Up, Down   *widget.Button
	Open       *widget.Button
	Delete     *widget.Button

	saver   *uikit.Saver
	content fyne.CanvasObject
}

// newRow builds the row of a paper; fill shows the paper in it.
func (t *Tab) newRow() *Row {
	r := &Row{}
	r.InPack = widget.NewCheck(lang.L("In the pack"), func(on bool) {
		if t.filling {
			return
		}
		c := *r.doc
		c.InPack = on
		t.update(c, false)
		r.doc.InPack = on
	})

	r.Title = widget.NewEntry()
	r.Title.Validator = uikit.CheckTitle
	r.TitleError = widget.NewLabel("")
	r.TitleError.Importance = widget.DangerImportance
	r.TitleError.Wrapping = fyne.TextWrapWord
	r.TitleError.Hide()
	r.saver = t.env.NewSaver(func() {
		if uikit.CheckTitle(r.Title.Text) != nil {
			return // saved once it is right
		}
		c := *r.doc
		c.Title = strings.TrimSpace(r.Title.Text)
		t.update(c, false)
		r.doc.Title = c.Title
	})
	r.Title.OnChanged = func(s string) {
		shown := r.TitleError.Visible()
		if err := uikit.CheckTitle(s); err != nil {
			r.TitleError.SetText(err.Error())
			r.TitleError.Show()
		} else {
			r.TitleError.Hide()
		}
		if shown != r.TitleError.Visible() {
			uikit.Relayout(t.scroll)
		}
		if !t.filling {
			r.saver.Changed()
		}
	}

	r.Info = widget.NewLabel("")
	r.Info.Wrapping = fyne.TextWrapWord
	r.Warning = widget.NewLabel("")
	r.Warning.Importance = widget.DangerImportance
	r.Warning.Wrapping = fyne.TextWrapWord

	r.Item = widget.NewSelect(nil, func(string) {
		if t.filling {
			return
		}
		c := *r.doc
		c.ItemID = t.targets[r.Item.SelectedIndex()].item
		t.update(c, true)
	})

	r.Up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { t.moveWithin(r.doc, true) })
	r.Down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { t.moveWithin(r.doc, false) })
	r.Open = widget.NewButtonWithIcon(lang.L("Open"), theme.FileIcon(), func() { t.open(r.doc) })
	r.Delete = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { t.remove(r.doc) })

	buttons := container.NewHBox(r.Up, r.Down, r.Open, r.Delete)
	r.content = container.NewVBox(
		container.NewBorder(nil, nil, r.InPack, buttons, r.Title),
		r.TitleError,
		container.New(layout.NewFormLayout(), widget.NewLabel(lang.L("Attached to")), r.Item),
		r.Info,
		r.Warning,
		widget.NewSeparator(),
	)
	return r
}

// fill shows paper d in r; first and last say where it stands among its
// item's papers. A title being typed stays as the user left it.
func (t *Tab) fill(r *Row, d *meeting.Document, first, last bool) {
	t.filling = true
	defer func() { t.filling = false }()
	typing := r.doc != nil && r.Title.Text != r.doc.Title
	r.doc = d
	r.InPack.SetChecked(d.InPack)
	if !typing {
		r.Title.SetText(d.Title)
	}
	r.Info.SetText(t.info(d))
	r.Warning.SetText(strings.Join(t.warnings(d), "\n"))
	r.Warning.Hidden = r.Warning.Text == ""
	names := make([]string, len(t.targets))
	for i, g := range t.targets {
		names[i] = g.label
	}
	r.Item.SetOptions(names)
	r.Item.SetSelectedIndex(max(0, t.targetIndex(d.ItemID)))
	ok := t.editable()
	uikit.Enable(ok, r.InPack, r.Title, r.Item, r.Delete)
	uikit.Enable(ok && !first, r.Up)
	uikit.Enable(ok && !last, r.Down)
}
