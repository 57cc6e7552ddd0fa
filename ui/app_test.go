package ui

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quorum/assets"
	"quorum/meeting"
)

// fakeStore is a meetingLister with canned answers.
type fakeStore struct {
	meetings []*meeting.Meeting
	err      error
}

func (f *fakeStore) ListMeetings(context.Context, meeting.MeetingFilter) ([]*meeting.Meeting, error) {
	return f.meetings, f.err
}

func (f *fakeStore) Path() string { return "/tmp/quorum-test/quorum.db" }

// useLocale makes lang pick the translation for loc, as a user whose
// system speaks loc would get.
func useLocale(t *testing.T, loc string) {
	t.Helper()
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LC_ALL", loc)
	if err := assets.LoadTranslations(); err != nil {
		t.Fatalf("LoadTranslations: %v", err)
	}
}

// showHome builds the home screen for st in a test window and waits for
// the count to be shown.
func showHome(t *testing.T, st meetingLister) *home {
	t.Helper()
	test.NewTempApp(t)
	h := newHome(t.Context(), st)
	w := test.NewTempWindow(t, h.content)
	w.Resize(fyne.NewSize(1000, 700))
	select {
	case <-h.loaded:
	case <-time.After(10 * time.Second):
		t.Fatal("the count of meetings was never shown")
	}
	return h
}

func TestHomeShowsCount(t *testing.T) {
	useLocale(t, "en_GB.UTF-8")
	st := &fakeStore{meetings: []*meeting.Meeting{{ID: 1}, {ID: 2}, {ID: 3}}}
	h := showHome(t, st)
	if got, want := h.status.Text, "3 meetings"; got != want {
		t.Errorf("status = %q, want %q", got, want)
	}
	if h.status.Importance == widget.DangerImportance {
		t.Error("a successful count is shown as an error")
	}
	if !showsText(h.content, st.Path()) {
		t.Errorf("the database path %q is not shown", st.Path())
	}
}

func TestHomeCountForms(t *testing.T) {
	for _, tc := range []struct {
		locale string
		n      int
		want   string
	}{
		{"en_GB.UTF-8", 0, "No meetings yet."},
		{"en_GB.UTF-8", 1, "1 meeting"},
		{"fr_FR.UTF-8", 0, "Aucune réunion pour l’instant."},
		{"fr_FR.UTF-8", 1, "1 réunion"},
		{"fr_FR.UTF-8", 3, "3 réunions"},
	} {
		useLocale(t, tc.locale)
		h := showHome(t, &fakeStore{meetings: make([]*meeting.Meeting, tc.n)})
		if h.status.Text != tc.want {
			t.Errorf("%s, %d meetings: status = %q, want %q", tc.locale, tc.n, h.status.Text, tc.want)
		}
	}
}

func TestHomeShowsError(t *testing.T) {
	useLocale(t, "en_GB.UTF-8")
	st := &fakeStore{err: meeting.Errorf(meeting.EBUSY, "the database is busy: another program (perhaps another Quorum) is writing to it; try again")}
	h := showHome(t, st)
	want := "The meetings could not be read: the database is busy: another program (perhaps another Quorum) is writing to it; try again"
	if h.status.Text != want {
		t.Errorf("status = %q, want %q", h.status.Text, want)
	}
	if h.status.Importance != widget.DangerImportance {
		t.Errorf("error importance = %v, want danger", h.status.Importance)
	}

	useLocale(t, "fr_FR.UTF-8")
	h = showHome(t, &fakeStore{err: errors.New("disk I/O error")})
	want = "Impossible de lire les réunions\u00a0: internal error: disk I/O error"
	if h.status.Text != want {
		t.Errorf("status = %q, want %q", h.status.Text, want)
	}
}

func TestIcon(t *testing.T) {
	if assets.Icon.Name() != "icon.png" {
		t.Errorf("icon name = %q", assets.Icon.Name())
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(assets.Icon.Content()))
	if err != nil {
		t.Fatalf("the application icon is not a PNG: %v", err)
	}
	if cfg.Width != 512 || cfg.Height != 512 {
		t.Errorf("icon is %d×%d, want 512×512", cfg.Width, cfg.Height)
	}
}

// showsText reports whether a label under o reads text.
func showsText(o fyne.CanvasObject, text string) bool {
	switch o := o.(type) {
	case *widget.Label:
		return o.Text == text
	case *fyne.Container:
		for _, c := range o.Objects {
			if showsText(c, text) {
				return true
			}
		}
	}
	return false
}
