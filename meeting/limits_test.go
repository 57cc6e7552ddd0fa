package meeting

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// limitPapers sets the largest paper for one test.
func limitPapers(t *testing.T, n int64) {
	t.Helper()
	must(t, SetMaxPaperBytes(n))
	t.Cleanup(func() { SetMaxPaperBytes(0) })
}

// sparseFile makes a file of size bytes that takes no room on the disk.
func sparseFile(t *testing.T, path string, size int64) {
	t.Helper()
	must(t, os.MkdirAll(filepath.Dir(path), 0o700))
	must(t, os.WriteFile(path, []byte("%PDF-1.7\n"), 0o600))
	must(t, os.Truncate(path, size))
}

// allocated returns the bytes that fn allocated.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestMaxPaperBytesSetting(t *testing.T) {
	if MaxPaperBytes() != 200<<20 {
		t.Fatalf("default limit %d, want 200 MB", MaxPaperBytes())
	}
	for _, n := range []int64{-1, 1<<20 - 1, MaxPaperBytesLimit + 1} {
		if err := SetMaxPaperBytes(n); ErrorCode(err) != EINVALID {
			t.Errorf("SetMaxPaperBytes(%d) = %v, want invalid", n, err)
		}
	}
	if MaxPaperBytes() != DefaultMaxPaperBytes {
		t.Errorf("a refused setting changed the limit to %d", MaxPaperBytes())
	}
	limitPapers(t, 5<<20)
	if MaxPaperBytes() != 5<<20 {
		t.Errorf("limit %d after setting 5 MB", MaxPaperBytes())
	}
	must(t, SetMaxPaperBytes(0))
	if MaxPaperBytes() != DefaultMaxPaperBytes {
		t.Errorf("0 gives %d, want the default", MaxPaperBytes())
	}
}

// TestAttachFileTooLarge attaches a sparse file of 200 MB and one byte:
// it is refused with a message naming it, before it is read.
func TestAttachFileTooLarge(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	m := &Meeting{Title: "Conseil", Starts: time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC)}
	must(t, s.CreateMeeting(ctx, m))
	dir := t.TempDir()
	huge := filepath.Join(dir, "scan complet.pdf")
	sparseFile(t, huge, DefaultMaxPaperBytes+1)
	var err error
	if n := allocated(func() { err = s.AttachFile(ctx, &Document{MeetingID: m.ID, Title: "Scan"}, huge) }); n > 1<<20 {
		t.Errorf("refusing the file allocated %d bytes: was it read?", n)
	}
	wantErr(t, err, EINVALID, "file")
	if want := "scan complet.pdf is too large (201 MB; papers are at most 200 MB)"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}

	// A lower limit, and files either side of it.
	limitPapers(t, 1<<20)
	exact, over := filepath.Join(dir, "exact.pdf"), filepath.Join(dir, "over.pdf")
	sparseFile(t, exact, 1<<20)
	sparseFile(t, over, 1<<20+1)
	d := &Document{MeetingID: m.ID, Title: "Exact"}
	must(t, s.AttachFile(ctx, d, exact))
	if d.FileName != "exact.pdf" || d.Size != 1<<20 || d.MediaType != "application/pdf" {
		t.Errorf("attached %q of %d bytes, %s; want exact.pdf, 1 MB, application/pdf", d.FileName, d.Size, d.MediaType)
	}
	err = s.AttachFile(ctx, &Document{MeetingID: m.ID, Title: "Over", FileName: "renamed.pdf"}, over)
	wantErr(t, err, EINVALID, "file")
	if want := "renamed.pdf is too large (2 MB; papers are at most 1 MB)"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
	err = s.AttachFile(ctx, &Document{MeetingID: m.ID, Title: "Missing"}, filepath.Join(dir, "missing.pdf"))
	wantErr(t, err, ENOTFOUND, "file")
	err = s.AttachFile(ctx, &Document{MeetingID: m.ID, Title: "Folder"}, dir)
	wantErr(t, err, EINVALID, "file")
	if !strings.Contains(err.Error(), "is not a file") {
		t.Errorf("a folder gives %q", err)
	}
	if n := count(t, s, `SELECT count(*) FROM documents`); n != 1 {
		t.Errorf("%d papers attached, want 1", n)
	}
}

// TestImportTooLargePaper imports a meeting file whose paper is a sparse
// file over the limit: refused before the paper is read, nothing added.
func TestImportTooLargePaper(t *testing.T) {
	s := newStore(t)
	dir := t.TempDir()
	sparseFile(t, filepath.Join(dir, "papers", "note.pdf"), DefaultMaxPaperBytes+1)
	must(t, os.WriteFile(filepath.Join(dir, "papers", "pv-11.pdf"), []byte("%PDF-1.4\n"), 0o600))
	must(t, os.WriteFile(filepath.Join(dir, "papers", "budget 2027.xlsx"), []byte("PK\x03\x04"), 0o600))
	before := counts(t, s)
	f, err := ParseFile(readSample(t))
	must(t, err)
	root, err := os.OpenRoot(dir)
	must(t, err)
	defer root.Close()
	var id int64
	if n := allocated(func() { id, err = s.ImportMeeting(context.Background(), f, root.FS()) }); n > 8<<20 {
		t.Errorf("the import allocated %d bytes: was the paper read?", n)
	}
	wantErr(t, err, EINVALID, "documents[2].file")
	if want := "papers/note.pdf is too large (201 MB; papers are at most 200 MB)"; !strings.Contains(err.Error(), want) || id != 0 {
		t.Errorf("import gives %d, %q; want it to say %q", id, err, want)
	}
	if after := counts(t, s); !equalCounts(before, after) {
		t.Errorf("database changed: before %v, after %v", before, after)
	}
}
