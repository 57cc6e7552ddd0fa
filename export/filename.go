package export

import (
	"cmp"
	"fmt"
	"unicode"
	"unicode/utf8"

	"quorum/meeting"
)

// The documents of a meeting, by the names the command line and the
// window give them.
const (
	DocAgenda     = "agenda"
	DocPack       = "pack"
	DocMinutes    = "minutes"
	DocActions    = "actions"
	DocAttendance = "attendance"
	DocInvite     = "ics"  // the calendar invite
	DocMail       = "mail" // the mail draft with the notice
)

// Extension is the file extension of a document, with its dot: ".ics"
// for the invite, ".eml" for the mail draft, ".pdf" for the others.
func Extension(doc string) string {
	switch doc {
	case DocInvite:
		return ".ics"
	case DocMail:
		return ".eml"
	}
	return ".pdf"
}

// FileName is the name a document of a meeting is offered under, in the
// document's language: « CODIR-12 ordre du jour.pdf », "R7 minutes.pdf"
// for the one-off meeting 7, « CODIR-12 convocation.eml ».
func FileName(m *meeting.Meeting, doc string, o Options) string {
	w := wordsFor(cmp.Or(o.Language, m.Language))
	var name string
	switch doc {
	case DocAgenda:
		name = w.agenda
	case DocPack:
		name = w.pack
	case DocMinutes:
		name = w.minutes
		if o.Public {
			name = w.publicMinutes
		}
	case DocActions:
		name = w.actionLog
	case DocAttendance:
		name = w.attendanceSheet
	case DocInvite:
		name = noticeWordsFor(w).calendarInvite
	case DocMail:
		name = noticeWordsFor(w).subject
	default:
		name = doc
	}
	first, size := utf8.DecodeRuneInString(name)
	name = string(unicode.ToLower(first)) + name[size:]
	prefix := fmt.Sprintf("R%d", m.ID)
	if m.SeriesCode != "" {
		prefix = fmt.Sprintf("%s-%d", m.SeriesCode, m.Number)
	}
	return meeting.SafeFileName(prefix+" "+name) + Extension(doc)
}
