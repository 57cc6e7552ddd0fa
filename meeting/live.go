package meeting

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
)

// OpenSitting records, in one transaction, that the chair opened the
// sitting at the time at and that it takes up its first item then (when
// no item was taken up yet). A sitting already open stays as it is.
func (s *Store) OpenSitting(ctx context.Context, meetingID int64, at Clock) error {
	if err := checkAt(at); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.changing(ctx, tx, meetingID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE meetings SET opened = ? WHERE id = ? AND opened = ''`, at, meetingID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE agenda_items SET started = ?1, ended = '' WHERE id = (
			SELECT id FROM agenda_items WHERE meeting_id = ?2 AND parent_id IS NULL
			AND NOT EXISTS (SELECT 1 FROM agenda_items WHERE meeting_id = ?2 AND started <> '')
			ORDER BY position, id LIMIT 1)`, at, meetingID)
		return err
	})
}

// CloseSitting records, in one transaction, that the chair closed the
// sitting at the time at: the item under discussion ends then, and a
// convened meeting is now held.
func (s *Store) CloseSitting(ctx context.Context, meetingID int64, at Clock) error {
	if err := checkAt(at); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.changing(ctx, tx, meetingID); err != nil {
			return err
		}
		m, err := getMeeting(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		if m.Opened == "" {
			return Errorf(ECONFLICT, "the sitting of %q is not open", m.Title)
		}
		if m.Opened.After(at) {
			return fieldErr("at", "the sitting cannot close (%s) before it opened (%s)", at, m.Opened)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE agenda_items SET ended = ? WHERE meeting_id = ? AND started <> '' AND ended = ''`,
			at, meetingID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE meetings SET closed = ? WHERE id = ?`, at, meetingID); err != nil {
			return err
		}
		if m.Status == Convened {
			return setStatus(ctx, tx, s.Now(), meetingID, Held)
		}
		return nil
	})
}

// StartItem records that the meeting takes up an item at the time at; the
// item it was on (any item started and not ended) ends then. Starting an
// item again restarts it.
func (s *Store) StartItem(ctx context.Context, itemID int64, at Clock) error {
	return s.itemClock(ctx, itemID, at, true)
}

// EndItem records that the meeting finished with an item at the time at.
func (s *Store) EndItem(ctx context.Context, itemID int64, at Clock) error {
	return s.itemClock(ctx, itemID, at, false)
}

func (s *Store) itemClock(ctx context.Context, itemID int64, at Clock, start bool) error {
	if err := checkAt(at); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		meetingID, err := s.changingVia(ctx, tx, "agenda item", meetingOfItem, itemID)
		if err != nil {
			return err
		}
		if !start {
			var started Clock
			if err := tx.QueryRowContext(ctx, `SELECT started FROM agenda_items WHERE id = ?`, itemID).Scan(&started); err != nil {
				return err
			}
			if started == "" || started.After(at) {
				return fieldErr("at", "an item ends after it started (%s)", cmp.Or(string(started), "not started"))
			}
			_, err = tx.ExecContext(ctx, `UPDATE agenda_items SET ended = ? WHERE id = ?`, at, itemID)
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE agenda_items SET ended = ? WHERE meeting_id = ? AND id <> ?
			AND started <> '' AND ended = ''`, at, meetingID, itemID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE agenda_items SET started = ?, ended = '' WHERE id = ?`, at, itemID)
		return err
	})
}

func checkAt(at Clock) error {
	if at == "" {
		return fieldErr("at", "must be set")
	}
	if _, err := ParseClock(string(at)); err != nil {
		return fieldErr("at", "%v", err)
	}
	return nil
}

// RecordArrival records that an attendee came in at the time at, during
// the item then under discussion: they are present from then on. Someone
// who left may come back; someone in the room cannot arrive (ECONFLICT).
func (s *Store) RecordArrival(ctx context.Context, attendeeID int64, at Clock) (*AttendanceEvent, error) {
	return s.recordMovement(ctx, attendeeID, Arrival, at)
}

// RecordDeparture records that a present attendee left at the time at,
// during the item then under discussion.
func (s *Store) RecordDeparture(ctx context.Context, attendeeID int64, at Clock) (*AttendanceEvent, error) {
	return s.recordMovement(ctx, attendeeID, Departure, at)
}

func (s *Store) recordMovement(ctx context.Context, attendeeID int64, kind EventKind, at Clock) (*AttendanceEvent, error) {
	if err := checkAt(at); err != nil {
		return nil, err
	}
	e := &AttendanceEvent{AttendeeID: attendeeID, Kind: kind, At: at}
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if e.MeetingID, err = s.changingVia(ctx, tx, "attendee", meetingOfAttendee, attendeeID); err != nil {
			return err
		}
		a := &Attendee{ID: attendeeID}
		if err := tx.QueryRowContext(ctx, `SELECT a.status, a.arrived, a.left_at, p.name
			FROM attendees a JOIN people p ON p.id = a.person_id WHERE a.id = ?`, attendeeID).Scan(&a.Status, &a.Arrived, &a.Left, &e.Name); err != nil {
			return err
		}
		if a.Events, err = queryAll(ctx, tx, scanEvent, eventsQuery+`WHERE e.attendee_id = ? ORDER BY e.id`, attendeeID); err != nil {
			return err
		}
		in := a.PresentAt(at)
		switch {
		case len(a.Events) > 0 && a.Events[len(a.Events)-1].At.After(at):
			return fieldErr("at", "%s is before %s's last arrival or departure (%s)", at, e.Name, a.Events[len(a.Events)-1].At)
		case kind == Arrival && in:
			return Errorf(ECONFLICT, "%s is already recorded as present at %s", e.Name, at)
		case kind == Departure && !in:
			return Errorf(ECONFLICT, "%s is not recorded as present at %s", e.Name, at)
		}
		err = tx.QueryRowContext(ctx, `SELECT id FROM agenda_items WHERE meeting_id = ? AND started <> '' AND started <= ?
			AND (ended = '' OR ended > ?) ORDER BY started DESC, id DESC LIMIT 1`, e.MeetingID, at, at).Scan(&e.ItemID)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if kind == Arrival {
			// A first arrival, or one earlier than the time typed by hand, dates it.
			_, err = tx.ExecContext(ctx, `UPDATE attendees SET status = ?, left_at = '',
				arrived = CASE WHEN status <> ?1 OR (arrived <> '' AND ?2 < arrived) THEN ?2 ELSE arrived END WHERE id = ?3`,
				Present, at, attendeeID)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE attendees SET left_at = ? WHERE id = ?`, at, attendeeID)
		}
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO attendance_events (meeting_id, attendee_id, kind, at, item_id,
			prior_status, prior_arrived, prior_left) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			e.MeetingID, attendeeID, kind, at, nullID(e.ItemID), a.Status, a.Arrived, a.Left)
		if err != nil {
			return err
		}
		e.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return nil, err
	}
	return e, nil
}

// UndoMovement takes back an attendee's latest arrival or departure (a
// mistaken tap): the event goes, and the attendee's presence and times
// are what they were before it. ENOTFOUND when there is none.
func (s *Store) UndoMovement(ctx context.Context, attendeeID int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := s.changingVia(ctx, tx, "attendee", meetingOfAttendee, attendeeID); err != nil {
			return err
		}
		var id int64
		var status Presence
		var arrived, left Clock
		err := tx.QueryRowContext(ctx, `SELECT id, prior_status, prior_arrived, prior_left FROM attendance_events
			WHERE attendee_id = ? ORDER BY id DESC LIMIT 1`, attendeeID).Scan(&id, &status, &arrived, &left)
		if errors.Is(err, sql.ErrNoRows) {
			return Errorf(ENOTFOUND, "attendee %d has no arrival or departure to undo", attendeeID)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE attendees SET status = ?, arrived = ?, left_at = ? WHERE id = ?`,
			status, arrived, left, attendeeID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM attendance_events WHERE id = ?`, id)
		return err
	})
}

// Quorum returns the quorum of a meeting at the time at ("": from the
// attendees' presence alone), by the rule of its series; a meeting
// outside a series needs none.
func (s *Store) Quorum(ctx context.Context, meetingID int64, at Clock) (QuorumState, error) {
	var q QuorumState
	err := s.read(ctx, func(tx *sql.Tx) error {
		rule, err := quorumRule(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		list, err := attendees(ctx, tx, meetingID)
		q = QuorumOf(rule, list, at)
		return err
	})
	return q, err
}

func quorumRule(ctx context.Context, tx *sql.Tx, meetingID int64) (QuorumRule, error) {
	var r QuorumRule
	err := tx.QueryRowContext(ctx, `SELECT coalesce(s.quorum_percent, 0), coalesce(s.quorum_count, 0), coalesce(s.quorum_proxies, 0)
		FROM meetings m LEFT JOIN series s ON s.id = m.series_id WHERE m.id = ?`, meetingID).Scan(&r.Percent, &r.Count, &r.Proxies)
	if errors.Is(err, sql.ErrNoRows) {
		return r, notFound("meeting", meetingID)
	}
	return r, err
}

// Notice checks a meeting's notice period against its series' (see
// NoticeCheck): from the day it was convened, or, not convened yet, as if
// the notice went today.
func (s *Store) Notice(ctx context.Context, meetingID int64) (Notice, error) {
	var n Notice
	err := s.read(ctx, func(tx *sql.Tx) error {
		m, err := getMeeting(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		n, err = s.notice(ctx, tx, m)
		return err
	})
	return n, err
}

func (s *Store) notice(ctx context.Context, tx *sql.Tx, m *Meeting) (Notice, error) {
	var days int
	if m.SeriesID != 0 {
		if err := tx.QueryRowContext(ctx, `SELECT notice_days FROM series WHERE id = ?`, m.SeriesID).Scan(&days); err != nil {
			return Notice{}, err
		}
	}
	sent := m.ConvenedOn
	if sent == "" {
		sent = DateOf(s.Now())
	}
	return NoticeCheck(sent, m.Starts, days), nil
}

// SeriesOpenActions returns the actions a meeting's "Review of actions"
// goes through: those of its series still open or in progress that came
// from earlier meetings, by due date. A meeting outside a series has none.
func (s *Store) SeriesOpenActions(ctx context.Context, meetingID int64) ([]*Action, error) {
	var list []*Action
	err := s.read(ctx, func(tx *sql.Tx) error {
		m, err := getMeeting(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		list, err = seriesOpenActions(ctx, tx, m)
		return err
	})
	return list, err
}

func seriesOpenActions(ctx context.Context, tx *sql.Tx, m *Meeting) ([]*Action, error) {
	if m.SeriesID == 0 {
		return nil, nil
	}
	all, err := listActions(ctx, tx, ActionFilter{SeriesID: m.SeriesID, Statuses: []ActionStatus{ActionOpen, ActionInProgress}})
	var list []*Action
	for _, a := range all {
		if a.MeetingStarts.Before(m.Starts) {
			list = append(list, a)
		}
	}
	return list, err
}
