package uikit

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// SaveDelay is how long a form waits after the last keystroke before it
// saves.
const SaveDelay = 600 * time.Millisecond

// Saver saves a form some time after its last change, so that every
// keystroke is kept without a Save button and without writing on each
// one. Flush saves at once; the window flushes every saver before it
// closes, and Env.Wait does in tests.
type Saver struct {
	save func() // reads the form and writes it; runs on the UI thread

	mu      sync.Mutex
	timer   *time.Timer
	pending bool
}

// NewSaver returns a saver of env that calls save on the UI thread.
func (e *Env) NewSaver(save func()) *Saver {
	s := &Saver{save: save}
	e.mu.Lock()
	e.savers = append(e.savers, s)
	e.mu.Unlock()
	return s
}

// Changed notes a change; the save follows SaveDelay later unless
// another change comes first.
func (s *Saver) Changed() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending = true
	if s.timer != nil {
		s.timer.Stop()
	}
	s.timer = time.AfterFunc(SaveDelay, func() { fyne.Do(s.Flush) })
}

// Flush saves now if a change is waiting. It runs on the UI thread.
func (s *Saver) Flush() {
	s.mu.Lock()
	if !s.pending {
		s.mu.Unlock()
		return
	}
	s.pending = false
	if s.timer != nil {
		s.timer.Stop()
	}
	s.mu.Unlock()
	s.save()
}

// FlushAll saves every form with a change waiting. It runs on the UI
// thread.
func (e *Env) FlushAll() {
	e.mu.Lock()
	savers := append([]*Saver(nil), e.savers...)
	e.mu.Unlock()
	for _, s := range savers {
		s.Flush()
	}
}

// Forget stops flushing s: its form has gone.
func (e *Env) Forget(s *Saver) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i, x := range e.savers {
		if x == s {
			e.savers = append(e.savers[:i], e.savers[i+1:]...)
			return
		}
	}
}
