package export

import (
	"fmt"
	"strings"

	"quorum/meeting"
)

// lifeWords are the labels of what the minutes say of a meeting's life:
// its notice, its quorum, who came and went, the validation of its minutes.
type lifeWords struct {
	notice, noticeSent, noticeMet, noticeLate string
	clearDay, clearDays                       string

	quorumReached, quorumNotReached, quorumCount, quorumLost, quorumRegained, duringItem string

	movements, arrival, departure string

	submittedStatus, submittedOn, approvedOn, by, approvedByMeeting, returnedOn, reopenedOn string

	dueSoon string
}

var frenchLife = lifeWords{
	notice: "Convocation", noticeSent: "envoyée le %s", noticeMet: "délai de %s respecté", noticeLate: "délai de %s non respecté",
	clearDay: "%d jour franc", clearDays: "%d jours francs",
	quorumReached:    "Le quorum est atteint : %s.",
	quorumNotReached: "Le quorum n'est pas atteint : %s.",
	quorumCount:      "%d membre(s) ayant voix délibérative présent(s) ou représenté(s) sur %d, %d requis",
	quorumLost:       "À %s%s, le quorum n'est plus atteint : %s.",
	quorumRegained:   "À %s%s, le quorum est de nouveau atteint : %s.",
	duringItem:       ", pendant le point %s",
	movements:        "Arrivées et départs en cours de séance",
	arrival:          "%s : arrivée de %s%s", departure: "%s : départ de %s%s",
	submittedStatus: "Soumis à validation",
	submittedOn:     "Procès-verbal soumis à validation le %s%s.",
	approvedOn:      "Procès-verbal approuvé le %s%s.", by: " par %s",
	approvedByMeeting: " par la séance suivante (%s)",
	returnedOn:        "Procès-verbal renvoyé pour correction le %s%s : %s",
	reopenedOn:        "Procès-verbal rouvert le %s%s : %s",
	dueSoon:           "échéance proche",
}

var englishLife = lifeWords{
	notice: "Notice", noticeSent: "sent on %s", noticeMet: "notice of %s met", noticeLate: "notice of %s not met",
	clearDay: "%d clear day", clearDays: "%d clear days",
	quorumReached:    "The quorum is reached: %s.",
	quorumNotReached: "The quorum is not reached: %s.",
	quorumCount:      "%d of %d voting members present or represented, %d required",
	quorumLost:       "At %s%s, the quorum was lost: %s.",
	quorumRegained:   "At %s%s, the quorum was regained: %s.",
	duringItem:       ", during item %s",
	movements:        "Arrivals and departures during the meeting",
	arrival:          "%s: %s arrived%s", departure: "%s: %s left%s",
	submittedStatus: "Submitted for approval",
	submittedOn:     "Minutes submitted for approval on %s%s.",
	approvedOn:      "Minutes approved on %s%s.", by: " by %s",
	approvedByMeeting: " by the following meeting (%s)",
	returnedOn:        "Minutes returned for correction on %s%s: %s",
	reopenedOn:        "Minutes reopened on %s%s: %s",
	dueSoon:           "due soon",
}

func (w *words) life() *lifeWords {
	if w.lang == "en" {
		return &englishLife
	}
	return &frenchLife
}

// noticeLine says when the meeting was convened and whether the notice
// period of its series was met: « envoyée le 03/03/2026 — délai de 5 jours
// francs non respecté »; "" when it was never convened.
func (d *meetingDoc) noticeLine() string {
	n, l := d.r.Notice, d.w.life()
	if d.m.ConvenedOn == "" {
		return ""
	}
	s := fmt.Sprintf(l.noticeSent, d.w.dateOf(d.m.ConvenedOn))
	if n.Required > 0 {
		days := fmt.Sprintf(l.clearDays, n.Required)
		if n.Required == 1 {
			days = fmt.Sprintf(l.clearDay, 1)
		}
		verdict := l.noticeMet
		if n.Late {
			verdict = l.noticeLate
		}
		s += " — " + fmt.Sprintf(verdict, days)
	}
	return s
}

// held reports whether the meeting has sat, so that its minutes can say
// who was there and whether it could decide.
func (d *meetingDoc) held() bool {
	switch d.m.Status {
	case meeting.Held, meeting.MinutesDraft, meeting.MinutesSubmitted, meeting.MinutesApproved:
		return true
	}
	return false
}

// appendQuorum states whether the quorum was reached at the opening, then
// when it was lost or regained, during which item.
func (d *minutesDoc) appendQuorum() {
	if d.r.Series == nil || !d.held() {
		return
	}
	l := d.w.life()
	for i, q := range meeting.QuorumTimeline(d.r.Series.Quorum, d.r.Attendees, d.m.Opened) {
		if !q.Needed {
			return
		}
		count := fmt.Sprintf(l.quorumCount, q.Present, q.Members, q.Required)
		var line string
		switch {
		case i == 0 && q.Reached:
			line = fmt.Sprintf(l.quorumReached, count)
		case i == 0:
			line = fmt.Sprintf(l.quorumNotReached, count)
		case q.Reached:
			line = fmt.Sprintf(l.quorumRegained, d.w.clockOf(q.At), d.itemAt(q.At), count)
		default:
			line = fmt.Sprintf(l.quorumLost, d.w.clockOf(q.At), d.itemAt(q.At), count)
		}
		colour := black
		if !q.Reached {
			colour = red
		}
		d.space(1)
		d.para(line, "", colour)
	}
}

// itemAt names the item under discussion at a time of the sitting:
// « , pendant le point 3 »; "" between items (and, in the public variant,
// during a closed session).
func (d *minutesDoc) itemAt(at meeting.Clock) string {
	var number string
	d.r.Agenda.Walk(func(it *meeting.AgendaItem) {
		if it.Started != "" && it.Started <= at && (it.Ended == "" || at < it.Ended) && d.shown(it) {
			number = it.Number
		}
	})
	return d.itemSuffix(number)
}

func (d *minutesDoc) itemSuffix(number string) string {
	if number == "" {
		return ""
	}
	return fmt.Sprintf(d.w.life().duringItem, number)
}

// appendMovements lists who arrived or left during the sitting, and during
// which item.
func (d *minutesDoc) appendMovements() {
	moves := meeting.Movements(d.r.Attendees)
	if len(moves) == 0 {
		return
	}
	l := d.w.life()
	d.space(2)
	d.para(l.movements, "B", black)
	for _, e := range moves {
		format := l.arrival
		if e.Kind == meeting.Departure {
			format = l.departure
		}
		var number string
		if it := d.r.Agenda.Find(e.ItemID); it != nil && d.shown(it) {
			number = it.Number
		}
		d.para(fmt.Sprintf(format, d.w.clockOf(e.At), e.Name, d.itemSuffix(number)), "", black)
	}
}

// appendValidation prints the latest step of the validation of the
// minutes: who approved them and when, or why they were returned or
// reopened.
func (d *minutesDoc) appendValidation() {
	if len(d.r.Steps) == 0 {
		return
	}
	l := d.w.life()
	st := d.r.Steps[len(d.r.Steps)-1]
	day := d.w.shortDate(st.At.In(d.m.Starts.Location()))
	var by string
	switch {
	case st.ByMeeting != 0:
		by = fmt.Sprintf(l.approvedByMeeting, st.By)
	case st.By != "":
		by = fmt.Sprintf(l.by, st.By)
	}
	var line string
	switch st.Step {
	case meeting.Submitted:
		line = fmt.Sprintf(l.submittedOn, day, by)
	case meeting.Approved:
		line = fmt.Sprintf(l.approvedOn, day, by)
	case meeting.Returned:
		line = fmt.Sprintf(l.returnedOn, day, by, st.Comment)
	case meeting.Reopened:
		line = fmt.Sprintf(l.reopenedOn, day, by, st.Comment)
	}
	d.space(4)
	d.para(line, "B", black)
}

// reviewLines list, under the agenda's "Review of actions", the series'
// open actions: « • Chiffrer l'option B — Claire Martin, 15/01/2027 (en
// retard) ».
func (d *agendaDoc) reviewLines() []part {
	w := d.w
	if len(d.r.Review) == 0 {
		return []part{{text: w.noActions, style: "I", colour: grey, size: smallSize + 1}}
	}
	today := meeting.DateOf(d.o.now())
	var parts []part
	for _, a := range d.r.Review {
		var who []string
		if a.OwnerName != "" {
			who = append(who, a.OwnerName)
		}
		if a.Due != "" {
			who = append(who, w.dateOf(a.Due))
		}
		line := "• " + a.Title
		if len(who) > 0 {
			line += " — " + strings.Join(who, ", ")
		}
		p := part{text: line, size: smallSize + 1}
		switch a.RAG(today) {
		case meeting.Red:
			p.text += " (" + w.overdue + ")"
			p.colour = red
		case meeting.Amber:
			p.text += " (" + w.life().dueSoon + ")"
			p.colour = amber
		}
		parts = append(parts, p)
	}
	return parts
}
