package meeting

import (
	"bytes"
	"context"
	"database/sql"
	"image"
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"  // or PNG
)

// Record is everything about one meeting, read at one moment: what its
// printed documents show.
type Record struct {
	Meeting   *Meeting
	Series    *Series // nil for a one-off meeting
	Attendees []*Attendee
	Agenda    Agenda
	Documents []*Document
	Actions   []*Action // the actions that came from this meeting
	Settings  Settings
	Notice    Notice        // the notice period, checked (see Store.Notice)
	Steps     []MinutesStep // the validation of its minutes, oldest first
	Review    []*Action     // for its "Review of actions" item, if it has one (see SeriesOpenActions)
}

// Record reads a meeting with everything in it, in one transaction.
func (s *Store) Record(ctx context.Context, meetingID int64) (*Record, error) {
	r := &Record{}
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		if r.Meeting, err = getMeeting(ctx, tx, meetingID); err != nil {
			return err
		}
		if r.Meeting.SeriesID != 0 {
			if r.Series, err = getSeries(ctx, tx, r.Meeting.SeriesID); err != nil {
				return err
			}
		}
		if r.Attendees, err = attendees(ctx, tx, meetingID); err != nil {
			return err
		}
		if r.Agenda, err = agenda(ctx, tx, meetingID); err != nil {
			return err
		}
		if r.Documents, err = documents(ctx, tx, meetingID); err != nil {
			return err
		}
		if r.Actions, err = listActions(ctx, tx, ActionFilter{MeetingID: meetingID}); err != nil {
			return err
		}
		if r.Notice, err = s.notice(ctx, tx, r.Meeting); err != nil {
			return err
		}
		if r.Steps, err = minutesHistory(ctx, tx, meetingID); err != nil {
			return err
		}
		var review bool
		r.Agenda.Walk(func(it *AgendaItem) { review = review || it.Kind == ReviewItem })
		if review {
			if r.Review, err = seriesOpenActions(ctx, tx, r.Meeting); err != nil {
				return err
			}
		}
		r.Settings, err = settings(ctx, tx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// Settings are the choices that hold for the whole database.
type Settings struct {
	Organisation string // printed at the top of every document
	Logo         []byte // PNG or JPEG, printed beside it; nil: none
}

// MaxLogoSize bounds the logo's file.
const MaxLogoSize = 2 << 20

// Validate checks the settings.
func (st *Settings) Validate() error {
	c := checker{}
	c.line("organisation", st.Organisation, false)
	if c.err == nil && st.Logo != nil {
		cfg, format, err := image.DecodeConfig(bytes.NewReader(st.Logo))
		switch {
		case len(st.Logo) > MaxLogoSize:
			c.fail("logo", "is too large (at most %d MB)", MaxLogoSize>>20)
		case err != nil || (format != "png" && format != "jpeg"):
			c.fail("logo", "must be a PNG or JPEG image")
		case cfg.Width > 4000 || cfg.Height > 4000:
			c.fail("logo", "is too large (%d × %d pixels; at most 4000 × 4000)", cfg.Width, cfg.Height)
		}
	}
	return errOrNil(c.err)
}

// Settings returns the database's settings.
func (s *Store) Settings(ctx context.Context) (Settings, error) {
	var st Settings
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		st, err = settings(ctx, tx)
		return err
	})
	return st, err
}

func settings(ctx context.Context, tx *sql.Tx) (Settings, error) {
	var st Settings
	rows, err := tx.QueryContext(ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var key string
		var value []byte
		if err := rows.Scan(&key, &value); err != nil {
			return st, err
		}
		switch key {
		case "organisation":
			st.Organisation = string(value)
		case "logo":
			st.Logo = value
		}
	}
	return st, rows.Err()
}

// SaveSettings replaces the database's settings.
func (s *Store) SaveSettings(ctx context.Context, st Settings) error {
	if err := st.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM settings`); err != nil {
			return err
		}
		for key, value := range map[string][]byte{"organisation": []byte(st.Organisation), "logo": st.Logo} {
			if len(value) == 0 {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)`, key, value); err != nil {
				return err
			}
		}
		return nil
	})
}
