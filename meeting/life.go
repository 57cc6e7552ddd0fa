package meeting

import (
	"cmp"
	"slices"
	"time"
)

// Notice is the check of a notice period counted in clear days (jours
// francs): neither the day the notice is sent nor the day of the meeting
// counts.
type Notice struct {
	Required  int  // clear days the series asks for; 0: none
	Sent      Date // the day the notice was (or would be) sent
	LastDay   Date // the last day to send it in time; "" when none is required
	ClearDays int  // clear days between sending and the meeting
	Late      bool // fewer clear days than required
}

// NoticeCheck checks a notice sent on the day sent for a meeting starting
// at starts (its day in its own time zone), against clearDays clear days.
// Sent on Monday 1 for Monday 8, a notice gives 6 clear days (2 … 7); the
// last day to send it with 5 clear days is Tuesday 2.
func NoticeCheck(sent Date, starts time.Time, clearDays int) Notice {
	day := DateOf(starts).Time()
	n := Notice{Required: clearDays, Sent: sent}
	n.ClearDays = max(0, int(day.Sub(sent.Time()).Hours()/24)-1)
	if clearDays > 0 {
		n.LastDay = DateOf(day.AddDate(0, 0, -clearDays-1))
		n.Late = n.ClearDays < clearDays
	}
	return n
}

// QuorumState is whether a meeting could decide at one time of the sitting.
type QuorumState struct {
	At       Clock
	Needed   bool // the rule asks for a quorum
	Members  int  // voting members of the meeting
	Required int  // voting members who must be there
	Present  int  // voting members there (with proxies, when they count)
	Proxies  int  // of which represented by a proxy
	Reached  bool
}

// QuorumOf says whether the quorum rule is met at the time at ("": at any
// time, from the attendees' presence alone). Voting members count when
// present at that time (see Attendee.PresentAt); a represented member
// counts when the rule takes proxies and their proxy holder is there (or
// is not among the attendees, so that nobody can tell). A share rounds up:
// half of 9 is 5. When a rule has both a share and a number, the larger
// applies.
func QuorumOf(rule QuorumRule, attendees []*Attendee, at Clock) QuorumState {
	q := QuorumState{At: at, Needed: rule.Percent > 0 || rule.Count > 0}
	holders := map[int64]*Attendee{}
	for _, a := range attendees {
		holders[a.PersonID] = a
	}
	for _, a := range attendees {
		if !a.Voting {
			continue
		}
		q.Members++
		switch {
		case a.PresentAt(at):
			q.Present++
		case rule.Proxies && a.Status == Represented:
			if h := holders[a.ProxyID]; h == nil || h.PresentAt(at) {
				q.Present++
				q.Proxies++
			}
		}
	}
	q.Required = max(rule.Count, (q.Members*rule.Percent+99)/100)
	q.Reached = q.Present >= q.Required
	return q
}

// RoomTime is the time of the sitting at which the room is judged (who is
// there, whether the quorum is reached) for meeting m and its attendees:
// once the sitting has closed, its close; else the latest arrival or
// departure recorded, so that someone who left is no longer counted even
// though their presence still reads present; "" when none was recorded,
// the presence alone then saying who is there (a meeting prepared).
func RoomTime(m *Meeting, attendees []*Attendee) Clock {
	if m != nil && m.Closed != "" {
		return m.Closed
	}
	var latest Clock
	later := func(c Clock) {
		if c != "" && (latest == "" || c.After(latest)) {
			latest = c
		}
	}
	for _, a := range attendees {
		later(a.Arrived)
		later(a.Left)
		for _, e := range a.Events {
			later(e.At)
		}
	}
	return latest
}

// PresentAt reports whether the attendee was in the room at the time at.
// Their arrivals and departures decide when there are any; otherwise a
// present attendee is there from their arrival time (if any) until their
// departure time (if any). With at "", a present attendee is there.
func (a *Attendee) PresentAt(at Clock) bool {
	if a.Status != Present {
		return false
	}
	if at == "" {
		return true
	}
	if len(a.Events) > 0 {
		in := a.Events[0].Kind == Departure // someone whose first event is leaving was there before
		for _, e := range a.Events {
			if e.At.After(at) {
				break
			}
			in = e.Kind == Arrival
		}
		return in
	}
	return (a.Arrived == "" || !a.Arrived.After(at)) && (a.Left == "" || a.Left.After(at))
}

// QuorumTimeline gives the quorum at the opening of the sitting, then each
// time an arrival or departure made it lost or regained.
func QuorumTimeline(rule QuorumRule, attendees []*Attendee, opened Clock) []QuorumState {
	states := []QuorumState{QuorumOf(rule, attendees, opened)}
	var times []Clock
	for _, a := range attendees {
		if len(a.Events) == 0 {
			times = append(times, a.Arrived, a.Left)
		}
	}
	for _, e := range Movements(attendees) {
		times = append(times, e.At)
	}
	slices.SortFunc(times, compareClocks)
	for _, at := range slices.Compact(times) {
		if at == "" || !at.After(opened) {
			continue
		}
		q := QuorumOf(rule, attendees, at)
		if q.Reached != states[len(states)-1].Reached {
			states = append(states, q)
		}
	}
	return states
}

// Movements returns the arrivals and departures of all the attendees, in
// the order they happened.
func Movements(attendees []*Attendee) []AttendanceEvent {
	var list []AttendanceEvent
	for _, a := range attendees {
		list = append(list, a.Events...)
	}
	slices.SortStableFunc(list, func(x, y AttendanceEvent) int {
		return cmp.Or(compareClocks(x.At, y.At), cmp.Compare(x.ID, y.ID))
	})
	return list
}

// compareClocks orders two times of a sitting (see Clock.After).
func compareClocks(x, y Clock) int {
	switch {
	case x.After(y):
		return 1
	case y.After(x):
		return -1
	}
	return 0
}

// RAG is the colour that says how an action stands: red, amber, green,
// blue.
type RAG string

// The RAG colours.
const (
	Red   RAG = "red"   // overdue
	Amber RAG = "amber" // due within 7 days
	Green RAG = "green" // on time, or no due date
	Blue  RAG = "blue"  // done or cancelled
)

// AmberDays is how many days ahead a due action turns amber.
const AmberDays = 7

// RAG says how the action stands on the day today: blue when done or
// cancelled; red when due before today; amber when due today or within
// AmberDays days; green otherwise (or without a due date).
func (a *Action) RAG(today Date) RAG {
	switch {
	case a.Status == ActionDone || a.Status == ActionCancelled:
		return Blue
	case a.Due == "":
		return Green
	case a.Due < today:
		return Red
	case a.Due <= DateOf(today.Time().AddDate(0, 0, AmberDays)):
		return Amber
	}
	return Green
}

// MinutesStep is one step in the validation of a meeting's minutes.
type MinutesStep struct {
	ID        int64
	MeetingID int64
	Step      StepKind
	By        string // who took the step (a name); "" when not given
	At        time.Time
	Comment   string // why it was returned or reopened; any remark
	ByMeeting int64  // approved by a decision of this meeting; 0: not so
}

// StepKind is a kind of step in the validation of minutes.
type StepKind string

// The steps of the validation of minutes.
const (
	Submitted StepKind = "submitted" // minutes-draft → minutes-submitted
	Approved  StepKind = "approved"  // → minutes-approved
	Returned  StepKind = "returned"  // minutes-submitted → minutes-draft, with a comment
	Reopened  StepKind = "reopened"  // minutes-approved → minutes-draft, with a reason
)

// minutesSteps gives, for each step, the statuses it leads from and to.
var minutesSteps = map[StepKind]struct {
	from Status
	to   Status
}{
	Submitted: {MinutesDraft, MinutesSubmitted},
	Approved:  {MinutesSubmitted, MinutesApproved},
	Returned:  {MinutesSubmitted, MinutesDraft},
	Reopened:  {MinutesApproved, MinutesDraft},
}

// StepTo returns the step of the validation of minutes that moves a
// meeting from status s to t, or "" when that change is not one.
func (s Status) StepTo(t Status) StepKind {
	for kind, st := range minutesSteps {
		if st.from == s && st.to == t {
			return kind
		}
	}
	return ""
}
