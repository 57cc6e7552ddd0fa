package meeting

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
)

func TestRecordReadsTheWholeMeeting(t *testing.T) {
	s := newStore(t)
	must(t, s.SaveSettings(bg, Settings{Organisation: "Ville d'Exemple"}))
	id, err := importBytes(t, s, readSample(t), samplePapers())
	must(t, err)
	r, err := s.Record(bg, id)
	must(t, err)
	if r.Meeting.Title != "Comité de direction — séance de décembre" || r.Series == nil || r.Series.Code != "CODIR" ||
		len(r.Attendees) != 4 || len(r.Agenda) != 3 || len(r.Documents) != 3 || len(r.Actions) != 3 ||
		r.Settings.Organisation != "Ville d'Exemple" {
		t.Errorf("record incomplete: %+v", r)
	}
	if r.Agenda[1].Items[1].Number != "2.2" || len(r.Actions[0].Notes) != 2 {
		t.Errorf("record's agenda or actions incomplete")
	}

	oneOff := addMeeting(t, s, 0, "Réunion ponctuelle", fixedNow)
	r, err = s.Record(bg, oneOff.ID)
	must(t, err)
	if r.Series != nil || len(r.Attendees)+len(r.Agenda)+len(r.Documents)+len(r.Actions) != 0 {
		t.Errorf("empty meeting's record: %+v", r)
	}
	_, err = s.Record(bg, 999)
	wantErr(t, err, ENOTFOUND, "")
}

func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.White)
	var b bytes.Buffer
	must(t, png.Encode(&b, img))
	return b.Bytes()
}

func TestSettings(t *testing.T) {
	s := newStore(t)
	st, err := s.Settings(bg)
	must(t, err)
	if st.Organisation != "" || st.Logo != nil {
		t.Errorf("a new database has settings: %+v", st)
	}
	logo := pngOf(t, 40, 20)
	must(t, s.SaveSettings(bg, Settings{Organisation: "Conseil départemental — Cœur de France", Logo: logo}))
	st, err = s.Settings(bg)
	must(t, err)
	if st.Organisation != "Conseil départemental — Cœur de France" || !bytes.Equal(st.Logo, logo) {
		t.Errorf("settings read back wrong: %q, %d bytes of logo", st.Organisation, len(st.Logo))
	}
	for _, c := range []struct {
		st    Settings
		field string
	}{
		{Settings{Organisation: strings.Repeat("x", MaxTitle+1)}, "organisation"},
		{Settings{Logo: []byte("GIF89a not a logo")}, "logo"},
		{Settings{Logo: pngOf(t, 4001, 1)}, "logo"},
	} {
		wantErr(t, s.SaveSettings(bg, c.st), EINVALID, c.field)
	}
	// Refused settings leave the saved ones; clearing the logo works.
	st, _ = s.Settings(bg)
	if !bytes.Equal(st.Logo, logo) {
		t.Error("refused settings changed the logo")
	}
	must(t, s.SaveSettings(bg, Settings{Organisation: "Mairie"}))
	if st, _ = s.Settings(bg); st.Logo != nil || st.Organisation != "Mairie" {
		t.Errorf("settings after clearing the logo: %+v", st)
	}
}
