package export

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"quorum/meeting"
)

// noticeWords are the words of the calendar invite, the mail draft and the
// spreadsheets, in one language.
type noticeWords struct {
	subject, cancelSubject, greeting, invitation, cancellation, attached, closing string
	noEmail, meeting, yes                                                         string
	calendarInvite                                                                string // names the .ics file
}

var noticeFrench = noticeWords{
	subject: "Convocation", cancelSubject: "Annulation",
	greeting:     "Madame, Monsieur,",
	invitation:   "Vous êtes convié(e) à la séance dont l'ordre du jour suit ; la convocation est jointe, avec l'invitation pour votre agenda.",
	cancellation: "La séance ci-dessous est annulée. L'invitation jointe la retire de votre agenda.",
	attached:     "Pièces jointes : %s.", closing: "Bien cordialement,",
	noEmail: "sans adresse électronique", meeting: "Séance", yes: "oui",
	calendarInvite: "invitation",
}

var noticeEnglish = noticeWords{
	subject: "Notice of meeting", cancelSubject: "Cancelled",
	greeting:     "Dear all,",
	invitation:   "You are invited to the meeting below; its notice is attached, with an invitation for your calendar.",
	cancellation: "The meeting below is cancelled. The attached invitation removes it from your calendar.",
	attached:     "Attached: %s.", closing: "Kind regards,",
	noEmail: "no email address", meeting: "Meeting", yes: "yes",
	calendarInvite: "calendar invite",
}

func noticeWordsFor(w *words) *noticeWords {
	if w.lang == "en" {
		return &noticeEnglish
	}
	return &noticeFrench
}

// noticeLine is one line of a notice's text, indented by level.
type noticeLine struct {
	text  string
	level int
}

// noticeSection is a block of the text a notice carries: a heading (or
// none) and its lines.
type noticeSection struct {
	heading string
	lines   []noticeLine
}

// notice is what the invite's description and the mail's body say about a
// meeting, in one language.
type notice struct {
	*meetingDoc
	nw *noticeWords
}

// newNotice prepares the text of a meeting's notice. It lays out no page.
func newNotice(r *meeting.Record, o Options) *notice {
	w := wordsFor(cmp.Or(o.Language, r.Meeting.Language))
	return &notice{meetingDoc: &meetingDoc{doc: &doc{w: w}, r: r, m: r.Meeting, o: o}, nw: noticeWordsFor(w)}
}

// subject is the mail's subject: « Convocation – Comité de direction n° 12
// – jeudi 3 décembre 2026 ».
func (n *notice) subject() string {
	word := n.nw.subject
	if n.m.Status == meeting.Cancelled {
		word = n.nw.cancelSubject
	}
	return word + " – " + n.name() + " – " + n.w.longDate(n.m.Starts)
}

// name is the meeting's title, with its series and number when it has them.
func (n *notice) name() string {
	if n.r.Series != nil && !strings.Contains(n.m.Title, n.r.Series.Name) {
		return n.r.Series.Name + " — " + n.m.Title
	}
	return n.m.Title
}

// sections are the meeting's details, its agenda with times and who is
// invited (those without an email address said so).
func (n *notice) sections() []noticeSection {
	w := n.w
	title, detail := n.meetingDoc.subject()
	head := noticeSection{lines: []noticeLine{{text: title}}}
	for _, l := range strings.Split(detail, "\n") {
		head.lines = append(head.lines, noticeLine{text: l})
	}
	for _, kv := range [][2]string{{w.place, n.m.Place}, {w.link, n.m.Link}, {w.papersDue, w.dateOf(n.m.PapersDue)}} {
		if kv[1] != "" {
			head.lines = append(head.lines, noticeLine{text: kv[0] + w.colon + kv[1]})
		}
	}
	agenda := noticeSection{heading: w.agenda}
	n.r.Agenda.Walk(func(it *meeting.AgendaItem) {
		line := it.Number + ". " + it.Title
		if it.Level > 0 {
			line = it.Number + " " + it.Title
		}
		var when []string
		if !it.Start.IsZero() {
			when = append(when, w.clock(it.Start))
		}
		if it.Minutes > 0 {
			when = append(when, w.span(it.Minutes))
		}
		if len(when) > 0 {
			line += " — " + strings.Join(when, ", ")
		}
		if it.Confidential {
			line += " (" + w.confidentialItem + ")"
		}
		if it.PresenterName != "" {
			line += " — " + fmt.Sprintf(w.presenter, it.PresenterName)
		}
		agenda.lines = append(agenda.lines, noticeLine{text: line, level: it.Level})
	})
	if len(agenda.lines) == 0 {
		agenda.lines = []noticeLine{{text: w.noItems}}
	}
	invited := noticeSection{heading: w.invited}
	attendees := slices.Clone(n.r.Attendees)
	slices.SortStableFunc(attendees, func(a, b *meeting.Attendee) int {
		return slices.Index(roleOrder, a.Role) - slices.Index(roleOrder, b.Role)
	})
	for _, a := range attendees {
		line := a.Person.Name + " — " + w.roles[a.Role]
		if f := function(a.Person); f != "" {
			line += " (" + f + ")"
		}
		if a.Person.Email == "" {
			line += " — " + n.nw.noEmail
		}
		invited.lines = append(invited.lines, noticeLine{text: line})
	}
	if len(invited.lines) == 0 {
		invited.lines = []noticeLine{{text: w.noAttendees}}
	}
	return []noticeSection{head, agenda, invited}
}

// plainText writes sections as plain text, sub-items indented.
func plainText(sections []noticeSection) string {
	var b strings.Builder
	for i, s := range sections {
		if i > 0 {
			b.WriteString("\n")
		}
		if s.heading != "" {
			b.WriteString(s.heading + "\n")
		}
		for _, l := range s.lines {
			b.WriteString(strings.Repeat("   ", l.level) + l.text + "\n")
		}
	}
	return b.String()
}

// organiser is who sends the notice: the secretary, else the chair, else
// the first attendee, who has an email address; nil when nobody has one.
func (n *notice) organiser() *meeting.Attendee {
	for _, role := range []meeting.Role{meeting.Secretary, meeting.Chair} {
		for _, a := range n.r.Attendees {
			if a.Role == role && a.Person.Email != "" {
				return a
			}
		}
	}
	for _, a := range n.r.Attendees {
		if a.Person.Email != "" {
			return a
		}
	}
	return nil
}
