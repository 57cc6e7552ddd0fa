package uikit

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"quorum/meeting"
)

// DateHint is how dates are written in the window.
const DateHint = "31/12/2026"

// FormatDate writes a day as the window shows it: 31/12/2026.
func FormatDate(d meeting.Date) string {
	if d == "" {
		return ""
	}
	return d.Time().Format("02/01/2006")
}

// ParseDate reads a day as a user types it: 31/12/2026, 31/12/26, 1/2/2027
// or 2026-12-31. An empty text is no date.
func ParseDate(s string) (meeting.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, layout := range []string{"2/1/2006", "2/1/06", "2.1.2006", "2-1-2006", "2006-1-2"} {
		if t, err := time.Parse(layout, s); err == nil && t.Year() >= 1900 && t.Year() <= 2999 {
			return meeting.DateOf(t), nil
		}
	}
	return "", errors.New(lang.L("“{{.Text}}” is not a date: write a real day as {{.Hint}}",
		map[string]any{"Text": s, "Hint": DateHint}))
}

var clockRE = regexp.MustCompile(`^(\d{1,2})\s*(?:[:hH.]\s*(\d{2})?)?$`)

// ParseClock reads a time of day: 9:30, 09:30, 9h30, 9 h 30, 9h or 14.
func ParseClock(s string) (meeting.Clock, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	m := clockRE.FindStringSubmatch(s)
	if m != nil {
		h, _ := strconv.Atoi(m[1])
		mi := 0
		if m[2] != "" {
			mi, _ = strconv.Atoi(m[2])
		}
		if h < 24 && mi < 60 {
			return meeting.Clock(fmt.Sprintf("%02d:%02d", h, mi)), nil
		}
	}
	return "", errors.New(lang.L("“{{.Text}}” is not a time of day: write it as 9:30 or 14:00",
		map[string]any{"Text": s}))
}

// MaxMinutes is the longest duration a field takes: a day.
const MaxMinutes = 24 * 60

// ParseMinutes reads a duration in minutes (45) or hours and minutes
// (1h30, 1:30, 2h): never negative, never more than a day.
func ParseMinutes(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	bad := errors.New(lang.L("“{{.Text}}” is not a duration: write minutes (45) or hours and minutes (1h30), at most 24 hours",
		map[string]any{"Text": s}))
	if n, err := strconv.Atoi(s); err == nil {
		if n < 0 || n > MaxMinutes {
			return 0, bad
		}
		return n, nil
	}
	m := clockRE.FindStringSubmatch(s)
	if m == nil {
		return 0, bad
	}
	h, _ := strconv.Atoi(m[1])
	mi := 0
	if m[2] != "" {
		mi, _ = strconv.Atoi(m[2])
	}
	if mi >= 60 || h*60+mi > MaxMinutes {
		return 0, bad
	}
	return h*60 + mi, nil
}

// FormatMinutes writes a duration as the window shows it: 45 min, 1 h 30.
func FormatMinutes(n int) string {
	switch {
	case n < 60:
		return lang.L("{{.M}} min", map[string]any{"M": n})
	case n%60 == 0:
		return lang.L("{{.H}} h", map[string]any{"H": n / 60})
	default:
		return lang.L("{{.H}} h {{.M}}", map[string]any{"H": n / 60, "M": fmt.Sprintf("%02d", n%60)})
	}
}

// CheckTitle says what is wrong with a title (required, at most
// meeting.MaxTitle characters), or nil.
func CheckTitle(s string) error {
	switch n := len([]rune(strings.TrimSpace(s))); {
	case n == 0:
		return errors.New(lang.L("A title is required"))
	case n > meeting.MaxTitle:
		return errors.New(lang.L("The title is {{.N}} characters long; at most {{.Max}} are allowed",
			map[string]any{"N": n, "Max": meeting.MaxTitle}))
	}
	return nil
}
