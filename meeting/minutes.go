package meeting

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// SubmitMinutes submits a meeting's draft minutes for validation
// (minutes-draft → minutes-submitted).
func (s *Store) SubmitMinutes(ctx context.Context, meetingID int64, by, comment string) error {
	return s.takeStep(ctx, meetingID, Submitted, by, comment)
}

// ApproveMinutes approves submitted minutes (minutes-submitted →
// minutes-approved), which locks the meeting's record (see Store.changing).
func (s *Store) ApproveMinutes(ctx context.Context, meetingID int64, by, comment string) error {
	return s.takeStep(ctx, meetingID, Approved, by, comment)
}

// ReturnMinutes sends submitted minutes back to their draft with a comment
// saying what to change (minutes-submitted → minutes-draft).
func (s *Store) ReturnMinutes(ctx context.Context, meetingID int64, by, comment string) error {
	return s.takeStep(ctx, meetingID, Returned, by, comment)
}

// ReopenMinutes unlocks approved minutes for a change, with the reason
// (minutes-approved → minutes-draft); they must then be approved again.
func (s *Store) ReopenMinutes(ctx context.Context, meetingID int64, by, reason string) error {
	return s.takeStep(ctx, meetingID, Reopened, by, reason)
}

func (s *Store) takeStep(ctx context.Context, meetingID int64, kind StepKind, by, comment string) error {
	c := checker{}
	c.line("by", by, false)
	c.text("comment", comment, MaxText, kind == Returned || kind == Reopened)
	if c.err != nil {
		return c.err
	}
	step := minutesSteps[kind]
	return s.write(ctx, func(tx *sql.Tx) error {
		from, err := meetingStatus(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		if from != step.from {
			return &Error{Code: ECONFLICT, Field: "status", Message: fmt.Sprintf("minutes can be %s only when the meeting is %s (it is %s)", kind, step.from, from)}
		}
		return s.recordStep(ctx, tx, &MinutesStep{MeetingID: meetingID, Step: kind, By: by, Comment: comment}, step.to)
	})
}

// recordStep moves the meeting to the status to and keeps the step in the
// history of its minutes.
func (s *Store) recordStep(ctx context.Context, tx *sql.Tx, st *MinutesStep, to Status) error {
	now := s.Now()
	st.At = now.UTC().Truncate(1e9)
	res, err := tx.ExecContext(ctx, `INSERT INTO minutes_steps (meeting_id, step, by_name, at, comment, by_meeting_id)
		VALUES (?, ?, ?, ?, ?, ?)`, st.MeetingID, st.Step, st.By, fmtTime(now), st.Comment, nullID(st.ByMeeting))
	if err != nil {
		return err
	}
	if st.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return setStatus(ctx, tx, now, st.MeetingID, to)
}

// MinutesHistory returns the steps of the validation of a meeting's
// minutes, oldest first.
func (s *Store) MinutesHistory(ctx context.Context, meetingID int64) ([]MinutesStep, error) {
	var list []MinutesStep
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		list, err = minutesHistory(ctx, tx, meetingID)
		return err
	})
	return list, err
}

func minutesHistory(ctx context.Context, tx *sql.Tx, meetingID int64) ([]MinutesStep, error) {
	if err := mustExist(ctx, tx, "meetings", "meeting", meetingID); err != nil {
		return nil, err
	}
	return queryAll(ctx, tx, func(row scanner) (MinutesStep, error) {
		var st MinutesStep
		var at string
		err := row.Scan(&st.ID, &st.MeetingID, &st.Step, &st.By, &at, &st.Comment, &st.ByMeeting)
		st.At = parseTime(at)
		return st, err
	}, `SELECT id, meeting_id, step, by_name, at, comment, coalesce(by_meeting_id, 0) FROM minutes_steps
		WHERE meeting_id = ? ORDER BY id`, meetingID)
}

// changing is called before anything recorded of a meeting changes:
// attendance, agenda, notes, decisions, the actions it gave rise to,
// papers, times. It refuses (ECONFLICT) when the meeting's minutes are
// approved (ReopenMinutes unlocks them); otherwise it notes the meeting as
// updated now, so that an invite written after the change carries a
// greater SEQUENCE and calendars take the new agenda or attendees.
func (s *Store) changing(ctx context.Context, tx *sql.Tx, meetingID int64) error {
	if meetingID == 0 {
		return nil
	}
	var st Status
	var title string
	err := tx.QueryRowContext(ctx, `SELECT status, title FROM meetings WHERE id = ?`, meetingID).Scan(&st, &title)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound("meeting", meetingID)
	}
	if err != nil {
		return err
	}
	if st == MinutesApproved {
		return Errorf(ECONFLICT, "the minutes of %q are approved: reopen them, giving a reason, before changing the meeting's record", title)
	}
	_, err = tx.ExecContext(ctx, `UPDATE meetings SET updated = ? WHERE id = ?`, fmtTime(s.Now()), meetingID)
	return err
}

// Queries that give the meeting a record belongs to, for changingVia.
const (
	meetingOfItem     = `SELECT meeting_id FROM agenda_items WHERE id = ?`
	meetingOfDecision = `SELECT i.meeting_id FROM decisions d JOIN agenda_items i ON i.id = d.item_id WHERE d.id = ?`
	meetingOfAttendee = `SELECT meeting_id FROM attendees WHERE id = ?`
	meetingOfAction   = `SELECT coalesce(meeting_id, 0) FROM actions WHERE id = ?`
	meetingOfDocument = `SELECT meeting_id FROM documents WHERE id = ?`
)

// changingVia finds with query the meeting of the record (kind, id),
// then calls changing on it.
func (s *Store) changingVia(ctx context.Context, tx *sql.Tx, kind, query string, id int64) (meetingID int64, err error) {
	err = tx.QueryRowContext(ctx, query, id).Scan(&meetingID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, notFound(kind, id)
	}
	if err != nil {
		return 0, err
	}
	return meetingID, s.changing(ctx, tx, meetingID)
}

// The titles of the items that follow up the previous meeting, in each
// language.
var followUpTitles = map[string][2]string{
	"fr": {"Approbation du procès-verbal de la réunion précédente", "Revue des actions"},
	"en": {"Approval of the minutes of the previous meeting", "Review of actions"},
}

// followUp starts the agenda of a new meeting of a series with the
// approval of the minutes of the series' previous meeting (the latest one
// before it, not cancelled) and the review of the series' open actions.
// A first meeting gets neither.
func followUp(ctx context.Context, tx *sql.Tx, m *Meeting) error {
	if m.SeriesID == 0 {
		return nil
	}
	prev, err := previousMeeting(ctx, tx, m)
	if prev == 0 || err != nil {
		return err
	}
	titles := followUpTitles[m.Language]
	for _, it := range []*AgendaItem{
		{MeetingID: m.ID, Title: titles[0], Purpose: ForDecision, Minutes: 5, Kind: ApprovalItem, ApprovesID: prev},
		{MeetingID: m.ID, Title: titles[1], Purpose: ForDiscussion, Minutes: 10, Kind: ReviewItem},
	} {
		if err := addItem(ctx, tx, it); err != nil {
			return err
		}
	}
	return nil
}

// previousMeeting is the meeting of m's series before it, not cancelled,
// whose minutes m's approval item approves; 0 when there is none.
func previousMeeting(ctx context.Context, tx *sql.Tx, m *Meeting) (int64, error) {
	var prev int64
	if m.SeriesID == 0 {
		return 0, nil
	}
	err := tx.QueryRowContext(ctx, `SELECT id FROM meetings WHERE series_id = ? AND id <> ? AND status <> ?
		AND starts < ? ORDER BY starts DESC, id DESC LIMIT 1`, m.SeriesID, m.ID, Cancelled, fmtTime(m.Starts)).Scan(&prev)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return prev, err
}

// approveByDecision approves the minutes an approval item stands for when
// the decision recorded on it is adopted: the meeting adopted them. Minutes
// already approved stay so; minutes of a meeting not yet held cannot be.
func (s *Store) approveByDecision(ctx context.Context, tx *sql.Tx, d *Decision) error {
	if d.Outcome != Adopted {
		return nil
	}
	var approves, meetingID int64
	var kind ItemKind
	if err := tx.QueryRowContext(ctx, `SELECT kind, coalesce(approves_id, 0), meeting_id FROM agenda_items WHERE id = ?`,
		d.ItemID).Scan(&kind, &approves, &meetingID); err != nil {
		return err
	}
	if kind != ApprovalItem || approves == 0 {
		return nil
	}
	from, err := meetingStatus(ctx, tx, approves)
	if err != nil {
		return err
	}
	switch from {
	case MinutesApproved:
		return nil
	case Held, MinutesDraft, MinutesSubmitted:
	default:
		return Errorf(ECONFLICT, "the previous meeting is %s: it has no minutes to approve yet", from)
	}
	var by string
	if err := tx.QueryRowContext(ctx, `SELECT m.title || coalesce(' — ' || s.code || '-' || m.number, '')
		FROM meetings m LEFT JOIN series s ON s.id = m.series_id WHERE m.id = ?`, meetingID).Scan(&by); err != nil {
		return err
	}
	return s.recordStep(ctx, tx, &MinutesStep{MeetingID: approves, Step: Approved, By: by,
		Comment: strings.TrimSpace(d.Text), ByMeeting: meetingID}, MinutesApproved)
}
