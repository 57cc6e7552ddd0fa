package export

import (
	"path/filepath"

	"quorum/meeting"
)

// MeetingFile writes a meeting file at path and its papers beside it, each
// file whole or not at all. data returns the bytes of a paper.
func MeetingFile(path string, f *meeting.File, papers []meeting.Paper, data func(documentID int64) ([]byte, error)) error {
	dir := filepath.Dir(path)
	for _, p := range papers {
		b, err := data(p.DocumentID)
		if err != nil {
			return err
		}
		if err := WriteBytes(filepath.Join(dir, filepath.FromSlash(p.Path)), b); err != nil {
			return err
		}
	}
	b, err := f.Marshal()
	if err != nil {
		return err
	}
	return WriteBytes(path, b)
}
