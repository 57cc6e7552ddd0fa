package meeting

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

// CreateAction adds an action (with any progress notes it carries) and
// sets its ID.
func (s *Store) CreateAction(ctx context.Context, a *Action) error {
	if a.Status == "" {
		a.Status = ActionOpen
	}
	for i := range a.Notes {
		if a.Notes[i].Date == "" {
			a.Notes[i].Date = DateOf(s.Now())
		}
	}
	s.stampCompletion(a)
	if err := a.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.createAction(ctx, tx, a); err != nil {
			return err
		}
		return s.changing(ctx, tx, a.MeetingID)
	})
}

// stampCompletion dates an action done today when it is done without a
// completion date, and clears the date of an action that is not done.
func (s *Store) stampCompletion(a *Action) {
	switch {
	case a.Status != ActionDone:
		a.Completed = ""
	case a.Completed == "":
		a.Completed = DateOf(s.Now())
	}
}

func (s *Store) createAction(ctx context.Context, tx *sql.Tx, a *Action) error {
	if a.ItemID != 0 {
		m, err := itemMeeting(ctx, tx, a.ItemID)
		if err != nil {
			return err
		}
		if a.MeetingID == 0 {
			a.MeetingID = m
		} else if m != a.MeetingID {
			return Errorf(EINVALID, "agenda item %d is not in meeting %d", a.ItemID, a.MeetingID)
		}
	}
	now := fmtTime(s.Now())
	res, err := tx.ExecContext(ctx, `INSERT INTO actions (meeting_id, item_id, title, details, owner_id, due, status,
		completed, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nullID(a.MeetingID), nullID(a.ItemID), a.Title, a.Details, nullID(a.OwnerID), a.Due, a.Status, a.Completed, now, now)
	if err != nil {
		return err
	}
	if a.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	for i := range a.Notes {
		if err := addActionNote(ctx, tx, a.ID, &a.Notes[i]); err != nil {
			return err
		}
	}
	return nil
}

// UpdateAction saves an action's fields (not its notes: see AddActionNote).
// Marking it done dates its completion today unless a date is given. The
// follow-up of an action (owner, due date, status) changes at any time;
// its title and details, which the minutes record, not once the minutes
// of its meeting are approved.
func (s *Store) UpdateAction(ctx context.Context, a *Action) error {
	s.stampCompletion(a)
	if err := a.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		var title, details string
		if err := tx.QueryRowContext(ctx, `SELECT title, details FROM actions WHERE id = ?`, a.ID).Scan(&title, &details); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return notFound("action", a.ID)
			}
			return err
		}
		if title != a.Title || details != a.Details {
			if _, err := s.changingVia(ctx, tx, "action", meetingOfAction, a.ID); err != nil {
				return err
			}
		}
		return execOne(ctx, tx, "action", a.ID, `UPDATE actions SET title = ?, details = ?, owner_id = ?, due = ?, status = ?,
			completed = ?, updated = ? WHERE id = ?`, a.Title, a.Details, nullID(a.OwnerID), a.Due, a.Status,
			a.Completed, fmtTime(s.Now()), a.ID)
	})
}

// AddActionNote adds a dated progress note to an action (today when the
// note has no date) and sets its ID.
func (s *Store) AddActionNote(ctx context.Context, actionID int64, n *ActionNote) error {
	if n.Date == "" {
		n.Date = DateOf(s.Now())
	}
	c := checker{}
	c.date("date", n.Date)
	c.text("text", n.Text, MaxText, true)
	if c.err != nil {
		return c.err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := mustExist(ctx, tx, "actions", "action", actionID); err != nil {
			return err
		}
		if err := addActionNote(ctx, tx, actionID, n); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE actions SET updated = ? WHERE id = ?`, fmtTime(s.Now()), actionID)
		return err
	})
}

func addActionNote(ctx context.Context, tx *sql.Tx, actionID int64, n *ActionNote) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO action_notes (action_id, day, text) VALUES (?, ?, ?)`, actionID, n.Date, n.Text)
	if err != nil {
		return err
	}
	n.ID, err = res.LastInsertId()
	return err
}

// DeleteAction removes an action and its notes, unless the approved
// minutes of its meeting record it.
func (s *Store) DeleteAction(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := s.changingVia(ctx, tx, "action", meetingOfAction, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM actions WHERE id = ?`, id)
		return err
	})
}

// ActionFilter selects actions; its zero value selects them all.
type ActionFilter struct {
	ID        int64
	MeetingID int64 // origin meeting
	SeriesID  int64 // origin meeting's series
	OwnerID   int64
	Statuses  []ActionStatus // any of these; none: all
	DueBefore Date           // due strictly before this day (overdue on it, with open statuses)
}

// GetAction returns one action with its notes.
func (s *Store) GetAction(ctx context.Context, id int64) (*Action, error) {
	list, err := s.ListActions(ctx, ActionFilter{ID: id})
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, notFound("action", id)
	}
	return list[0], nil
}

// ListActions returns the actions the filter selects, by due date (those
// without one last), with their notes.
func (s *Store) ListActions(ctx context.Context, f ActionFilter) ([]*Action, error) {
	var list []*Action
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		list, err = listActions(ctx, tx, f)
		return err
	})
	return list, err
}

func listActions(ctx context.Context, tx *sql.Tx, f ActionFilter) ([]*Action, error) {
	where := []string{"1 = 1"}
	var args []any
	add := func(cond string, v any) { where, args = append(where, cond), append(args, v) }
	if f.ID != 0 {
		add("a.id = ?", f.ID)
	}
	if f.MeetingID != 0 {
		add("a.meeting_id = ?", f.MeetingID)
	}
	if f.SeriesID != 0 {
		add("m.series_id = ?", f.SeriesID)
	}
	if f.OwnerID != 0 {
		add("a.owner_id = ?", f.OwnerID)
	}
	if f.DueBefore != "" {
		add("a.due <> '' AND a.due < ?", f.DueBefore)
	}
	if len(f.Statuses) > 0 {
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(f.Statuses)), ", ")
		where = append(where, "a.status IN ("+marks+")")
		for _, st := range f.Statuses {
			args = append(args, st)
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT a.id, coalesce(a.meeting_id, 0), coalesce(a.item_id, 0), a.title, a.details,
		coalesce(a.owner_id, 0), coalesce(p.name, ''), a.due, a.status, a.completed, coalesce(m.title, ''), coalesce(s.code, ''),
		coalesce(m.starts, ''), coalesce(m.utc_offset, 0), coalesce(m.time_zone, ''), coalesce(m.number, 0), coalesce(i.title, '')
		FROM actions a LEFT JOIN people p ON p.id = a.owner_id LEFT JOIN meetings m ON m.id = a.meeting_id
		LEFT JOIN series s ON s.id = m.series_id LEFT JOIN agenda_items i ON i.id = a.item_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY a.due = '', a.due, a.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []*Action
	byID := map[int64]*Action{}
	for rows.Next() {
		a := &Action{}
		var starts, zone string
		var offset int
		if err := rows.Scan(&a.ID, &a.MeetingID, &a.ItemID, &a.Title, &a.Details, &a.OwnerID, &a.OwnerName,
			&a.Due, &a.Status, &a.Completed, &a.MeetingTitle, &a.SeriesCode, &starts, &offset, &zone,
			&a.MeetingNumber, &a.ItemTitle); err != nil {
			return nil, err
		}
		if starts != "" {
			a.MeetingStarts = inZone(parseTime(starts), zone, offset)
		}
		list = append(list, a)
		byID[a.ID] = a
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, nil
	}
	// The notes of the selected actions, in one pass.
	nrows, err := tx.QueryContext(ctx, `SELECT n.action_id, n.id, n.day, n.text FROM action_notes n
		WHERE n.action_id IN (SELECT a.id FROM actions a LEFT JOIN meetings m ON m.id = a.meeting_id
		WHERE `+strings.Join(where, " AND ")+`) ORDER BY n.day, n.id`, args...)
	if err != nil {
		return nil, err
	}
	defer nrows.Close()
	for nrows.Next() {
		var actionID int64
		var n ActionNote
		if err := nrows.Scan(&actionID, &n.ID, &n.Date, &n.Text); err != nil {
			return nil, err
		}
		if a := byID[actionID]; a != nil {
			a.Notes = append(a.Notes, n)
		}
	}
	return list, nrows.Err()
}
