package meeting

import (
	"bytes"
	"path/filepath"
	"testing"
)

func TestExaminationIsKeptWithTheContent(t *testing.T) {
	s := newStore(t)
	m := addMeeting(t, s, 0, "Board", fixedNow)
	scan := []byte("%PDF-1.4 scanned, damaged xref")
	a := &Document{MeetingID: m.ID, Title: "Scan", FileName: "scan.pdf"}
	b := &Document{MeetingID: m.ID, Title: "Same scan again", FileName: "copy.pdf"}
	c := &Document{MeetingID: m.ID, Title: "Budget", FileName: "budget.xlsx"}
	must(t, s.AttachDocument(bg, a, scan))
	must(t, s.AttachDocument(bg, b, scan))
	must(t, s.AttachDocument(bg, c, []byte("PK spreadsheet")))

	todo, err := s.PapersToExamine(bg)
	must(t, err)
	if len(todo) != 2 || todo[0].ID != a.ID || todo[1].ID != c.ID {
		t.Fatalf("to examine: %v, want papers %d and %d (one per content)", todo, a.ID, c.ID)
	}
	clean := []byte("%PDF-1.7 repaired")
	must(t, s.RecordExamination(bg, a.SHA256, Examination{Kind: PDFPaper, Pages: 12, Print: clean}))
	must(t, s.RecordExamination(bg, c.SHA256, Examination{Kind: OtherPaper, Problem: "not a PDF: named on a page of its own"}))

	docs, err := s.Documents(bg, m.ID)
	must(t, err)
	for _, d := range docs[:2] {
		if !d.Examined || d.Kind != PDFPaper || d.Pages != 12 || d.Problem != "" {
			t.Errorf("paper %q after examination: %+v", d.Title, d)
		}
	}
	if docs[2].Kind != OtherPaper || docs[2].Problem == "" {
		t.Errorf("spreadsheet after examination: %+v", docs[2])
	}
	if todo, _ := s.PapersToExamine(bg); len(todo) != 0 {
		t.Errorf("still to examine: %v", todo)
	}
	print, err := s.PrintData(bg, b.ID)
	must(t, err)
	orig, err := s.DocumentData(bg, b.ID)
	must(t, err)
	if !bytes.Equal(print, clean) || !bytes.Equal(orig, scan) {
		t.Errorf("print copy %q and original %q", print, orig)
	}
	if print, _ := s.PrintData(bg, c.ID); string(print) != "PK spreadsheet" {
		t.Errorf("a paper without a clean copy prints its own bytes, got %q", print)
	}
	_, err = s.PrintData(bg, 999)
	wantErr(t, err, ENOTFOUND, "")

	wantErr(t, s.RecordExamination(bg, a.SHA256, Examination{Kind: "spreadsheet"}), EINVALID, "kind")
	wantErr(t, s.RecordExamination(bg, "00ff", Examination{Kind: PDFPaper}), ENOTFOUND, "")

	// The clean copy goes with the last paper that needs it.
	must(t, s.DeleteDocument(bg, a.ID))
	if n := count(t, s, `SELECT count(*) FROM blobs`); n != 3 {
		t.Errorf("%d contents kept while a paper still uses the scan, want 3", n)
	}
	must(t, s.DeleteDocument(bg, b.ID))
	must(t, s.DeleteDocument(bg, c.ID))
	if n := count(t, s, `SELECT count(*) FROM blobs`); n != 0 {
		t.Errorf("%d contents left after every paper went", n)
	}
}

// TestPageCountsSurviveMigration3: page counts stored on papers before
// schema 3 move to their content.
func TestPageCountsSurviveMigration3(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v2.db")
	old := rawStore(t, path)
	must(t, old.migrateTo(bg, 2))
	for _, q := range []string{
		`INSERT INTO meetings (id, title, starts, utc_offset, classification, language, status, created, updated)
			VALUES (1, 'Old', '2026-01-01T09:00:00Z', 0, 'internal', 'fr', 'draft', '', '')`,
		`INSERT INTO blobs (sha256, size, data) VALUES ('abc', 3, x'010203')`,
		`INSERT INTO documents (meeting_id, position, title, sha256, pages, added) VALUES (1, 0, 'Old paper', 'abc', 5, '')`,
	} {
		if _, err := old.wdb.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	must(t, old.Close())
	s := openAt(t, path)
	docs, err := s.Documents(bg, 1)
	must(t, err)
	if len(docs) != 1 || docs[0].Pages != 5 || docs[0].Examined {
		t.Errorf("after migration: %+v", docs)
	}
}
