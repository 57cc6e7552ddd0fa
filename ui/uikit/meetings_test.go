package uikit_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

func TestMinutesTextReadsBack(t *testing.T) {
	for _, n := range []int{0, 1, 45, 59, 60, 90, 125, 24 * 60} {
		text := uikit.MinutesText(n)
		got, err := uikit.ParseMinutes(text)
		if err != nil || got != n {
			t.Errorf("%d minutes written %q, read back %d (%v)", n, text, got, err)
		}
	}
	uitest.French(t)
	if got := uikit.MinutesText(90); got != "1 h 30" {
		t.Errorf("90 minutes in French: %q", got)
	}
}

func TestStartsAt(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	uitest.Must(t, err)
	got := uikit.StartsAt("2026-07-06", "09:30", paris)
	if got.Format(time.RFC3339) != "2026-07-06T09:30:00+02:00" {
		t.Errorf("summer in Paris: %v", got)
	}
	if got := uikit.StartsAt("2026-12-03", "14:05", paris); got.Format(time.RFC3339) != "2026-12-03T14:05:00+01:00" {
		t.Errorf("winter in Paris: %v", got)
	}
}

func TestMeetingNames(t *testing.T) {
	starts := time.Date(2026, 12, 3, 9, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		m          meeting.Meeting
		code, name string
	}{
		{meeting.Meeting{SeriesCode: "CODIR", Number: 12, Title: "Budget", Starts: starts}, "CODIR no. 12", "CODIR no. 12 – Budget – 03/12/2026"},
		{meeting.Meeting{SeriesCode: "CODIR", Title: "Budget", Starts: starts}, "CODIR", "CODIR – Budget – 03/12/2026"},
		{meeting.Meeting{Title: "Séminaire", Starts: starts}, "", "Séminaire – 03/12/2026"},
	} {
		if got := uikit.MeetingCode(&c.m); got != c.code {
			t.Errorf("code %q, want %q", got, c.code)
		}
		if got := uikit.MeetingName(&c.m); got != c.name {
			t.Errorf("name %q, want %q", got, c.name)
		}
	}
}

func TestQueueKeepsOrder(t *testing.T) {
	env, _ := uitest.Env(t)
	var q uikit.Writes
	var mu sync.Mutex
	var ran, done []int
	for i := range 20 {
		q.Run(env, func(context.Context) error {
			time.Sleep(time.Duration(20-i) * time.Millisecond / 4) // the first ones are the slowest
			mu.Lock()
			ran = append(ran, i)
			mu.Unlock()
			return nil
		}, func(error) { done = append(done, i) })
	}
	env.Wait()
	for i := range 20 {
		if ran[i] != i || done[i] != i {
			t.Fatalf("ran %v, done %v", ran, done)
		}
	}
}

func TestReadShowsFailure(t *testing.T) {
	env, _ := uitest.Env(t)
	var q uikit.Writes
	applied := false
	uikit.Read(&q, env, func(context.Context) (int, error) { return 0, errors.New("disk on fire") },
		func(int) { applied = true })
	env.Wait()
	if applied || len(uitest.Overlays(env)) != 1 {
		t.Errorf("a failed read: applied %v, %d dialogs", applied, len(uitest.Overlays(env)))
	}
	uikit.Read(&q, env, func(context.Context) (int, error) { return 7, nil }, func(v int) { applied = v == 7 })
	env.Wait()
	if !applied {
		t.Error("a read is not applied")
	}
}

func TestFixedWidth(t *testing.T) {
	uitest.Env(t)
	l := widget.NewLabel("Un libellé bien plus long que la colonne")
	c := uikit.FixedWidth(120, l)
	if got := c.MinSize(); got.Width != 120 || got.Height != l.MinSize().Height {
		t.Errorf("min size %v", got)
	}
	c.Resize(fyne.NewSize(120, 50))
	if l.Size() != fyne.NewSize(120, 50) {
		t.Errorf("the cell is %v", l.Size())
	}
}

func TestDocumentLanguage(t *testing.T) {
	env, _ := uitest.Env(t)
	env.Prefs.SetLanguage(uikit.LanguageEnglish)
	if got := uikit.DocumentLanguage(env.Prefs); got != "en" {
		t.Errorf("English chosen: %q", got)
	}
	env.Prefs.SetLanguage(uikit.LanguageSystem)
	uitest.French(t)
	if got := uikit.DocumentLanguage(env.Prefs); got != "fr" {
		t.Errorf("a French system: %q", got)
	}
}
