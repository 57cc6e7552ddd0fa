package uikit

import (
	"context"
	"errors"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// Writes runs a screen's changes to the store off the UI thread, one
// after the other in the order they were asked for, so that a later
// change never lands before an earlier one.
type Writes struct {
	env  *Env
	mu   sync.Mutex
	last chan struct{} // closed when the latest write asked for is done
}

// NewWrites returns a queue of writes of env.
func (e *Env) NewWrites() *Writes { return &Writes{env: e} }

// Do runs write after the writes asked for before it, then done on the UI
// thread with write's error, after the error has been shown to the user.
// done may be nil.
func (w *Writes) Do(write func(ctx context.Context) error, done func(err error)) {
	w.mu.Lock()
	prev, mine := w.last, make(chan struct{})
	w.last = mine
	w.mu.Unlock()
	w.env.Go(func() {
		defer close(mine)
		if prev != nil {
			<-prev
		}
		err := write(w.env.Ctx)
		if errors.Is(err, context.Canceled) { // the window is closing
			return
		}
		fyne.Do(func() {
			w.env.ShowError(err)
			if done != nil {
				done(err)
			}
		})
	})
}

// Relayout lays o out anew after something in it was shown or hidden,
// which Fyne does not do on its own. A scroll first takes its content's
// new size, then lays the content out.
func Relayout(o fyne.CanvasObject) {
	o.Refresh()
	if s, ok := o.(*container.Scroll); ok {
		s.Content.Refresh()
	}
}
