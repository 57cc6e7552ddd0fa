package uikit

import (
	"strings"
	"testing"

	"quorum/meeting"
)

func TestParseDate(t *testing.T) {
	good := map[string]meeting.Date{
		"31/12/2026": "2026-12-31", "1/2/2027": "2027-02-01", "03/12/26": "2026-12-03",
		"2026-12-31": "2026-12-31", " 29/02/2028 ": "2028-02-29", "": "",
	}
	for in, want := range good {
		if got, err := ParseDate(in); err != nil || got != want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"31/02/2026", "29/02/2027", "32/01/2026", "12/13/2026", "demain", "2026-02-30", "1/1/0001"} {
		if got, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) = %q, want an error", in, got)
		} else if !strings.Contains(err.Error(), in) {
			t.Errorf("the error for %q does not quote it: %v", in, err)
		}
	}
	if got := FormatDate("2026-03-01"); got != "01/03/2026" {
		t.Errorf("FormatDate = %q", got)
	}
}

func TestParseClock(t *testing.T) {
	good := map[string]meeting.Clock{"9:30": "09:30", "09:30": "09:30", "9h30": "09:30", "9 h 30": "09:30",
		"9h": "09:00", "14": "14:00", "23:59": "23:59", "": ""}
	for in, want := range good {
		if got, err := ParseClock(in); err != nil || got != want {
			t.Errorf("ParseClock(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"24:00", "9:60", "9:5", "midi", "-1"} {
		if _, err := ParseClock(in); err == nil {
			t.Errorf("ParseClock(%q) gave no error", in)
		}
	}
}

func TestParseMinutes(t *testing.T) {
	good := map[string]int{"45": 45, "0": 0, "1h30": 90, "2h": 120, "1:15": 75, "24h": 1440, "": 0}
	for in, want := range good {
		if got, err := ParseMinutes(in); err != nil || got != want {
			t.Errorf("ParseMinutes(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"-10", "1441", "25h", "1h75", "une heure"} {
		if _, err := ParseMinutes(in); err == nil {
			t.Errorf("ParseMinutes(%q) gave no error", in)
		}
	}
	for n, want := range map[int]string{45: "45 min", 60: "1 h", 90: "1 h 30", 125: "2 h 05"} {
		if got := FormatMinutes(n); got != want {
			t.Errorf("FormatMinutes(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestCheckTitle(t *testing.T) {
	if err := CheckTitle("Comité de direction"); err != nil {
		t.Errorf("a good title refused: %v", err)
	}
	if err := CheckTitle("   "); err == nil {
		t.Error("a blank title accepted")
	}
	if err := CheckTitle(strings.Repeat("é", 5000)); err == nil || !strings.Contains(err.Error(), "5000") {
		t.Errorf("a 5,000-character title: %v", err)
	}
	if err := CheckTitle(strings.Repeat("œ", meeting.MaxTitle)); err != nil {
		t.Errorf("a title of exactly the maximum refused: %v", err)
	}
}
