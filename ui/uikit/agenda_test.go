package uikit_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"quorum/meeting"
	"quorum/ui/uitest"
)

// TestWritesRunInOrder: writes asked for one after another land in that
// order, whatever each one takes; done runs after its write, with its
// error, which is shown to the user.
func TestWritesRunInOrder(t *testing.T) {
	env, _ := uitest.Env(t)
	w := env.NewWrites()
	var wrote, done []int
	for i := range 30 {
		w.Do(func(context.Context) error {
			time.Sleep(time.Duration(rand.IntN(3)) * time.Millisecond)
			wrote = append(wrote, i)
			if i == 29 {
				return meeting.Errorf(meeting.EINVALID, "the last one is refused")
			}
			return nil
		}, func(err error) {
			if (err != nil) != (i == 29) {
				t.Errorf("write %d: done got %v", i, err)
			}
			done = append(done, i)
		})
	}
	env.Wait()
	for i := range 30 {
		if i >= len(wrote) || wrote[i] != i || i >= len(done) || done[i] != i {
			t.Fatalf("writes landed as %v, done as %v", wrote, done)
		}
	}
	if len(uitest.Overlays(env)) != 1 {
		t.Fatal("the refused write was not shown")
	}
}

// TestWritesStopQuietlyWhenTheWindowCloses: a write cancelled with the
// window's context shows nothing and calls no done.
func TestWritesStopQuietlyWhenTheWindowCloses(t *testing.T) {
	env, _ := uitest.Env(t)
	called := false
	env.NewWrites().Do(func(context.Context) error { return context.Canceled }, func(error) { called = true })
	env.NewWrites().Do(func(context.Context) error { return errors.Join(errors.New("x"), context.Canceled) }, nil)
	env.Wait()
	if called || len(uitest.Overlays(env)) != 0 {
		t.Fatalf("done called %v, %d overlays", called, len(uitest.Overlays(env)))
	}
}
