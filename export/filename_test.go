package export

import (
	"testing"

	"quorum/meeting"
)

func TestFileName(t *testing.T) {
	codir := &meeting.Meeting{ID: 4, SeriesCode: "CODIR", Number: 12, Language: "fr"}
	oneOff := &meeting.Meeting{ID: 7, Language: "en"}
	for _, c := range []struct {
		m    *meeting.Meeting
		doc  string
		o    Options
		want string
	}{
		{codir, DocAgenda, Options{}, "CODIR-12 ordre du jour.pdf"},
		{codir, DocPack, Options{}, "CODIR-12 dossier de séance.pdf"},
		{codir, DocMinutes, Options{Public: true}, "CODIR-12 procès-verbal — version publique.pdf"},
		{codir, DocAttendance, Options{}, "CODIR-12 feuille d'émargement.pdf"},
		{codir, DocActions, Options{Language: "en"}, "CODIR-12 action log.pdf"},
		{oneOff, DocMinutes, Options{}, "R7 minutes.pdf"},
		{oneOff, DocAgenda, Options{Language: "fr"}, "R7 ordre du jour.pdf"},
		{codir, DocInvite, Options{}, "CODIR-12 invitation.ics"},
		{codir, DocMail, Options{}, "CODIR-12 convocation.eml"},
		{oneOff, DocInvite, Options{}, "R7 calendar invite.ics"},
		{oneOff, DocMail, Options{}, "R7 notice of meeting.eml"},
	} {
		if got := FileName(c.m, c.doc, c.o); got != c.want {
			t.Errorf("FileName(%s, %s, %+v) = %q, want %q", c.m.SeriesCode, c.doc, c.o, got, c.want)
		}
	}
}
