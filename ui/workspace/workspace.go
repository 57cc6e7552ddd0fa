// Package workspace is the place where one meeting is prepared: a header
// naming the meeting, its date, status and classification, and one tab
// per part of the work (details, attendees, agenda, papers, minutes,
// print).
package workspace

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// Tab is one tab of the workspace.
type Tab interface {
	Content() fyne.CanvasObject
	Reload()
}

// Dropper is a tab that takes files dropped on the window.
type Dropper interface{ Drop(uris []fyne.URI) }

// Activator is a tab that binds keyboard shortcuts while it is shown.
type Activator interface {
	Activate()
	Deactivate()
}

// Closer is a tab with something to release when the meeting is closed.
type Closer interface{ Close() }

// TabSpec describes one tab: its id (uikit.TabDetails …), title, icon,
// and how to build it for a meeting.
type TabSpec struct {
	ID    string
	Title string
	Icon  fyne.Resource
	New   func(meetingID int64) Tab
}

// Store is what the workspace reads: the meeting for its header.
type Store interface {
	GetMeeting(ctx context.Context, id int64) (*meeting.Meeting, error)
}

// Workspace is one meeting's workspace.
type Workspace struct {
	env  *uikit.Env
	st   Store
	id   int64
	tabs []Tab
	spec []TabSpec

	title   *widget.Label
	summary *widget.Label
	status  *widget.Label
	level   *widget.Label // classification
	appTabs *container.AppTabs
	holders []*fyne.Container // each tab's content goes in its holder once built
	content fyne.CanvasObject
	shown   int // index of the tab shown, -1 before the first

	// OnClose runs when the user leaves the workspace with its button.
	OnClose func()
}

// New builds the workspace of meeting id with the given tabs; each tab is
// built the first time it is shown.
func New(env *uikit.Env, st Store, id int64, tabs []TabSpec) *Workspace {
	w := &Workspace{env: env, st: st, id: id, spec: tabs, tabs: make([]Tab, len(tabs)), shown: -1}
	w.title = widget.NewLabel("")
	w.title.TextStyle.Bold = true
	w.title.SizeName = theme.SizeNameSubHeadingText
	w.title.Truncation = fyne.TextTruncateEllipsis
	w.summary = widget.NewLabel("")
	w.summary.Truncation = fyne.TextTruncateEllipsis
	w.status = widget.NewLabel("")
	w.status.Importance = widget.HighImportance
	w.level = widget.NewLabel("")
	w.level.Importance = widget.WarningImportance

	back := widget.NewButtonWithIcon(lang.L("Meetings"), theme.NavigateBackIcon(), func() {
		if w.OnClose != nil {
			w.OnClose()
		}
	})
	back.Importance = widget.LowImportance

	items := make([]*container.TabItem, len(tabs))
	w.holders = make([]*fyne.Container, len(tabs))
	for i, t := range tabs {
		w.holders[i] = container.NewStack()
		items[i] = container.NewTabItemWithIcon(t.Title, t.Icon, w.holders[i])
	}
	w.appTabs = container.NewAppTabs(items...)
	w.appTabs.OnSelected = func(*container.TabItem) { w.show(w.appTabs.SelectedIndex()) }

	header := container.NewBorder(nil, nil, back, container.NewHBox(w.status, w.level),
		container.NewVBox(w.title, w.summary))
	w.content = container.NewBorder(container.NewVBox(header, widget.NewSeparator()), nil, nil, nil, w.appTabs)
	w.Reload()
	return w
}

// Content is the workspace's content.
func (w *Workspace) Content() fyne.CanvasObject { return w.content }

// MeetingID is the meeting the workspace shows.
func (w *Workspace) MeetingID() int64 { return w.id }

// Tab returns the tab with the given id, built if needed (nil if none).
func (w *Workspace) Tab(id string) Tab {
	for i, s := range w.spec {
		if s.ID == id {
			return w.build(i)
		}
	}
	return nil
}

// Select shows the tab with the given id; "" keeps the one shown, or
// the first.
func (w *Workspace) Select(id string) {
	for i, s := range w.spec {
		if s.ID == id {
			switch {
			case w.shown == i:
				w.tabs[i].Reload()
			case w.appTabs.SelectedIndex() == i: // selected, never shown
				w.show(i)
			default:
				w.appTabs.SelectIndex(i)
			}
			return
		}
	}
	if w.shown < 0 && len(w.spec) > 0 {
		w.show(0)
	}
}

func (w *Workspace) build(i int) Tab {
	if w.tabs[i] == nil {
		w.tabs[i] = w.spec[i].New(w.id)
		w.holders[i].Objects = []fyne.CanvasObject{w.tabs[i].Content()}
		w.holders[i].Refresh()
	}
	return w.tabs[i]
}

// show builds tab i if needed, saves what waits in the others, binds its
// shortcuts and reads it afresh from the store.
func (w *Workspace) show(i int) {
	if i < 0 || i >= len(w.spec) {
		return
	}
	w.env.FlushAll()
	if w.shown >= 0 && w.shown != i {
		if a, ok := w.tabs[w.shown].(Activator); ok {
			a.Deactivate()
		}
	}
	t := w.build(i)
	w.appTabs.Refresh()
	w.shown = i
	if a, ok := t.(Activator); ok {
		a.Activate()
	}
	t.Reload()
	w.Reload()
}

// Reload reads the header afresh: title, date, status, classification.
func (w *Workspace) Reload() {
	uikit.Load(w.env, func(ctx context.Context) (*meeting.Meeting, error) {
		return w.st.GetMeeting(ctx, w.id)
	}, w.setHeader)
}

func (w *Workspace) setHeader(m *meeting.Meeting) {
	w.title.SetText(m.Title)
	summary := uikit.FormatDate(meeting.DateOf(m.Starts)) + " · " + m.Starts.Format("15:04")
	if m.SeriesCode != "" {
		summary = fmt.Sprintf("%s n° %d · %s", m.SeriesCode, m.Number, summary)
	}
	if m.Place != "" {
		summary += " · " + m.Place
	}
	w.summary.SetText(summary)
	w.status.SetText(uikit.StatusLabel(m.Status))
	w.level.SetText(uikit.ClassificationLabel(m.Classification))
	if m.Classification == meeting.Public || m.Classification == meeting.Internal {
		w.level.Importance = widget.MediumImportance
	} else {
		w.level.Importance = widget.DangerImportance
	}
	w.level.Refresh()
}

// Drop gives dropped files to the first tab that takes them, and shows it.
func (w *Workspace) Drop(uris []fyne.URI) {
	for i := range w.spec {
		if d, ok := w.build(i).(Dropper); ok {
			w.appTabs.SelectIndex(i)
			d.Drop(uris)
			return
		}
	}
}

// Close releases what the tabs hold: shortcuts, temporary files.
func (w *Workspace) Close() {
	if w.shown >= 0 {
		if a, ok := w.tabs[w.shown].(Activator); ok {
			a.Deactivate()
		}
	}
	for _, t := range w.tabs {
		if c, ok := t.(Closer); ok {
			c.Close()
		}
	}
}

// Selected is the id of the tab shown ("" before the first).
func (w *Workspace) Selected() string {
	if w.shown < 0 {
		return ""
	}
	return w.spec[w.shown].ID
}
