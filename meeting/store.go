package meeting

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store keeps Quorum's records in one SQLite file. All writes go through a
// single connection, one transaction per user action; reads use a small pool
// of read-only connections, so a long read never blocks a write.
type Store struct {
	path string
	wdb  *sql.DB // the one writer
	rdb  *sql.DB // readers

	// Now returns the current time; tests replace it.
	Now func() time.Time
}

// Open opens (creating it if needed) the database at path and brings its
// schema up to date. A new file is readable by its owner only.
func Open(path string) (*Store, error) {
	if path == "" {
		return nil, Errorf(EINVALID, "no database path given")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, Errorf(EINTERNAL, "cannot create the folder of the database: %v", err)
		}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, Errorf(EINTERNAL, "cannot open the database %s: %v", path, err)
	}
	f.Close()

	s := &Store{path: path, Now: time.Now}
	if s.wdb, err = sql.Open("sqlite", dsn(path, false)); err != nil {
		return nil, err
	}
	s.wdb.SetMaxOpenConns(1)
	s.wdb.SetConnMaxIdleTime(0)
	if s.rdb, err = sql.Open("sqlite", dsn(path, true)); err != nil {
		s.wdb.Close()
		return nil, err
	}
	s.rdb.SetMaxOpenConns(4)
	if err := s.migrate(context.Background()); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// dsn builds the connection string; the pragmas in it apply to every
// connection of the pool.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Set("_txlock", "immediate")
	}
	u := url.URL{Scheme: "file", OmitHost: true, Path: filepath.ToSlash(path), RawQuery: q.Encode()}
	return u.String()
}

// Path returns the file the store keeps its records in.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	var errs []error
	if s.rdb != nil {
		errs = append(errs, s.rdb.Close())
	}
	if s.wdb != nil {
		errs = append(errs, s.wdb.Close())
	}
	return errors.Join(errs...)
}

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in order. Their files are
// named NNNN_what.sql; NNNN is the schema version they lead to.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var ms []migration
	for i, name := range names {
		base := filepath.Base(name)
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil || v != i+1 {
			return nil, fmt.Errorf("migration %s is out of sequence", base)
		}
		b, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	return ms, nil
}

// SchemaVersion is the schema version this build of Quorum writes.
func SchemaVersion() int {
	ms, _ := migrations()
	return len(ms)
}

// migrate applies, each in its own transaction, the migrations the
// database has not had yet.
func (s *Store) migrate(ctx context.Context) error { return s.migrateTo(ctx, SchemaVersion()) }

func (s *Store) migrateTo(ctx context.Context, target int) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	var current int
	if err := s.wdb.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return wrapSQLite(fmt.Errorf("cannot read the database %s: %w", s.path, err))
	}
	if current > len(ms) {
		return Errorf(ECONFLICT, "the database %s was written by a newer Quorum (schema %d; this one knows %d): update Quorum", s.path, current, len(ms))
	}
	for _, m := range ms[current:target] {
		err := s.write(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// write runs fn in a write transaction and commits it if fn succeeds.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		return wrapSQLite(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return wrapSQLite(err)
	}
	return wrapSQLite(tx.Commit())
}

// read runs fn in a read transaction, so that it sees one consistent state.
func (s *Store) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.rdb.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return wrapSQLite(err)
	}
	defer tx.Rollback()
	return wrapSQLite(fn(tx))
}

// wrapSQLite turns SQLite's busy and full-disk errors into errors users
// can act on; other errors pass through.
func wrapSQLite(err error) error {
	var se *sqlite.Error
	if err == nil || !errors.As(err, &se) {
		return err
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return Errorf(EBUSY, "the database is busy: another program (perhaps another Quorum) is writing to it; try again")
	case sqlite3.SQLITE_FULL:
		return Errorf(EINTERNAL, "the disk is full: the change was not saved")
	case sqlite3.SQLITE_READONLY:
		return Errorf(EINTERNAL, "the database cannot be written to (read-only file or folder): the change was not saved")
	case sqlite3.SQLITE_CONSTRAINT:
		if se.Code() == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY {
			return Errorf(EINVALID, "the change refers to a person, meeting or item that does not exist (any more)")
		}
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return Errorf(EINTERNAL, "the database file is damaged or is not a Quorum database")
	}
	return err
}

// Time values are stored as UTC RFC 3339 text.
const timeLayout = "2006-01-02T15:04:05Z"

func fmtTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(timeLayout, s)
	return t
}

// nullID maps the zero id to SQL NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// notFound returns an ENOTFOUND error for a kind of record.
func notFound(kind string, id int64) *Error {
	return Errorf(ENOTFOUND, "%s %d does not exist", kind, id)
}

// execOne runs a statement that must change the record of that kind and
// id; when it changes nothing, the record does not exist.
func execOne(ctx context.Context, tx *sql.Tx, kind string, id int64, query string, args ...any) error {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound(kind, id)
	}
	return nil
}

// scanner is a row to scan: *sql.Row or *sql.Rows.
type scanner interface{ Scan(...any) error }

// queryAll runs a query and scans each of its rows with scan.
func queryAll[T any](ctx context.Context, tx *sql.Tx, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, v)
	}
	return list, rows.Err()
}
