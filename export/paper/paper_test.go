package paper

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"quorum/export/paper/papertest"
	"regexp"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"
)

// examiner serves the tests, with a compilation cache of their own in
// testCache, made anew for each run.
var (
	examiner  *Examiner
	testCache string
)

// maxRSS is what the whole test process may take: hostile papers included,
// it must stay under 1 GB.
const maxRSS = 1 << 30

func TestMain(m *testing.M) {
	var err error
	if testCache, err = os.MkdirTemp("", "quorum-paper-test-"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var limits Limits
	if raceDetector { // it slows R-refman.pdf (2,415 pages) past 20 s
		limits.Time = 2 * time.Minute
	}
	if examiner, err = NewExaminer(testCache, limits); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	examiner.Close()
	os.RemoveAll(testCache)
	peak, ok := peakRSS()
	if peak = max(peak, earlierPeak); ok && peak > maxRSS && code == 0 {
		fmt.Fprintf(os.Stderr, "FAIL: the test process took %d MB of memory at its peak, over %d MB\n", peak>>20, maxRSS>>20)
		code = 1
	} else if ok && testing.Verbose() {
		fmt.Printf("peak memory of the test process: %d MB\n", peak>>20)
	}
	os.Exit(code)
}

// peakRSS is the most memory that the process has held; ok is false
// where Linux does not tell, and under the race detector.
func peakRSS() (peak int64, ok bool) {
	if raceDetector {
		return 0, false
	}
	return papertest.PeakRSS()
}

// earlierPeak is the peakRSS before the last resetPeakRSS.
var earlierPeak int64

// resetPeakRSS starts peakRSS anew, where Linux allows it.
func resetPeakRSS() {
	if peak, ok := peakRSS(); ok {
		earlierPeak = max(earlierPeak, peak)
	}
	papertest.ResetPeakRSS()
}

// requireTools fails the test when the PDF tools that check our output are
// missing: CI must have them.
func requireTools(t testing.TB) {
	t.Helper()
	for _, tool := range []string{"qpdf", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed: run `make test`, which installs the PDF tools that the tests need", tool)
		}
	}
}

// checkPrint checks a Print copy with real readers: qpdf --check accepts
// it (unless qpdfComplaint says why it cannot), and pdfinfo finds pages
// pages and no encryption.
func checkPrint(t *testing.T, print []byte, pages int, qpdfComplaint string) {
	t.Helper()
	if print == nil {
		t.Fatal("no Print copy")
	}
	file := filepath.Join(t.TempDir(), "print.pdf")
	if err := os.WriteFile(file, print, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("qpdf", "--check", file).CombinedOutput()
	switch {
	case err != nil && qpdfComplaint == "":
		t.Errorf("qpdf --check rejects the Print copy: %v\n%s", err, out)
	case err == nil && qpdfComplaint != "":
		t.Errorf("qpdf --check now accepts the Print copy, which it rejected because %s", qpdfComplaint)
	}
	out, err = exec.Command("pdfinfo", file).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo rejects the Print copy: %v\n%s", err, out)
	}
	info := map[string]string{}
	for line := range strings.Lines(string(out)) {
		if key, value, ok := strings.Cut(line, ":"); ok {
			info[key] = strings.TrimSpace(value)
		}
	}
	if info["Pages"] != strconv.Itoa(pages) || info["Encrypted"] != "no" {
		t.Errorf("pdfinfo finds %s pages, encrypted %s; want %d pages, not encrypted:\n%s", info["Pages"], info["Encrypted"], pages, out)
	}
}

// What PDFium makes of the corpus, where the MANIFEST does not tell.
var (
	// needsPassword: encrypted with a user password that we do not have.
	needsPassword = map[string]bool{"issue6010_1.pdf": true, "issue3371.pdf": true, "print_protection.pdf": true}
	// emptyPassword: encrypted with the empty user password, to restrict
	// what users may do; they must come out decrypted.
	emptyPassword = map[string]bool{"bug900822.pdf": true, "empty_protected.pdf": true, "issue9972-1.pdf": true}
	// pdfiumPages: where PDFium and pdfinfo (the MANIFEST's pages) disagree,
	// the pages that PDFium finds, 0 when it refuses the file.
	pdfiumPages = map[string]int{
		"PDFBOX-4352-0.pdf":        1, // PDFium rebuilds the cross-reference table, pdfinfo gives up
		"issue15590.pdf":           1, // a page tree that is a single page
		"issue9418.pdf":            1, // broken object stream
		"poppler-67295-0.pdf":      1, // a /Count of 9999999999
		"poppler-91414-0-54.pdf":   1, // a /Length that refers to its own stream
		"poppler-742-0-fuzzed.pdf": 0, // pdfinfo finds 1 page after 1,500 warnings
	}
	// qpdfComplaints: why qpdf --check rejects some Print copies, for damage
	// that PDFium carries over.
	qpdfComplaints = map[string]string{
		"PDFBOX-4352-0.pdf": "the page's content stream does not inflate (PDFium shows the page blank)",
	}
	// notPDF: corpus files whose content is no PDF, and their Problem.
	notPDF = map[string]Report{
		"png-renamed.pdf": {Kind: KindImage}, // a PNG named .pdf is printed as the image it is
		"zero-bytes.pdf":  {Kind: KindOther, Problem: "the file is empty"},
	}
)

// TestCorpus examines every file of the corpus.
func TestCorpus(t *testing.T) {
	requireTools(t)
	size := regexp.MustCompile(`(\d+) x (\d+)`)
	for _, c := range papertest.Corpus(t) {
		t.Run(c.Name, func(t *testing.T) {
			data, err := os.ReadFile(c.Path)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			r := examiner.Examine(context.Background(), data)
			elapsed := time.Since(start)
			t.Logf("%6.0f ms  kind %s, %d pages, encrypted %v, password %v, print %d bytes, %d×%d, problem %q",
				elapsed.Seconds()*1000, r.Kind, r.Pages, r.Encrypted, r.Password, len(r.Print), r.Width, r.Height, r.Problem)
			pages, differs := pdfiumPages[c.Name]
			if !differs {
				pages = c.Pages
			}
			switch want, other := notPDF[c.Name]; {
			case other:
				if r.Kind != want.Kind || r.Problem != want.Problem || r.Print != nil {
					t.Errorf("got kind %s, problem %q; want kind %s, problem %q", r.Kind, r.Problem, want.Kind, want.Problem)
				}
			case c.Folder == "images":
				// The MANIFEST gives the size of some images ("104 x 71").
				m := size.FindStringSubmatch(c.Special)
				if r.Kind != KindImage || r.Problem != "" || r.Width <= 0 || r.Height <= 0 ||
					m != nil && (fmt.Sprint(r.Width) != m[1] || fmt.Sprint(r.Height) != m[2]) {
					t.Errorf("got kind %s, %d×%d, problem %q; want an image as %q", r.Kind, r.Width, r.Height, r.Problem, c.Special)
				}
			case needsPassword[c.Name]:
				if !r.Password || !r.Encrypted || r.Problem != "protected by a password" || r.Print != nil {
					t.Error("want Password, Encrypted, the problem \"protected by a password\" and no Print copy")
				}
			case pages > 0:
				if r.Kind != KindPDF || r.Problem != "" || r.Pages != pages || r.Encrypted != emptyPassword[c.Name] || r.Password {
					t.Errorf("want a PDF of %d pages, encrypted %v, no password, no problem", pages, emptyPassword[c.Name])
				}
				checkPrint(t, r.Print, pages, qpdfComplaints[c.Name])
			default:
				if r.Kind != KindPDF || r.Problem == "" || r.Print != nil {
					t.Error("want a PDF with a Problem and no Print copy")
				}
			}
			if c.Name == "bug1980958.pdf" && elapsed > time.Second {
				t.Errorf("took %v: the file that hangs pdfcpu must be refused quickly", elapsed)
			}
		})
	}
}

// pngHeader is the start of a PNG file of w × h pixels: its signature and
// header chunk, without pixels.
func pngHeader(w, h uint32) []byte {
	chunk := binary.BigEndian.AppendUint32(nil, 13)
	chunk = append(chunk, "IHDR"...)
	chunk = binary.BigEndian.AppendUint32(chunk, w)
	chunk = binary.BigEndian.AppendUint32(chunk, h)
	chunk = append(chunk, 8, 6, 0, 0, 0) // 8 bits RGBA, not interlaced
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(chunk[4:]))
	return append([]byte("\x89PNG\r\n\x1a\n"), chunk...)
}

// jpegHeader is the start of a baseline JPEG of w × h pixels: its start
// marker, JFIF segment and frame header, without tables or pixels.
func jpegHeader(w, h uint16) []byte {
	b := append([]byte{0xff, 0xd8, 0xff, 0xe0, 0, 16}, "JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"...)
	b = append(b, 0xff, 0xc0, 0, 17, 8)
	b = binary.BigEndian.AppendUint16(b, h)
	b = binary.BigEndian.AppendUint16(b, w)
	return append(b, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1)
}

// gifHeader is the start of a GIF of w × h pixels: its signature and
// screen descriptor, without colours or pixels.
func gifHeader(w, h uint16) []byte {
	b := binary.LittleEndian.AppendUint16([]byte("GIF89a"), w)
	return append(binary.LittleEndian.AppendUint16(b, h), 0, 0, 0)
}

func TestImages(t *testing.T) {
	var small bytes.Buffer
	img := image.NewNRGBA(image.Rect(0, 0, 3, 2))
	img.Set(1, 1, color.Black)
	if err := png.Encode(&small, img); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		data    []byte
		problem string
	}{
		{"small.png", small.Bytes(), ""},
		{"bomb.png", pngHeader(50000, 50000), "the image is too large to print (50000 × 50000 pixels)"},
		{"square.png", pngHeader(20000, 20000), "the image is too large to print (20000 × 20000 pixels)"},
		{"wide.gif", gifHeader(40000, 10), "the image is too large to print (40000 × 10 pixels)"},
		{"bomb.jpg", jpegHeader(50000, 50000), "the image is too large to print (50000 × 50000 pixels)"},
		{"bomb.gif", gifHeader(50000, 50000), "the image is too large to print (50000 × 50000 pixels)"},
		{"tall.jpg", jpegHeader(3000, 40000), "the image is too large to print (3000 × 40000 pixels)"},
		{"many pixels.gif", gifHeader(12000, 12000), "the image is too large to print (12000 × 12000 pixels)"},
		{"damaged.png", append(pngHeader(10, 10)[:20], "junk"...), "the image is damaged and cannot be read"},
		{"damaged.jpg", []byte("\xff\xd8\xff\xe0 no more"), "the image is damaged and cannot be read"},
		{"cut.png", small.Bytes()[:small.Len()-20], "the image is damaged and cannot be read"},
		{"inflate-bomb.png", papertest.InflateBombPNG(100, 100, 1<<30), "the image is damaged and cannot be read"},
		{"short-tRNS.png", papertest.PNGChunk(pngHeader(3, 2)[:33], "tRNS", []byte{0}), "the image is damaged and cannot be read"},
		{"bad-checksum.png", append(bytes.Clone(small.Bytes()[:small.Len()-1]), 0), "the image is damaged and cannot be read"},
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		r := examiner.Examine(context.Background(), c.data)
		runtime.ReadMemStats(&after)
		if r.Kind != KindImage || r.Problem != c.problem {
			t.Errorf("%s: got kind %s, problem %q; want an image, problem %q", c.name, r.Kind, r.Problem, c.problem)
		}
		if c.problem == "" && (r.Width != 3 || r.Height != 2) {
			t.Errorf("%s: got %d×%d, want 3×2", c.name, r.Width, r.Height)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
			t.Errorf("%s: examining it allocated %d bytes: were its pixels decoded?", c.name, alloc)
		}
	}
}

func TestOtherFiles(t *testing.T) {
	for _, c := range []struct {
		name, data, media, problem string
	}{
		{"notes.txt", "Ordre du jour", "text/plain", ""},
		{"budget.xlsx", "PK\x03\x04 not much of a workbook", "application/zip", ""},
		{"empty.pdf", "", "", "the file is empty"},
	} {
		r := examiner.Examine(context.Background(), []byte(c.data))
		if r.Kind != KindOther || r.Problem != c.problem || r.Print != nil {
			t.Errorf("%s: got kind %s, problem %q; want other, problem %q", c.name, r.Kind, r.Problem, c.problem)
		}
		if r.MediaType != c.media {
			t.Errorf("%s: got media type %q, want %q", c.name, r.MediaType, c.media)
		}
	}
}

// textPDF is a one-page PDF with a line of text over a blue square.
func textPDF() []byte {
	return papertest.PDFFile(append(papertest.OnePage,
		papertest.Stream("", []byte("0 0 1 rg 100 100 200 200 re f BT /F1 24 Tf 72 700 Td (Hello Quorum) Tj ET")),
		"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>")...)
}

func TestThumbnailAndText(t *testing.T) {
	ctx := context.Background()
	r := examiner.Examine(ctx, textPDF())
	if r.Problem != "" || r.Pages != 1 {
		t.Fatalf("got %d pages, problem %q", r.Pages, r.Problem)
	}
	text, err := examiner.Text(ctx, r.Print)
	if err != nil || !strings.Contains(text, "Hello Quorum") {
		t.Errorf("Text gives %q, %v; want Hello Quorum", text, err)
	}
	thumb, err := examiner.Thumbnail(ctx, r.Print, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	// An A4 page, 595 × 842 points, within 100 × 100 pixels; the square
	// spans points 100–300 from the bottom left.
	if b := thumb.Bounds(); b.Dy() != 100 || b.Dx() < 70 || b.Dx() > 71 {
		t.Errorf("thumbnail of %v, want 70 or 71 × 100", b)
	}
	if r, g, b, _ := thumb.At(30, 70).RGBA(); r != 0 || g != 0 || b != 0xffff {
		t.Errorf("thumbnail is %v inside the blue square", thumb.At(30, 70))
	}
	if _, err := examiner.Thumbnail(ctx, r.Print, 1, 100); err == nil {
		t.Error("a thumbnail of page 2 of 1")
	}
}

func TestLimits(t *testing.T) {
	if _, err := NewExaminer("", Limits{Memory: 1 << 20}); err == nil {
		t.Error("a memory limit of 1 MB is accepted")
	}
	e, err := NewExaminer(testCache, Limits{Time: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	ctx := context.Background()
	// Forms that draw forms, 2^40 times: PDFium needs seconds to fill its
	// memory, and the watchdog stops it first.
	start := time.Now()
	r := e.Examine(ctx, papertest.FormFanOutPDF(40))
	if elapsed := time.Since(start); r.Problem != "too complex to read safely (stopped after 0.2 s)" || elapsed > 2*time.Second {
		t.Errorf("after %v, problem %q", elapsed, r.Problem)
	}
	// A fresh instance serves the next paper.
	if r := e.Examine(ctx, textPDF()); r.Problem != "" || r.Pages != 1 {
		t.Errorf("after a paper that was stopped, the next one gives %d pages, problem %q", r.Pages, r.Problem)
	}
	// So does cancelling.
	ctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if r := e.Examine(ctx, papertest.FormFanOutPDF(40)); !strings.HasPrefix(r.Problem, notExamined) {
		t.Errorf("cancelled, problem %q", r.Problem)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if r := e.Examine(context.Background(), textPDF()); !strings.HasPrefix(r.Problem, notExamined) {
		t.Errorf("closed, problem %q", r.Problem)
	}
	if err := e.Close(); err != nil {
		t.Errorf("closing twice: %v", err)
	}
}

func TestHostilePDFs(t *testing.T) {
	debug.FreeOSMemory() // what earlier tests left is no concern here
	resetPeakRSS()
	for _, c := range []struct {
		name    string
		data    []byte
		problem string // "" when PDFium can print it
	}{
		// 27 KB that inflate to 2 GB: PDFium fills its memory and aborts.
		{"flate-bomb.pdf", papertest.FlateBombPDF(2 << 30), "too complex to read safely (needs more than 512 MB)"},
		{"page-loop.pdf", papertest.PageLoopPDF(), "page 2 is damaged and cannot be read"},
		// PDFium notices the loop and draws the form once.
		{"self-drawing-form.pdf", papertest.SelfDrawingFormPDF(), ""},
		{"form-fan-out.pdf", papertest.FormFanOutPDF(40), "too complex to read safely (needs more than 512 MB)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			r := examiner.Examine(context.Background(), c.data)
			elapsed := time.Since(start)
			t.Logf("%d bytes: %v, %d pages, problem %q", len(c.data), elapsed, r.Pages, r.Problem)
			if r.Problem != c.problem {
				t.Errorf("problem %q, want %q", r.Problem, c.problem)
			}
			if elapsed > 10*time.Second {
				t.Errorf("took %v", elapsed)
			}
			if r.Problem == "" {
				requireTools(t)
				checkPrint(t, r.Print, r.Pages, "")
			}
		})
	}
	// Thumbnail and Text work under the same limits.
	if _, err := examiner.Thumbnail(context.Background(), papertest.FlateBombPDF(2<<30), 0, 100); !errors.Is(err, errMemory) {
		t.Errorf("thumbnail of the flate bomb: %v", err)
	}
	if peak, ok := peakRSS(); !ok {
		t.Log("cannot measure the memory of the process here")
	} else if t.Logf("peak memory of the process: %d MB", peak>>20); peak > maxRSS {
		t.Errorf("the process took %d MB, over %d MB", peak>>20, maxRSS>>20)
	}
}

// TestClosedExaminerGivesNoVerdict: a paper a closed examiner could not
// examine is not reported as damaged.
func TestClosedExaminerGivesNoVerdict(t *testing.T) {
	e, err := NewExaminer("", Limits{})
	if err != nil {
		t.Fatal(err)
	}
	e.Close()
	if r := e.Examine(context.Background(), textPDF()); r.Examined() {
		t.Errorf("a closed examiner gave a verdict: %+v", r)
	}
	if r := examiner.Examine(context.Background(), textPDF()); !r.Examined() || r.Problem != "" {
		t.Errorf("a good paper: %+v", r)
	}
}
