package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/workspace"
)

// pending stands for a screen not wired yet.
type pending struct{ l *widget.Label }

func (p pending) Content() fyne.CanvasObject { return p.l }
func (p pending) Reload()                    {}

func newPending(what string) pending { return pending{widget.NewLabel(what)} }

// buildSection builds the screen of one sidebar section.
func buildSection(env *uikit.Env, st *meeting.Store, s uikit.Section) screen {
	return newPending(sectionTitle(s))
}

// workspaceTabs lists the tabs of a meeting's workspace.
func workspaceTabs(env *uikit.Env, st *meeting.Store) []workspace.TabSpec {
	tab := func(id, title string, icon fyne.Resource) workspace.TabSpec {
		return workspace.TabSpec{ID: id, Title: title, Icon: icon, New: func(int64) workspace.Tab { return newPending(title) }}
	}
	return []workspace.TabSpec{
		tab(uikit.TabDetails, lang.L("Details"), theme.InfoIcon()),
		tab(uikit.TabAttendees, lang.L("Attendees"), theme.AccountIcon()),
		tab(uikit.TabAgenda, lang.L("Agenda"), theme.ListIcon()),
		tab(uikit.TabPapers, lang.L("Papers"), theme.FileIcon()),
		tab(uikit.TabMinutes, lang.L("Minutes"), theme.DocumentCreateIcon()),
		tab(uikit.TabPrint, lang.L("Print"), theme.DocumentPrintIcon()),
	}
}

// newSearchResults shows what text finds.
func newSearchResults(env *uikit.Env, st *meeting.Store, text string) screen {
	return newPending(text)
}
