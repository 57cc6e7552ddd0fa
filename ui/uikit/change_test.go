package uikit_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

func TestWritesKeepOrder(t *testing.T) {
	env, _ := uitest.Env(t)
	var w uikit.Writes
	var mu sync.Mutex
	var saved, shown []int
	for i, delay := range []time.Duration{30 * time.Millisecond, 0, 10 * time.Millisecond} {
		w.Run(env, func(context.Context) error {
			time.Sleep(delay)
			mu.Lock()
			defer mu.Unlock()
			saved = append(saved, i)
			if i == 1 {
				return errors.New("disk full")
			}
			return nil
		}, func(err error) {
			mu.Lock()
			defer mu.Unlock()
			if (err != nil) != (i == 1) {
				t.Errorf("save %d: shown %v", i, err)
			}
			shown = append(shown, i)
		})
	}
	env.Wait()
	if !slices.Equal(saved, []int{0, 1, 2}) || len(shown) != 3 {
		t.Errorf("saved in order %v, shown %v", saved, shown)
	}
}

func TestChange(t *testing.T) {
	uitest.English(t)
	env, _ := uitest.Env(t)
	var done, failed int
	uikit.Change(env, func(context.Context) error { return nil }, func() { done++ }, func() { failed++ })
	env.Wait()
	uikit.Change(env, func(context.Context) error {
		return &meeting.Error{Code: meeting.ECONFLICT, Message: "taken"}
	}, func() { done++ }, func() { failed++ })
	env.Wait()
	if done != 1 || failed != 1 {
		t.Errorf("done %d, failed %d", done, failed)
	}
	if msg := uitest.TopOverlayText(env); msg != "taken\nNot saved" {
		t.Errorf("the failure shown is %q", msg)
	}
}
