package meeting

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in string
		ok bool
	}{
		{"", true},
		{"2026-02-28", true},
		{"2024-02-29", true},
		{"2026-12-31", true},
		{"2026-02-29", false},
		{"2026-02-31", false},
		{"2026-04-31", false},
		{"2026-13-01", false},
		{"2026-00-10", false},
		{"2026-2-3", false},
		{"26-02-03", false},
		{"2026/02/03", false},
		{" 2026-02-03", false},
		{"2026-02-03T10:00", false},
		{"tomorrow", false},
	} {
		d, err := ParseDate(c.in)
		if (err == nil) != c.ok {
			t.Errorf("ParseDate(%q): err %v, want ok=%v", c.in, err, c.ok)
			continue
		}
		if c.ok && string(d) != c.in {
			t.Errorf("ParseDate(%q) = %q", c.in, d)
		}
		if !c.ok && (d != "" || !strings.Contains(err.Error(), c.in)) {
			t.Errorf("ParseDate(%q) = %q, %v: want no date and an error quoting the input", c.in, d, err)
		}
	}
}

func TestParseClock(t *testing.T) {
	for _, c := range []struct {
		in string
		ok bool
	}{
		{"", true},
		{"00:00", true},
		{"09:05", true},
		{"23:59", true},
		{"24:00", false},
		{"25:00", false},
		{"12:60", false},
		{"9:30", false},
		{"09:5", false},
		{"12:30:00", false},
		{" 9:30", false},
		{"12h30", false},
		{"noon", false},
	} {
		k, err := ParseClock(c.in)
		if (err == nil) != c.ok {
			t.Errorf("ParseClock(%q): err %v, want ok=%v", c.in, err, c.ok)
		} else if c.ok && string(k) != c.in {
			t.Errorf("ParseClock(%q) = %q", c.in, k)
		}
	}
}

func TestDateHelpers(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	must(t, err)
	// 23:30 UTC is already the next day in Paris.
	late := time.Date(2026, 3, 10, 23, 30, 0, 0, time.UTC)
	if got := DateOf(late); got != "2026-03-10" {
		t.Errorf("DateOf(UTC) = %s", got)
	}
	if got := DateOf(late.In(paris)); got != "2026-03-11" {
		t.Errorf("DateOf(Paris) = %s", got)
	}
	if got := Date("2026-03-11").Time(); !got.Equal(time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Date.Time() = %v", got)
	}
	if !Date("").Time().IsZero() {
		t.Error("no date is not the zero time")
	}
	m := Meeting{Starts: time.Date(2026, 3, 10, 23, 0, 0, 0, paris), Minutes: 90}
	if got := m.Ends(); !got.Equal(m.Starts.Add(90*time.Minute)) || got.Day() != 11 {
		t.Errorf("Ends() = %v", got)
	}
}

// validator is any record with a Validate method.
type validator interface{ Validate() error }

// validationCase is a record and the field its Validate must refuse ("":
// it must be accepted).
type validationCase struct {
	name  string
	rec   validator
	field string
}

func checkValidation(t *testing.T, cases []validationCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.rec.Validate()
			if c.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			wantErr(t, err, EINVALID, c.field)
		})
	}
}

var (
	longTitle = strings.Repeat("x", MaxTitle+1)
	// MaxTitle characters of two bytes each: long in bytes, not in characters.
	fullTitle = strings.Repeat("é", MaxTitle)
)

func TestMeetingValidate(t *testing.T) {
	ok := func(edit func(*Meeting)) *Meeting {
		m := &Meeting{Title: "Board", Starts: fixedNow, TimeZone: "Europe/Paris", Minutes: 90,
			Classification: Internal, Language: "en", Status: Draft, Notes: "line 1\nline 2\ttab"}
		if edit != nil {
			edit(m)
		}
		return m
	}
	checkValidation(t, []validationCase{
		{"valid", ok(nil), ""},
		{"title of MaxTitle two-byte characters", ok(func(m *Meeting) { m.Title = fullTitle }), ""},
		{"no time zone", ok(func(m *Meeting) { m.TimeZone = "" }), ""},
		{"empty title", ok(func(m *Meeting) { m.Title = "" }), "title"},
		{"blank title", ok(func(m *Meeting) { m.Title = " \t " }), "title"},
		{"title too long", ok(func(m *Meeting) { m.Title = longTitle }), "title"},
		{"5000-character title", ok(func(m *Meeting) { m.Title = strings.Repeat("a", 5000) }), "title"},
		{"title on two lines", ok(func(m *Meeting) { m.Title = "Board\nmeeting" }), "title"},
		{"title with CR", ok(func(m *Meeting) { m.Title = "Board\rmeeting" }), "title"},
		{"title not UTF-8", ok(func(m *Meeting) { m.Title = "Conseil \xe9t\xe9" }), "title"},
		{"title with NUL", ok(func(m *Meeting) { m.Title = "Board\x00" }), "title"},
		{"title with escape", ok(func(m *Meeting) { m.Title = "Board\x1b[31m" }), "title"},
		{"title with C1 control", ok(func(m *Meeting) { m.Title = "Board\u0085" }), "title"},
		{"no start", ok(func(m *Meeting) { m.Starts = time.Time{} }), "starts"},
		{"unknown time zone", ok(func(m *Meeting) { m.TimeZone = "Mars/Olympus_Mons" }), "time_zone"},
		{"negative number", ok(func(m *Meeting) { m.Number = -1 }), "number"},
		{"negative minutes", ok(func(m *Meeting) { m.Minutes = -1 }), "minutes"},
		{"a full day", ok(func(m *Meeting) { m.Minutes = MaxMinutes }), ""},
		{"more than a day", ok(func(m *Meeting) { m.Minutes = MaxMinutes + 1 }), "minutes"},
		{"place on two lines", ok(func(m *Meeting) { m.Place = "Room 1\nRoom 2" }), "place"},
		{"link with control", ok(func(m *Meeting) { m.Link = "https://x\x07" }), "link"},
		{"unknown classification", ok(func(m *Meeting) { m.Classification = "top-secret" }), "classification"},
		{"no classification", ok(func(m *Meeting) { m.Classification = "" }), "classification"},
		{"unknown language", ok(func(m *Meeting) { m.Language = "de" }), "language"},
		{"papers due on a day that does not exist", ok(func(m *Meeting) { m.PapersDue = "2026-02-31" }), "papers_due"},
		{"papers due", ok(func(m *Meeting) { m.PapersDue = "2026-02-28" }), ""},
		{"unknown status", ok(func(m *Meeting) { m.Status = "archived" }), "status"},
		{"notes too long", ok(func(m *Meeting) { m.Notes = strings.Repeat("n", MaxText+1) }), "notes"},
		{"notes with NUL", ok(func(m *Meeting) { m.Notes = "a\x00b" }), "notes"},
		// The first broken field is the one reported.
		{"two broken fields", ok(func(m *Meeting) { m.Title = ""; m.Minutes = -5 }), "title"},
	})
}

func TestHugeTitleRefusedQuickly(t *testing.T) {
	m := &Meeting{Title: strings.Repeat("a", 10<<20), Starts: fixedNow, Classification: Internal, Language: "fr", Status: Draft}
	start := time.Now()
	err := m.Validate()
	if d := time.Since(start); d > time.Second {
		t.Errorf("validating a 10 MB title took %v", d)
	}
	wantErr(t, err, EINVALID, "title")
	if msg := err.Error(); len(msg) > 200 {
		t.Errorf("the error repeats the input: %d bytes", len(msg))
	}

	// Through the store too, and nothing is written.
	s := newStore(t)
	start = time.Now()
	err = s.CreateMeeting(bg, m)
	if d := time.Since(start); d > time.Second {
		t.Errorf("refusing a 10 MB title took %v", d)
	}
	wantErr(t, err, EINVALID, "title")
	wantErr(t, s.CreatePerson(bg, &Person{Name: m.Title}), EINVALID, "name")
	if n := count(t, s, `SELECT (SELECT count(*) FROM meetings) + (SELECT count(*) FROM people)`); n != 0 {
		t.Errorf("%d rows written", n)
	}
}

func TestPersonValidate(t *testing.T) {
	ok := func(edit func(*Person)) *Person {
		p := &Person{Name: "Ada Lovelace", Title: "Countess", Organisation: "Analytical Engines",
			Email: "ada@example.org", Phone: "+44 20 7946 0000"}
		if edit != nil {
			edit(p)
		}
		return p
	}
	checkValidation(t, []validationCase{
		{"valid", ok(nil), ""},
		{"name only", &Person{Name: "Ada"}, ""},
		{"no name", ok(func(p *Person) { p.Name = "" }), "name"},
		{"name not UTF-8", ok(func(p *Person) { p.Name = "\xff" }), "name"},
		{"title too long", ok(func(p *Person) { p.Title = longTitle }), "title"},
		{"organisation on two lines", ok(func(p *Person) { p.Organisation = "A\nB" }), "organisation"},
		{"email without @", ok(func(p *Person) { p.Email = "ada.example.org" }), "email"},
		{"email with space", ok(func(p *Person) { p.Email = "ada lovelace@example.org" }), "email"},
		{"two emails", ok(func(p *Person) { p.Email = "a@x.org, b@x.org" }), "email"},
		{"email with brackets", ok(func(p *Person) { p.Email = "Ada <ada@x.org>" }), "email"},
		{"phone with control", ok(func(p *Person) { p.Phone = "01\x02" }), "phone"},
	})
}

func TestAttendeeValidate(t *testing.T) {
	ok := func(edit func(*Attendee)) *Attendee {
		a := &Attendee{PersonID: 1, Role: Member, Voting: true, Status: Present, Arrived: "09:00", Left: "11:30"}
		if edit != nil {
			edit(a)
		}
		return a
	}
	checkValidation(t, []validationCase{
		{"valid", ok(nil), ""},
		{"represented with a proxy", ok(func(a *Attendee) { a.Status = Represented; a.ProxyID = 2 }), ""},
		{"left as arrived", ok(func(a *Attendee) { a.Left = a.Arrived }), ""},
		{"no times", ok(func(a *Attendee) { a.Arrived, a.Left = "", "" }), ""},
		{"unknown role", ok(func(a *Attendee) { a.Role = "king" }), "role"},
		{"unknown status", ok(func(a *Attendee) { a.Status = "asleep" }), "status"},
		{"proxy while present", ok(func(a *Attendee) { a.ProxyID = 2 }), "proxy"},
		{"own proxy", ok(func(a *Attendee) { a.Status = Represented; a.ProxyID = 1 }), "proxy"},
		{"arrived at 25:00", ok(func(a *Attendee) { a.Arrived = "25:00" }), "arrived"},
		{"left at 9:30", ok(func(a *Attendee) { a.Left = "9:30" }), "left"},
		{"left before arrived", ok(func(a *Attendee) { a.Arrived, a.Left = "10:00", "09:59" }), "left"},
	})
}

func TestItemDecisionDocumentValidate(t *testing.T) {
	item := func(edit func(*AgendaItem)) *AgendaItem {
		it := &AgendaItem{Title: "Budget", Purpose: ForDecision, Minutes: 30, Description: "Para 1\n\nPara 2"}
		if edit != nil {
			edit(it)
		}
		return it
	}
	decision := func(edit func(*Decision)) *Decision {
		d := &Decision{Text: "The budget is adopted.", Outcome: Adopted, For: 7, Against: 1, Abstain: 2}
		if edit != nil {
			edit(d)
		}
		return d
	}
	doc := func(edit func(*Document)) *Document {
		d := &Document{Title: "Budget 2026", Reference: "FIN-12", FileName: "budget.pdf"}
		if edit != nil {
			edit(d)
		}
		return d
	}
	checkValidation(t, []validationCase{
		{"item valid", item(nil), ""},
		{"item without title", item(func(it *AgendaItem) { it.Title = "" }), "title"},
		{"item with unknown purpose", item(func(it *AgendaItem) { it.Purpose = "fun" }), "purpose"},
		{"item of negative minutes", item(func(it *AgendaItem) { it.Minutes = -1 }), "minutes"},
		{"item of 25 hours", item(func(it *AgendaItem) { it.Minutes = 25 * 60 }), "minutes"},
		{"item description too long", item(func(it *AgendaItem) { it.Description = strings.Repeat("d", MaxText+1) }), "description"},
		{"item notes not UTF-8", item(func(it *AgendaItem) { it.Notes = "\xc3" }), "notes"},
		{"decision valid", decision(nil), ""},
		{"decision without text", decision(func(d *Decision) { d.Text = "\n" }), "text"},
		{"decision with unknown outcome", decision(func(d *Decision) { d.Outcome = "maybe" }), "outcome"},
		{"negative votes for", decision(func(d *Decision) { d.For = -1 }), "for"},
		{"too many votes against", decision(func(d *Decision) { d.Against = MaxVotes + 1 }), "against"},
		{"negative abstentions", decision(func(d *Decision) { d.Abstain = -1 }), "abstain"},
		{"document valid", doc(nil), ""},
		{"document without title", doc(func(d *Document) { d.Title = "" }), "title"},
		{"document reference on two lines", doc(func(d *Document) { d.Reference = "a\nb" }), "reference"},
		{"document file name not UTF-8", doc(func(d *Document) { d.FileName = "\xffbudget.pdf" }), "file"},
	})
}

func TestActionValidate(t *testing.T) {
	ok := func(edit func(*Action)) *Action {
		a := &Action{Title: "Send the minutes", Due: "2026-03-31", Status: ActionOpen,
			Notes: []ActionNote{{Date: "2026-03-01", Text: "Drafted"}, {Date: "2026-03-02", Text: "Sent for review"}}}
		if edit != nil {
			edit(a)
		}
		return a
	}
	checkValidation(t, []validationCase{
		{"valid", ok(nil), ""},
		{"done", ok(func(a *Action) { a.Status = ActionDone; a.Completed = "2026-03-05" }), ""},
		{"no title", ok(func(a *Action) { a.Title = "" }), "title"},
		{"details with control", ok(func(a *Action) { a.Details = "\x1b" }), "details"},
		{"due on 31 February", ok(func(a *Action) { a.Due = "2026-02-31" }), "due"},
		{"unknown status", ok(func(a *Action) { a.Status = "stalled" }), "status"},
		{"completed not a date", ok(func(a *Action) { a.Completed = "yesterday" }), "completed"},
		{"second note's date", ok(func(a *Action) { a.Notes[1].Date = "2026-3-2" }), "notes[1].date"},
		{"first note empty", ok(func(a *Action) { a.Notes[0].Text = " " }), "notes[0].text"},
	})
}

func TestSeriesValidate(t *testing.T) {
	ok := func(edit func(*Series)) *Series {
		s := &Series{Name: "Executive committee", Code: "CODIR", Place: "Board room", NoticeDays: 5,
			Quorum:  QuorumRule{Percent: 50, Proxies: true},
			Members: []SeriesMember{{PersonID: 1, Role: Chair, Voting: true}, {PersonID: 2, Role: Secretary}},
			Agenda:  []StandardItem{{Title: "Minutes", Purpose: ForDecision, Minutes: 5}, {Title: "AOB", Purpose: ForInformation}}}
		if edit != nil {
			edit(s)
		}
		return s
	}
	checkValidation(t, []validationCase{
		{"valid", ok(nil), ""},
		{"code of 20 characters", ok(func(s *Series) { s.Code = strings.Repeat("É", 20) }), ""},
		{"no name", ok(func(s *Series) { s.Name = "" }), "name"},
		{"no code", ok(func(s *Series) { s.Code = "" }), "code"},
		{"code of 21 characters", ok(func(s *Series) { s.Code = strings.Repeat("C", 21) }), "code"},
		{"negative notice", ok(func(s *Series) { s.NoticeDays = -1 }), "notice_days"},
		{"notice over a year", ok(func(s *Series) { s.NoticeDays = 366 }), "notice_days"},
		{"quorum over 100%", ok(func(s *Series) { s.Quorum.Percent = 101 }), "quorum.percent"},
		{"negative quorum count", ok(func(s *Series) { s.Quorum.Count = -1 }), "quorum.count"},
		{"second member's role", ok(func(s *Series) { s.Members[1].Role = "boss" }), "members[1].role"},
		{"standard item without title", ok(func(s *Series) { s.Agenda[0].Title = "" }), "agenda[0].title"},
		{"standard item purpose", ok(func(s *Series) { s.Agenda[1].Purpose = "" }), "agenda[1].purpose"},
		{"standard item minutes", ok(func(s *Series) { s.Agenda[1].Minutes = MaxMinutes + 1 }), "agenda[1].minutes"},
	})
}

func TestStatusTransitions(t *testing.T) {
	allowed := map[[2]Status]bool{
		{Draft, Convened}: true, {Draft, Cancelled}: true,
		{Convened, Held}: true, {Convened, Draft}: true, {Convened, Cancelled}: true,
		{Held, MinutesDraft}:             true,
		{MinutesDraft, MinutesSubmitted}: true, {MinutesDraft, Held}: true,
		{MinutesSubmitted, MinutesApproved}: true, {MinutesSubmitted, MinutesDraft}: true,
		{MinutesApproved, MinutesDraft}: true,
		{Cancelled, Draft}:              true,
	}
	steps := map[[2]Status]StepKind{
		{MinutesDraft, MinutesSubmitted}: Submitted, {MinutesSubmitted, MinutesApproved}: Approved,
		{MinutesSubmitted, MinutesDraft}: Returned, {MinutesApproved, MinutesDraft}: Reopened,
	}
	for _, from := range Statuses {
		for _, to := range append(slices.Clone(Statuses), "archived") {
			if got := from.CanBecome(to); got != allowed[[2]Status{from, to}] {
				t.Errorf("%s.CanBecome(%s) = %v", from, to, got)
			}
			if got := from.StepTo(to); got != steps[[2]Status{from, to}] {
				t.Errorf("%s.StepTo(%s) = %q", from, to, got)
			}
		}
		next := from.Next()
		if len(next) == 0 {
			t.Errorf("%s is a dead end", from)
		}
		for _, to := range next {
			if !allowed[[2]Status{from, to}] {
				t.Errorf("%s.Next() offers %s", from, to)
			}
		}
	}
	if Status("archived").CanBecome(Draft) || len(Status("").Next()) != 0 {
		t.Error("an unknown status may move")
	}
}

// handAgenda is
//
//	1  Opening      10
//	   1.1 Welcome   5
//	   1.2 Apologies 0
//	       1.2.1 Proxies 15
//	2  Finance      20
//	3  AOB           0
func handAgenda() Agenda {
	return Agenda{
		{ID: 1, Title: "Opening", Minutes: 10, Items: []*AgendaItem{
			{ID: 2, Title: "Welcome", Minutes: 5},
			{ID: 3, Title: "Apologies", Items: []*AgendaItem{
				{ID: 4, Title: "Proxies", Minutes: 15},
			}},
		}},
		{ID: 5, Title: "Finance", Minutes: 20},
		{ID: 6, Title: "AOB"},
	}
}

func TestScheduleHandBuiltAgenda(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	must(t, err)
	a := handAgenda()
	starts := time.Date(2026, 3, 10, 9, 0, 0, 0, paris)
	a.Schedule(starts)
	a.Schedule(starts) // numbering twice changes nothing

	want := []struct {
		title, number string
		level         int
		start         string
	}{
		{"Opening", "1", 0, "09:00"},
		{"Welcome", "1.1", 1, "09:10"},
		{"Apologies", "1.2", 1, "09:15"},
		{"Proxies", "1.2.1", 2, "09:15"},
		{"Finance", "2", 0, "09:30"},
		{"AOB", "3", 0, "09:50"},
	}
	var got []*AgendaItem
	a.Walk(func(it *AgendaItem) { got = append(got, it) })
	if len(got) != len(want) {
		t.Fatalf("Walk visited %d items, want %d", len(got), len(want))
	}
	for i, w := range want {
		it := got[i]
		if it.Title != w.title || it.Number != w.number || it.Level != w.level ||
			it.Start.Format("15:04") != w.start || it.Start.Location() != paris {
			t.Errorf("item %d: %s %s level %d at %s (%v), want %s %s level %d at %s",
				i, it.Title, it.Number, it.Level, it.Start.Format("15:04"), it.Start.Location(),
				w.title, w.number, w.level, w.start)
		}
	}
	if a.TotalMinutes() != 50 {
		t.Errorf("TotalMinutes() = %d, want 50", a.TotalMinutes())
	}
	if it := a.Find(4); it == nil || it.Title != "Proxies" {
		t.Errorf("Find(4) = %v", it)
	}
	if it := a.Find(99); it != nil {
		t.Errorf("Find(99) = %v", it)
	}
	for minutes, want := range map[int]int{0: 0, 40: 10, 50: 0, 60: 0, 1: 49} {
		if got := a.Overrun(&Meeting{Minutes: minutes}); got != want {
			t.Errorf("Overrun with %d minutes = %d, want %d", minutes, got, want)
		}
	}
	var empty Agenda
	empty.Schedule(starts)
	if empty.TotalMinutes() != 0 || empty.Overrun(&Meeting{Minutes: 30}) != 0 || empty.Find(1) != nil {
		t.Error("an empty agenda is not empty")
	}
}

func TestPaperLate(t *testing.T) {
	paris, _ := time.LoadLocation("Europe/Paris")
	m := &Meeting{Starts: time.Date(2026, 12, 10, 9, 30, 0, 0, paris), PapersDue: "2026-12-03", Status: Convened}
	// 23:30 UTC on the 3rd is already the 4th in Paris.
	for added, want := range map[time.Time]bool{
		time.Date(2026, 12, 3, 22, 0, 0, 0, time.UTC):  false,
		time.Date(2026, 12, 3, 23, 30, 0, 0, time.UTC): true,
		time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC):   false,
	} {
		if got := m.PaperLate(&Document{Added: added}); got != want {
			t.Errorf("paper added %v: late = %v, want %v", added, got, want)
		}
	}
	late := &Document{Added: time.Date(2026, 12, 8, 8, 0, 0, 0, time.UTC)}
	m.Status = Held
	if m.PaperLate(late) {
		t.Error("a paper added to a held meeting's record counted late")
	}
	m.Status, m.PapersDue = Draft, ""
	if m.PaperLate(late) {
		t.Error("late without a papers-due date")
	}
}

func TestClockAfterAcrossMidnight(t *testing.T) {
	for _, c := range []struct {
		a, b Clock
		want bool
	}{
		{"09:31", "09:20", true}, {"09:20", "09:31", false}, {"10:00", "10:00", false},
		{"00:05", "23:40", true}, {"23:40", "00:05", false}, // a sitting past midnight
		{"20:00", "09:00", true}, {"09:00", "20:00", false}, // eleven hours apart
	} {
		if got := c.a.After(c.b); got != c.want {
			t.Errorf("%s after %s: %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestClockSinceAndTheCurrentItem(t *testing.T) {
	for _, c := range []struct {
		to, from Clock
		want     int
	}{{"10:15", "09:30", 45}, {"00:10", "23:50", 20}, {"09:30", "09:30", 0}, {"", "09:30", 0}} {
		if got := c.to.Since(c.from); got != c.want {
			t.Errorf("%q since %q: %d, want %d", c.to, c.from, got, c.want)
		}
	}
	one := &AgendaItem{ID: 1}
	two := &AgendaItem{ID: 2, Items: []*AgendaItem{{ID: 21}}}
	three := &AgendaItem{ID: 3}
	ag := Agenda{one, two, three}
	if ag.Current() != nil {
		t.Error("an agenda not taken up has a current item")
	}
	one.Started, one.Ended = "23:30", "23:55"
	two.Items[0].Started = "23:55" // a sub-item runs
	if got := ag.Current(); got == nil || got.ID != 21 {
		t.Errorf("current %+v, want the sub-item 21", got)
	}
	two.Items[0].Ended, three.Started, three.Ended = "00:05", "00:05", "00:20" // past midnight, then closed
	if got := ag.Current(); got == nil || got.ID != 3 {
		t.Errorf("after the close: current %+v, want item 3 (taken up last)", got)
	}
}
