package meeting

import (
	"context"
	"database/sql"
	"errors"
)

// AddAttendee adds a person to a meeting, after the attendees already there.
func (s *Store) AddAttendee(ctx context.Context, a *Attendee) error {
	if err := a.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.changing(ctx, tx, a.MeetingID); err != nil {
			return err
		}
		return addAttendee(ctx, tx, a)
	})
}

func addAttendee(ctx context.Context, tx *sql.Tx, a *Attendee) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM attendees WHERE meeting_id = ? AND person_id = ?`,
		a.MeetingID, a.PersonID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return Errorf(ECONFLICT, "this person is already an attendee of the meeting")
	}
	if err := mustExist(ctx, tx, "meetings", "meeting", a.MeetingID); err != nil {
		return err
	}
	if err := mustExist(ctx, tx, "people", "person", a.PersonID); err != nil {
		return err
	}
	if a.ProxyID != 0 {
		if err := mustExist(ctx, tx, "people", "person", a.ProxyID); err != nil {
			return err
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO attendees (meeting_id, person_id, position, role, voting, status, proxy_id, arrived, left_at)
		VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM attendees WHERE meeting_id = ?), ?, ?, ?, ?, ?, ?)`,
		a.MeetingID, a.PersonID, a.MeetingID, a.Role, a.Voting, a.Status, nullID(a.ProxyID), a.Arrived, a.Left)
	if err != nil {
		return err
	}
	a.ID, err = res.LastInsertId()
	return err
}

// UpdateAttendee saves an attendee's role, vote, status, proxy and times.
func (s *Store) UpdateAttendee(ctx context.Context, a *Attendee) error {
	if err := a.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := s.changingVia(ctx, tx, "attendee", meetingOfAttendee, a.ID); err != nil {
			return err
		}
		if a.ProxyID != 0 {
			if err := mustExist(ctx, tx, "people", "person", a.ProxyID); err != nil {
				return err
			}
		}
		return execOne(ctx, tx, "attendee", a.ID, `UPDATE attendees SET role = ?, voting = ?, status = ?, proxy_id = ?, arrived = ?, left_at = ?
			WHERE id = ?`, a.Role, a.Voting, a.Status, nullID(a.ProxyID), a.Arrived, a.Left, a.ID)
	})
}

// RemoveAttendee takes an attendee off a meeting; the directory keeps the person.
func (s *Store) RemoveAttendee(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := s.changingVia(ctx, tx, "attendee", meetingOfAttendee, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM attendees WHERE id = ?`, id)
		return err
	})
}

// Attendees returns a meeting's attendees in the order they were added,
// each with their arrivals and departures during the sitting.
func (s *Store) Attendees(ctx context.Context, meetingID int64) ([]*Attendee, error) {
	var list []*Attendee
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		list, err = attendees(ctx, tx, meetingID)
		return err
	})
	return list, err
}

func attendees(ctx context.Context, tx *sql.Tx, meetingID int64) ([]*Attendee, error) {
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.meeting_id, a.person_id, a.role, a.voting, a.status,
		coalesce(a.proxy_id, 0), coalesce(x.name, ''), a.arrived, a.left_at,
		p.name, p.title, p.organisation, p.email, p.phone
		FROM attendees a JOIN people p ON p.id = a.person_id LEFT JOIN people x ON x.id = a.proxy_id
		WHERE a.meeting_id = ? ORDER BY a.position, a.id`, meetingID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []*Attendee
	for rows.Next() {
		a := &Attendee{}
		if err := rows.Scan(&a.ID, &a.MeetingID, &a.PersonID, &a.Role, &a.Voting, &a.Status, &a.ProxyID, &a.ProxyName,
			&a.Arrived, &a.Left, &a.Person.Name, &a.Person.Title, &a.Person.Organisation, &a.Person.Email, &a.Person.Phone); err != nil {
			return nil, err
		}
		a.Person.ID = a.PersonID
		list = append(list, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return list, attachEvents(ctx, tx, meetingID, list)
}

// attachEvents fills the attendees' arrivals and departures.
func attachEvents(ctx context.Context, tx *sql.Tx, meetingID int64, list []*Attendee) error {
	events, err := queryAll(ctx, tx, scanEvent, eventsQuery+`WHERE e.meeting_id = ? ORDER BY e.id`, meetingID)
	if err != nil {
		return err
	}
	byID := map[int64]*Attendee{}
	for _, a := range list {
		byID[a.ID] = a
	}
	for _, e := range events {
		byID[e.AttendeeID].Events = append(byID[e.AttendeeID].Events, e)
	}
	return nil
}

const eventsQuery = `SELECT e.id, e.meeting_id, e.attendee_id, p.name, e.kind, e.at, coalesce(e.item_id, 0)
	FROM attendance_events e JOIN attendees a ON a.id = e.attendee_id JOIN people p ON p.id = a.person_id `

func scanEvent(row scanner) (AttendanceEvent, error) {
	var e AttendanceEvent
	err := row.Scan(&e.ID, &e.MeetingID, &e.AttendeeID, &e.Name, &e.Kind, &e.At, &e.ItemID)
	return e, err
}

// mustExist returns ENOTFOUND unless table has a row with that id.
func mustExist(ctx context.Context, tx *sql.Tx, table, kind string, id int64) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM `+table+` WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound(kind, id)
	}
	return err
}
