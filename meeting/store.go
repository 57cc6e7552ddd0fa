package meeting

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
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
	path     string
	wdb      *sql.DB // the one writer
	rdb      *sql.DB // readers
	readOnly bool    // opened by OpenReadOnly: every write is refused
	release  func()  // releases the database's lock (OpenExclusive); nil if none

	// Now returns the current time; tests replace it.
	Now func() time.Time
}

// Open opens (creating it if needed) the database at path and brings its
// schema up to date. A new file is readable by its owner only. A file that
// is not a SQLite database is refused (EDAMAGED) and left as it was.
func Open(path string) (*Store, error) {
	if path == "" {
		return nil, Errorf(EINVALID, "no database path given")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, Errorf(EINTERNAL, "cannot create the folder of the database: %v", err)
		}
	}
	if err := checkFile(path, true); err != nil {
		return nil, err
	}
	return open(path, false)
}

// OpenReadOnly opens an existing database for reading only, as a second
// window does while another Quorum holds the database: every change is
// refused with an EREADONLY error. The schema is left as it is, so it must
// be the one this Quorum writes.
func OpenReadOnly(path string) (*Store, error) {
	if err := checkFile(path, false); err != nil {
		return nil, err
	}
	return open(path, true)
}

// OpenExclusive locks the database (see LockDatabase), then opens it with
// Open; Close releases the lock. While another Quorum holds the lock it
// fails with an EBUSY error: the window then falls back to OpenReadOnly.
func OpenExclusive(path string) (*Store, error) {
	release, err := LockDatabase(path)
	if err != nil {
		return nil, err
	}
	s, err := Open(path)
	if err != nil {
		release()
		return nil, err
	}
	s.release = release
	return s, nil
}

// ReadOnly reports whether the store was opened by OpenReadOnly.
func (s *Store) ReadOnly() bool { return s.readOnly }

// sqliteHeader starts every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// checkFile opens the database file at path (creating it, readable by its
// owner only, when create) and refuses it, before SQLite is let near it,
// unless it is empty or starts as a SQLite database does.
func checkFile(path string, create bool) error {
	flag, code := os.O_RDONLY, ENOTFOUND
	if create {
		flag, code = os.O_RDWR|os.O_CREATE, EINTERNAL
	}
	f, err := os.OpenFile(path, flag, 0o600)
	if err != nil {
		return Errorf(code, "cannot open the database %s: %v", path, errors.Unwrap(err))
	}
	defer f.Close()
	buf := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, buf)
	switch {
	case n == 0 && (err == io.EOF || err == nil):
		return nil // an empty file: a new database
	case err != nil && err != io.ErrUnexpectedEOF:
		return Errorf(EINTERNAL, "cannot read the database %s: %v", path, err)
	case string(buf[:n]) != sqliteHeader:
		return Errorf(EDAMAGED, "%s is not a Quorum database (it is not a SQLite file)", path)
	}
	return nil
}

// open opens the two pools on path; a writable store brings the schema up
// to date, a read-only one checks it is current.
func open(path string, readOnly bool) (*Store, error) {
	s := &Store{path: path, readOnly: readOnly, Now: time.Now}
	writer, reader := dsn(path, false), dsn(path, true)
	if readOnly {
		writer, reader = readerDSN(path), readerDSN(path)
	}
	var err error
	if s.wdb, err = sql.Open("sqlite", writer); err != nil {
		return nil, err
	}
	s.wdb.SetMaxOpenConns(1)
	s.wdb.SetConnMaxIdleTime(0)
	if s.rdb, err = sql.Open("sqlite", reader); err != nil {
		s.wdb.Close()
		return nil, err
	}
	s.rdb.SetMaxOpenConns(4)
	if readOnly {
		err = s.checkSchema(context.Background())
	} else {
		err = s.migrate(context.Background())
	}
	if err != nil {
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
	// FULL: each commit reaches the disk before the call returns, so that
	// what the secretary typed survives the laptop losing power, not only
	// Quorum crashing (NORMAL keeps the last commits in memory in WAL mode).
	q.Add("_pragma", "synchronous(FULL)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Set("_txlock", "immediate")
	}
	return fileURL(path, q)
}

// readerDSN opens any database file, the store's or a backup, to read it:
// SQLite itself keeps it read-only, journal mode included.
func readerDSN(path string) string {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "foreign_keys(1)")
	return fileURL(path, q)
}

func fileURL(path string, q url.Values) string {
	u := url.URL{Scheme: "file", OmitHost: true, Path: filepath.ToSlash(path), RawQuery: q.Encode()}
	return u.String()
}

// Path returns the file the store keeps its records in.
func (s *Store) Path() string { return s.path }

// Close closes the database and releases its lock, if the store holds it.
func (s *Store) Close() error {
	if s.release != nil {
		defer s.release()
	}
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
	current, err := s.schemaVersion(ctx)
	if err != nil {
		return err
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

// schemaVersion reads the database's schema version and refuses one newer
// than this Quorum's.
func (s *Store) schemaVersion(ctx context.Context) (int, error) {
	var current, tables int
	// Counting the tables makes SQLite read the schema: a file damaged
	// there is refused now rather than at the first query.
	if err := s.wdb.QueryRowContext(ctx, "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)").Scan(&current, &tables); err != nil {
		if err := wrapSQLite(err); ErrorCode(err) == EDAMAGED {
			return 0, damaged(s.path, []string{"its list of tables cannot be read"})
		}
		return 0, wrapSQLite(fmt.Errorf("cannot read the database %s: %w", s.path, err))
	}
	if current > SchemaVersion() {
		return 0, Errorf(ECONFLICT, "the database %s was written by a newer Quorum (schema %d; this one knows %d): update Quorum", s.path, current, SchemaVersion())
	}
	return current, nil
}

// checkSchema refuses, for a read-only store, a schema this Quorum would
// have to bring up to date first.
func (s *Store) checkSchema(ctx context.Context) error {
	current, err := s.schemaVersion(ctx)
	if err == nil && current < SchemaVersion() {
		err = Errorf(ECONFLICT, "the database %s is open in an older Quorum (schema %d; this one needs %d): close it, then open it here", s.path, current, SchemaVersion())
	}
	return err
}

// write runs fn in a write transaction and commits it if fn succeeds.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.readOnly {
		return Errorf(EREADONLY, "the database is open read-only here, because another Quorum window is using it: make the change there, or close it and open the database again")
	}
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
		return Errorf(EDAMAGED, "the database file is damaged or is not a Quorum database: run 'quorum check', then restore the newest backup")
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
