package meeting

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits on what a user can type, so that a pasted book does not end up in
// a title.
const (
	MaxTitle    = 500     // characters in a name or title
	MaxText     = 200_000 // characters in notes, descriptions, details
	MaxMinutes  = 24 * 60 // minutes for a meeting or an item
	MaxVotes    = 100_000
	MaxDepth    = 3 // agenda levels: 1, 1.1, 1.1.1
	DateLayout  = "2006-01-02"
	ClockLayout = "15:04"
)

// Date is a calendar day written YYYY-MM-DD; "" means none.
type Date string

// ParseDate reads a calendar day written YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return "", nil
	}
	if _, err := time.Parse(DateLayout, s); err != nil {
		return "", fmt.Errorf("%q is not a date (expected YYYY-MM-DD, a real day)", s)
	}
	return Date(s), nil
}

// Time returns the day at midnight UTC, or the zero time for no date.
func (d Date) Time() time.Time {
	t, _ := time.Parse(DateLayout, string(d))
	return t
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date { return Date(t.Format(DateLayout)) }

// Clock is a local time of day written HH:MM; "" means none.
type Clock string

// ParseClock reads a time of day written HH:MM.
func ParseClock(s string) (Clock, error) {
	if s == "" {
		return "", nil
	}
	if _, err := time.Parse(ClockLayout, s); err != nil || len(s) != 5 {
		return "", fmt.Errorf("%q is not a time of day (expected HH:MM)", s)
	}
	return Clock(s), nil
}

// After reports whether the time of day c comes after d in a sitting.
// Times are compared within twelve hours of each other, so that a sitting
// going past midnight does not go back in time: 00:05 is after 23:40.
// Arrivals and departures of one attendee are recorded in order, which
// is why their order needs no date.
func (c Clock) After(d Clock) bool {
	diff := c.minutes() - d.minutes()
	switch {
	case diff > 12*60:
		diff -= 24 * 60
	case diff <= -12*60:
		diff += 24 * 60
	}
	return diff > 0
}

// Since is the number of minutes from d to c, a sitting going on past
// midnight (23:50 to 00:10 is 20 minutes); 0 when either is not a time.
func (c Clock) Since(d Clock) int {
	if _, err := time.Parse(ClockLayout, string(c)); err != nil {
		return 0
	}
	if _, err := time.Parse(ClockLayout, string(d)); err != nil {
		return 0
	}
	return (c.minutes() - d.minutes() + 24*60) % (24 * 60)
}

// minutes is the number of minutes since midnight of c (0 for none).
func (c Clock) minutes() int {
	t, err := time.Parse(ClockLayout, string(c))
	if err != nil {
		return 0
	}
	return t.Hour()*60 + t.Minute()
}

// valid reports whether v is one of the allowed values.
func valid[T comparable](v T, allowed []T) bool { return slices.Contains(allowed, v) }

// checker gathers the first validation error of a record.
type checker struct {
	prefix string
	err    *Error
}

func (c *checker) fail(field, format string, args ...any) {
	if c.err == nil {
		c.err = fieldErr(c.prefix+field, format, args...)
	}
}

// text checks a free text field: valid UTF-8, no control characters but
// line breaks and tabs, at most max characters; required ones not blank.
func (c *checker) text(field, s string, max int, required bool) {
	switch {
	case !utf8.ValidString(s):
		c.fail(field, "is not valid UTF-8 text")
	case required && strings.TrimSpace(s) == "":
		c.fail(field, "must not be empty")
	case utf8.RuneCountInString(s) > max:
		c.fail(field, "is too long (%d characters; at most %d)", utf8.RuneCountInString(s), max)
	case strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r' }):
		c.fail(field, "contains control characters")
	}
}

func (c *checker) line(field, s string, required bool) {
	c.text(field, s, MaxTitle, required)
	if c.err == nil && strings.ContainsAny(s, "\r\n") {
		c.fail(field, "must fit on one line")
	}
}

func (c *checker) rangeInt(field string, v, min, max int) {
	if v < min || v > max {
		c.fail(field, "must be between %d and %d (got %d)", min, max, v)
	}
}

func (c *checker) oneOf(field string, ok bool, v any, allowed any) {
	if !ok {
		c.fail(field, "%q is not one of %v", v, allowed)
	}
}

func (c *checker) date(field string, d Date) {
	if _, err := ParseDate(string(d)); err != nil {
		c.fail(field, "%v", err)
	}
}

func (c *checker) clock(field string, k Clock) {
	if _, err := ParseClock(string(k)); err != nil {
		c.fail(field, "%v", err)
	}
}

// Validate checks the fields a user sets on a meeting.
func (m *Meeting) Validate() error {
	c := checker{}
	c.line("title", m.Title, true)
	if m.Starts.IsZero() {
		c.fail("starts", "must be set")
	}
	if m.TimeZone != "" {
		if _, err := time.LoadLocation(m.TimeZone); err != nil || m.TimeZone == "Local" {
			c.fail("time_zone", "%q is not a known time zone", m.TimeZone)
		}
	}
	c.rangeInt("number", m.Number, 0, 1_000_000)
	c.rangeInt("minutes", m.Minutes, 0, MaxMinutes)
	c.line("place", m.Place, false)
	c.line("link", m.Link, false)
	c.oneOf("classification", valid(m.Classification, Classifications), m.Classification, Classifications)
	c.oneOf("language", valid(m.Language, Languages), m.Language, Languages)
	c.date("papers_due", m.PapersDue)
	c.oneOf("status", valid(m.Status, Statuses), m.Status, Statuses)
	c.text("notes", m.Notes, MaxText, false)
	c.clock("opened", m.Opened)
	c.clock("closed", m.Closed)
	return errOrNil(c.err)
}

// Validate checks a directory entry.
func (p *Person) Validate() error {
	c := checker{}
	c.line("name", p.Name, true)
	c.line("title", p.Title, false)
	c.line("organisation", p.Organisation, false)
	c.line("email", p.Email, false)
	if p.Email != "" && (!strings.Contains(p.Email, "@") || strings.ContainsAny(p.Email, " <>,;")) {
		c.fail("email", "%q is not an email address", p.Email)
	}
	c.line("phone", p.Phone, false)
	return errOrNil(c.err)
}

// Validate checks an attendee's fields.
func (a *Attendee) Validate() error {
	c := checker{}
	c.oneOf("role", valid(a.Role, Roles), a.Role, Roles)
	c.oneOf("status", valid(a.Status, Presences), a.Status, Presences)
	if a.ProxyID != 0 && a.Status != Represented {
		c.fail("proxy", "only a represented attendee has a proxy")
	}
	if a.ProxyID != 0 && a.ProxyID == a.PersonID {
		c.fail("proxy", "an attendee cannot hold their own proxy")
	}
	c.clock("arrived", a.Arrived)
	c.clock("left", a.Left)
	if a.Arrived != "" && a.Left != "" && a.Left < a.Arrived {
		c.fail("left", "is before the arrival (%s)", a.Arrived)
	}
	return errOrNil(c.err)
}

// Validate checks an agenda item's own fields (not its sub-items).
func (it *AgendaItem) Validate() error {
	c := checker{}
	c.line("title", it.Title, true)
	c.oneOf("purpose", valid(it.Purpose, Purposes), it.Purpose, Purposes)
	c.rangeInt("minutes", it.Minutes, 0, MaxMinutes)
	c.text("description", it.Description, MaxText, false)
	c.text("notes", it.Notes, MaxText, false)
	return errOrNil(c.err)
}

// Validate checks a decision.
func (d *Decision) Validate() error {
	c := checker{}
	c.text("text", d.Text, MaxText, true)
	c.oneOf("outcome", valid(d.Outcome, Outcomes), d.Outcome, Outcomes)
	c.rangeInt("for", d.For, 0, MaxVotes)
	c.rangeInt("against", d.Against, 0, MaxVotes)
	c.rangeInt("abstain", d.Abstain, 0, MaxVotes)
	return errOrNil(c.err)
}

// Validate checks the fields a user sets on a paper.
func (d *Document) Validate() error {
	c := checker{}
	c.line("title", d.Title, true)
	c.line("reference", d.Reference, false)
	c.line("file", d.FileName, false)
	return errOrNil(c.err)
}

// Validate checks an action and its notes.
func (a *Action) Validate() error {
	c := checker{}
	c.line("title", a.Title, true)
	c.text("details", a.Details, MaxText, false)
	c.date("due", a.Due)
	c.oneOf("status", valid(a.Status, ActionStatuses), a.Status, ActionStatuses)
	c.date("completed", a.Completed)
	for i, n := range a.Notes {
		c.date(fmt.Sprintf("notes[%d].date", i), n.Date)
		c.text(fmt.Sprintf("notes[%d].text", i), n.Text, MaxText, true)
	}
	return errOrNil(c.err)
}

// Validate checks a series.
func (s *Series) Validate() error {
	c := checker{}
	c.line("name", s.Name, true)
	c.line("code", s.Code, true)
	if utf8.RuneCountInString(s.Code) > 20 {
		c.fail("code", "is too long (at most 20 characters)")
	}
	c.line("place", s.Place, false)
	c.rangeInt("notice_days", s.NoticeDays, 0, 365)
	c.rangeInt("quorum.percent", s.Quorum.Percent, 0, 100)
	c.rangeInt("quorum.count", s.Quorum.Count, 0, 10_000)
	for i, m := range s.Members {
		c.oneOf(fmt.Sprintf("members[%d].role", i), valid(m.Role, Roles), m.Role, Roles)
	}
	for i, it := range s.Agenda {
		c.line(fmt.Sprintf("agenda[%d].title", i), it.Title, true)
		c.oneOf(fmt.Sprintf("agenda[%d].purpose", i), valid(it.Purpose, Purposes), it.Purpose, Purposes)
		c.rangeInt(fmt.Sprintf("agenda[%d].minutes", i), it.Minutes, 0, MaxMinutes)
	}
	return errOrNil(c.err)
}

// errOrNil keeps a nil *Error from becoming a non-nil error.
func errOrNil(e *Error) error {
	if e == nil {
		return nil
	}
	return e
}

// transitions lists the status changes a meeting may make. The steps of
// the validation of minutes (see minutesSteps) are among them but go
// through their own store methods, which say who and why.
var transitions = map[Status][]Status{
	Draft:            {Convened, Cancelled},
	Convened:         {Held, Draft, Cancelled},
	Held:             {MinutesDraft},
	MinutesDraft:     {MinutesSubmitted, Held},
	MinutesSubmitted: {MinutesApproved, MinutesDraft},
	MinutesApproved:  {MinutesDraft},
	Cancelled:        {Draft},
}

// Next returns the statuses a meeting in status s may move to.
func (s Status) Next() []Status { return transitions[s] }

// CanBecome reports whether a meeting may move from status s to t.
func (s Status) CanBecome(t Status) bool { return slices.Contains(transitions[s], t) }

// Agenda is a meeting's agenda: its top-level items, each with sub-items.
type Agenda []*AgendaItem

// Current is the item the sitting is on: the one taken up and not ended;
// else the one taken up last (the sitting closed, or between items); nil
// before the first.
func (a Agenda) Current() *AgendaItem {
	var last *AgendaItem
	running := false
	a.Walk(func(it *AgendaItem) {
		switch {
		case running || it.Started == "":
		case it.Ended == "":
			last, running = it, true
		case last == nil || !last.Started.After(it.Started):
			last = it
		}
	})
	return last
}

// Walk calls fn on every item in agenda order (an item, then its sub-items).
func (a Agenda) Walk(fn func(*AgendaItem)) {
	for _, it := range a {
		fn(it)
		Agenda(it.Items).Walk(fn)
	}
}

// Find returns the item with the given id, or nil.
func (a Agenda) Find(id int64) *AgendaItem {
	var found *AgendaItem
	a.Walk(func(it *AgendaItem) {
		if it.ID == id {
			found = it
		}
	})
	return found
}

// TotalMinutes is the time the whole agenda needs.
func (a Agenda) TotalMinutes() int {
	total := 0
	a.Walk(func(it *AgendaItem) { total += it.Minutes })
	return total
}

// Schedule numbers the items (1, 1.1, 1.2, 2 …), sets their level and gives
// each its planned start: the agenda runs from starts, item after item in
// agenda order, each item's own minutes before its sub-items.
func (a Agenda) Schedule(starts time.Time) {
	clock := starts
	var number func(items []*AgendaItem, prefix string, level int)
	number = func(items []*AgendaItem, prefix string, level int) {
		for i, it := range items {
			it.Number = fmt.Sprintf("%s%d", prefix, i+1)
			it.Level = level
			it.Start = clock
			clock = clock.Add(time.Duration(it.Minutes) * time.Minute)
			number(it.Items, it.Number+".", level+1)
		}
	}
	number(a, "", 0)
}

// Overrun returns by how many minutes the agenda exceeds the meeting's
// planned duration (0 when it fits or when no duration is set).
func (a Agenda) Overrun(m *Meeting) int {
	if m.Minutes == 0 {
		return 0
	}
	return max(0, a.TotalMinutes()-m.Minutes)
}

// PaperLate reports whether paper d came in after the meeting's
// papers-due date, the day taken in the meeting's time zone. It matters
// only while the meeting is being prepared (draft or convened): once it
// is held, a paper added to the record is not late.
func (m *Meeting) PaperLate(d *Document) bool {
	upcoming := m.Status == Draft || m.Status == Convened
	return upcoming && m.PapersDue != "" && DateOf(d.Added.In(m.Starts.Location())) > m.PapersDue
}
