package meeting

import (
	"fmt"
	"os"
	"path/filepath"
)

// ReplaceFile writes the file at path all at once or not at all: fill
// fills a temporary file beside it (".name.*.part", readable by its owner
// only, locked while it is written), which replaces path only once fill
// succeeded and the file is flushed to disk; the folder is flushed too, so
// the new name survives a power cut. On any error the temporary file is
// removed and whatever was at path is left as it was. The temporary files
// of writers that died before finishing (killed, power cut) are removed
// first: a file no live writer holds locked is one of those. The folder
// must exist.
func ReplaceFile(path string, fill func(f *os.File) error) error {
	dir, pattern := filepath.Dir(path), "."+filepath.Base(path)+".*.part"
	removeStaleParts(filepath.Join(dir, pattern))
	tmp, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, err)
	}
	done := false
	defer func() { // on an error, or a panic in fill
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tryLock(tmp); err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, err)
	}
	if err := fill(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	done = true
	syncDir(dir)
	return nil
}

// removeStaleParts removes the temporary files matching pattern that no
// writer holds locked any more. Files it cannot open or remove (another
// user's, say) are left alone.
func removeStaleParts(pattern string) {
	names, _ := filepath.Glob(pattern)
	for _, name := range names {
		f, err := os.OpenFile(name, os.O_RDWR, 0)
		if err != nil {
			continue
		}
		locked, _ := tryLock(f)
		f.Close()
		if locked {
			os.Remove(name)
		}
	}
}

// syncDir flushes a folder's entries to disk, where the system allows it
// (not on Windows, where renames are durable once done).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
