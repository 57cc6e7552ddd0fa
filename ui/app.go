// Package ui is Quorum's desktop window, built with Fyne.
package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quorum/assets"
	"quorum/meeting"
)

// AppID identifies Quorum to the desktop and names its settings folder;
// it matches FyneApp.toml.
const AppID = "org.quorum.desktop"

// Run opens Quorum's main window on st and returns when the user closes it.
func Run(st *meeting.Store) error {
	a := app.NewWithID(AppID)
	a.SetIcon(assets.Icon)
	if err := assets.LoadTranslations(); err != nil {
		// The translations are built in; without them the window is
		// still usable, in English.
		fyne.LogError("Cannot load the translations", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	w := a.NewWindow("Quorum")
	w.SetContent(newHome(ctx, st).content)
	w.Resize(fyne.NewSize(1000, 700))
	w.CenterOnScreen()
	w.ShowAndRun()
	return nil
}

// meetingLister is what the home screen needs from the store.
type meetingLister interface {
	ListMeetings(ctx context.Context, f meeting.MeetingFilter) ([]*meeting.Meeting, error)
	Path() string
}

// home is the placeholder shown until the real screens land: the name of
// the app, the database in use and how many meetings it holds.
type home struct {
	content fyne.CanvasObject
	status  *widget.Label // the count of meetings, or why it is missing

	// loaded is closed once status shows the result of the count.
	loaded chan struct{}
}

// newHome builds the home screen and starts counting the meetings of st
// in the background; the count appears when it is known.
func newHome(ctx context.Context, st meetingLister) *home {
	h := &home{loaded: make(chan struct{})}

	icon := canvas.NewImageFromResource(assets.Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(96))

	name := widget.NewLabel("Quorum")
	name.SizeName = theme.SizeNameHeadingText
	name.TextStyle.Bold = true
	name.Alignment = fyne.TextAlignCenter

	tagline := widget.NewLabel(lang.L("Prepare your meetings: agendas, attendees, papers, minutes and actions."))
	tagline.Alignment = fyne.TextAlignCenter
	tagline.Wrapping = fyne.TextWrapWord

	dbTitle := widget.NewLabel(lang.L("Database"))
	dbTitle.TextStyle.Bold = true
	dbPath := widget.NewLabel(st.Path())
	dbPath.Selectable = true
	dbPath.Wrapping = fyne.TextWrapBreak

	h.status = widget.NewLabel(lang.L("Counting the meetings…"))
	h.status.Wrapping = fyne.TextWrapWord

	notice := widget.NewLabel(lang.L("This early version only opens the database. The screens to prepare meetings will come in a later version."))
	notice.TextStyle.Italic = true
	notice.Wrapping = fyne.TextWrapWord

	body := container.NewVBox(
		container.NewCenter(icon),
		name,
		tagline,
		widget.NewSeparator(),
		container.New(layout.NewFormLayout(), dbTitle, dbPath),
		h.status,
		widget.NewSeparator(),
		notice,
	)
	h.content = container.NewPadded(container.New(column{width: 640}, body))

	go h.count(ctx, st)
	return h
}

// count reads the meetings of st off the UI thread and shows how many
// there are, or why they could not be read.
func (h *home) count(ctx context.Context, st meetingLister) {
	ms, err := st.ListMeetings(ctx, meeting.MeetingFilter{})
	fyne.Do(func() {
		defer close(h.loaded)
		switch {
		case err != nil:
			h.status.Importance = widget.DangerImportance
			h.status.SetText(lang.L("The meetings could not be read: {{.Error}}",
				map[string]any{"Error": meeting.ErrorMessage(err)}))
		case len(ms) == 0:
			h.status.SetText(lang.L("No meetings yet."))
		default:
			h.status.SetText(lang.N("{{.Count}} meetings", len(ms), map[string]any{"Count": len(ms)}))
		}
	})
}

// column lays out one object centred in the space it is given, no wider
// than width, so that lines of text stay easy to read in a wide window.
type column struct{ width float32 }

func (c column) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if len(objects) == 0 {
		return fyne.Size{}
	}
	return objects[0].MinSize()
}

func (c column) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if len(objects) == 0 {
		return
	}
	o := objects[0]
	w := min(c.width, size.Width)
	// Wrapped text is taller when narrower: size the width first, then
	// ask for the height that width needs.
	o.Resize(fyne.NewSize(w, o.MinSize().Height))
	h := o.MinSize().Height
	o.Resize(fyne.NewSize(w, h))
	o.Move(fyne.NewPos((size.Width-w)/2, max(0, (size.Height-h)/2)))
}
