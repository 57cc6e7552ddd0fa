package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestWriteFileAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "agenda.pdf")
	if err := WriteBytes(path, []byte("first")); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := WriteFile(path, func(w io.Writer) error {
		w.Write([]byte("half of the second"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want %v", err, boom)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "first" {
		t.Errorf("a failed write changed the file: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("a failed write left files behind: %v", entries)
	}
	if err := WriteBytes(filepath.Join(dir, "sub", "new.json"), []byte("x")); err != nil {
		t.Errorf("cannot write in a new folder: %v", err)
	}
}

func TestWriteFileFailuresLeaveNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pv.pdf")
	func() {
		defer func() { recover() }()
		WriteFile(path, func(w io.Writer) error { w.Write([]byte("%PDF-1.7 half")); panic("layout bug") })
	}()
	if err := WriteFile(filepath.Join(dir, "sub"), func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	// A folder in the way: everything is written, the rename fails.
	if err := os.Mkdir(filepath.Join(dir, "folder"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "folder", "x"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteBytes(filepath.Join(dir, "folder"), []byte("x")); err == nil {
		t.Error("writing over a folder succeeded")
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 2 || names[0] != "folder" || names[1] != "sub" {
		t.Errorf("failed writes left %v", names)
	}
	if runtime.GOOS != "windows" {
		if fi, err := os.Stat(filepath.Join(dir, "sub")); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("a written file is not private: %v %v", fi.Mode(), err)
		}
	}
}
