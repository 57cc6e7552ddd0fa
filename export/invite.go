package export

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"

	"quorum/meeting"
)

// InviteUID is the UID of a meeting's calendar entry: the same for every
// invite of the meeting, so that a calendar updates or cancels the entry it
// has; different between meetings and between databases (it carries the
// moment the meeting was created).
func InviteUID(m *meeting.Meeting) string {
	return fmt.Sprintf("quorum-%d-%s@quorum.invalid", m.ID, m.Created.UTC().Format("20060102T150405Z"))
}

// inviteSequence numbers the invite's revisions: the seconds between the
// meeting's creation and its last change, so that each change of the
// meeting (its time, place, status) gives a greater number.
func inviteSequence(m *meeting.Meeting) int {
	return max(0, int(m.Updated.Sub(m.Created)/time.Second))
}

// Invite writes a meeting's calendar invite (RFC 5545, iTIP method
// REQUEST; CANCEL for a cancelled meeting): its time in its time zone
// (with the zone's rules), place, video link, organiser and attendees with
// their roles, and the agenda in the description. Attendees without an
// email address cannot be invited by a calendar: only the description
// names them.
func Invite(w io.Writer, r *meeting.Record, o Options) error {
	cal, err := invite(r, o)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := ical.NewEncoder(&b).Encode(cal); err != nil {
		return fmt.Errorf("cannot write the invite: %w", err)
	}
	_, err = w.Write(foldLines(b.Bytes()))
	return err
}

// inviteMethod is the iTIP method of a meeting's invite.
func inviteMethod(m *meeting.Meeting) string {
	if m.Status == meeting.Cancelled {
		return "CANCEL"
	}
	return "REQUEST"
}

func invite(r *meeting.Record, o Options) (*ical.Calendar, error) {
	n := newNotice(r, o)
	m := r.Meeting
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropProductID, "-//Quorum//Quorum//"+n.w.lang)
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	cal.Props.SetText(ical.PropMethod, inviteMethod(m))

	starts := m.Starts
	if m.TimeZone != "" {
		loc, err := time.LoadLocation(m.TimeZone)
		if err != nil {
			return nil, meeting.Errorf(meeting.EINVALID, "the meeting's time zone %q is unknown", m.TimeZone)
		}
		starts = starts.In(loc)
		cal.Children = append(cal.Children, timezone(loc, starts))
	} else {
		starts = starts.UTC() // a fixed offset has no name a calendar knows
	}

	ev := ical.NewEvent()
	ev.Props.SetText(ical.PropUID, InviteUID(m))
	ev.Props.SetDateTime(ical.PropDateTimeStamp, o.now().UTC())
	ev.Props.SetDateTime(ical.PropCreated, m.Created.UTC())
	ev.Props.SetDateTime(ical.PropLastModified, m.Updated.UTC())
	seq := ical.NewProp(ical.PropSequence)
	seq.Value = fmt.Sprint(inviteSequence(m))
	ev.Props.Set(seq)
	ev.Props.SetDateTime(ical.PropDateTimeStart, starts)
	if m.Minutes > 0 {
		ev.Props.SetDateTime(ical.PropDateTimeEnd, starts.Add(time.Duration(m.Minutes)*time.Minute))
	}
	ev.Props.SetText(ical.PropSummary, n.name())
	if m.Place != "" {
		ev.Props.SetText(ical.PropLocation, m.Place)
	}
	if m.Link != "" {
		link := ical.NewProp(ical.PropURL)
		link.Value = m.Link
		ev.Props.Set(link)
	}
	ev.Props.SetText(ical.PropDescription, strings.TrimSuffix(plainText(n.sections()), "\n"))
	ev.Props.SetText(ical.PropStatus, eventStatus(m.Status))
	ev.Props.SetText(ical.PropClass, eventClass(m.Classification))
	ev.Props.SetText(ical.PropTransparency, "OPAQUE")
	org := n.organiser()
	if org != nil {
		p := calAddress(ical.PropOrganizer, org)
		ev.Props.Set(p)
	}
	for _, a := range r.Attendees {
		if a.Person.Email == "" {
			continue
		}
		p := calAddress(ical.PropAttendee, a)
		p.Params.Set(ical.ParamRole, attendeeRoles[a.Role])
		p.Params.Set(ical.ParamParticipationStatus, partStats[a.Status])
		p.Params.Set(ical.ParamCalendarUserType, "INDIVIDUAL")
		rsvp := "TRUE"
		if a == org || a.Role == meeting.Observer || m.Status == meeting.Cancelled {
			rsvp = "FALSE"
		}
		p.Params.Set(ical.ParamRSVP, rsvp)
		ev.Props.Add(p)
	}
	cal.Children = append(cal.Children, ev.Component)
	return cal, nil
}

// calAddress is an ORGANIZER or ATTENDEE property: mailto: and the
// person's name. A parameter value cannot hold a double quote.
func calAddress(name string, a *meeting.Attendee) *ical.Prop {
	p := ical.NewProp(name)
	p.Value = "mailto:" + a.Person.Email
	p.Params.Set(ical.ParamCommonName, quoteless(a.Person.Name))
	return p
}

func quoteless(s string) string {
	b := []rune(s)
	for i, r := range b {
		if r == '"' {
			b[i] = '\''
		}
	}
	return string(b)
}

// attendeeRoles maps attendees' roles to iCalendar's: the chair chairs,
// members and the secretary must come, guests may, observers only watch.
var attendeeRoles = map[meeting.Role]string{
	meeting.Chair:     "CHAIR",
	meeting.Secretary: "REQ-PARTICIPANT",
	meeting.Member:    "REQ-PARTICIPANT",
	meeting.Guest:     "OPT-PARTICIPANT",
	meeting.Observer:  "NON-PARTICIPANT",
}

// partStats maps presence to participation status.
var partStats = map[meeting.Presence]string{
	meeting.Invited:     "NEEDS-ACTION",
	meeting.Confirmed:   "ACCEPTED",
	meeting.Present:     "ACCEPTED",
	meeting.Apologies:   "DECLINED",
	meeting.Absent:      "DECLINED",
	meeting.Represented: "DELEGATED",
}

func eventStatus(s meeting.Status) string {
	switch s {
	case meeting.Cancelled:
		return "CANCELLED"
	case meeting.Draft:
		return "TENTATIVE"
	}
	return "CONFIRMED"
}

// eventClass: public meetings are PUBLIC; confidential and secret ones
// CONFIDENTIAL; the others PRIVATE.
func eventClass(c meeting.Classification) string {
	switch c {
	case meeting.Public:
		return "PUBLIC"
	case meeting.Confidential, meeting.Secret:
		return "CONFIDENTIAL"
	}
	return "PRIVATE"
}

// timezone describes a time zone for calendars that do not know it: every
// change of offset from the start of the year before the meeting to the
// end of the year after, each as a STANDARD or DAYLIGHT observance with its
// onset. A zone without changes gets one observance.
func timezone(loc *time.Location, at time.Time) *ical.Component {
	tz := ical.NewComponent(ical.CompTimezone)
	tz.Props.SetText(ical.PropTimezoneID, loc.String())
	from := time.Date(at.Year()-1, 1, 1, 0, 0, 0, 0, loc)
	until := time.Date(at.Year()+2, 1, 1, 0, 0, 0, 0, loc)
	t := from
	for {
		_, end := t.ZoneBounds()
		if end.IsZero() || !end.Before(until) {
			break
		}
		_, before := end.Add(-time.Second).Zone()
		tz.Children = append(tz.Children, observance(end, before))
		t = end
	}
	if len(tz.Children) == 0 {
		_, offset := from.Zone()
		tz.Children = append(tz.Children, observance(time.Date(1970, 1, 1, 0, 0, 0, 0, time.FixedZone("", offset)), offset))
	}
	return tz
}

// observance is the time zone's rule from onset on; offsetFrom is the
// offset before it.
func observance(onset time.Time, offsetFrom int) *ical.Component {
	name, offsetTo := onset.Zone()
	kind := ical.CompTimezoneStandard
	if onset.IsDST() {
		kind = ical.CompTimezoneDaylight
	}
	c := ical.NewComponent(kind)
	start := ical.NewProp(ical.PropDateTimeStart)
	start.Value = onset.In(time.FixedZone("", offsetFrom)).Format("20060102T150405") // local time before the change
	c.Props.Set(start)
	for prop, offset := range map[string]int{ical.PropTimezoneOffsetFrom: offsetFrom, ical.PropTimezoneOffsetTo: offsetTo} {
		p := ical.NewProp(prop)
		p.Value = utcOffset(offset)
		c.Props.Set(p)
	}
	if name != "" {
		c.Props.SetText(ical.PropTimezoneName, name)
	}
	return c
}

// utcOffset writes an offset in seconds as iCalendar does: +0100, -0330.
func utcOffset(seconds int) string {
	sign := "+"
	if seconds < 0 {
		sign, seconds = "-", -seconds
	}
	s := fmt.Sprintf("%s%02d%02d", sign, seconds/3600, seconds/60%60)
	if seconds%60 != 0 {
		s += fmt.Sprintf("%02d", seconds%60)
	}
	return s
}

// foldLines folds content lines longer than 75 octets (RFC 5545 § 3.1):
// a line break and a space, never inside a UTF-8 character.
func foldLines(data []byte) []byte {
	var out bytes.Buffer
	for _, line := range bytes.SplitAfter(data, []byte("\r\n")) {
		body := bytes.TrimSuffix(line, []byte("\r\n"))
		limit := 75
		for len(body) > limit {
			cut := limit
			for cut > 0 && !utf8.RuneStart(body[cut]) {
				cut--
			}
			out.Write(body[:cut])
			out.WriteString("\r\n ")
			body = body[cut:]
			limit = 74 // the leading space counts
		}
		out.Write(body)
		if len(body) < len(line) {
			out.WriteString("\r\n")
		}
	}
	return out.Bytes()
}
