package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"quorum/meeting"
	"quorum/ui/actions"
	"quorum/ui/agenda"
	"quorum/ui/attendees"
	"quorum/ui/details"
	"quorum/ui/live"
	"quorum/ui/meetings"
	"quorum/ui/minutes"
	"quorum/ui/papers"
	"quorum/ui/people"
	"quorum/ui/print"
	"quorum/ui/search"
	"quorum/ui/series"
	"quorum/ui/settings"
	"quorum/ui/uikit"
	"quorum/ui/workspace"
)

// buildSection builds the screen of one sidebar section.
func (mw *mainWindow) buildSection(s uikit.Section) screen {
	env, st := mw.env, mw.st
	switch s {
	case uikit.Actions:
		return actions.New(env, st)
	case uikit.People:
		return people.New(env, st)
	case uikit.SeriesSection:
		return series.New(env, st)
	case uikit.SettingsPage:
		var open func(string)
		if mw.open != nil {
			open = mw.openDatabase
		}
		return settings.New(env, st, backups{st}, open)
	}
	return meetings.New(env, st)
}

// backups makes the Settings' Back up now write a dated copy beside the
// database.
type backups struct{ st *meeting.Store }

func (b backups) BackupNow(ctx context.Context) (string, error) {
	return b.st.BackupNow(ctx, time.Now())
}

// workspaceTabs lists the tabs of a meeting's workspace.
func (mw *mainWindow) workspaceTabs() []workspace.TabSpec {
	env, st := mw.env, mw.st
	// header reads the workspace's header again after a tab changed the
	// meeting's status.
	header := func() {
		if mw.ws != nil {
			mw.ws.Reload()
		}
	}
	return []workspace.TabSpec{
		{ID: uikit.TabDetails, Title: lang.L("Details"), Icon: theme.InfoIcon(), New: func(id int64) workspace.Tab {
			t := details.New(env, st, id)
			t.OnChanged = header
			return t
		}},
		{ID: uikit.TabAttendees, Title: lang.L("Attendees"), Icon: theme.AccountIcon(), New: func(id int64) workspace.Tab {
			return attendees.New(env, st, id)
		}},
		{ID: uikit.TabAgenda, Title: lang.L("Agenda"), Icon: theme.ListIcon(), New: func(id int64) workspace.Tab {
			return agenda.New(env, st, id)
		}},
		{ID: uikit.TabPapers, Title: lang.L("Papers"), Icon: theme.FileIcon(), New: func(id int64) workspace.Tab {
			return papers.New(env, st, id)
		}},
		{ID: uikit.TabLive, Title: lang.L("Live"), Icon: theme.MediaPlayIcon(), New: func(id int64) workspace.Tab {
			t := live.New(env, st, id)
			t.OnChanged = header
			return t
		}},
		{ID: uikit.TabMinutes, Title: lang.L("Minutes"), Icon: theme.DocumentCreateIcon(), New: func(id int64) workspace.Tab {
			return minutes.New(env, st, id)
		}},
		{ID: uikit.TabPrint, Title: lang.L("Print"), Icon: theme.DocumentPrintIcon(), New: func(id int64) workspace.Tab {
			return print.New(env, st, id)
		}},
	}
}

// newSearchResults shows what text finds.
func (mw *mainWindow) newSearchResults(text string) screen {
	return search.New(mw.env, mw.st, text)
}
