package export

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestSamplePaperReadsBack(t *testing.T) {
	long := strings.Repeat("Le comité prend acte de l'exécution budgétaire : 1 200 € engagés, œuvre achevée. ", 60)
	data, err := SamplePaper("Note de synthèse — Budget 2027", "DAF-2026-042", []string{"Objet de la note.", long})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", data[:min(len(data), 10)])
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is missing: run `make test`, which installs poppler-utils")
	}
	path := filepath.Join(t.TempDir(), "paper.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := string(out)
	for _, want := range []string{"Note de synthèse — Budget 2027", "1 200 € engagés, œuvre achevée", "DAF-2026-042 — 2"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext does not find %q", want)
		}
	}
}
