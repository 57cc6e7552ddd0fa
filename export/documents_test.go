package export

import (
	"bytes"
	"context"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"quorum/meeting"
)

// printed is a document as real PDF readers see it.
type printed struct {
	path  string
	text  string // pdftotext, page by page (pages end with a form feed)
	pages int    // pdfinfo
}

// tool returns the path of a command-line tool the tests need; they fail,
// not skip, without it.
func tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is missing: run `make test`, which installs poppler-utils and qpdf", name)
	}
	return p
}

// writeTemp writes a PDF into a temporary folder and returns its path.
func writeTemp(t testing.TB, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// read checks a PDF with qpdf and reads it with poppler.
func read(t testing.TB, data []byte) printed {
	t.Helper()
	path := writeTemp(t, data)
	if out, err := exec.Command(tool(t, "qpdf"), "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	info, err := exec.Command(tool(t, "pdfinfo"), path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count:\n%s", info)
	}
	pages, _ := strconv.Atoi(string(m[1]))
	text, err := exec.Command(tool(t, "pdftotext"), "-enc", "UTF-8", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return printed{path: path, text: string(text), pages: pages}
}

func (p printed) has(t *testing.T, wants ...string) {
	t.Helper()
	flat := strings.Join(strings.Fields(p.text), " ")
	for _, w := range wants {
		if !strings.Contains(flat, strings.Join(strings.Fields(w), " ")) {
			t.Errorf("the PDF does not show %q", w)
		}
	}
}

func (p printed) hasNot(t *testing.T, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(p.text, w) {
			t.Errorf("the PDF shows %q", w)
		}
	}
}

// sampleRecord imports the meeting package's sample meeting file into a
// new database and returns its record.
func sampleRecord(t *testing.T) (*meeting.Store, *meeting.Record) {
	t.Helper()
	st, err := meeting.Open(filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	st.Now = func() time.Time { return time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC) }
	data, err := os.ReadFile("../meeting/testdata/codir-12.json")
	if err != nil {
		t.Fatal(err)
	}
	f, err := meeting.ParseFile(data)
	if err != nil {
		t.Fatal(err)
	}
	papers := fstest.MapFS{"papers/pv-11.pdf": {Data: []byte("%PDF-1.4")}, "papers/budget 2027.xlsx": {Data: []byte("PK")},
		"papers/note.pdf": {Data: []byte("%PDF-1.7")}}
	ctx := context.Background()
	if err := st.SaveSettings(ctx, meeting.Settings{Organisation: "Ville d'Exemple — Direction générale"}); err != nil {
		t.Fatal(err)
	}
	id, err := st.ImportMeeting(ctx, f, papers)
	if err != nil {
		t.Fatal(err)
	}
	r, err := st.Record(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return st, r
}

var printedAt = Options{Now: time.Date(2027, 1, 20, 10, 0, 0, 0, time.UTC)}

func render(t *testing.T, doc func(*bytes.Buffer) error) printed {
	t.Helper()
	var b bytes.Buffer
	if err := doc(&b); err != nil {
		t.Fatal(err)
	}
	return read(t, b.Bytes())
}

// pageFooters checks the footer "Page N sur M" on every page against the
// page count real readers give.
func (p printed) pageFooters(t *testing.T, format string) {
	t.Helper()
	for n := 1; n <= p.pages; n++ {
		p.has(t, strings.NewReplacer("{n}", strconv.Itoa(n), "{m}", strconv.Itoa(p.pages)).Replace(format))
	}
}

func TestAgendaInFrenchAndEnglish(t *testing.T) {
	_, r := sampleRecord(t)
	fr := render(t, func(b *bytes.Buffer) error { return Agenda(b, r, printedAt) })
	fr.has(t, "CONVOCATION ET ORDRE DU JOUR", "Comité de direction — séance de décembre",
		"Comité de direction — Séance n° 12", "jeudi 3 décembre 2026, 9 h 30 – 11 h 30",
		"Salle 204 « Œuvre » — 2ᵉ étage", "Ville d'Exemple — Direction générale",
		"Jean-Loïc Nguyễn", "Søren Ødegård", "Approbation du procès-verbal", "Procès-verbal n° 11 (réf. CODIR-2026-11)",
		"2.2.1", "Bâtiment B", "10 h 40", "huis clos", "Rapporteur : Anaïs Lefèvre",
		"Durée totale : 1 h 25 pour une séance de 2 h", "CODIR-12-ODJ", "DIFFUSION RESTREINTE", "Note de cadrage")
	fr.pageFooters(t, "Page {n} sur {m}")
	if n := strings.Count(fr.text, "DIFFUSION RESTREINTE"); n != fr.pages {
		t.Errorf("the classification shows on %d of %d pages", n, fr.pages)
	}

	o := printedAt
	o.Language = "en"
	en := render(t, func(b *bytes.Buffer) error { return Agenda(b, r, o) })
	en.has(t, "NOTICE OF MEETING AND AGENDA", "Thursday 3 December 2026, 09:30 – 11:30", "Meeting no. 12",
		"Decision", "10:40", "closed session", "Presented by Anaïs Lefèvre", "CODIR-12-AGENDA", "RESTRICTED")
	en.pageFooters(t, "Page {n} of {m}")
	en.hasNot(t, "Rapporteur", "huis clos")
}

func TestAgendaShowsOverrun(t *testing.T) {
	_, r := sampleRecord(t)
	r.Meeting.Minutes = 60
	p := render(t, func(b *bytes.Buffer) error { return Agenda(b, r, printedAt) })
	p.has(t, "Durée totale : 1 h 25 pour une séance de 1 h — dépassement de 25 min")
}

func TestMinutes(t *testing.T) {
	_, r := sampleRecord(t)
	p := render(t, func(b *bytes.Buffer) error { return Minutes(b, r, printedAt) })
	p.has(t, "PROCÈS-VERBAL", "Présents", "Claire Martin — Directrice, DRH (arrivée à 9 h 40)",
		"Représentés", "Anaïs Lefèvre — DAF — pouvoir à Claire Martin", "Excusés", "Søren Ødegård",
		"La séance est ouverte à 9 h 42.", "Le PV est approuvé.", "Adopté (pour : 7, contre : 0, abstention : 1)",
		"Reporté", "Débat nourri.", "Chiffrer l'option B", "15/01/2027", "Autres actions", "Réserver la salle",
		"L'ordre du jour étant épuisé, la séance est levée à 11 h 40.", "La présidence de séance", "Le secrétariat de séance")
	p.pageFooters(t, "Page {n} sur {m}")

	r.Meeting.Status = meeting.MinutesApproved
	o := printedAt
	o.Language, o.Public = "en", true
	pub := render(t, func(b *bytes.Buffer) error { return Minutes(b, r, o) })
	pub.has(t, "MINUTES — PUBLIC VERSION", "items taken in closed session are not included", "Approved",
		"There being no further business, the meeting closed at 11:40.", "1. Approbation du procès-verbal", "3. Questions diverses")
	// Item 2 is confidential: it goes, with its sub-items, decisions and actions.
	pub.hasNot(t, "Budget 2027", "Investissement", "Bâtiment B", "Le report du projet", "Chiffrer l'option B")
}

// TestDraftWatermark looks at the pages as poppler draws them: the diagonal
// PROJET of draft minutes greys a large part of every page (pdftotext
// cannot read rotated letters as a word).
func TestDraftWatermark(t *testing.T) {
	_, r := sampleRecord(t)
	draft := render(t, func(b *bytes.Buffer) error { return Minutes(b, r, printedAt) })
	r.Meeting.Status = meeting.MinutesApproved
	approved := render(t, func(b *bytes.Buffer) error { return Minutes(b, r, printedAt) })
	if draft.pages != approved.pages {
		t.Fatalf("the watermark changed the page count: %d, %d", draft.pages, approved.pages)
	}
	for page := 1; page <= draft.pages; page++ {
		d, a := lightGrey(t, draft, page), lightGrey(t, approved, page)
		if d < a+0.01 {
			t.Errorf("page %d: %.1f %% light grey in the draft, %.1f %% once approved: no watermark", page, 100*d, 100*a)
		}
	}
}

// lightGrey returns the share of a page's pixels in the watermark's light
// grey, as pdftoppm draws the page.
func lightGrey(t *testing.T, p printed, page int) float64 {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "page")
	n := strconv.Itoa(page)
	if out, err := exec.Command(tool(t, "pdftoppm"), "-png", "-gray", "-r", "20", "-f", n, "-l", n, "-singlefile", p.path, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	grey := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if v := color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y; v >= 215 && v <= 245 {
				grey++
			}
		}
	}
	return float64(grey) / float64(b.Dx()*b.Dy())
}

func TestAttendanceSheetSortsNamesAsTheLanguageDoes(t *testing.T) {
	_, r := sampleRecord(t)
	r.Attendees[0].Person.Name = "Émilie Zola"
	p := render(t, func(b *bytes.Buffer) error { return AttendanceSheet(b, r, printedAt) })
	p.has(t, "FEUILLE D'ÉMARGEMENT", "Signature", "pouvoir à Claire Martin")
	order := []string{"Anaïs Lefèvre", "Émilie Zola", "Jean-Loïc Nguyễn", "Søren Ødegård"}
	sheet := p.text[strings.Index(p.text, "Signature"):] // the chair is named above the sheet
	last := -1
	for _, name := range order {
		i := strings.Index(sheet, name)
		if i < last {
			t.Errorf("%s is not in alphabetical order", name)
		}
		last = i
	}
}

func TestActionLog(t *testing.T) {
	st, r := sampleRecord(t)
	ctx := context.Background()
	// Printed on 20 January 2027: "Chiffrer l'option B" (due 15/01/2027) is overdue.
	p := render(t, func(b *bytes.Buffer) error { return ActionLog(b, MeetingActions(r), false, printedAt) })
	p.has(t, "RELEVÉ DES ACTIONS", "Situation au mercredi 20 janvier 2027 — par état", "À faire — 1 action(s)",
		"En cours — 1 action(s)", "Fait — 1 action(s)", "15/01/2027", "08/12/2026 : Diffusé.", "CODIR n° 12",
		"Investissement", "CODIR-12-ACTIONS")
	if strings.Count(p.text, "en retard") != 1 || strings.Count(p.text, "03/12/2026") != 3 {
		t.Errorf("only one action is overdue")
	}

	series, err := st.GetSeries(ctx, r.Meeting.SeriesID)
	if err != nil {
		t.Fatal(err)
	}
	o := printedAt
	o.Language = "en"
	en := render(t, func(b *bytes.Buffer) error {
		return ActionLog(b, SeriesActions(series, r.Actions, r.Settings, "en"), true, o)
	})
	en.has(t, "ACTION LOG", "by owner", "Anaïs Lefèvre — 1 action(s)", "Claire Martin — 1 action(s)", "No owner — 1 action(s)", "overdue")
	if strings.Index(en.text, "Anaïs Lefèvre —") > strings.Index(en.text, "Claire Martin —") ||
		strings.Index(en.text, "Claire Martin —") > strings.Index(en.text, "No owner —") {
		t.Error("owners are not in alphabetical order with no owner last")
	}
}

// TestLongAndEmpty prints a meeting with nothing in it but a title as long
// as a title may be, then one whose item has a description longer than a
// page, and one with emoji.
func TestLongAndEmpty(t *testing.T) {
	long := strings.Repeat("Très long intitulé de séance ", 18)[:meeting.MaxTitle]
	paris, _ := time.LoadLocation("Europe/Paris")
	empty := &meeting.Record{Meeting: &meeting.Meeting{ID: 9, Title: long, Starts: time.Date(2027, 3, 1, 14, 0, 0, 0, paris),
		Classification: meeting.Public, Language: "fr", Status: meeting.Draft}}
	for name, doc := range map[string]func(*bytes.Buffer) error{
		"agenda":     func(b *bytes.Buffer) error { return Agenda(b, empty, printedAt) },
		"minutes":    func(b *bytes.Buffer) error { return Minutes(b, empty, printedAt) },
		"attendance": func(b *bytes.Buffer) error { return AttendanceSheet(b, empty, printedAt) },
		"actions":    func(b *bytes.Buffer) error { return ActionLog(b, MeetingActions(empty), false, printedAt) },
	} {
		t.Run(name, func(t *testing.T) {
			p := render(t, doc)
			p.has(t, "lundi 1er mars 2027", "Très long intitulé de séance Très long", "R9-")
			p.hasNot(t, "USAGE INTERNE", "DIFFUSION")
		})
	}

	_, r := sampleRecord(t)
	essay := strings.Repeat("Le comité examine la situation financière en détail. ", 900) + "Fin de l'exposé."
	r.Agenda[0].Description = essay
	r.Agenda[0].Notes = "Accord unanime 🎉 sur le calendrier."
	agenda := render(t, func(b *bytes.Buffer) error { return Agenda(b, r, printedAt) })
	agenda.has(t, "l'exposé.", "Questions diverses")
	if n := strings.Count(agenda.text, "examine"); n != 900 {
		t.Errorf("the description split over pages shows %d of its 900 sentences", n)
	}
	if agenda.pages < 5 {
		t.Errorf("a description of %d characters fits on %d pages", len(essay), agenda.pages)
	}
	agenda.pageFooters(t, "Page {n} sur {m}")
	minutes := render(t, func(b *bytes.Buffer) error { return Minutes(b, r, printedAt) })
	minutes.has(t, "Accord unanime ? sur le calendrier.")
}
