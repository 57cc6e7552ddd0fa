// Package export turns meetings into what users take out of Quorum: meeting
// files, PDFs, calendar invites, mail drafts, spreadsheets. It reads the
// meeting package's types and never touches the database itself.
package export

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"quorum/meeting"
)

// WriteFile writes a file all at once or not at all: write fills a
// temporary file beside path, readable by its owner only, which replaces
// path only when everything was written and flushed to disk. On any error
// the temporary file is removed and whatever was at path is left as it was;
// the temporary files of earlier writes that were killed are removed too
// (see meeting.ReplaceFile).
func WriteFile(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create the folder %s: %w", dir, err)
	}
	return meeting.ReplaceFile(path, func(f *os.File) error { return write(f) })
}

// WriteBytes writes data to path with WriteFile.
func WriteBytes(path string, data []byte) error {
	return WriteFile(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
