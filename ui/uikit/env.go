// Package uikit holds what every screen of Quorum's window shares: the
// environment a screen is built in (window, preferences, navigation,
// background work), the wording of errors, labels of the domain's choices,
// and the fields that read dates, times and durations.
package uikit

import (
	"context"
	"errors"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"quorum/meeting"
)

// Navigator moves the window to another place; the main window
// implements it and screens call it to jump where something lives.
type Navigator interface {
	// OpenMeeting shows the workspace of a meeting on one of its tabs
	// (TabDetails, TabAgenda …; "" keeps the last one).
	OpenMeeting(id int64, tab string)
	// ShowSection shows one of the sidebar's sections.
	ShowSection(s Section)
}

// Section is one place of the sidebar.
type Section string

// The sections of the sidebar, in their order.
const (
	Meetings      Section = "meetings"
	Actions       Section = "actions"
	People        Section = "people"
	SeriesSection Section = "series"
	SettingsPage  Section = "settings"
)

// The tabs of a meeting's workspace.
const (
	TabDetails   = "details"
	TabAttendees = "attendees"
	TabAgenda    = "agenda"
	TabPapers    = "papers"
	TabLive      = "live"
	TabMinutes   = "minutes"
	TabPrint     = "print"
)

// Env is what a screen is built with.
type Env struct {
	Ctx      context.Context
	Window   fyne.Window
	Prefs    *Prefs
	Nav      Navigator
	ReadOnly bool // another Quorum holds the database: show, never write

	work   sync.WaitGroup
	mu     sync.Mutex
	savers []*Saver
}

// Go runs fn off the UI thread; fn applies what it found with fyne.Do.
// Wait returns once every such function has returned.
func (e *Env) Go(fn func()) {
	e.work.Add(1)
	go func() {
		defer e.work.Done()
		fn()
	}()
}

// Wait blocks until the work started with Go has finished and the
// changes waiting in savers are saved. Tests call it before they look.
func (e *Env) Wait() {
	e.FlushAll()
	e.work.Wait()
}

// Load runs load off the UI thread, then apply on it with the result;
// a failure is shown to the user instead.
func Load[T any](e *Env, load func(ctx context.Context) (T, error), apply func(T)) {
	e.Go(func() {
		v, err := load(e.Ctx)
		if errors.Is(err, context.Canceled) {
			return
		}
		do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			apply(v)
		})
	})
}

// applying keeps the results of background work from being applied two at
// a time. The window's driver runs them one by one on its UI thread
// already; Fyne's test driver runs each on the goroutine that asks, so
// without it two screens reading at once (a tab and the one it embeds)
// would lay out the same widgets together.
var applying sync.Mutex

// do runs fn on the UI thread, one result at a time.
func do(fn func()) { fyne.Do(applied(fn)) }

// doAndWait runs fn as do does and returns once it has run.
func doAndWait(fn func()) { fyne.DoAndWait(applied(fn)) }

func applied(fn func()) func() {
	return func() {
		applying.Lock()
		defer applying.Unlock()
		fn()
	}
}

// ShowError tells the user, in their language, what went wrong. It must
// be called on the UI thread.
func (e *Env) ShowError(err error) {
	if err == nil || e.Window == nil {
		return
	}
	box := Paragraph(ErrorText(err), 420)
	d := dialog.NewCustom(lang.L("Not saved"), lang.L("OK"), box, e.Window)
	if meeting.ErrorCode(err) != meeting.EINVALID && meeting.ErrorCode(err) != meeting.ECONFLICT {
		d = dialog.NewCustom(lang.L("Something went wrong"), lang.L("OK"), box, e.Window)
	}
	d.Show()
}

// ErrorText is the sentence the user reads for err: a rule the change
// broke, the database busy or full, or what failed.
func ErrorText(err error) string {
	var me *meeting.Error
	if !errors.As(err, &me) {
		return lang.L("Quorum could not do this: {{.Error}}", map[string]any{"Error": err.Error()})
	}
	msg := lang.L(me.Message)
	switch me.Code {
	case meeting.EINVALID:
		if me.Field != "" {
			return lang.L("{{.Field}}: {{.Message}}", map[string]any{"Field": FieldLabel(me.Field), "Message": msg})
		}
	case meeting.EBUSY:
		return lang.L("The database is busy (another Quorum or a backup is writing to it). Try again in a moment.")
	case meeting.ENOTFOUND:
		return lang.L("This record no longer exists; it may have been deleted.")
	}
	return msg
}

// FieldLabel is the user's word for a field named in a store error
// ("title", "starts", "agenda[2].minutes" …).
func FieldLabel(field string) string {
	return lang.L(field)
}

// Inform shows the user a short message that is not a failure. It must
// be called on the UI thread.
func (e *Env) Inform(text string) {
	if e.Window == nil {
		return
	}
	box := Paragraph(text, 420)
	dialog.NewCustom("Quorum", lang.L("OK"), box, e.Window).Show()
}
