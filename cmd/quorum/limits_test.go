package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMaxPaperSize imports a meeting file whose paper is a sparse file of
// 2 MB under limits given by the flag and by the environment.
func TestMaxPaperSize(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "conseil.json")
	os.WriteFile(file, []byte(`{"format": "quorum-meeting", "version": 1,
		"meeting": {"title": "Conseil", "starts": "2027-01-05T09:00:00+01:00"},
		"documents": [{"id": "d1", "title": "Scan", "file": "scan.pdf"}]}`), 0o600)
	scan := filepath.Join(dir, "scan.pdf")
	os.WriteFile(scan, []byte("%PDF-1.7\n"), 0o600)
	if err := os.Truncate(scan, 2<<20); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "q.db")
	for _, c := range []struct {
		env  string
		args []string
		code int
		want string
	}{
		{"", []string{"--max-paper-mb", "1", "import", file}, 1, "documents[0].file: scan.pdf is too large (2 MB; papers are at most 1 MB)"},
		{"1", []string{"import", file}, 1, "scan.pdf is too large (2 MB; papers are at most 1 MB)"},
		{"", []string{"--max-paper-mb", "-3", "list"}, 2, "--max-paper-mb: the largest paper must be between 1 and 900 MB"},
		{"", []string{"--max-paper-mb", "901", "list"}, 2, "--max-paper-mb: the largest paper must be between 1 and 900 MB"},
		{"lots", []string{"list"}, 2, `QUORUM_MAX_PAPER_MB: "lots" is not a whole number of megabytes`},
		{"1", []string{"--max-paper-mb", "3", "import", file}, 0, "imported meeting 1"},
		{"3", []string{"import", file}, 0, "imported meeting 2"},
	} {
		t.Setenv("QUORUM_MAX_PAPER_MB", c.env)
		code, out, errOut := quorum(t, append([]string{"--db", db}, c.args...)...)
		if code != c.code || !strings.Contains(out+errOut, c.want) {
			t.Errorf("QUORUM_MAX_PAPER_MB=%s quorum %v: exit %d, %q %q; want exit %d and %q", c.env, c.args, code, out, errOut, c.code, c.want)
		}
	}
}
