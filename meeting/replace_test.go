package meeting

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestReplaceFileRemovesOnlyDeadWritersParts(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "dossier.pdf")
	dead := filepath.Join(dir, ".dossier.pdf.111.part")
	must(t, os.WriteFile(dead, []byte("half a pack"), 0o600))
	live := filepath.Join(dir, ".dossier.pdf.222.part")
	f, err := os.Create(live)
	must(t, err)
	defer f.Close()
	if ok, err := tryLock(f); !ok || err != nil {
		t.Fatalf("tryLock: %v %v", ok, err)
	}
	other := filepath.Join(dir, ".agenda.pdf.333.part") // another file's
	must(t, os.WriteFile(other, nil, 0o600))

	must(t, ReplaceFile(path, func(f *os.File) error { _, err := f.WriteString("whole"); return err }))
	got := files(t, dir)
	want := []string{".agenda.pdf.333.part", ".dossier.pdf.222.part", "dossier.pdf"}
	if !slices.Equal(got, want) {
		t.Errorf("folder holds %v, want %v", got, want)
	}
	wantMode(t, path, 0o600)
}

func TestReplaceFileFailuresLeaveNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "backup.db")
	must(t, os.WriteFile(path, []byte("before"), 0o600))
	boom := errors.New("disk on fire")
	if err := ReplaceFile(path, func(f *os.File) error { f.WriteString("half"); return boom }); !errors.Is(err, boom) {
		t.Errorf("error %v, want %v", err, boom)
	}
	func() {
		defer func() { recover() }()
		ReplaceFile(path, func(f *os.File) error { f.WriteString("half"); panic("bug") })
	}()
	// Renaming onto a folder fails after everything was written.
	folder := filepath.Join(dir, "folder")
	must(t, os.MkdirAll(filepath.Join(folder, "inside"), 0o700))
	if err := ReplaceFile(folder, func(f *os.File) error { _, err := f.WriteString("x"); return err }); err == nil {
		t.Error("replacing a folder succeeded")
	}
	if got := files(t, dir); !slices.Equal(got, []string{"backup.db", "folder"}) {
		t.Errorf("failures left %v", got)
	}
	if b, _ := os.ReadFile(path); string(b) != "before" {
		t.Errorf("failures changed the file: %q", b)
	}
	if err := ReplaceFile(filepath.Join(dir, "missing", "x"), func(*os.File) error { return nil }); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
}
