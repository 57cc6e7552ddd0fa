// Package papertest gives tests the shared corpus of real-world PDFs that
// lies beside the repository (../shared/pdf-corpus), and the peak memory
// of the test process.
package papertest

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// File is one file of the corpus, as its MANIFEST.txt describes it.
type File struct {
	Name    string
	Path    string
	Folder  string // "valid", "broken" or "images"
	Pages   int    // as pdfinfo counts them; 0 when it cannot read the file, or no PDF
	Special string // the MANIFEST's notes
}

// Corpus returns the files of the corpus, or skips the test, saying so,
// when the corpus is not beside the repository. QUORUM_PDF_CORPUS names
// another folder.
func Corpus(t testing.TB) []File {
	t.Helper()
	dir := os.Getenv("QUORUM_PDF_CORPUS")
	if dir == "" {
		dir = filepath.Join(repoRoot(), "..", "shared", "pdf-corpus")
	}
	f, err := os.Open(filepath.Join(dir, "MANIFEST.txt"))
	if err != nil {
		t.Skipf("the PDF corpus is missing (no %s/MANIFEST.txt): this test needs the shared folder beside the repository", dir)
	}
	defer f.Close()
	folders := []string{"valid", "broken", "images"}
	table := -1
	var files []File
	for scan := bufio.NewScanner(f); scan.Scan(); {
		line := scan.Text()
		fields := strings.Fields(line)
		switch {
		case len(fields) == 0 || strings.HasPrefix(line, "#") || fields[0] == "TOTAL":
			continue
		case fields[0] == "file":
			table++
			continue
		case table < 0 || table >= len(folders) || len(fields) < 3:
			t.Fatalf("MANIFEST.txt: unexpected line %q", line)
		}
		c := File{Name: fields[0], Folder: folders[table], Path: filepath.Join(dir, folders[table], fields[0])}
		c.Pages, _ = strconv.Atoi(fields[2]) // "ERR" and "-" give 0
		if _, special, ok := strings.Cut(line, " | "); ok {
			c.Special = special
		}
		files = append(files, c)
	}
	if len(files) == 0 {
		t.Fatal("MANIFEST.txt lists no file")
	}
	return files
}

// repoRoot is the repository's top folder: the one with go.mod above
// this file.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}

// PeakRSS is the most memory the process has held since it started (or
// since ResetPeakRSS), as Linux counts it; ok is false elsewhere.
func PeakRSS() (peak int64, ok bool) {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for line := range strings.Lines(string(status)) {
		if kB, found := strings.CutPrefix(line, "VmHWM:"); found {
			n, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(kB), " kB"), 10, 64)
			return n << 10, err == nil
		}
	}
	return 0, false
}

// ResetPeakRSS starts PeakRSS anew, where Linux allows it.
func ResetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }
