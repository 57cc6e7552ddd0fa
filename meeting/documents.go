package meeting

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"mime"
	"net/http"
	"path/filepath"
	"strings"
)

// MaxDocumentSize is the largest paper Quorum keeps.
const MaxDocumentSize = 200 << 20

// AttachDocument stores a paper's bytes and attaches it to its meeting (or
// to one of the meeting's items when ItemID is set), after the others. It
// sets the ID, size, SHA-256, media type (when empty) and the date added.
// The same content attached twice is stored once.
func (s *Store) AttachDocument(ctx context.Context, d *Document, data []byte) error {
	if err := d.Validate(); err != nil {
		return err
	}
	if len(data) > MaxDocumentSize {
		return Errorf(EINVALID, "%s is too large (%d MB; at most %d MB)", d.FileName, len(data)>>20, MaxDocumentSize>>20)
	}
	return s.write(ctx, func(tx *sql.Tx) error { return s.attachDocument(ctx, tx, d, data) })
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
		media_type, sha256, pages, in_pack, added)
		VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM documents WHERE meeting_id = ?), ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.MeetingID, nullID(d.ItemID), d.MeetingID, d.Title, d.Reference, d.FileName, d.MediaType, d.SHA256,
		d.Pages, d.InPack, fmtTime(d.Added))
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

// UpdateDocument saves a paper's title, reference, item, page count and
// whether it goes in the briefing pack.
func (s *Store) UpdateDocument(ctx context.Context, d *Document) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := checkItemOf(ctx, tx, d.ItemID, d.MeetingID); err != nil {
			return err
		}
		return execOne(ctx, tx, "document", d.ID, `UPDATE documents SET title = ?, reference = ?, item_id = ?, pages = ?, in_pack = ?
			WHERE id = ? AND meeting_id = ?`, d.Title, d.Reference, nullID(d.ItemID), d.Pages, d.InPack, d.ID, d.MeetingID)
	})
}

// MoveDocument moves a paper one place up (earlier) or down among the
// papers of its meeting.
func (s *Store) MoveDocument(ctx context.Context, id int64, up bool) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		var meetingID int64
		err := tx.QueryRowContext(ctx, `SELECT meeting_id FROM documents WHERE id = ?`, id).Scan(&meetingID)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("document", id)
		}
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
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// DeleteDocument detaches a paper; its bytes go when nothing else uses them.
func (s *Store) DeleteDocument(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := execOne(ctx, tx, "document", id, `DELETE FROM documents WHERE id = ?`, id); err != nil {
			return err
		}
		return dropUnusedBlobs(ctx, tx)
	})
}

func dropUnusedBlobs(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM documents)`)
	return err
}

const documentColumns = `id, meeting_id, coalesce(item_id, 0), title, reference, file_name, media_type,
	(SELECT size FROM blobs b WHERE b.sha256 = documents.sha256), sha256, pages, in_pack, added`

func scanDocument(row interface{ Scan(...any) error }) (*Document, error) {
	d := &Document{}
	var added string
	err := row.Scan(&d.ID, &d.MeetingID, &d.ItemID, &d.Title, &d.Reference, &d.FileName, &d.MediaType,
		&d.Size, &d.SHA256, &d.Pages, &d.InPack, &added)
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
	rows, err := tx.QueryContext(ctx, `SELECT `+documentColumns+` FROM documents WHERE meeting_id = ? ORDER BY position, id`, meetingID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []*Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, d)
	}
	return list, rows.Err()
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
