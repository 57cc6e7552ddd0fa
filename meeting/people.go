package meeting

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

const personColumns = "id, name, title, organisation, email, phone"

func scanPerson(row scanner) (*Person, error) {
	p := &Person{}
	err := row.Scan(&p.ID, &p.Name, &p.Title, &p.Organisation, &p.Email, &p.Phone)
	return p, err
}

// CreatePerson adds p to the directory and sets its ID.
func (s *Store) CreatePerson(ctx context.Context, p *Person) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error { return s.createPerson(ctx, tx, p) })
}

func (s *Store) createPerson(ctx context.Context, tx *sql.Tx, p *Person) error {
	now := fmtTime(s.Now())
	res, err := tx.ExecContext(ctx, `INSERT INTO people (name, title, organisation, email, phone, created, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, p.Name, p.Title, p.Organisation, p.Email, p.Phone, now, now)
	if err != nil {
		return err
	}
	p.ID, err = res.LastInsertId()
	return err
}

// UpdatePerson saves the fields of an existing directory entry.
func (s *Store) UpdatePerson(ctx context.Context, p *Person) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, "person", p.ID, `UPDATE people SET name = ?, title = ?, organisation = ?, email = ?, phone = ?, updated = ?
			WHERE id = ?`, p.Name, p.Title, p.Organisation, p.Email, p.Phone, fmtTime(s.Now()), p.ID)
	})
}

// DeletePerson removes a directory entry that attends no meeting. Their
// series memberships go with them; items they present and actions they own
// lose their presenter or owner.
func (s *Store) DeletePerson(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM attendees WHERE person_id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return Errorf(ECONFLICT, "this person attends %d meeting(s): remove them from those meetings first", n)
		}
		return execOne(ctx, tx, "person", id, `DELETE FROM people WHERE id = ?`, id)
	})
}

// GetPerson returns one directory entry.
func (s *Store) GetPerson(ctx context.Context, id int64) (*Person, error) {
	var p *Person
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		p, err = getPerson(ctx, tx, id)
		return err
	})
	return p, err
}

func getPerson(ctx context.Context, tx *sql.Tx, id int64) (*Person, error) {
	p, err := scanPerson(tx.QueryRowContext(ctx, `SELECT `+personColumns+` FROM people WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("person", id)
	}
	return p, err
}

// ListPeople returns the directory sorted by name; a non-empty query keeps
// the people whose name, organisation or email contains it.
func (s *Store) ListPeople(ctx context.Context, query string) ([]*Person, error) {
	var people []*Person
	err := s.read(ctx, func(tx *sql.Tx) error {
		like := "%" + escapeLike(query) + "%"
		var err error
		people, err = queryAll(ctx, tx, scanPerson, `SELECT `+personColumns+` FROM people
			WHERE ? = '' OR name LIKE ? ESCAPE '\' OR organisation LIKE ? ESCAPE '\' OR email LIKE ? ESCAPE '\'
			ORDER BY name COLLATE NOCASE, id`, query, like, like, like)
		return err
	})
	return people, err
}

// escapeLike escapes the wildcards of a LIKE pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// matchPerson finds the directory entry for p: the one with the same email
// (any case), else one with exactly the same name where either side has no
// email. It returns 0 when there is none.
func matchPerson(ctx context.Context, tx *sql.Tx, p *Person) (int64, error) {
	var id int64
	if p.Email != "" {
		err := tx.QueryRowContext(ctx, `SELECT id FROM people WHERE lower(email) = lower(?) AND email <> '' ORDER BY id LIMIT 1`, p.Email).Scan(&id)
		if err == nil || !errors.Is(err, sql.ErrNoRows) {
			return id, err
		}
	}
	err := tx.QueryRowContext(ctx, `SELECT id FROM people WHERE name = ? AND (email = '' OR ? = '') ORDER BY id LIMIT 1`, p.Name, p.Email).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}
