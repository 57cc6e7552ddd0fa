package export

import (
	"fmt"
	"io"
	"strings"

	"quorum/meeting"
)

// Minutes writes the minutes (procès-verbal): when the meeting was
// convened and whether the notice period was met; attendance in the usual
// groups, opening and closing times, whether the quorum was reached (and
// when it was lost or regained), who arrived or left during which item;
// then for each item its notes, decisions with their votes and actions;
// the latest step of the validation of the minutes (who approved them,
// when) and a signature block. Minutes not yet approved carry a diagonal
// DRAFT. The public variant leaves confidential items out, and says so.
func Minutes(w io.Writer, r *meeting.Record, o Options) error {
	title := func(w *words) string {
		if o.Public {
			return w.publicMinutes
		}
		return w.minutes
	}
	d := &minutesDoc{newMeetingDoc(r, o, kindMinutes, title, r.Meeting.Status != meeting.MinutesApproved)}
	d.appendTitle()
	d.appendDetails()
	d.appendControl()
	d.appendAttendance()
	d.appendQuorum()
	d.appendMovements()
	d.appendItems()
	d.appendOtherActions()
	d.appendValidation()
	d.appendSignatures()
	return d.write(w)
}

type minutesDoc struct{ *meetingDoc }

func (d *minutesDoc) appendDetails() {
	w, m := d.w, d.m
	d.keyValues([][2]string{
		{w.place, m.Place},
		{w.chair, nameOf(d.attendee(meeting.Chair))},
		{w.secretary, nameOf(d.attendee(meeting.Secretary))},
		{w.life().notice, d.noticeLine()},
	})
	if d.o.Public {
		d.space(2)
		d.para(w.publicNote, "I", grey)
	}
}

func (d *minutesDoc) appendControl() {
	status := d.w.draft
	switch d.m.Status {
	case meeting.MinutesApproved:
		status = d.w.approved
	case meeting.MinutesSubmitted:
		status = d.w.life().submittedStatus
	}
	d.control(d.version(), status, nameOf(d.attendee(meeting.Secretary)))
}

// appendAttendance lists who was there, in the groups minutes use:
// present, apologies, represented (with their proxy), absent, and in
// attendance (guests and observers who came).
func (d *minutesDoc) appendAttendance() {
	w := d.w
	groups := map[string][]string{}
	var order = []string{w.present, w.represented, w.apologies, w.absent, w.inAttendance, w.notRecorded}
	for _, a := range d.r.Attendees {
		line := a.Person.Name
		if f := function(a.Person); f != "" {
			line += " — " + f
		}
		var times []string
		if a.Arrived != "" {
			times = append(times, fmt.Sprintf(w.arrivedAt, w.clockOf(a.Arrived)))
		}
		if a.Left != "" {
			times = append(times, fmt.Sprintf(w.leftAt, w.clockOf(a.Left)))
		}
		if len(times) > 0 {
			line += " (" + strings.Join(times, ", ") + ")"
		}
		var group string
		switch a.Status {
		case meeting.Present:
			group = w.present
			if a.Role == meeting.Guest || a.Role == meeting.Observer {
				group = w.inAttendance
			}
		case meeting.Represented:
			group = w.represented
			if a.ProxyName != "" {
				line += " — " + fmt.Sprintf(w.proxyTo, a.ProxyName)
			}
		case meeting.Apologies:
			group = w.apologies
		case meeting.Absent:
			group = w.absent
		default:
			group = w.notRecorded
		}
		groups[group] = append(groups[group], line)
	}
	var rows [][]cell
	for _, g := range order {
		if len(groups[g]) > 0 {
			rows = append(rows, []cell{text(g, "B"), text(strings.Join(groups[g], "\n"), "")})
		}
	}
	d.heading(w.attendance)
	if len(rows) == 0 {
		d.para(w.noAttendees, "I", grey)
	} else {
		d.table(table{cols: []column{{width: 25}, {width: 75}}, noHeader: true, rules: true}, rows)
	}
	if d.m.Opened != "" {
		d.space(3)
		d.para(fmt.Sprintf(w.opened, w.clockOf(d.m.Opened)), "", black)
	}
}

// shown reports whether an item is printed: in the public variant,
// confidential items and everything under them are left out.
func (d *minutesDoc) shown(it *meeting.AgendaItem) bool {
	if !d.o.Public {
		return true
	}
	for ; it != nil; it = d.r.Agenda.Find(it.ParentID) {
		if it.Confidential {
			return false
		}
	}
	return true
}

func (d *minutesDoc) appendItems() {
	w := d.w
	if len(d.r.Agenda) == 0 {
		d.heading(w.agenda)
		d.para(w.noItems, "I", grey)
		return
	}
	d.r.Agenda.Walk(func(it *meeting.AgendaItem) {
		if !d.shown(it) {
			return
		}
		title := it.Number + ". " + it.Title
		if it.Confidential {
			title += " (" + w.confidentialItem + ")"
		}
		if it.Level == 0 {
			d.heading(title)
		} else {
			d.room(18)
			d.space(2)
			d.para(title, "B", black)
		}
		if it.PresenterName != "" {
			d.para(fmt.Sprintf(w.presenter, it.PresenterName), "I", grey)
		}
		if it.Notes != "" {
			d.space(1)
			d.para(it.Notes, "", black)
		}
		d.appendDecisions(it.Decisions)
		d.appendActions(d.actionsOf(it.ID), "")
	})
	if d.m.Closed != "" {
		d.space(4)
		d.para(fmt.Sprintf(w.closingLine, w.clockOf(d.m.Closed)), "", black)
	}
}

func (d *minutesDoc) appendDecisions(decisions []meeting.Decision) {
	w := d.w
	var rows [][]cell
	for _, dec := range decisions {
		outcome := w.outcomes[dec.Outcome]
		if dec.For+dec.Against+dec.Abstain > 0 {
			outcome += " (" + fmt.Sprintf(w.votes, dec.For, dec.Against, dec.Abstain) + ")"
		}
		colour := black
		if dec.Outcome == meeting.Rejected {
			colour = red
		}
		rows = append(rows, []cell{text(w.decision, "B"),
			{parts: []part{{text: dec.Text}, {text: outcome, style: "B", colour: colour}}}})
	}
	if len(rows) > 0 {
		d.space(1)
		d.table(table{cols: []column{{width: 15}, {width: 85}}, noHeader: true, borders: true}, rows)
	}
}

// actionsOf returns the actions that came from an item (0: from no item).
func (d *meetingDoc) actionsOf(itemID int64) []*meeting.Action {
	var list []*meeting.Action
	for _, a := range d.r.Actions {
		if a.ItemID == itemID || (itemID == 0 && d.r.Agenda.Find(a.ItemID) == nil) {
			list = append(list, a)
		}
	}
	return list
}

func (d *minutesDoc) appendActions(actions []*meeting.Action, heading string) {
	w := d.w
	if len(actions) == 0 {
		return
	}
	if heading != "" {
		d.heading(heading)
	} else {
		d.space(1)
	}
	var rows [][]cell
	for _, a := range actions {
		rows = append(rows, plain(a.Title, a.OwnerName, w.dateOf(a.Due)))
	}
	d.table(table{cols: []column{{head: w.actionsOfItem, width: 60}, {head: w.owner, width: 25}, {head: w.due, width: 15}},
		borders: true}, rows)
}

func (d *minutesDoc) appendOtherActions() {
	d.appendActions(d.actionsOf(0), d.w.otherActions)
}

// appendSignatures prints boxes for the chair and the secretary to sign.
func (d *minutesDoc) appendSignatures() {
	w := d.w
	d.space(6)
	d.room(45)
	d.table(table{cols: []column{{head: w.signedChair, width: 1}, {head: w.signedSecretary, width: 1}}, borders: true, minHeight: 32},
		[][]cell{plain(nameOf(d.attendee(meeting.Chair)), nameOf(d.attendee(meeting.Secretary)))})
}
