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

// PeopleImport says what importing contacts did to the directory.
type PeopleImport struct {
	Added     int             // new entries
	Updated   int             // existing entries that got new details
	Unchanged int             // existing entries the file told nothing new
	Skipped   []SkippedPerson // entries left out, with why
}

// SkippedPerson is a contact that was not imported.
type SkippedPerson struct {
	Index  int    // its position among the contacts given, from 1
	Person Person // as read from the file
	Reason string
}

// ImportPeople adds contacts to the directory in one transaction. A contact
// matches an entry with the same email (any case), else one with exactly
// the same name where either has no email; a match keeps its name and email and
// takes the contact's non-empty title, organisation and phone (and its
// email when it had none). A contact
// that breaks a rule (no name, a wrong email) is skipped and reported; the
// others are imported.
func (s *Store) ImportPeople(ctx context.Context, people []Person) (PeopleImport, error) {
	var res PeopleImport
	err := s.write(ctx, func(tx *sql.Tx) error {
		res = PeopleImport{}
		for i, p := range people {
			if err := p.Validate(); err != nil {
				res.Skipped = append(res.Skipped, SkippedPerson{Index: i + 1, Person: p, Reason: ErrorMessage(err)})
				continue
			}
			id, err := matchPerson(ctx, tx, &p)
			if err != nil {
				return err
			}
			if id == 0 {
				if err := s.createPerson(ctx, tx, &p); err != nil {
					return err
				}
				res.Added++
				continue
			}
			changed, err := s.mergePerson(ctx, tx, id, p)
			if err != nil {
				return err
			}
			if changed {
				res.Updated++
			} else {
				res.Unchanged++
			}
		}
		return nil
	})
	return res, err
}

// mergePerson gives entry id the non-empty details of p, and reports
// whether anything changed.
func (s *Store) mergePerson(ctx context.Context, tx *sql.Tx, id int64, p Person) (bool, error) {
	old, err := scanPerson(tx.QueryRowContext(ctx, `SELECT `+personColumns+` FROM people WHERE id = ?`, id))
	if err != nil {
		return false, err
	}
	merged := *old
	if merged.Email == "" {
		merged.Email = p.Email
	}
	for _, f := range []struct {
		to   *string
		from string
	}{{&merged.Title, p.Title},
		{&merged.Organisation, p.Organisation}, {&merged.Phone, p.Phone}} {
		if f.from != "" {
			*f.to = f.from
		}
	}
	if merged == *old {
		return false, nil
	}
	_, err = tx.ExecContext(ctx, `UPDATE people SET title = ?, organisation = ?, email = ?, phone = ?, updated = ? WHERE id = ?`,
		merged.Title, merged.Organisation, merged.Email, merged.Phone, fmtTime(s.Now()), id)
	return err == nil, err
}
