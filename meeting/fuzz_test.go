package meeting

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzImportMeeting reads meeting files of any content: parsing, checking
// and importing them into a database never panics; a file refused gets an
// *Error and leaves the database as it was; a file imported exports back
// to a file that reads again. Seeds: the sample meeting file, cut and
// changed in the ways users' files go wrong, and the inputs kept in
// testdata/fuzz.
func FuzzImportMeeting(f *testing.F) {
	sample, err := os.ReadFile("testdata/codir-12.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sample)
	f.Add(sample[:len(sample)/2])
	f.Add([]byte(`{"format": "quorum-meeting", "version": 1, "meeting": {"title": "X", "starts": "2027-01-05T09:00:00Z"}}`))
	f.Add([]byte(`{"format": "quorum-meeting", "version": 1, "meeting": {"title": "X", "starts": "2027-01-05T09:00:00Z"},
		"documents": [{"id": "d", "title": "D", "file": "papers/note.pdf"}],
		"agenda": [{"id": "1", "title": "A", "documents": ["d"], "items": [{"id": "1.1", "title": "B", "items": [{"id": "1.1.1", "title": "C"}]}]}]}`))
	s, err := Open(filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	papers := samplePapers()
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ParseFile(data)
		if err != nil {
			typed(t, err)
			return
		}
		before := counts(t, s)
		id, err := s.ImportMeeting(ctx, file, papers)
		if err != nil {
			typed(t, err)
			if after := counts(t, s); !equalCounts(before, after) {
				t.Fatalf("refused (%v), yet the database changed: before %v, after %v", err, before, after)
			}
			return
		}
		out, _, err := s.ExportMeeting(ctx, id)
		if err != nil {
			t.Fatalf("meeting %d imported, but cannot be exported: %v", id, err)
		}
		again, err := out.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseFile(again); err != nil {
			t.Fatalf("meeting %d imported, but its export does not read again: %v\n%s", id, err, again)
		}
	})
}

// typed fails the test unless err is an *Error with a message.
func typed(t *testing.T, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("refused with a %T, not an *Error: %v", err, err)
	}
	if e.Message == "" {
		t.Fatalf("refused with an empty message (field %q)", e.Field)
	}
}
