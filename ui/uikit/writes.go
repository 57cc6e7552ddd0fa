package uikit

import (
	"context"
	"errors"
	"sync"
)

// Writes runs a screen's store calls off the UI thread one after the
// other, in the order they were asked for, so that an older state of a
// form never lands after a newer one and a reload reads what the changes
// asked before it wrote. Its zero value is ready.
type Writes struct {
	env  *Env // for Do; set by Env.NewWrites
	mu   sync.Mutex
	last chan struct{} // closed when the last call asked for has run
}

// NewWrites returns a queue of writes bound to e, for Do.
func (e *Env) NewWrites() *Writes { return &Writes{env: e} }

// Run runs call after the calls asked before it, then shown on the UI
// thread with its error (nil when it worked); shown tells the user of a
// failure. Without shown, a failure is shown in a dialog. Nothing is
// shown once the window is closing.
func (w *Writes) Run(e *Env, call func(ctx context.Context) error, shown func(err error)) {
	w.mu.Lock()
	prev, next := w.last, make(chan struct{})
	w.last = next
	w.mu.Unlock()
	e.Go(func() {
		if prev != nil {
			<-prev
		}
		// The next call waits until this one is shown too, so that what
		// follows a change (a reload, a message) comes in the same order.
		defer close(next)
		err := call(e.Ctx)
		if errors.Is(err, context.Canceled) {
			return
		}
		doAndWait(func() {
			if shown != nil {
				shown(err)
			} else {
				e.ShowError(err)
			}
		})
	})
}

// Do runs call as Run does on the queue's own environment, shows a
// failure in a dialog, then runs done (which may be nil) with the error.
func (w *Writes) Do(call func(ctx context.Context) error, done func(err error)) {
	w.Run(w.env, call, func(err error) {
		w.env.ShowError(err)
		if done != nil {
			done(err)
		}
	})
}

// Read runs load after the calls asked before it on w, then apply on the
// UI thread with what it read; a failure is shown to the user instead.
func Read[T any](w *Writes, env *Env, load func(ctx context.Context) (T, error), apply func(T)) {
	var v T
	w.Run(env, func(ctx context.Context) (err error) {
		v, err = load(ctx)
		return err
	}, func(err error) {
		if err != nil {
			env.ShowError(err)
			return
		}
		apply(v)
	})
}
