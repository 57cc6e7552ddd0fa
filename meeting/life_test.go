package meeting

import (
	"strings"
	"testing"
	"time"
)

func TestNoticeCheck(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	must(t, err)
	at := func(day string, hour, minute int) time.Time {
		d := Date(day).Time()
		return time.Date(d.Year(), d.Month(), d.Day(), hour, minute, 0, 0, paris)
	}
	for _, c := range []struct {
		name      string
		sent      Date
		starts    time.Time
		days      int
		clear     int
		lastDay   Date
		late      bool
		wantSent  Date
		wantRequi int
	}{
		// Monday 9 March 2026: 5 clear days are 4 … 8 March (a weekend among them).
		{"across a weekend, last day", "2026-03-03", at("2026-03-09", 9, 30), 5, 5, "2026-03-03", false, "2026-03-03", 5},
		{"across a weekend, a day late", "2026-03-04", at("2026-03-09", 9, 30), 5, 4, "2026-03-03", true, "2026-03-04", 5},
		{"early", "2026-02-20", at("2026-03-09", 9, 30), 5, 16, "2026-03-03", false, "2026-02-20", 5},
		// Monday 2 March 2026: 5 clear days are 25 February … 1 March.
		{"across a month end, last day", "2026-02-24", at("2026-03-02", 14, 0), 5, 5, "2026-02-24", false, "2026-02-24", 5},
		{"across a month end, late", "2026-02-25", at("2026-03-02", 14, 0), 5, 4, "2026-02-24", true, "2026-02-25", 5},
		{"across a year end", "2025-12-26", at("2026-01-05", 9, 0), 8, 9, "2025-12-27", false, "2025-12-26", 8},
		{"the day before", "2026-03-08", at("2026-03-09", 9, 0), 1, 0, "2026-03-07", true, "2026-03-08", 1},
		{"the same day, none required", "2026-03-09", at("2026-03-09", 9, 0), 0, 0, "", false, "2026-03-09", 0},
		{"after the meeting", "2026-03-12", at("2026-03-09", 9, 0), 2, 0, "2026-03-06", true, "2026-03-12", 2},
		// 00:30 in Paris is still the day before in UTC: the meeting's own day counts.
		{"just after midnight", "2026-03-03", at("2026-03-09", 0, 30), 5, 5, "2026-03-03", false, "2026-03-03", 5},
	} {
		n := NoticeCheck(c.sent, c.starts, c.days)
		want := Notice{Required: c.wantRequi, Sent: c.wantSent, LastDay: c.lastDay, ClearDays: c.clear, Late: c.late}
		if n != want {
			t.Errorf("%s: NoticeCheck(%s, %s, %d) = %+v, want %+v", c.name, c.sent, c.starts, c.days, n, want)
		}
	}
}

// members returns n voting members present from the start, persons 1 … n.
func members(n int) []*Attendee {
	var list []*Attendee
	for i := range n {
		list = append(list, &Attendee{ID: int64(i + 1), PersonID: int64(i + 1), Role: Member, Voting: true, Status: Present})
	}
	return list
}

func TestQuorumOf(t *testing.T) {
	half := QuorumRule{Percent: 50}
	t.Run("exactly half", func(t *testing.T) {
		list := members(10)
		for _, a := range list[5:] {
			a.Status = Apologies
		}
		q := QuorumOf(half, list, "")
		if !q.Needed || q.Members != 10 || q.Required != 5 || q.Present != 5 || !q.Reached {
			t.Errorf("5 of 10 with a half rule: %+v", q)
		}
		list[4].Status = Absent
		if q := QuorumOf(half, list, ""); q.Reached || q.Present != 4 {
			t.Errorf("4 of 10 with a half rule: %+v", q)
		}
	})
	t.Run("a share rounds up", func(t *testing.T) {
		list := members(9)
		for _, a := range list[4:] {
			a.Status = Absent
		}
		if q := QuorumOf(half, list, ""); q.Required != 5 || q.Reached {
			t.Errorf("4 of 9 with a half rule: %+v", q)
		}
		if q := QuorumOf(QuorumRule{Percent: 100}, members(9), ""); q.Required != 9 || !q.Reached {
			t.Errorf("all of 9: %+v", q)
		}
	})
	t.Run("proxies", func(t *testing.T) {
		list := members(10)
		for _, a := range list[4:] {
			a.Status = Absent
		}
		list[9].Status, list[9].ProxyID = Represented, 1 // person 1 is there
		on, off := QuorumRule{Percent: 50, Proxies: true}, half
		if q := QuorumOf(on, list, ""); !q.Reached || q.Present != 5 || q.Proxies != 1 {
			t.Errorf("4 present + 1 proxy, proxies count: %+v", q)
		}
		if q := QuorumOf(off, list, ""); q.Reached || q.Present != 4 || q.Proxies != 0 {
			t.Errorf("4 present + 1 proxy, proxies do not count: %+v", q)
		}
		list[0].Left = "10:00" // the holder leaves: the proxy leaves with them
		if q := QuorumOf(on, list, "10:30"); q.Present != 3 || q.Proxies != 0 {
			t.Errorf("the proxy holder has left: %+v", q)
		}
		list[9].ProxyID = 99 // a holder who is not an attendee: nobody can tell, it counts
		if q := QuorumOf(on, list, "10:30"); q.Present != 4 || q.Proxies != 1 {
			t.Errorf("holder not among the attendees: %+v", q)
		}
	})
	t.Run("fixed number", func(t *testing.T) {
		list := members(20)
		for _, a := range list[3:] {
			a.Status = Absent
		}
		if q := QuorumOf(QuorumRule{Count: 3}, list, ""); q.Required != 3 || !q.Reached {
			t.Errorf("3 present with a rule of 3: %+v", q)
		}
		if q := QuorumOf(QuorumRule{Count: 4}, list, ""); q.Reached {
			t.Errorf("3 present with a rule of 4: %+v", q)
		}
		// Both a share and a number: the larger applies.
		if q := QuorumOf(QuorumRule{Count: 4, Percent: 50}, list, ""); q.Required != 10 {
			t.Errorf("half of 20 or 4: %+v", q)
		}
	})
	t.Run("non-voting attendees do not count", func(t *testing.T) {
		list := members(2)
		list = append(list, &Attendee{PersonID: 3, Role: Guest, Status: Present}, &Attendee{PersonID: 4, Role: Secretary, Status: Present})
		list[1].Status = Absent
		if q := QuorumOf(QuorumRule{Count: 2}, list, ""); q.Members != 2 || q.Present != 1 || q.Reached {
			t.Errorf("guests counted: %+v", q)
		}
	})
	t.Run("no rule", func(t *testing.T) {
		if q := QuorumOf(QuorumRule{}, nil, ""); q.Needed || !q.Reached {
			t.Errorf("no rule: %+v", q)
		}
	})
	t.Run("people who leave and come back", func(t *testing.T) {
		list := members(4) // count 3
		list[0].Events = []AttendanceEvent{{ID: 1, Kind: Departure, At: "10:00"}, {ID: 4, Kind: Arrival, At: "11:00"}}
		list[1].Events = []AttendanceEvent{{ID: 2, Kind: Departure, At: "10:15"}}
		list[2].Arrived = "09:40"
		list[3].Left = "10:30" // recorded by hand, without events
		rule := QuorumRule{Count: 3}
		for _, c := range []struct {
			at      Clock
			present int
		}{{"09:30", 3}, {"09:40", 4}, {"10:00", 3}, {"10:15", 2}, {"10:30", 1}, {"11:00", 2}} {
			if q := QuorumOf(rule, list, c.at); q.Present != c.present || q.Reached != (c.present >= 3) {
				t.Errorf("at %s: %+v, want %d present", c.at, q, c.present)
			}
		}
		timeline := QuorumTimeline(rule, list, "09:30")
		var got []string
		for _, q := range timeline {
			got = append(got, string(q.At)+"="+map[bool]string{true: "reached", false: "lost"}[q.Reached])
		}
		// 09:40 (4), 10:00 (still 3), 10:15 (2: lost), 10:30 (1), 11:00 (2: still lost).
		if strings.Join(got, " ") != "09:30=reached 10:15=lost" {
			t.Errorf("timeline %v", got)
		}
	})
}

func TestActionRAG(t *testing.T) {
	today := Date("2026-03-10")
	for _, c := range []struct {
		due    Date
		status ActionStatus
		want   RAG
	}{
		{"2026-03-09", ActionOpen, Red},
		{"2026-02-28", ActionInProgress, Red},
		{"2026-03-10", ActionOpen, Amber}, // due today
		{"2026-03-17", ActionOpen, Amber}, // 7 days ahead
		{"2026-03-18", ActionOpen, Green}, // 8 days ahead
		{"", ActionOpen, Green},
		{"2026-03-09", ActionDone, Blue},
		{"2026-03-09", ActionCancelled, Blue},
		{"2026-04-30", ActionDone, Blue},
	} {
		a := &Action{Due: c.due, Status: c.status}
		if got := a.RAG(today); got != c.want {
			t.Errorf("due %q, %s on %s: %s, want %s", c.due, c.status, today, got, c.want)
		}
	}
	// Across a month end: 7 days after 28 February 2026 is 7 March.
	if got := (&Action{Due: "2026-03-07", Status: ActionOpen}).RAG("2026-02-28"); got != Amber {
		t.Errorf("7 days across the month end: %s", got)
	}
	if got := (&Action{Due: "2026-03-08", Status: ActionOpen}).RAG("2026-02-28"); got != Green {
		t.Errorf("8 days across the month end: %s", got)
	}
}

func TestRoomTime(t *testing.T) {
	left := &Attendee{Status: Present, Left: "10:20"}
	moved := &Attendee{Status: Present, Events: []AttendanceEvent{{Kind: Arrival, At: "09:45"}}}
	evening := &Attendee{Status: Present, Events: []AttendanceEvent{{Kind: Arrival, At: "21:15"}}}
	late := &Attendee{Status: Present, Events: []AttendanceEvent{{Kind: Arrival, At: "23:50"}, {Kind: Departure, At: "00:10"}}}
	for _, c := range []struct {
		name string
		m    *Meeting
		list []*Attendee
		want Clock
	}{
		{"nothing", nil, nil, ""},
		{"no movement: presence alone", &Meeting{Opened: "09:30"}, []*Attendee{{Status: Present}}, ""},
		{"an arrival", &Meeting{Opened: "09:30"}, []*Attendee{moved}, "09:45"},
		{"a departure typed", &Meeting{Opened: "09:30"}, []*Attendee{left, moved}, "10:20"},
		{"a departure before the opening", &Meeting{}, []*Attendee{left, moved}, "10:20"},
		{"past midnight", &Meeting{Opened: "21:00"}, []*Attendee{evening, late}, "00:10"},
		{"closed", &Meeting{Opened: "09:30", Closed: "11:00"}, []*Attendee{left, moved}, "11:00"},
	} {
		if got := RoomTime(c.m, c.list); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
