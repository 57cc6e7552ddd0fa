package export

import (
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"quorum/export/paper"
	"quorum/export/paper/papertest"
	"quorum/meeting"
)

// corpusMeeting attaches the files of the shared corpus that pick chooses
// (in its order, the same file perhaps more than once) to one item of a
// new meeting, examines them as Quorum does on attaching, and returns the
// store and the meeting's record.
// extra papers, by name, join them. It also returns how long each
// content took to examine, by file name.
func corpusMeeting(t testing.TB, pick func([]papertest.File) []papertest.File, extra map[string][]byte) (*meeting.Store, *meeting.Record, map[string]time.Duration) {
	t.Helper()
	files := pick(papertest.Corpus(t))
	st, err := meeting.Open(filepath.Join(t.TempDir(), "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	paris, _ := time.LoadLocation("Europe/Paris")
	m := &meeting.Meeting{Title: "Conseil d'administration", Starts: time.Date(2027, 2, 4, 14, 0, 0, 0, paris),
		Classification: meeting.Confidential, Language: "fr"}
	if err := st.CreateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	item := &meeting.AgendaItem{MeetingID: m.ID, Title: "Pièces du corpus", Purpose: meeting.ForInformation}
	if err := st.AddItem(ctx, item); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, f := range files {
		data, err := os.ReadFile(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		seen[f.Name]++
		d := &meeting.Document{MeetingID: m.ID, ItemID: item.ID, Title: f.Name, FileName: f.Name, InPack: true}
		if n := seen[f.Name]; n > 1 {
			d.Title = fmt.Sprintf("%s (%d)", f.Name, n)
		}
		if err := st.AttachDocument(ctx, d, data); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(extra)) {
		d := &meeting.Document{MeetingID: m.ID, ItemID: item.ID, Title: name, FileName: name, InPack: true}
		if err := st.AttachDocument(ctx, d, extra[name]); err != nil {
			t.Fatal(err)
		}
	}
	ex, err := paper.NewExaminer(t.TempDir(), paper.Limits{Time: 2 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	defer ex.Close()
	todo, err := st.PapersToExamine(ctx)
	if err != nil {
		t.Fatal(err)
	}
	took := map[string]time.Duration{}
	for _, d := range todo {
		data, err := st.DocumentData(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		rep := ex.Examine(ctx, data)
		took[d.FileName] = time.Since(start)
		if !rep.Examined() {
			t.Fatalf("%s not examined: %s", d.FileName, rep.Problem)
		}
		err = st.RecordExamination(ctx, d.SHA256, meeting.Examination{Kind: meeting.PaperKind(rep.Kind), Pages: rep.Pages,
			Problem: rep.Problem, Print: rep.Print})
		if err != nil {
			t.Fatal(err)
		}
	}
	r, err := st.Record(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	return st, r, took
}

// TestPackOverCorpus builds a pack of every file of the shared corpus and
// of hostile papers of our own making: every PDF that opens is merged with
// all its pages, every other file gets a page that names it, nothing
// panics, hostile papers are dealt with in seconds, and the process stays
// under 1 GB.
func TestPackOverCorpus(t *testing.T) {
	papertest.ResetPeakRSS()
	hostile := map[string][]byte{
		"flate-bomb.pdf":        papertest.FlateBombPDF(2 << 30),
		"page-loop.pdf":         papertest.PageLoopPDF(),
		"self-drawing-form.pdf": papertest.SelfDrawingFormPDF(),
		"form-fan-out.pdf":      papertest.FormFanOutPDF(40),
	}
	st, r, took := corpusMeeting(t, func(all []papertest.File) []papertest.File { return all }, hostile)
	for name := range hostile {
		if took[name] > 10*time.Second {
			t.Errorf("%s took %v to examine", name, took[name])
		}
	}
	pack := buildPack(t, st, r, PackOptions{Options: printedAt})
	p := read(t, writePack(t, pack, Copy{}, ""))
	if p.pages != pack.Preflight.Pages {
		t.Errorf("pdfinfo counts %d pages, the preflight %d", p.pages, pack.Preflight.Pages)
	}
	toc := p.contents(t)
	pages := p.pageTexts()
	merged, refused := 0, 0
	for i, d := range r.Documents {
		start, ok := toc[d.Title]
		if !ok {
			t.Errorf("%s is not in the contents", d.Title)
			continue
		}
		end := p.pages + 1
		if i+1 < len(r.Documents) {
			end = toc[r.Documents[i+1].Title]
		}
		placeholder := strings.Contains(pages[start-1], "Fichier d'origine : "+d.FileName)
		switch {
		case d.Kind == meeting.PDFPaper && !placeholder:
			merged++
			if end-start != d.Pages {
				t.Errorf("%s: %d pages in the pack, %d in the paper", d.Title, end-start, d.Pages)
			}
		case d.Kind == meeting.ImagePaper && !placeholder:
			if end-start != 1 || !strings.Contains(pages[start-1], "Image : "+d.Title) {
				t.Errorf("%s: the image does not have a page of its own", d.Title)
			}
		default:
			refused++
			t.Logf("not merged: %s (%s): %s", d.Title, d.Kind, d.Problem)
			if !placeholder || end-start != 1 {
				t.Errorf("%s (%s, %q) has no page that stands for it", d.Title, d.Kind, d.Problem)
			}
		}
	}
	t.Logf("%d papers merged, %d given a page that says why not; %d pages in all", merged, refused, p.pages)
	if merged < 25 {
		t.Errorf("only %d papers merged", merged)
	}
	peak, ok := papertest.PeakRSS()
	t.Logf("peak memory of the process: %d MB", peak>>20)
	if ok && peak > 1<<30 {
		t.Errorf("building the pack took %d MB at the peak, over 1 GB", peak>>20)
	}
}

// BenchmarkPack builds a pack of 40 papers and about 1,000 pages from the
// corpus (8 × R-intro.pdf and 32 short papers), and in the same run merges
// the same papers with qpdf; it reports both times, their ratio and the
// peak memory of the process. `make bench-pack` runs it.
func BenchmarkPack(b *testing.B) {
	st, r, _ := corpusMeeting(b, func(all []papertest.File) []papertest.File {
		var intro, short []papertest.File
		for _, f := range all {
			switch {
			case f.Name == "R-intro.pdf":
				intro = append(intro, f)
			case f.Folder == "valid" && f.Pages > 0 && f.Pages <= 60:
				short = append(short, f)
			}
		}
		var picked []papertest.File
		for i := range 40 {
			if i%5 == 0 {
				picked = append(picked, intro[0])
			} else {
				picked = append(picked, short[i%len(short)])
			}
		}
		return picked
	}, nil)
	ctx := context.Background()
	// qpdf merges the same clean copies that the pack merges.
	dir := b.TempDir()
	args := []string{"--empty", "--pages"}
	pages := 0
	for i, d := range r.Documents {
		data, err := st.PrintData(ctx, d.ID)
		if err != nil {
			b.Fatal(err)
		}
		path := filepath.Join(dir, fmt.Sprintf("%02d.pdf", i))
		if err := os.WriteFile(path, data, 0o600); err != nil {
			b.Fatal(err)
		}
		args = append(args, path)
		pages += d.Pages
	}
	args = append(args, "--", filepath.Join(dir, "qpdf.pdf"))
	qpdf := tool(b, "qpdf")
	papertest.ResetPeakRSS()
	var ours, theirs time.Duration
	for b.Loop() {
		start := time.Now()
		pack := buildPack(b, st, r, PackOptions{Options: printedAt})
		if err := pack.Write(io.Discard, Copy{}, "", ""); err != nil {
			b.Fatal(err)
		}
		ours += time.Since(start)
		start = time.Now()
		if out, err := exec.Command(qpdf, args...).CombinedOutput(); err != nil && !strings.Contains(string(out), "operation succeeded with warnings") {
			b.Fatalf("qpdf: %v\n%s", err, out)
		}
		theirs += time.Since(start)
	}
	b.ReportMetric(float64(pages), "paper-pages")
	b.ReportMetric(ours.Seconds()/float64(b.N), "pack-s")
	b.ReportMetric(theirs.Seconds()/float64(b.N), "qpdf-s")
	b.ReportMetric(ours.Seconds()/theirs.Seconds(), "ratio")
	if peak, ok := papertest.PeakRSS(); ok {
		b.ReportMetric(float64(peak>>20), "peak-MB")
	}
}
