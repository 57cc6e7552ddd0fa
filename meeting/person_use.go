package meeting

import (
	"context"
	"database/sql"
)

// Attendance is one meeting a person attends, with their part in it.
type Attendance struct {
	Meeting *Meeting
	Role    Role
	Status  Presence
}

// PersonMeetings returns the meetings a person attends, latest first.
func (s *Store) PersonMeetings(ctx context.Context, personID int64) ([]Attendance, error) {
	var list []Attendance
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		list, err = queryAll(ctx, tx, func(row scanner) (Attendance, error) {
			var at Attendance
			var err error
			at.Meeting, err = scanMeeting(withExtra{row, []any{&at.Role, &at.Status}})
			return at, err
		}, `SELECT `+meetingColumns+`, a.role, a.status`+meetingFrom+`
			JOIN attendees a ON a.meeting_id = m.id WHERE a.person_id = ? ORDER BY m.starts DESC, m.id DESC`, personID)
		return err
	})
	return list, err
}

// withExtra scans a row's leading columns into what its caller asks and
// the columns after them into extra.
type withExtra struct {
	row   scanner
	extra []any
}

func (w withExtra) Scan(dest ...any) error { return w.row.Scan(append(dest, w.extra...)...) }

// PersonUse counts the records that refer to a person.
type PersonUse struct {
	Meetings int // meetings they attend
	Proxies  int // proxies they hold
	Series   int // series they are a default member of
	Items    int // agenda items they present
	Actions  int // actions they own
}

// Used reports whether any record refers to the person.
func (u PersonUse) Used() bool { return u != PersonUse{} }

// PersonUse counts the records that refer to a person, who must exist.
func (s *Store) PersonUse(ctx context.Context, personID int64) (PersonUse, error) {
	var u PersonUse
	err := s.read(ctx, func(tx *sql.Tx) error {
		if err := mustExist(ctx, tx, "people", "person", personID); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM attendees WHERE person_id = ?1),
			(SELECT count(*) FROM attendees WHERE proxy_id = ?1),
			(SELECT count(*) FROM series_members WHERE person_id = ?1),
			(SELECT count(*) FROM agenda_items WHERE presenter_id = ?1),
			(SELECT count(*) FROM actions WHERE owner_id = ?1)`, personID).
			Scan(&u.Meetings, &u.Proxies, &u.Series, &u.Items, &u.Actions)
	})
	return u, err
}
