// Package ui is Quorum's desktop window, built with Fyne: a sidebar with
// the meetings, actions, people, series and settings, a search field, and
// the workspace of the meeting being prepared.
package ui

import (
	"context"
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"quorum/assets"
	"quorum/meeting"
	"quorum/ui/papers"
	"quorum/ui/uikit"
)

// AppID identifies Quorum to the desktop and names its settings folder;
// it matches FyneApp.toml.
const AppID = "org.quorum.desktop"

// Options change how the window starts.
type Options struct {
	// Started is when the process started: with Timing, the window says
	// on standard error how long its first frame took from then.
	Started time.Time
	Timing  bool
	// Screenshots, when set, makes the window show each main screen of
	// meeting TourMeeting in turn, write a PNG of each into that folder,
	// and close.
	Screenshots string
	TourMeeting int64
	// Open opens another database for the window (Settings' Open
	// another database): locked for this window, else read-only.
	Open func(path string) (*meeting.Store, error)
	// Script, when set, names a file of steps that drive the window as
	// a user would (see runScript), for the end-to-end check.
	Script string
}

// Run opens Quorum's main window on st and returns when the user closes it.
func Run(st *meeting.Store, o Options) error {
	a := app.NewWithID(AppID)
	a.SetIcon(assets.Icon)
	prefs := uikit.NewPrefs(a.Preferences())
	useLanguage(prefs.Language())
	if err := assets.LoadTranslations(); err != nil {
		// The translations are built in; without them the window is
		// still usable, in English.
		fyne.LogError("Cannot load the translations", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := a.NewWindow("Quorum")
	env := &uikit.Env{Ctx: ctx, Window: w, Prefs: prefs, ReadOnly: st.ReadOnly()}
	mw := newMainWindow(env, st)
	var opened []*meeting.Store
	mw.open, mw.opened = o.Open, &opened
	defer func() {
		for _, s := range opened {
			s.Close()
		}
	}()
	defer func() {
		cancel() // stops the papers' examiner before its files go
		papers.Cleanup()
	}()
	mw.restore()
	mw.startChecks()
	var tourErr error
	a.Lifecycle().SetOnStarted(func() {
		go func() {
			if o.Timing {
				fmt.Fprintf(os.Stderr, "quorum: first frame after %d ms\n", mw.firstFrame(o.Started).Milliseconds())
			}
			switch {
			case o.Screenshots != "":
				tourErr = mw.tour(o.Screenshots, o.TourMeeting)
			case o.Script != "":
				if tourErr = mw.runScript(o.Script); tourErr != nil {
					fyne.Do(mw.onClose)
				}
			}
		}()
	})
	w.ShowAndRun()
	return tourErr
}

// useLanguage makes the window speak l ("fr", "en"), whatever the
// system's language, when the user chose one in the settings. The
// choice is read from the environment as the system's language is.
func useLanguage(l string) {
	locale := map[string]string{uikit.LanguageFrench: "fr_FR.UTF-8", uikit.LanguageEnglish: "en_GB.UTF-8"}[l]
	if locale == "" {
		return
	}
	os.Setenv("LC_ALL", locale)
	os.Setenv("LANGUAGE", l)
}
