package meeting

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// CreateMeetingFromSeries adds a meeting of the series m.SeriesID, in one
// transaction, with what the series brings: its place (when m has none),
// its standard agenda and its members as attendees, invited, with their
// roles and votes. It sets m's ID, number and place.
func (s *Store) CreateMeetingFromSeries(ctx context.Context, m *Meeting) error {
	if m.SeriesID == 0 {
		return fieldErr("series", "must be chosen")
	}
	m.withDefaults()
	if err := m.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		sr, err := getSeries(ctx, tx, m.SeriesID)
		if err != nil {
			return err
		}
		if m.Place == "" {
			m.Place = sr.Place
		}
		if err := s.createMeeting(ctx, tx, m); err != nil {
			return err
		}
		if err := followUp(ctx, tx, m); err != nil {
			return err
		}
		added, err := itemKinds(ctx, tx, m.ID)
		if err != nil {
			return err
		}
		for _, si := range sr.Agenda {
			if k := standardKind(si.Title); k != OrdinaryItem && added[k] {
				continue // the follow-up item Quorum added stands for it
			}
			it := &AgendaItem{MeetingID: m.ID, Title: si.Title, Purpose: si.Purpose, Minutes: si.Minutes}
			if err := addItem(ctx, tx, it); err != nil {
				return err
			}
		}
		for _, sm := range sr.Members {
			a := &Attendee{MeetingID: m.ID, PersonID: sm.PersonID, Role: sm.Role, Voting: sm.Voting, Status: Invited}
			if err := addAttendee(ctx, tx, a); err != nil {
				return err
			}
		}
		return nil
	})
}

// CopyMeeting adds, in one transaction, a new draft meeting starting at
// starts that copies the meeting fromID: its series (with the next
// number), title, duration, time zone, place, link, classification and
// language; its agenda (items, purposes, timings, presenters, descriptions)
// and its attendees (roles and votes, all invited again). Its papers-due
// date keeps the same number of days before the meeting. What belongs to
// the earlier sitting stays behind: notes, minutes, decisions, actions,
// papers, presences and proxies.
func (s *Store) CopyMeeting(ctx context.Context, fromID int64, starts time.Time) (*Meeting, error) {
	if starts.IsZero() {
		return nil, fieldErr("starts", "must be set")
	}
	var m *Meeting
	err := s.write(ctx, func(tx *sql.Tx) error {
		from, err := getMeeting(ctx, tx, fromID)
		if err != nil {
			return err
		}
		m = copyOf(from, starts)
		if err := m.Validate(); err != nil {
			return err
		}
		if err := s.createMeeting(ctx, tx, m); err != nil {
			return err
		}
		if err := followUp(ctx, tx, m); err != nil {
			return err
		}
		items, err := agenda(ctx, tx, fromID)
		if err != nil {
			return err
		}
		if err := copyItems(ctx, tx, items, m.ID, 0); err != nil {
			return err
		}
		list, err := attendees(ctx, tx, fromID)
		if err != nil {
			return err
		}
		for _, a := range list {
			b := &Attendee{MeetingID: m.ID, PersonID: a.PersonID, Role: a.Role, Voting: a.Voting, Status: Invited}
			if err := addAttendee(ctx, tx, b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// copyOf is the new meeting CopyMeeting makes of from, starting at starts.
func copyOf(from *Meeting, starts time.Time) *Meeting {
	m := &Meeting{SeriesID: from.SeriesID, Title: from.Title, Starts: starts, TimeZone: from.TimeZone,
		Minutes: from.Minutes, Place: from.Place, Link: from.Link, Classification: from.Classification,
		Language: from.Language, Status: Draft}
	if loc, err := time.LoadLocation(m.TimeZone); m.TimeZone != "" && err == nil {
		m.Starts = starts.In(loc)
	}
	if from.PapersDue != "" {
		before := DateOf(from.Starts).Time().Sub(from.PapersDue.Time())
		m.PapersDue = DateOf(DateOf(m.Starts).Time().Add(-before))
	}
	return m
}

// copyItems adds copies of items, and of their sub-items, under parentID
// of meeting meetingID. The follow-up items (approval of the previous
// minutes, review of actions) are not copied: a new meeting of a series
// gets its own, about the meeting before it.
func copyItems(ctx context.Context, tx *sql.Tx, items []*AgendaItem, meetingID, parentID int64) error {
	for _, from := range items {
		if from.Kind != OrdinaryItem {
			continue
		}
		it := &AgendaItem{MeetingID: meetingID, ParentID: parentID, Title: from.Title, Purpose: from.Purpose,
			PresenterID: from.PresenterID, Minutes: from.Minutes, Description: from.Description,
			Confidential: from.Confidential}
		if err := addItem(ctx, tx, it); err != nil {
			return err
		}
		if err := copyItems(ctx, tx, from.Items, meetingID, it.ID); err != nil {
			return err
		}
	}
	return nil
}

// itemKinds says which follow-up items meeting id has.
func itemKinds(ctx context.Context, tx *sql.Tx, id int64) (map[ItemKind]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT kind FROM agenda_items WHERE meeting_id = ?`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	kinds := map[ItemKind]bool{}
	for rows.Next() {
		var k ItemKind
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		kinds[k] = true
	}
	return kinds, rows.Err()
}

// standardKind recognises, by its title, a standard agenda item that does
// what a follow-up item does: « Approbation du procès-verbal … »,
// "Approval of the minutes …", « Suivi des actions », "Review of actions".
func standardKind(title string) ItemKind {
	t := strings.ToLower(title)
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(t, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("approbation", "approval", "approve", "adoption") && has("procès-verbal", "proces-verbal", "pv", "minutes"):
		return ApprovalItem
	case has("action") && has("suivi", "revue", "review", "follow"):
		return ReviewItem
	}
	return OrdinaryItem
}
