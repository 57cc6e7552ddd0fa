package meeting

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// MergePeople makes two directory entries for the same person one: every
// record that points at dropID — attendances, proxies, series memberships,
// items presented, actions owned — points at keepID instead, keepID's empty
// fields (title, organisation, email, phone) take dropID's, and dropID is
// deleted. Where both are members of one series, keepID's membership
// stays. It is refused with a *MergeConflict (an ECONFLICT naming the
// meeting) when both attend the same meeting or one holds the other's
// proxy: the user must settle which entry that meeting keeps first.
func (s *Store) MergePeople(ctx context.Context, keepID, dropID int64) error {
	if keepID == dropID {
		return Errorf(EINVALID, "an entry cannot be merged with itself")
	}
	return s.write(ctx, func(tx *sql.Tx) error { return s.mergePeople(ctx, tx, keepID, dropID) })
}

func (s *Store) mergePeople(ctx context.Context, tx *sql.Tx, keepID, dropID int64) error {
	keep, err := getPerson(ctx, tx, keepID)
	if err != nil {
		return err
	}
	drop, err := getPerson(ctx, tx, dropID)
	if err != nil {
		return err
	}
	if err := checkMergeable(ctx, tx, keepID, dropID); err != nil {
		return err
	}
	for _, q := range []string{
		`UPDATE attendees SET person_id = ?1 WHERE person_id = ?2`,
		`UPDATE attendees SET proxy_id = ?1 WHERE proxy_id = ?2`,
		`DELETE FROM series_members WHERE person_id = ?2
			AND series_id IN (SELECT series_id FROM series_members WHERE person_id = ?1)`,
		`UPDATE series_members SET person_id = ?1 WHERE person_id = ?2`,
		`UPDATE agenda_items SET presenter_id = ?1 WHERE presenter_id = ?2`,
		`UPDATE actions SET owner_id = ?1 WHERE owner_id = ?2`,
	} {
		if _, err := tx.ExecContext(ctx, q, keepID, dropID); err != nil {
			return err
		}
	}
	fill := func(k *string, d string) {
		if *k == "" {
			*k = d
		}
	}
	fill(&keep.Title, drop.Title)
	fill(&keep.Organisation, drop.Organisation)
	fill(&keep.Email, drop.Email)
	fill(&keep.Phone, drop.Phone)
	if _, err := tx.ExecContext(ctx, `UPDATE people SET title = ?, organisation = ?, email = ?, phone = ?, updated = ? WHERE id = ?`,
		keep.Title, keep.Organisation, keep.Email, keep.Phone, fmtTime(s.Now()), keepID); err != nil {
		return err
	}
	return execOne(ctx, tx, "person", dropID, `DELETE FROM people WHERE id = ?`, dropID)
}

// MergeConflict is why two directory entries cannot be merged: both
// attend a meeting, or one holds the other's proxy at it. It is an
// ECONFLICT *Error too (errors.As finds both), so that callers who only
// want a message have one.
type MergeConflict struct {
	MeetingID int64
	Title     string // the meeting's title
	Day       Date   // its day, in its time zone
	Proxy     bool   // one holds the other's proxy (else both attend)
}

func (c *MergeConflict) Error() string {
	if c.Proxy {
		return fmt.Sprintf("one entry holds the other's proxy at the meeting %q of %s: change the proxy first", c.Title, c.Day)
	}
	return fmt.Sprintf("both entries attend the meeting %q of %s: take one of them off it first", c.Title, c.Day)
}

// Unwrap gives the conflict as an *Error.
func (c *MergeConflict) Unwrap() error { return &Error{Code: ECONFLICT, Message: c.Error()} }

// checkMergeable refuses a merge that would put one person twice in a
// meeting, or make an attendee hold their own proxy.
func checkMergeable(ctx context.Context, tx *sql.Tx, a, b int64) error {
	for _, c := range []struct {
		where string
		proxy bool
	}{
		{`m.id IN (SELECT x.meeting_id FROM attendees x JOIN attendees y ON y.meeting_id = x.meeting_id
			WHERE x.person_id = ?1 AND y.person_id = ?2)`, false},
		{`m.id IN (SELECT x.meeting_id FROM attendees x
			WHERE (x.person_id = ?1 AND x.proxy_id = ?2) OR (x.person_id = ?2 AND x.proxy_id = ?1))`, true},
	} {
		mc := &MergeConflict{Proxy: c.proxy}
		var starts, zone string
		var offset int
		err := tx.QueryRowContext(ctx, `SELECT m.id, m.title, m.starts, m.utc_offset, m.time_zone FROM meetings m
			WHERE `+c.where+` ORDER BY m.starts, m.id LIMIT 1`, a, b).Scan(&mc.MeetingID, &mc.Title, &starts, &offset, &zone)
		switch {
		case err == nil:
			mc.Day = DateOf(inZone(parseTime(starts), zone, offset))
			return mc
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
	}
	return nil
}
