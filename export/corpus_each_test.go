package export

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"quorum/export/paper"
	"quorum/export/paper/papertest"
	"quorum/meeting"
)

// Each file of the corpus gets a process of its own, for so long and so
// much memory.
const (
	corpusFileTime   = 2 * time.Minute
	corpusFileMemory = 1 << 30
)

// corpusResult is what one file gave, as the child process reports it on
// a line of its own.
type corpusResult struct {
	Kind      string `json:"kind"`
	Pages     int    `json:"pages"`
	Problem   string `json:"problem"`
	PackPages int    `json:"pack_pages"`
	Examine   int64  `json:"examine_ms"`
	Pack      int64  `json:"pack_ms"`
	Minutes   int64  `json:"minutes_ms"`
	PeakMB    int64  `json:"peak_mb"` // -1 where the system does not tell
}

const corpusResultPrefix = "corpus-result: "

// TestCorpusEachFile runs every file of the shared corpus, each in a
// process of its own, through what Quorum does with a paper: attached
// from its file, examined, put in a briefing pack, and the meeting's
// minutes printed. No process may crash, take longer than 2 minutes or
// more than 1 GB of memory; the table of what each file gave is logged
// (go test -v).
func TestCorpusEachFile(t *testing.T) {
	files := papertest.Corpus(t)
	cache := t.TempDir() // PDFium is compiled once, for every process
	var table bytes.Buffer
	w := tabwriter.NewWriter(&table, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "FILE\tFOLDER\tKIND\tPAGES\tPACK PAGES\tEXAMINE\tPACK\tMINUTES\tPEAK\tPROBLEM")
	for _, f := range files {
		ctx, cancel := context.WithTimeout(context.Background(), corpusFileTime)
		cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestCorpusFile$", "-test.v")
		cmd.Env = append(os.Environ(), "QUORUM_CORPUS_FILE="+f.Path, "QUORUM_CORPUS_CACHE="+cache)
		start := time.Now()
		out, err := cmd.CombinedOutput()
		stopped := ctx.Err() != nil
		cancel()
		if stopped {
			t.Errorf("%s: stopped after %v", f.Name, time.Since(start).Round(time.Second))
			continue
		}
		var res corpusResult
		_, line, found := strings.Cut(string(out), corpusResultPrefix)
		line, _, _ = strings.Cut(line, "\n")
		if err != nil || !found || json.Unmarshal([]byte(line), &res) != nil {
			t.Errorf("%s: the process failed (%v):\n%s", f.Name, err, out)
			continue
		}
		if res.PeakMB > corpusFileMemory>>20 {
			t.Errorf("%s: took %d MB of memory at the peak", f.Name, res.PeakMB)
		}
		if res.Kind == string(paper.KindPDF) && res.Problem == "" && res.PackPages < res.Pages {
			t.Errorf("%s: %d pages, yet the pack has %d", f.Name, res.Pages, res.PackPages)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%d\t%d ms\t%d ms\t%d ms\t%d MB\t%s\n", f.Name, f.Folder, res.Kind, res.Pages,
			res.PackPages, res.Examine, res.Pack, res.Minutes, res.PeakMB, res.Problem)
	}
	w.Flush()
	t.Logf("what each file of the corpus gave:\n%s", table.String())
}

// TestCorpusFile is the child process of TestCorpusEachFile for one file.
func TestCorpusFile(t *testing.T) {
	path := os.Getenv("QUORUM_CORPUS_FILE")
	if path == "" {
		t.Skip("TestCorpusEachFile runs it, one process per file of the corpus")
	}
	papertest.ResetPeakRSS()
	ctx := context.Background()
	dir := t.TempDir()
	st, err := meeting.Open(filepath.Join(dir, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m := &meeting.Meeting{Title: "Conseil d'administration", Starts: time.Date(2027, 2, 4, 14, 0, 0, 0, time.UTC),
		Classification: meeting.Confidential, Language: "fr", Status: meeting.MinutesDraft}
	if err := st.CreateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	item := &meeting.AgendaItem{MeetingID: m.ID, Title: "Pièce du corpus", Purpose: meeting.ForInformation}
	if err := st.AddItem(ctx, item); err != nil {
		t.Fatal(err)
	}
	d := &meeting.Document{MeetingID: m.ID, ItemID: item.ID, Title: filepath.Base(path), InPack: true}
	if err := st.AttachFile(ctx, d, path); err != nil {
		t.Fatal(err)
	}
	data, err := st.DocumentData(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := paper.NewExaminer(os.Getenv("QUORUM_CORPUS_CACHE"), paper.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer ex.Close()
	var res corpusResult
	start := time.Now()
	rep := ex.Examine(ctx, data)
	res.Examine = time.Since(start).Milliseconds()
	if !rep.Examined() {
		t.Fatalf("not examined: %s", rep.Problem)
	}
	res.Kind, res.Pages, res.Problem = string(rep.Kind), rep.Pages, rep.Problem
	if err := st.RecordExamination(ctx, d.SHA256, meeting.Examination{Kind: meeting.PaperKind(rep.Kind), Pages: rep.Pages,
		Problem: rep.Problem, Print: rep.Print}); err != nil {
		t.Fatal(err)
	}
	r, err := st.Record(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	pack := buildPack(t, st, r, PackOptions{Options: printedAt})
	if err := WriteFile(filepath.Join(dir, "pack.pdf"), func(w io.Writer) error { return pack.Write(w, Copy{}, "", "") }); err != nil {
		t.Fatal(err)
	}
	res.Pack, res.PackPages = time.Since(start).Milliseconds(), pack.Preflight.Pages
	start = time.Now()
	if err := WriteFile(filepath.Join(dir, "minutes.pdf"), func(w io.Writer) error { return Minutes(w, r, printedAt) }); err != nil {
		t.Fatal(err)
	}
	res.Minutes = time.Since(start).Milliseconds()
	res.PeakMB = -1
	if peak, ok := papertest.PeakRSS(); ok {
		res.PeakMB = peak >> 20
	}
	line, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("%s%s\n", corpusResultPrefix, line)
}
