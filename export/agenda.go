package export

import (
	"fmt"
	"io"
	"slices"

	"quorum/meeting"
)

// Agenda writes the notice of meeting with its agenda (convocation et
// ordre du jour): the meeting's details, who is invited, then the numbered
// items with their purpose, presenter, planned time and papers.
func Agenda(w io.Writer, r *meeting.Record, o Options) error {
	title := func(w *words) string {
		if r.Meeting.Status == meeting.Draft {
			return w.draftNotice
		}
		return w.notice
	}
	d := &agendaDoc{meetingDoc: newMeetingDoc(r, o, kindAgenda, title, false)}
	d.appendTitle()
	d.appendDetails()
	d.appendControl()
	d.appendInvited()
	d.appendItems()
	d.appendMeetingPapers()
	return d.write(w)
}

type agendaDoc struct {
	*meetingDoc
	packPages map[int64]int // inside a pack: the pack page of each paper
}

func (d *agendaDoc) appendDetails() {
	w, m := d.w, d.m
	pairs := [][2]string{
		{w.place, m.Place},
		{w.link, m.Link},
		{w.chair, nameOf(d.attendee(meeting.Chair))},
		{w.secretary, nameOf(d.attendee(meeting.Secretary))},
		{w.papersDue, w.dateOf(m.PapersDue)},
	}
	d.keyValues(pairs)
}

func (d *agendaDoc) appendControl() {
	status := d.w.final
	if d.m.Status == meeting.Draft {
		status = d.w.draft
	}
	d.control(d.version(), status, nameOf(d.attendee(meeting.Secretary)))
}

// roleOrder lists attendees chair first, then secretary, members, guests
// and observers, each group in the order they were added.
var roleOrder = []meeting.Role{meeting.Chair, meeting.Secretary, meeting.Member, meeting.Guest, meeting.Observer}

func (d *agendaDoc) appendInvited() {
	d.heading(d.w.invited)
	if len(d.r.Attendees) == 0 {
		d.para(d.w.noAttendees, "I", grey)
		return
	}
	attendees := slices.Clone(d.r.Attendees)
	slices.SortStableFunc(attendees, func(a, b *meeting.Attendee) int {
		return slices.Index(roleOrder, a.Role) - slices.Index(roleOrder, b.Role)
	})
	var rows [][]cell
	for _, a := range attendees {
		rows = append(rows, plain(a.Person.Name, function(a.Person), d.w.roles[a.Role]))
	}
	d.table(table{cols: []column{{head: d.w.name, width: 35}, {head: d.w.function, width: 45}, {head: d.w.role, width: 20}}, rules: true}, rows)
}

func (d *agendaDoc) appendItems() {
	w := d.w
	d.heading(w.agenda)
	if len(d.r.Agenda) == 0 {
		d.para(w.noItems, "I", grey)
		return
	}
	var rows [][]cell
	d.r.Agenda.Walk(func(it *meeting.AgendaItem) {
		indent := float64(it.Level) * 4
		style := "B"
		if it.Level > 0 {
			style = ""
		}
		point := cell{indent: indent, parts: []part{{text: it.Title, style: style}}}
		if it.Confidential {
			point.parts = append(point.parts, part{text: w.confidentialItem, style: "I", colour: red, size: smallSize + 1})
		}
		if it.Description != "" {
			point.parts = append(point.parts, part{text: it.Description, size: smallSize + 1})
		}
		if it.PresenterName != "" {
			point.parts = append(point.parts, part{text: fmt.Sprintf(w.presenter, it.PresenterName), style: "I", colour: grey, size: smallSize + 1})
		}
		if it.Kind == meeting.ReviewItem {
			point.parts = append(point.parts, d.reviewLines()...)
		}
		for _, doc := range d.papersOf(it.ID) {
			line := "• " + paperLine(w, doc)
			if page, ok := d.packPages[doc.ID]; ok {
				line += " — " + fmt.Sprintf(w.packPage, page)
			}
			point.parts = append(point.parts, part{text: line, size: smallSize + 1})
		}
		minutes := ""
		if it.Minutes > 0 {
			minutes = w.span(it.Minutes)
		}
		rows = append(rows, []cell{text(it.Number, style), point,
			text(w.purposes[it.Purpose], ""), text(w.clock(it.Start), ""), text(minutes, "")})
	})
	d.table(table{cols: []column{{head: w.number, width: 9}, {head: w.item, width: 55}, {head: w.purpose, width: 14},
		{head: w.start, width: 11, align: "R"}, {head: w.minutesShort, width: 11, align: "R"}}, rules: true}, rows)
	d.appendTotal()
}

// appendTotal compares the agenda's time with the meeting's duration.
func (d *agendaDoc) appendTotal() {
	w := d.w
	total := d.r.Agenda.TotalMinutes()
	if d.m.Minutes == 0 || total == 0 {
		return
	}
	d.space(2)
	line := fmt.Sprintf(w.total, w.span(total), w.span(d.m.Minutes))
	if over := d.r.Agenda.Overrun(d.m); over > 0 {
		d.para(line+" — "+fmt.Sprintf(w.overrun, w.span(over)), "B", red)
		return
	}
	d.para(line, "I", grey)
}

// papersOf returns the papers attached to an item (0: to the meeting).
func (d *meetingDoc) papersOf(itemID int64) []*meeting.Document {
	var docs []*meeting.Document
	for _, doc := range d.r.Documents {
		if doc.ItemID == itemID {
			docs = append(docs, doc)
		}
	}
	return docs
}

// paperLine names a paper with its reference.
func paperLine(w *words, doc *meeting.Document) string {
	if doc.Reference == "" {
		return doc.Title
	}
	return doc.Title + " (" + fmt.Sprintf(w.paperRef, doc.Reference) + ")"
}

func (d *agendaDoc) appendMeetingPapers() {
	docs := d.papersOf(0)
	if len(docs) == 0 {
		return
	}
	d.heading(d.w.papers)
	for _, doc := range docs {
		d.para("• "+paperLine(d.w, doc), "", black)
	}
}
