package meeting

import (
	"context"
	"database/sql"
	"errors"
)

// CreateSeries adds a series with its members and standard agenda.
func (s *Store) CreateSeries(ctx context.Context, sr *Series) error {
	if err := sr.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error { return s.createSeries(ctx, tx, sr) })
}

func (s *Store) createSeries(ctx context.Context, tx *sql.Tx, sr *Series) error {
	if err := checkCodeFree(ctx, tx, sr.Code, 0); err != nil {
		return err
	}
	now := fmtTime(s.Now())
	res, err := tx.ExecContext(ctx, `INSERT INTO series (name, code, place, notice_days, quorum_percent, quorum_count, quorum_proxies, created, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, sr.Name, sr.Code, sr.Place, sr.NoticeDays,
		sr.Quorum.Percent, sr.Quorum.Count, sr.Quorum.Proxies, now, now)
	if err != nil {
		return err
	}
	if sr.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return saveSeriesLists(ctx, tx, sr)
}

// UpdateSeries saves a series, replacing its members and standard agenda.
func (s *Store) UpdateSeries(ctx context.Context, sr *Series) error {
	if err := sr.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := checkCodeFree(ctx, tx, sr.Code, sr.ID); err != nil {
			return err
		}
		if err := execOne(ctx, tx, "series", sr.ID, `UPDATE series SET name = ?, code = ?, place = ?, notice_days = ?,
			quorum_percent = ?, quorum_count = ?, quorum_proxies = ?, updated = ? WHERE id = ?`,
			sr.Name, sr.Code, sr.Place, sr.NoticeDays, sr.Quorum.Percent, sr.Quorum.Count, sr.Quorum.Proxies,
			fmtTime(s.Now()), sr.ID); err != nil {
			return err
		}
		return saveSeriesLists(ctx, tx, sr)
	})
}

func checkCodeFree(ctx context.Context, tx *sql.Tx, code string, self int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM series WHERE code = ? AND id <> ?`, code, self).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return &Error{Code: ECONFLICT, Field: "code", Message: "another series already has the code " + code}
	}
	return nil
}

func saveSeriesLists(ctx context.Context, tx *sql.Tx, sr *Series) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM series_members WHERE series_id = ?`, sr.ID); err != nil {
		return err
	}
	for i, m := range sr.Members {
		if _, err := tx.ExecContext(ctx, `INSERT INTO series_members (series_id, person_id, position, role, voting)
			VALUES (?, ?, ?, ?, ?)`, sr.ID, m.PersonID, i, m.Role, m.Voting); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM series_agenda WHERE series_id = ?`, sr.ID); err != nil {
		return err
	}
	for i, it := range sr.Agenda {
		if _, err := tx.ExecContext(ctx, `INSERT INTO series_agenda (series_id, position, title, purpose, minutes)
			VALUES (?, ?, ?, ?, ?)`, sr.ID, i, it.Title, it.Purpose, it.Minutes); err != nil {
			return err
		}
	}
	return nil
}

// DeleteSeries removes a series that has no meetings.
func (s *Store) DeleteSeries(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM meetings WHERE series_id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return Errorf(ECONFLICT, "this series has %d meeting(s): delete them first", n)
		}
		return execOne(ctx, tx, "series", id, `DELETE FROM series WHERE id = ?`, id)
	})
}

// GetSeries returns a series with its members and standard agenda.
func (s *Store) GetSeries(ctx context.Context, id int64) (*Series, error) {
	var sr *Series
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		sr, err = getSeries(ctx, tx, id)
		return err
	})
	return sr, err
}

func getSeries(ctx context.Context, tx *sql.Tx, id int64) (*Series, error) {
	sr := &Series{ID: id}
	err := tx.QueryRowContext(ctx, `SELECT name, code, place, notice_days, quorum_percent, quorum_count, quorum_proxies
		FROM series WHERE id = ?`, id).Scan(&sr.Name, &sr.Code, &sr.Place, &sr.NoticeDays,
		&sr.Quorum.Percent, &sr.Quorum.Count, &sr.Quorum.Proxies)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("series", id)
	}
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT m.person_id, p.name, m.role, m.voting FROM series_members m
		JOIN people p ON p.id = m.person_id WHERE m.series_id = ? ORDER BY m.position`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var m SeriesMember
		if err := rows.Scan(&m.PersonID, &m.Name, &m.Role, &m.Voting); err != nil {
			return nil, err
		}
		sr.Members = append(sr.Members, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = tx.QueryContext(ctx, `SELECT title, purpose, minutes FROM series_agenda WHERE series_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var it StandardItem
		if err := rows.Scan(&it.Title, &it.Purpose, &it.Minutes); err != nil {
			return nil, err
		}
		sr.Agenda = append(sr.Agenda, it)
	}
	return sr, rows.Err()
}

// ListSeries returns every series (without members and agenda), by name.
func (s *Store) ListSeries(ctx context.Context) ([]*Series, error) {
	var list []*Series
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, name, code, place, notice_days, quorum_percent, quorum_count, quorum_proxies
			FROM series ORDER BY name COLLATE NOCASE, id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			sr := &Series{}
			if err := rows.Scan(&sr.ID, &sr.Name, &sr.Code, &sr.Place, &sr.NoticeDays,
				&sr.Quorum.Percent, &sr.Quorum.Count, &sr.Quorum.Proxies); err != nil {
				return err
			}
			list = append(list, sr)
		}
		return rows.Err()
	})
	return list, err
}

// seriesByCode returns the id of the series with that code (any case), or 0.
func seriesByCode(ctx context.Context, tx *sql.Tx, code string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM series WHERE code = ?`, code).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}
