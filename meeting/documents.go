package meeting

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
)

// Papers larger than MaxPaperBytes are refused, by default those over
// 200 MB; SetMaxPaperBytes changes the limit for the whole process.
const (
	DefaultMaxPaperBytes = 200 << 20
	// MaxPaperBytesLimit is the highest the limit goes: SQLite keeps no
	// value over a billion bytes.
	MaxPaperBytesLimit = 900 << 20
)

var maxPaperBytes atomic.Int64

// MaxPaperBytes returns the size of the largest paper Quorum keeps.
func MaxPaperBytes() int64 {
	if n := maxPaperBytes.Load(); n > 0 {
		return n
	}
	return DefaultMaxPaperBytes
}

// SetMaxPaperBytes sets the size of the largest paper Quorum keeps, from
// 1 MB to MaxPaperBytesLimit; 0 restores the default.
func SetMaxPaperBytes(n int64) error {
	if n != 0 && (n < 1<<20 || n > MaxPaperBytesLimit) {
		return Errorf(EINVALID, "the largest paper must be between 1 MB and %d MB, not %d MB", MaxPaperBytesLimit>>20, megabytes(n))
	}
	maxPaperBytes.Store(n)
	return nil
}

// megabytes rounds a size up to whole megabytes, so that a paper one byte
// over the limit is said to be over it.
func megabytes(n int64) int64 { return (n + 1<<20 - 1) >> 20 }

// tooLarge is the message that refuses a paper of size bytes.
func tooLarge(name string, size int64) error {
	return fmt.Errorf("%s is too large (%d MB; papers are at most %d MB)", name, megabytes(size), MaxPaperBytes()>>20)
}

// AttachDocument stores a paper's bytes and attaches it to its meeting (or
// to one of the meeting's items when ItemID is set), after the others. It
// sets the ID, size, SHA-256, media type (when empty) and the date added.
// The same content attached twice is stored once.
func (s *Store) AttachDocument(ctx context.Context, d *Document, data []byte) error {
	if err := d.Validate(); err != nil {
		return err
	}
	if int64(len(data)) > MaxPaperBytes() {
		return &Error{Code: EINVALID, Field: "file", Message: tooLarge(d.FileName, int64(len(data))).Error()}
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.changing(ctx, tx, d.MeetingID); err != nil {
			return err
		}
		return s.attachDocument(ctx, tx, d, data)
	})
}

// AttachFile attaches the paper in the file at path as AttachDocument
// does; FileName, when empty, becomes the file's name. A file larger than
// MaxPaperBytes is refused before it is read.
func (s *Store) AttachFile(ctx context.Context, d *Document, path string) error {
	if d.FileName == "" {
		d.FileName = filepath.Base(path)
	}
	if err := d.Validate(); err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return &Error{Code: ENOTFOUND, Field: "file", Message: fmt.Sprintf("%s cannot be read: %v", d.FileName, errors.Unwrap(err))}
	}
	defer f.Close()
	data, err := readPaper(f, d.FileName)
	if err != nil {
		return &Error{Code: EINVALID, Field: "file", Message: err.Error()}
	}
	return s.AttachDocument(ctx, d, data)
}

// readPaper reads a paper from an open file, having checked that it is a
// file and not too large; a file that grows while read is refused too.
func readPaper(f fs.File, name string) ([]byte, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%s cannot be read: %v", name, err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a file", name)
	}
	limit := MaxPaperBytes()
	if info.Size() > limit {
		return nil, tooLarge(name, info.Size())
	}
	var buf bytes.Buffer
	buf.Grow(int(info.Size()) + bytes.MinRead) // read in place, without copies
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, fmt.Errorf("%s cannot be read: %v", name, err)
	}
	if int64(buf.Len()) > limit {
		return nil, tooLarge(name, int64(buf.Len()))
	}
	return buf.Bytes(), nil
}

func (s *Store) attachDocument(ctx context.Context, tx *sql.Tx, d *Document, data []byte) error {
	if err := mustExist(ctx, tx, "meetings", "meeting", d.MeetingID); err != nil {
		return err
	}
	if err := checkItemOf(ctx, tx, d.ItemID, d.MeetingID); err != nil {
		return err
	}
	if data == nil {
		data = []byte{} // an empty paper: a nil slice would be stored as NULL
	}
	sum := sha256.Sum256(data)
	d.SHA256 = hex.EncodeToString(sum[:])
	d.Size = int64(len(data))
	if d.MediaType == "" {
		d.MediaType = MediaType(d.FileName, data)
	}
	d.Added = s.Now().UTC().Truncate(1e9)
	if _, err := tx.ExecContext(ctx, `INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
		d.SHA256, d.Size, data); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO documents (meeting_id, item_id, position, title, reference, file_name,
		media_type, sha256, in_pack, added)
		VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM documents WHERE meeting_id = ?), ?, ?, ?, ?, ?, ?, ?)`,
		d.MeetingID, nullID(d.ItemID), d.MeetingID, d.Title, d.Reference, d.FileName, d.MediaType, d.SHA256,
		d.InPack, fmtTime(d.Added))
	if err != nil {
		return err
	}
	d.ID, err = res.LastInsertId()
	return err
}

// MediaType guesses a file's media type from its name, then its first bytes.
func MediaType(name string, data []byte) string {
	if t := mime.TypeByExtension(strings.ToLower(filepath.Ext(name))); t != "" {
		t, _, _ = strings.Cut(t, ";")
		return t
	}
	t, _, _ := strings.Cut(http.DetectContentType(data), ";")
	return t
}

// checkItemOf checks that item (when set) belongs to the meeting.
func checkItemOf(ctx context.Context, tx *sql.Tx, itemID, meetingID int64) error {
	if itemID == 0 {
		return nil
	}
	m, err := itemMeeting(ctx, tx, itemID)
	if err != nil {
		return err
	}
	if m != meetingID {
		return Errorf(EINVALID, "agenda item %d is not in meeting %d", itemID, meetingID)
	}
	return nil
}

// UpdateDocument saves a paper's title, reference, item and whether it goes
// in the briefing pack.
func (s *Store) UpdateDocument(ctx context.Context, d *Document) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.changing(ctx, tx, d.MeetingID); err != nil {
			return err
		}
		if err := checkItemOf(ctx, tx, d.ItemID, d.MeetingID); err != nil {
			return err
		}
		return execOne(ctx, tx, "document", d.ID, `UPDATE documents SET title = ?, reference = ?, item_id = ?, in_pack = ?
			WHERE id = ? AND meeting_id = ?`, d.Title, d.Reference, nullID(d.ItemID), d.InPack, d.ID, d.MeetingID)
	})
}

// MoveDocument moves a paper one place up (earlier) or down among the
// papers of its meeting.
func (s *Store) MoveDocument(ctx context.Context, id int64, up bool) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		meetingID, err := s.changingVia(ctx, tx, "document", meetingOfDocument, id)
		if err != nil {
			return err
		}
		ids, err := queryIDs(ctx, tx, `SELECT id FROM documents WHERE meeting_id = ? ORDER BY position, id`, meetingID)
		if err != nil {
			return err
		}
		i := 0
		for ids[i] != id {
			i++
		}
		j := i + 1
		if up {
			j = i - 1
		}
		if j < 0 || j >= len(ids) {
			return Errorf(EINVALID, "this paper cannot move further")
		}
		ids[i], ids[j] = ids[j], ids[i]
		for pos, id := range ids {
			if _, err := tx.ExecContext(ctx, `UPDATE documents SET position = ? WHERE id = ?`, pos, id); err != nil {
				return err
			}
		}
		return nil
	})
}

func queryIDs(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]int64, error) {
	return queryAll(ctx, tx, func(row scanner) (id int64, err error) { return id, row.Scan(&id) }, query, args...)
}

// DeleteDocument detaches a paper; its bytes go when nothing else uses them.
func (s *Store) DeleteDocument(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := s.changingVia(ctx, tx, "document", meetingOfDocument, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE id = ?`, id); err != nil {
			return err
		}
		return dropUnusedBlobs(ctx, tx)
	})
}

// dropUnusedBlobs deletes the contents no paper uses any more, with their
// print copies.
func dropUnusedBlobs(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM documents)
		AND sha256 NOT IN (SELECT b.print_sha256 FROM blobs b JOIN documents d ON d.sha256 = b.sha256
			WHERE b.print_sha256 IS NOT NULL)`)
	return err
}

// PapersToExamine returns, for each content not examined yet, one paper
// that has it.
func (s *Store) PapersToExamine(ctx context.Context) ([]*Document, error) {
	var list []*Document
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		list, err = queryAll(ctx, tx, scanDocument, `SELECT `+documentColumns+` WHERE b.examined = 0
			AND d.id = (SELECT min(id) FROM documents WHERE sha256 = b.sha256) ORDER BY d.id`)
		return err
	})
	return list, err
}

// RecordExamination keeps what was learnt of a content (by its SHA-256),
// for every paper that has it.
func (s *Store) RecordExamination(ctx context.Context, sha string, e Examination) error {
	c := checker{}
	c.oneOf("kind", valid(e.Kind, []PaperKind{PDFPaper, ImagePaper, OtherPaper}), e.Kind, "pdf, image, other")
	c.rangeInt("pages", e.Pages, 0, 1_000_000)
	c.line("problem", e.Problem, false)
	if c.err != nil {
		return c.err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		var print any
		if e.Print != nil {
			sum := sha256.Sum256(e.Print)
			printSHA := hex.EncodeToString(sum[:])
			if _, err := tx.ExecContext(ctx, `INSERT INTO blobs (sha256, size, data, examined, kind, pages)
				VALUES (?, ?, ?, 1, 'pdf', ?) ON CONFLICT DO NOTHING`, printSHA, len(e.Print), e.Print, e.Pages); err != nil {
				return err
			}
			print = printSHA
		}
		res, err := tx.ExecContext(ctx, `UPDATE blobs SET examined = 1, kind = ?, pages = ?, problem = ?,
			print_sha256 = ? WHERE sha256 = ?`, e.Kind, e.Pages, e.Problem, print, sha)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return cmp.Or(err, error(Errorf(ENOTFOUND, "no paper has the content %s", sha)))
		}
		return nil
	})
}

// PrintData returns the bytes to print of a paper: its clean copy when
// its examination made one, else its own bytes.
func (s *Store) PrintData(ctx context.Context, id int64) ([]byte, error) {
	var data []byte
	err := s.read(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT coalesce(p.data, b.data) FROM documents d JOIN blobs b ON b.sha256 = d.sha256
			LEFT JOIN blobs p ON p.sha256 = b.print_sha256 WHERE d.id = ?`, id).Scan(&data)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("document", id)
		}
		return err
	})
	return data, err
}

const documentColumns = `d.id, d.meeting_id, coalesce(d.item_id, 0), d.title, d.reference, d.file_name, d.media_type,
	b.size, d.sha256, d.in_pack, d.added, b.examined, b.kind, b.pages, b.problem
	FROM documents d JOIN blobs b ON b.sha256 = d.sha256`

func scanDocument(row scanner) (*Document, error) {
	d := &Document{}
	var added string
	err := row.Scan(&d.ID, &d.MeetingID, &d.ItemID, &d.Title, &d.Reference, &d.FileName, &d.MediaType,
		&d.Size, &d.SHA256, &d.InPack, &added, &d.Examined, &d.Kind, &d.Pages, &d.Problem)
	d.Added = parseTime(added)
	return d, err
}

// Documents returns a meeting's papers in order.
func (s *Store) Documents(ctx context.Context, meetingID int64) ([]*Document, error) {
	var list []*Document
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		list, err = documents(ctx, tx, meetingID)
		return err
	})
	return list, err
}

func documents(ctx context.Context, tx *sql.Tx, meetingID int64) ([]*Document, error) {
	return queryAll(ctx, tx, scanDocument, `SELECT `+documentColumns+` WHERE d.meeting_id = ? ORDER BY d.position, d.id`, meetingID)
}

// DocumentData returns the bytes of a paper.
func (s *Store) DocumentData(ctx context.Context, id int64) ([]byte, error) {
	var data []byte
	err := s.read(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT b.data FROM documents d JOIN blobs b ON b.sha256 = d.sha256 WHERE d.id = ?`, id).Scan(&data)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("document", id)
		}
		return err
	})
	return data, err
}
