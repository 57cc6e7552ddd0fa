package uikit

import (
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"quorum/meeting"
)

// MinutesText writes a duration so that ParseMinutes reads it back:
// 45, 1 h 30, 2 h; "" for none.
func MinutesText(n int) string {
	if n <= 0 {
		return ""
	}
	if n < 60 {
		return strconv.Itoa(n)
	}
	return FormatMinutes(n)
}

// StartsAt is the moment a meeting starts on day at the time of day at,
// in loc.
func StartsAt(day meeting.Date, at meeting.Clock, loc *time.Location) time.Time {
	d := day.Time()
	t, _ := time.Parse(meeting.ClockLayout, string(at))
	return time.Date(d.Year(), d.Month(), d.Day(), t.Hour(), t.Minute(), 0, 0, loc)
}

// MeetingCode is a series meeting's code and number ("CODIR no. 12"), or
// "" for a one-off meeting.
func MeetingCode(m *meeting.Meeting) string {
	if m.SeriesCode == "" {
		return ""
	}
	if m.Number == 0 {
		return m.SeriesCode
	}
	return lang.L("{{.Code}} no. {{.Number}}", map[string]any{"Code": m.SeriesCode, "Number": m.Number})
}

// MeetingName names a meeting for the user: its code and number, title
// and day ("CODIR no. 12 – Budget – 03/12/2026").
func MeetingName(m *meeting.Meeting) string {
	name := m.Title + " – " + FormatDate(meeting.DateOf(m.Starts))
	if code := MeetingCode(m); code != "" {
		return code + " – " + name
	}
	return name
}

// DialogSize is the least size of a dialog holding a form, so that its
// fields are wide enough to type in.
var DialogSize = fyne.NewSize(560, 0)

// DocumentLanguage is the language new meetings write their documents
// in: the UI language chosen, else the system's when Quorum speaks it,
// else French.
func DocumentLanguage(p *Prefs) string {
	if l := p.Language(); l != LanguageSystem {
		return l
	}
	if l := lang.SystemLocale().LanguageString(); slices.Contains(meeting.Languages, l) {
		return l
	}
	return LanguageFrench
}
