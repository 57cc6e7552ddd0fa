package export

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"quorum/meeting"
)

// Options are the choices made when printing a document.
type Options struct {
	Language string    // "fr" or "en"; "": the meeting's language
	Public   bool      // minutes: leave confidential items out
	Now      time.Time // the moment of printing; zero: now
}

func (o Options) now() time.Time {
	if o.Now.IsZero() {
		return time.Now()
	}
	return o.Now
}

// kind is a kind of meeting document, with its code in references.
type kind struct {
	name func(*words) string
	code [2]string // French and English reference codes
}

var (
	kindAgenda     = kind{func(w *words) string { return w.agenda }, [2]string{"ODJ", "AGENDA"}}
	kindMinutes    = kind{func(w *words) string { return w.minutes }, [2]string{"PV", "MINUTES"}}
	kindAttendance = kind{func(w *words) string { return w.attendanceSheet }, [2]string{"EMARGEMENT", "ATTENDANCE"}}
	kindActions    = kind{func(w *words) string { return w.actionLog }, [2]string{"ACTIONS", "ACTIONS"}}
)

// meetingDoc prepares a document about one meeting: its words, and the
// header, footer and reference every page carries.
type meetingDoc struct {
	*doc
	r *meeting.Record
	m *meeting.Meeting
	o Options
}

func newMeetingDoc(r *meeting.Record, o Options, k kind, title func(*words) string, watermark bool) *meetingDoc {
	w := wordsFor(cmp.Or(o.Language, r.Meeting.Language))
	m := r.Meeting
	d := newDoc(docSpec{words: w, title: title(w), reference: reference(m, w, k),
		organisation: r.Settings.Organisation, logo: r.Settings.Logo,
		headerRight:    m.Title + "\n" + w.longDate(m.Starts),
		classification: m.Classification, watermark: watermark, created: o.now()})
	d.pdf.AddPage()
	return &meetingDoc{doc: d, r: r, m: m, o: o}
}

// reference names a document: CODIR-12-ODJ for the agenda of CODIR n° 12,
// R7-PV for the minutes of the one-off meeting 7.
func reference(m *meeting.Meeting, w *words, k kind) string {
	code := k.code[0]
	if w.lang == "en" {
		code = k.code[1]
	}
	if m.SeriesCode != "" {
		return fmt.Sprintf("%s-%d-%s", m.SeriesCode, m.Number, code)
	}
	return fmt.Sprintf("R%d-%s", m.ID, code)
}

// appendTitle prints the document's name and the meeting's at the top of
// the first page.
func (d *meetingDoc) appendTitle() {
	subject, detail := d.subject()
	d.title(d.spec.title, subject, detail)
}

// when writes the meeting's date and times: « jeudi 3 décembre 2026,
// 9 h 30 – 11 h 30 ».
func (d *meetingDoc) when() string {
	s := d.w.longDate(d.m.Starts) + ", " + d.w.clock(d.m.Starts)
	if d.m.Minutes > 0 {
		s += " – " + d.w.clock(d.m.Ends())
	}
	return s
}

// subject is the meeting's title with its series and number.
func (d *meetingDoc) subject() (title, detail string) {
	detail = d.when()
	if d.r.Series != nil {
		detail = d.r.Series.Name + " — " + fmt.Sprintf(d.w.sitting, d.m.Number) + "\n" + detail
	}
	if d.m.Status == meeting.Cancelled {
		detail += "\n" + strings.ToUpper(d.w.cancelled)
	}
	return d.m.Title, detail
}

// attendee returns the attendee in a role (the first), or nil.
func (d *meetingDoc) attendee(role meeting.Role) *meeting.Attendee {
	for _, a := range d.r.Attendees {
		if a.Role == role {
			return a
		}
	}
	return nil
}

func nameOf(a *meeting.Attendee) string {
	if a == nil {
		return ""
	}
	return a.Person.Name
}

// version tells which state of the record a document shows: the time of
// its last change.
func (d *meetingDoc) version() string {
	t := d.m.Updated.In(d.m.Starts.Location())
	return d.w.shortDate(t) + " " + d.w.clock(t)
}

// function is a person's job title and organisation, as one line.
func function(p meeting.Person) string {
	switch {
	case p.Title != "" && p.Organisation != "":
		return p.Title + ", " + p.Organisation
	}
	return p.Title + p.Organisation
}
