package uikit_test

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

func TestFields(t *testing.T) {
	uitest.English(t)
	test.NewTempApp(t)
	f := uikit.NewFields()
	var changes int
	name := f.NewEntry("name", "Name", func(s string) error { return uikit.CheckLine(s, true) }, func() { changes++ })
	days := f.NewEntry("notice_days", "Notice", func(s string) error {
		_, err := uikit.ParseCount(s, 365)
		return err
	}, func() { changes++ })
	if !f.Problem.Hidden {
		t.Error("a new form shows a problem")
	}

	name.SetText("Ada")
	days.SetText("400")
	if changes != 2 {
		t.Errorf("%d changes noted, want 2", changes)
	}
	if f.Check() || f.Problem.Hidden || f.Problem.Text != "Notice: “400” is not a whole number between 0 and 365" {
		t.Errorf("Check with a bad field: problem %q", f.Problem.Text)
	}
	days.SetText("")
	name.SetText("  ")
	if f.Check() || f.Problem.Text != "Name: required" {
		t.Errorf("Check with a blank name: problem %q", f.Problem.Text)
	}
	name.SetText("Ada")
	if !f.Check() || !f.Problem.Hidden {
		t.Errorf("Check with right fields: problem %q", f.Problem.Text)
	}

	// A refusal of the store goes by its field; others in plain words.
	f.Show(&meeting.Error{Code: meeting.EINVALID, Field: "notice_days", Message: "must be between 0 and 365 (got 400)"})
	if f.Problem.Text != "Notice: must be between 0 and 365 (got 400)" {
		t.Errorf("field refusal: %q", f.Problem.Text)
	}
	f.Show(&meeting.Error{Code: meeting.EBUSY, Message: "busy"})
	if !strings.HasPrefix(f.Problem.Text, "The database is busy") {
		t.Errorf("busy: %q", f.Problem.Text)
	}
	f.Show(errors.New("disk on fire"))
	if f.Problem.Text != "Quorum could not do this: disk on fire" {
		t.Errorf("other error: %q", f.Problem.Text)
	}
	f.Show(nil)
	if !f.Problem.Hidden || f.Problem.Text != "" {
		t.Errorf("cleared: %q", f.Problem.Text)
	}
}

func TestCheckLineAndParseCount(t *testing.T) {
	uitest.English(t)
	for _, c := range []struct {
		s        string
		required bool
		want     string
	}{
		{"", false, ""},
		{"", true, "required"},
		{" \t", true, "required"},
		{strings.Repeat("é", meeting.MaxTitle), true, ""},
		{strings.Repeat("é", meeting.MaxTitle+1), false, "501 characters; at most 500 are allowed"},
	} {
		got := ""
		if err := uikit.CheckLine(c.s, c.required); err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("CheckLine(%.10q, %v) = %q, want %q", c.s, c.required, got, c.want)
		}
	}
	for _, c := range []struct {
		s    string
		n    int
		fail bool
	}{{"", 0, false}, {" 12 ", 12, false}, {"365", 365, false}, {"366", 0, true}, {"-1", 0, true}, {"1e3", 0, true}, {"douze", 0, true}} {
		n, err := uikit.ParseCount(c.s, 365)
		if n != c.n || (err != nil) != c.fail {
			t.Errorf("ParseCount(%q) = %d, %v", c.s, n, err)
		}
	}
}
