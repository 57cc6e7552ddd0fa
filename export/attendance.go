package export

import (
	"fmt"
	"io"
	"slices"

	"quorum/meeting"
)

// AttendanceSheet writes the sheet attendees sign (feuille d'émargement):
// every attendee, sorted by name, with their function, role and a box to
// sign in.
func AttendanceSheet(w io.Writer, r *meeting.Record, o Options) error {
	d := newMeetingDoc(r, o, kindAttendance, func(w *words) string { return w.attendanceSheet }, false)
	d.appendTitle()
	d.keyValues([][2]string{{d.w.place, d.m.Place}, {d.w.chair, nameOf(d.attendee(meeting.Chair))}})
	d.space(3)
	appendSignatureRows(d)
	return d.write(w)
}

func appendSignatureRows(d *meetingDoc) {
	w := d.w
	if len(d.r.Attendees) == 0 {
		d.para(w.noAttendees, "I", grey)
		return
	}
	attendees := slices.Clone(d.r.Attendees)
	col := w.collator()
	slices.SortStableFunc(attendees, func(a, b *meeting.Attendee) int { return col.CompareString(a.Person.Name, b.Person.Name) })
	var rows [][]cell
	for _, a := range attendees {
		role := cell{parts: []part{{text: w.roles[a.Role]}}}
		if a.Status == meeting.Represented && a.ProxyName != "" {
			role.parts = append(role.parts, part{text: fmt.Sprintf(w.proxyTo, a.ProxyName), style: "I", size: smallSize + 1})
		}
		rows = append(rows, []cell{text(a.Person.Name, "B"), text(function(a.Person), ""), role, {}})
	}
	d.table(table{cols: []column{{head: w.name, width: 26}, {head: w.function, width: 30}, {head: w.role, width: 15},
		{head: w.signature, width: 29}}, borders: true, minHeight: 15}, rows)
}
