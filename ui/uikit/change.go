package uikit

import (
	"context"
	"errors"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Change runs change off the UI thread, then done on it; when change
// fails, the user is told why and failed runs instead (either may be nil).
func Change(e *Env, change func(ctx context.Context) error, done, failed func()) {
	e.Go(func() {
		err := change(e.Ctx)
		if errors.Is(err, context.Canceled) {
			return
		}
		fyne.Do(func() {
			next := done
			if err != nil {
				e.ShowError(err)
				next = failed
			}
			if next != nil {
				next()
			}
		})
	})
}

// Heading is a bold label that heads a part of a screen.
func Heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// Writes runs a screen's saves off the UI thread one after the other, in
// the order they were asked for, so that an older state of a form never
// lands after a newer one. Its zero value is ready.
type Writes struct {
	mu     sync.Mutex
	turn   *sync.Cond
	asked  int // saves asked for (on the UI thread)
	passed int // saves that have run
}

// Run saves with save off the UI thread, after the saves asked before,
// then tells shown the outcome (nil when saved) on the UI thread. It is
// called on the UI thread.
func (w *Writes) Run(e *Env, save func(ctx context.Context) error, shown func(error)) {
	w.mu.Lock()
	if w.turn == nil {
		w.turn = sync.NewCond(&w.mu)
	}
	w.asked++
	mine := w.asked
	w.mu.Unlock()
	e.Go(func() {
		w.mu.Lock()
		for w.passed != mine-1 {
			w.turn.Wait()
		}
		err := save(e.Ctx)
		w.passed = mine
		w.turn.Broadcast()
		w.mu.Unlock()
		fyne.Do(func() { shown(err) })
	})
}
