// Package search shows what the window's search field finds: meetings,
// agenda items, decisions, actions, people and papers of every year,
// grouped by kind, each opening where it lives.
package search

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

// Store is what the search results read.
type Store interface {
	Search(ctx context.Context, text string, limit int) ([]meeting.SearchHit, error)
}

// PerKind is how many hits of each kind are shown.
const PerKind = 25

// Screen is the list of results of one search.
type Screen struct {
	env  *uikit.Env
	st   Store
	text string

	Summary *widget.Label
	Hits    []*widget.Button // one per hit, in the order shown
	list    *fyne.Container
	content fyne.CanvasObject
	hits    []meeting.SearchHit
}

// New returns the results screen for text; Reload runs the search.
func New(env *uikit.Env, st Store, text string) *Screen {
	s := &Screen{env: env, st: st, text: text}
	s.Summary = uikit.Heading("")
	s.list = container.NewVBox()
	s.content = container.NewBorder(container.NewVBox(s.Summary, widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(s.list))
	return s
}

// Content is the screen's content.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// Reload runs the search again.
func (s *Screen) Reload() {
	text := s.text
	uikit.Load(s.env, func(ctx context.Context) ([]meeting.SearchHit, error) {
		return s.st.Search(ctx, text, PerKind)
	}, s.show)
}

// kindTitle is the heading of a group of hits.
func kindTitle(k meeting.SearchKind) string {
	switch k {
	case meeting.MeetingHit:
		return lang.L("Meetings")
	case meeting.ItemHit:
		return lang.L("Agenda items")
	case meeting.DecisionHit:
		return lang.L("Decisions")
	case meeting.ActionHit:
		return lang.L("Actions")
	case meeting.PersonHit:
		return lang.L("People")
	case meeting.PaperHit:
		return lang.L("Papers")
	}
	return string(k)
}

func (s *Screen) show(hits []meeting.SearchHit) {
	s.hits = hits
	s.Hits = nil
	s.list.RemoveAll()
	if len(hits) == 0 {
		s.Summary.SetText(lang.L("Nothing found for “{{.Text}}”.", map[string]any{"Text": s.text}))
		return
	}
	s.Summary.SetText(lang.N("{{.Count}} results for “{{.Text}}”", len(hits), map[string]any{"Count": len(hits), "Text": s.text}))
	var kind meeting.SearchKind
	for _, h := range hits {
		if h.Kind != kind {
			kind = h.Kind
			s.list.Add(uikit.Heading(kindTitle(kind)))
		}
		b := widget.NewButtonWithIcon(label(h), icon(h.Kind), func() { s.open(h) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		s.Hits = append(s.Hits, b)
		s.list.Add(b)
		if h.Snippet != "" {
			snip := widget.NewLabel("    " + h.Snippet)
			snip.Truncation = fyne.TextTruncateEllipsis
			snip.TextStyle.Italic = true
			s.list.Add(snip)
		}
	}
}

// label is one line naming a hit and where it lives.
func label(h meeting.SearchHit) string {
	where := h.MeetingTitle
	if h.Reference != "" {
		where = h.Reference + " " + where
	}
	if !h.Starts.IsZero() {
		where = uikit.FormatDate(meeting.DateOf(h.Starts)) + " · " + where
	}
	if h.Kind == meeting.MeetingHit || where == "" {
		if !h.Starts.IsZero() {
			return fmt.Sprintf("%s — %s", uikit.FormatDate(meeting.DateOf(h.Starts)), h.Title)
		}
		return h.Title
	}
	return fmt.Sprintf("%s — %s", h.Title, where)
}

func icon(k meeting.SearchKind) fyne.Resource {
	switch k {
	case meeting.MeetingHit:
		return theme.CalendarIcon()
	case meeting.ActionHit:
		return theme.ConfirmIcon()
	case meeting.PersonHit:
		return theme.AccountIcon()
	case meeting.PaperHit:
		return theme.FileIcon()
	}
	return theme.ListIcon()
}

// open goes where a hit lives: its meeting on the right tab, the actions,
// or the people.
func (s *Screen) open(h meeting.SearchHit) {
	nav := s.env.Nav
	switch {
	case h.Kind == meeting.PersonHit:
		nav.ShowSection(uikit.People)
	case h.MeetingID == 0:
		nav.ShowSection(uikit.Actions)
	case h.Kind == meeting.MeetingHit:
		nav.OpenMeeting(h.MeetingID, uikit.TabDetails)
	case h.Kind == meeting.ItemHit:
		nav.OpenMeeting(h.MeetingID, uikit.TabAgenda)
	case h.Kind == meeting.PaperHit:
		nav.OpenMeeting(h.MeetingID, uikit.TabPapers)
	default: // decisions and actions are kept in the minutes
		nav.OpenMeeting(h.MeetingID, uikit.TabMinutes)
	}
}
