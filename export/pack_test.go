package export

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"quorum/meeting"
)

// packRecord is the sample meeting with real papers: two PDFs of several
// pages (items 1 and 2.2), an image (item 2.1), a spreadsheet (item 2), a
// broken PDF (item 3) and a PDF of the meeting itself; every paper
// examined as Quorum does when it is attached.
func packRecord(t *testing.T) (*meeting.Store, *meeting.Record) {
	t.Helper()
	st, r := sampleRecord(t)
	ctx := context.Background()
	paper := func(title string, paragraphs int) []byte {
		data, err := SamplePaper(title, "REF-"+title, []string{strings.Repeat("Texte de l'annexe « "+title+" ». ", 40*paragraphs)})
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	img := image.NewRGBA(image.Rect(0, 0, 300, 200))
	for x := range 300 {
		img.Set(x, x%200, color.RGBA{200, 0, 0, 255})
	}
	var pngData bytes.Buffer
	if err := png.Encode(&pngData, img); err != nil {
		t.Fatal(err)
	}
	item := func(number string) int64 {
		var id int64
		r.Agenda.Walk(func(it *meeting.AgendaItem) {
			if it.Number == number {
				id = it.ID
			}
		})
		return id
	}
	// The sample's own papers are not real PDFs: replace them.
	for _, d := range r.Documents {
		if err := st.DeleteDocument(ctx, d.ID); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []struct {
		item, title, file string
		data              []byte
		exam              meeting.Examination
	}{
		{"1", "Procès-verbal n° 11", "pv.pdf", paper("PV 11", 5), meeting.Examination{Kind: meeting.PDFPaper}},
		{"2", "Budget chiffré", "budget.xlsx", []byte("PK\x03\x04"), meeting.Examination{Kind: meeting.OtherPaper}},
		{"2.1", "Organigramme", "organigramme.png", pngData.Bytes(), meeting.Examination{Kind: meeting.ImagePaper, Pages: 1}},
		{"2.2", "Note d'investissement", "invest.pdf", paper("Invest", 12), meeting.Examination{Kind: meeting.PDFPaper}},
		{"3", "Courrier abîmé", "abime.pdf", []byte("%PDF-1.4 garbage"), meeting.Examination{Kind: meeting.PDFPaper, Problem: "the file is damaged"}},
		{"", "Note de cadrage", "cadrage.pdf", paper("Cadrage", 1), meeting.Examination{Kind: meeting.PDFPaper}},
	} {
		d := &meeting.Document{MeetingID: r.Meeting.ID, ItemID: item(p.item), Title: p.title, FileName: p.file, InPack: true}
		if err := st.AttachDocument(ctx, d, p.data); err != nil {
			t.Fatal(err)
		}
		if p.exam.Kind == meeting.PDFPaper && p.exam.Problem == "" {
			ctx, err := readPaper(p.data)
			if err != nil {
				t.Fatal(err)
			}
			p.exam.Pages = ctx.PageCount
		}
		if err := st.RecordExamination(ctx, d.SHA256, p.exam); err != nil {
			t.Fatal(err)
		}
	}
	r, err := st.Record(ctx, r.Meeting.ID)
	if err != nil {
		t.Fatal(err)
	}
	return st, r
}

func buildPack(t testing.TB, st *meeting.Store, r *meeting.Record, o PackOptions) *Pack {
	t.Helper()
	data := func(d *meeting.Document) ([]byte, error) { return st.PrintData(context.Background(), d.ID) }
	p, err := BuildPack(r, data, o)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func writePack(t testing.TB, p *Pack, c Copy, password string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := p.Write(&b, c, password, ""); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pageTexts splits pdftotext's output into pages.
func (p printed) pageTexts() []string { return strings.Split(p.text, "\f") }

// contents reads the table of contents: each entry's title and page.
func (p printed) contents(t testing.TB) map[string]int {
	t.Helper()
	entries := map[string]int{}
	re := regexp.MustCompile(`(?m)^\s*(.+?)\s{2,}(\d+)\s*$`)
	header := regexp.MustCompile(`(?m)^\s*(Point|Item)\s+Page\s*$`) // repeated on every page of the contents
	for _, page := range p.pageTexts() {
		if !header.MatchString(page) {
			continue
		}
		for _, m := range re.FindAllStringSubmatch(page, -1) {
			n, _ := strconv.Atoi(m[2])
			entries[strings.TrimSpace(m[1])] = n
		}
	}
	return entries
}

func TestPack(t *testing.T) {
	st, r := packRecord(t)
	var progress []int
	o := PackOptions{Options: printedAt, Progress: func(done, total int) { progress = append(progress, done*100+total) }}
	pack := buildPack(t, st, r, o)
	p := read(t, writePack(t, pack, Copy{}, ""))
	if p.pages != pack.Preflight.Pages {
		t.Errorf("pdfinfo counts %d pages, the preflight %d", p.pages, pack.Preflight.Pages)
	}
	if fmt.Sprint(progress) != "[106 206 306 406 506 606]" {
		t.Errorf("progress %v", progress)
	}
	p.has(t, "DOSSIER DE SÉANCE", "SOMMAIRE", "Point 1 — Approbation du procès-verbal", "Point 2.2 — Investissement",
		"Autres documents", "Image : Organigramme", "Budget chiffré", "Ce document ne peut pas être imprimé dans le dossier",
		"Fichier d'origine : budget.xlsx", "Courrier abîmé", "Ce document n'a pas pu être lu", "Motif : the file is damaged",
		"Texte de l'annexe « PV 11 »", "Texte de l'annexe « Invest »", "Texte de l'annexe « Cadrage »")
	p.pageFooters(t, "Page {n} sur {m}")
	// The pack's agenda gives each paper's page in the pack, as the contents do.
	if page := p.contents(t)["Note d'investissement"]; !strings.Contains(strings.Join(strings.Fields(p.text), " "),
		fmt.Sprintf("Note d'investissement — p. %d du dossier", page)) {
		t.Errorf("the pack's agenda does not give the investment note's page (%d)", page)
	}
	if n := strings.Count(p.text, "DIFFUSION RESTREINTE"); n < p.pages {
		t.Errorf("the classification shows on %d of %d pages", n, p.pages)
	}
	// Each paper starts on the page the contents give.
	toc := p.contents(t)
	pages := p.pageTexts()
	for title, want := range map[string]string{
		"Procès-verbal n° 11":                    "Texte de l'annexe « PV 11 »",
		"Note d'investissement":                  "Texte de l'annexe « Invest »",
		"Note de cadrage":                        "Texte de l'annexe « Cadrage »",
		"Point 2.1 — Organigramme":               "",
		"Courrier abîmé":                         "Motif : the file is damaged",
		"Point 3 — Questions diverses":           "Point 3 — Questions diverses",
		"Point 2.2 — Investissement":             "Point 2.2 — Investissement",
		"Point 1 — Approbation du procès-verbal": "Point 1 — Approbation",
	} {
		page, ok := toc[title]
		if !ok {
			if want != "" {
				t.Errorf("the contents do not list %q: %v", title, toc)
			}
			continue
		}
		if page < 1 || page > len(pages) || !strings.Contains(pages[page-1], want) {
			t.Errorf("the contents send %q to page %d, which does not show %q", title, page, want)
		}
	}
	// The PDFs' pages are all there: 5 + 12-paragraph papers are several pages.
	for _, d := range r.Documents {
		if d.Kind == meeting.PDFPaper && d.Problem == "" && d.Pages < 1 {
			t.Errorf("%s has no pages", d.Title)
		}
	}
	if got := strings.Count(p.text, "REF-Invest — "); got != docPages(r, "Note d'investissement") {
		t.Errorf("the investment note shows %d of its %d pages", got, docPages(r, "Note d'investissement"))
	}
	var issues []string
	for _, is := range pack.Preflight.Issues {
		issues = append(issues, is.String())
	}
	if want := "3 — Courrier abîmé: the file is damaged"; !strings.Contains(strings.Join(issues, "\n"), want) {
		t.Errorf("preflight %q does not report %q", issues, want)
	}
	checkBookmarks(t, p, r)
}

func docPages(r *meeting.Record, title string) int {
	for _, d := range r.Documents {
		if d.Title == title {
			return d.Pages
		}
	}
	return -1
}

// checkBookmarks reads the outline with qpdf: it mirrors the agenda, each
// item with its papers.
func checkBookmarks(t *testing.T, p printed, r *meeting.Record) {
	t.Helper()
	out, err := exec.Command(tool(t, "qpdf"), "--json", "--json-key=outlines", p.path).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var doc struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func(list []outline, depth int)
	walk = func(list []outline, depth int) {
		for _, o := range list {
			got = append(got, strings.Repeat("  ", depth)+o.Title)
			walk(o.Kids, depth+1)
		}
	}
	walk(doc.Outlines, 0)
	flat := strings.Join(got, "\n")
	for _, want := range []string{"Ordre du jour", "Sommaire", "1. Approbation du procès-verbal\n  Procès-verbal n° 11",
		"2. Budget 2027\n  Budget chiffré\n  2.1. Fonctionnement\n    Organigramme\n  2.2. Investissement\n    Note d'investissement\n    2.2.1. Bâtiment B",
		"3. Questions diverses\n  Courrier abîmé", "Autres documents\n  Note de cadrage"} {
		if !strings.Contains(flat, want) {
			t.Errorf("bookmarks:\n%s\ndo not hold\n%s", flat, want)
		}
	}
}

type outline struct {
	Title string    `json:"title"`
	Kids  []outline `json:"kids"`
}

func TestPackDuplexCopiesAndPassword(t *testing.T) {
	st, r := packRecord(t)
	o := PackOptions{Options: printedAt, Duplex: true}
	o.Language = "en"
	pack := buildPack(t, st, r, o)
	data := writePack(t, pack, Copy{Holder: "Jean-Loïc Nguyễn", Number: 2, Of: 4}, "s3cret")

	locked := writeTemp(t, data)
	if err := exec.Command(tool(t, "pdfinfo"), locked).Run(); err == nil {
		t.Error("the encrypted pack opens without its password")
	}
	enc, err := exec.Command(tool(t, "qpdf"), "--password=s3cret", "--show-encryption", locked).Output()
	if err != nil {
		t.Fatalf("qpdf --show-encryption: %v", err)
	}
	if !strings.Contains(string(enc), "R = 6") || !strings.Contains(string(enc), "AESv3") {
		t.Errorf("not AES-256 revision 6:\n%s", enc)
	}
	plain, err := exec.Command(tool(t, "qpdf"), "--password=s3cret", "--decrypt", locked, "-").Output()
	if err != nil {
		t.Fatalf("qpdf --decrypt: %v", err)
	}
	p := read(t, plain)
	p.pageFooters(t, "Page {n} of {m}")
	if n := strings.Count(p.text, "Copy for Jean-Loïc Nguyễn — no. 2 of 4"); n != p.pages {
		t.Errorf("the holder's name shows on %d of %d pages", n, p.pages)
	}
	for title, page := range p.contents(t) {
		if page%2 == 0 {
			t.Errorf("%q starts on page %d, a left-hand page", title, page)
		}
	}
	if !strings.Contains(p.text, "This page is intentionally blank") {
		t.Errorf("duplex pack of %d pages without blank pages", p.pages)
	}
}
