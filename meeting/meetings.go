package meeting

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

const meetingColumns = `m.id, coalesce(m.series_id, 0), coalesce(s.code, ''), coalesce(m.number, 0), m.title,
	m.starts, m.utc_offset, m.time_zone, m.minutes, m.place, m.link, m.classification, m.language,
	m.papers_due, m.status, m.notes, m.opened, m.closed, m.convened_on, m.created, m.updated`

const meetingFrom = ` FROM meetings m LEFT JOIN series s ON s.id = m.series_id`

func scanMeeting(row scanner) (*Meeting, error) {
	m := &Meeting{}
	var starts, created, updated string
	var offset int
	err := row.Scan(&m.ID, &m.SeriesID, &m.SeriesCode, &m.Number, &m.Title, &starts, &offset, &m.TimeZone,
		&m.Minutes, &m.Place, &m.Link, &m.Classification, &m.Language, &m.PapersDue, &m.Status, &m.Notes,
		&m.Opened, &m.Closed, &m.ConvenedOn, &created, &updated)
	if err != nil {
		return nil, err
	}
	m.Starts = inZone(parseTime(starts), m.TimeZone, offset)
	m.Created, m.Updated = parseTime(created), parseTime(updated)
	return m, nil
}

// inZone shows t in the named zone, or at the fixed offset when the zone is
// unnamed or unknown on this machine.
func inZone(t time.Time, zone string, offset int) time.Time {
	if zone != "" {
		if loc, ok := zones.Load(zone); ok {
			return t.In(loc.(*time.Location))
		}
		if loc, err := time.LoadLocation(zone); err == nil {
			zones.Store(zone, loc)
			return t.In(loc)
		}
	}
	return t.In(time.FixedZone("", offset))
}

// zones caches the time zones read from the system's database.
var zones sync.Map

// withDefaults fills the fields a new meeting may leave empty.
func (m *Meeting) withDefaults() {
	if m.Status == "" {
		m.Status = Draft
	}
	if m.Classification == "" {
		m.Classification = Internal
	}
	if m.Language == "" {
		m.Language = "fr"
	}
}

// CreateMeeting adds a meeting and sets its ID. A meeting of a series
// without a number gets the next number of that series; when the series
// held an earlier meeting, its agenda starts with the approval of that
// meeting's minutes and the review of the series' open actions (see
// followUp).
func (s *Store) CreateMeeting(ctx context.Context, m *Meeting) error {
	m.withDefaults()
	if err := m.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.createMeeting(ctx, tx, m); err != nil {
			return err
		}
		return followUp(ctx, tx, m)
	})
}

func (s *Store) createMeeting(ctx context.Context, tx *sql.Tx, m *Meeting) error {
	if err := checkNumber(ctx, tx, m); err != nil {
		return err
	}
	now := s.Now()
	_, offset := m.Starts.Zone()
	res, err := tx.ExecContext(ctx, `INSERT INTO meetings (series_id, number, title, starts, utc_offset, time_zone,
		minutes, place, link, classification, language, papers_due, status, notes, opened, closed, created, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nullID(m.SeriesID), nullID(int64(m.Number)), m.Title, fmtTime(m.Starts), offset, m.TimeZone,
		m.Minutes, m.Place, m.Link, m.Classification, m.Language, m.PapersDue, m.Status, m.Notes,
		m.Opened, m.Closed, fmtTime(now), fmtTime(now))
	if err != nil {
		return err
	}
	m.ID, err = res.LastInsertId()
	m.Created, m.Updated = now.UTC().Truncate(time.Second), now.UTC().Truncate(time.Second)
	return err
}

// checkNumber gives a series meeting without a number the next one, and
// refuses a number the series has already used.
func checkNumber(ctx context.Context, tx *sql.Tx, m *Meeting) error {
	if m.SeriesID == 0 {
		if m.Number != 0 {
			return fieldErr("number", "only a meeting of a series has a number")
		}
		return nil
	}
	if err := tx.QueryRowContext(ctx, `SELECT code FROM series WHERE id = ?`, m.SeriesID).Scan(&m.SeriesCode); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("series", m.SeriesID)
		}
		return err
	}
	if m.Number == 0 {
		return tx.QueryRowContext(ctx, `SELECT coalesce(max(number), 0) + 1 FROM meetings WHERE series_id = ?`, m.SeriesID).Scan(&m.Number)
	}
	var other int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM meetings WHERE series_id = ? AND number = ? AND id <> ?`,
		m.SeriesID, m.Number, m.ID).Scan(&other)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	return &Error{Code: ECONFLICT, Field: "number", Message: fmt.Sprintf("%s already has a meeting n° %d (meeting %d)", m.SeriesCode, m.Number, other)}
}

// UpdateMeeting saves the fields of a meeting. Its status changes only
// through SetMeetingStatus and the steps of its minutes. A meeting whose
// minutes are approved cannot change (ECONFLICT) until they are reopened.
func (s *Store) UpdateMeeting(ctx context.Context, m *Meeting) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.changing(ctx, tx, m.ID); err != nil {
			return err
		}
		if m.Number == 0 && m.SeriesID != 0 {
			// Staying in its series, a meeting keeps its number.
			var seriesID, number int64
			err := tx.QueryRowContext(ctx, `SELECT coalesce(series_id, 0), coalesce(number, 0) FROM meetings WHERE id = ?`, m.ID).Scan(&seriesID, &number)
			if errors.Is(err, sql.ErrNoRows) {
				return notFound("meeting", m.ID)
			}
			if err != nil {
				return err
			}
			if seriesID == m.SeriesID {
				m.Number = int(number)
			}
		}
		if err := checkNumber(ctx, tx, m); err != nil {
			return err
		}
		now := s.Now()
		_, offset := m.Starts.Zone()
		m.Updated = now.UTC().Truncate(time.Second)
		return execOne(ctx, tx, "meeting", m.ID, `UPDATE meetings SET series_id = ?, number = ?, title = ?, starts = ?,
			utc_offset = ?, time_zone = ?, minutes = ?, place = ?, link = ?, classification = ?, language = ?,
			papers_due = ?, notes = ?, opened = ?, closed = ?, updated = ? WHERE id = ?`,
			nullID(m.SeriesID), nullID(int64(m.Number)), m.Title, fmtTime(m.Starts), offset, m.TimeZone,
			m.Minutes, m.Place, m.Link, m.Classification, m.Language, m.PapersDue, m.Notes, m.Opened, m.Closed,
			fmtTime(now), m.ID)
	})
}

// SetMeetingStatus moves a meeting to another status, if its current
// status allows it (see Status.Next). Becoming convened dates the notice
// today (see Store.Notice: convening late is allowed, and the minutes say
// so). The steps of the validation of minutes go through SubmitMinutes,
// ApproveMinutes, ReturnMinutes and ReopenMinutes, which say who and why.
func (s *Store) SetMeetingStatus(ctx context.Context, id int64, to Status) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		from, err := meetingStatus(ctx, tx, id)
		if err != nil {
			return err
		}
		if step := from.StepTo(to); step != "" {
			return &Error{Code: EINVALID, Field: "status", Message: fmt.Sprintf("going from %s to %s is a step of the validation of the minutes (%s): it says who and why", from, to, step)}
		}
		if !from.CanBecome(to) {
			return &Error{Code: EINVALID, Field: "status", Message: fmt.Sprintf("a meeting cannot go from %s to %s", from, to)}
		}
		if to == Convened {
			_, err = tx.ExecContext(ctx, `UPDATE meetings SET convened_on = ? WHERE id = ?`, DateOf(s.Now()), id)
			if err != nil {
				return err
			}
		}
		return setStatus(ctx, tx, s.Now(), id, to)
	})
}

func meetingStatus(ctx context.Context, tx *sql.Tx, id int64) (Status, error) {
	var st Status
	err := tx.QueryRowContext(ctx, `SELECT status FROM meetings WHERE id = ?`, id).Scan(&st)
	if errors.Is(err, sql.ErrNoRows) {
		return "", notFound("meeting", id)
	}
	return st, err
}

func setStatus(ctx context.Context, tx *sql.Tx, now time.Time, id int64, to Status) error {
	_, err := tx.ExecContext(ctx, `UPDATE meetings SET status = ?, updated = ? WHERE id = ?`, to, fmtTime(now), id)
	return err
}

// DeleteMeeting removes a meeting with its attendees, agenda and papers.
// Actions that came from it are kept, without their origin. A meeting
// whose minutes are approved must be reopened first.
func (s *Store) DeleteMeeting(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.changing(ctx, tx, id); err != nil {
			return err
		}
		if err := execOne(ctx, tx, "meeting", id, `DELETE FROM meetings WHERE id = ?`, id); err != nil {
			return err
		}
		return dropUnusedBlobs(ctx, tx)
	})
}

// GetMeeting returns one meeting.
func (s *Store) GetMeeting(ctx context.Context, id int64) (*Meeting, error) {
	var m *Meeting
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		m, err = getMeeting(ctx, tx, id)
		return err
	})
	return m, err
}

func getMeeting(ctx context.Context, tx *sql.Tx, id int64) (*Meeting, error) {
	m, err := scanMeeting(tx.QueryRowContext(ctx, `SELECT `+meetingColumns+meetingFrom+` WHERE m.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("meeting", id)
	}
	return m, err
}

// MeetingFilter selects meetings; its zero value selects them all.
type MeetingFilter struct {
	SeriesID int64
	Status   Status
	From, To time.Time // starts in [From, To); zero: unbounded
	Query    string    // title contains
	Limit    int       // 0: no limit
}

// ListMeetings returns the meetings the filter selects, earliest first.
func (s *Store) ListMeetings(ctx context.Context, f MeetingFilter) ([]*Meeting, error) {
	var where []string
	var args []any
	if f.SeriesID != 0 {
		where, args = append(where, "m.series_id = ?"), append(args, f.SeriesID)
	}
	if f.Status != "" {
		where, args = append(where, "m.status = ?"), append(args, f.Status)
	}
	if !f.From.IsZero() {
		where, args = append(where, "m.starts >= ?"), append(args, fmtTime(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "m.starts < ?"), append(args, fmtTime(f.To))
	}
	if f.Query != "" {
		where, args = append(where, `m.title LIKE ? ESCAPE '\'`), append(args, "%"+escapeLike(f.Query)+"%")
	}
	q := `SELECT ` + meetingColumns + meetingFrom
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY m.starts, m.id"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	var list []*Meeting
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		list, err = queryAll(ctx, tx, scanMeeting, q, args...)
		return err
	})
	return list, err
}
