package meeting

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// bg is the context of the tests' store calls.
var bg = context.Background()

// fixedNow is the store's clock in tests.
var fixedNow = time.Date(2026, 3, 10, 9, 30, 0, 0, time.UTC)

// openAt opens the store at path with the fixed clock, closing it when the
// test ends.
func openAt(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	s.Now = func() time.Time { return fixedNow }
	t.Cleanup(func() { s.Close() })
	return s
}

// newStore opens a fresh store in a temporary folder.
func newStore(t *testing.T) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "quorum.db"))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// wantErr checks err's code and, when field is not "", its Field.
func wantErr(t *testing.T, err error, code, field string) {
	t.Helper()
	if got := ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
	if field == "" {
		return
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is not an *Error", err)
	}
	if e.Field != field {
		t.Fatalf("error %v: field = %q, want %q", err, e.Field, field)
	}
}

// count runs a count(*) query on the writer connection.
func count(t *testing.T, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.wdb.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func pragma(t *testing.T, db interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, name string) string {
	t.Helper()
	var v string
	if err := db.QueryRowContext(bg, "PRAGMA "+name).Scan(&v); err != nil {
		t.Fatalf("PRAGMA %s: %v", name, err)
	}
	return v
}

func addPerson(t *testing.T, s *Store, name string) *Person {
	t.Helper()
	p := &Person{Name: name}
	must(t, s.CreatePerson(bg, p))
	return p
}

func addSeries(t *testing.T, s *Store, code string) *Series {
	t.Helper()
	sr := &Series{Name: code + " committee", Code: code}
	must(t, s.CreateSeries(bg, sr))
	return sr
}

// addMeeting creates a meeting of the series (0: none) starting at starts
// (zero: fixedNow), titled title.
func addMeeting(t *testing.T, s *Store, seriesID int64, title string, starts time.Time) *Meeting {
	t.Helper()
	if starts.IsZero() {
		starts = fixedNow
	}
	m := &Meeting{SeriesID: seriesID, Title: title, Starts: starts, Minutes: 120}
	must(t, s.CreateMeeting(bg, m))
	return m
}

func TestOpenCreatesPrivateFileAndFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	path := filepath.Join(dir, "quorum.db")
	s := openAt(t, path)
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	for name, want := range map[string]os.FileMode{dir: 0o700, path: 0o600} {
		fi, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s: mode %v, want %v", name, got, want)
		}
	}
	// SQLite gives its side files the mode of the database.
	addPerson(t, s, "Ada")
	if fi, err := os.Stat(path + "-wal"); err != nil {
		t.Errorf("no WAL file: %v", err)
	} else if fi.Mode().Perm() != 0o600 {
		t.Errorf("WAL file mode %v, want 0600", fi.Mode().Perm())
	}
}

func TestOpenKeepsExistingFileMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "quorum.db")
	must(t, os.WriteFile(path, nil, 0o600))
	must(t, os.Chmod(path, 0o640)) // whatever the umask
	openAt(t, path)
	fi, err := os.Stat(path)
	must(t, err)
	if fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want the file's own 0640", fi.Mode().Perm())
	}
}

func TestOpenEmptyPath(t *testing.T) {
	_, err := Open("")
	wantErr(t, err, EINVALID, "")
}

func TestOpenUnusualPath(t *testing.T) {
	// Characters that mean something in a URI must still name the file.
	path := filepath.Join(t.TempDir(), "my 100% ?#meetings&x=1.db")
	s := openAt(t, path)
	addPerson(t, s, "Ada")
	must(t, s.Close())
	// The records are in that file, and SQLite made no other.
	entries, err := os.ReadDir(filepath.Dir(path))
	must(t, err)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), filepath.Base(path)) {
			t.Errorf("stray file %q", e.Name())
		}
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("database at %s is empty or missing: %v", path, err)
	}
	s = openAt(t, path)
	if people, err := s.ListPeople(bg, ""); err != nil || len(people) != 1 {
		t.Fatalf("after reopen: %v people, %v", len(people), err)
	}
}

func TestOpenNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	must(t, os.WriteFile(path, []byte(strings.Repeat("this is not a database\n", 100)), 0o600))
	_, err := Open(path)
	wantErr(t, err, EDAMAGED, "")
	if !strings.Contains(ErrorMessage(err), "not a Quorum database") {
		t.Errorf("message %q does not say it is not a database", ErrorMessage(err))
	}
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "quorum.db")
	s := openAt(t, path)
	p := addPerson(t, s, "Ada Lovelace")
	must(t, s.Close())

	s = openAt(t, path)
	got, err := s.GetPerson(bg, p.ID)
	must(t, err)
	if got.Name != "Ada Lovelace" {
		t.Errorf("name %q after reopen", got.Name)
	}
}

func TestSchemaVersion(t *testing.T) {
	ms, err := migrations()
	must(t, err)
	if SchemaVersion() < 1 || SchemaVersion() != len(ms) {
		t.Fatalf("SchemaVersion() = %d with %d migrations", SchemaVersion(), len(ms))
	}
	for i, m := range ms {
		if m.version != i+1 || strings.TrimSpace(m.sql) == "" {
			t.Errorf("migration %d: version %d, name %s, %d bytes", i, m.version, m.name, len(m.sql))
		}
	}
	s := newStore(t)
	if got := pragma(t, s.wdb, "user_version"); got != strconv.Itoa(SchemaVersion()) {
		t.Errorf("user_version = %s, want %d", got, SchemaVersion())
	}
}

// rawStore opens the writer of a store at path without migrating it.
func rawStore(t *testing.T, path string) *Store {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path, false))
	must(t, err)
	db.SetMaxOpenConns(1)
	s := &Store{path: path, wdb: db, Now: func() time.Time { return fixedNow }}
	t.Cleanup(func() { s.Close() })
	return s
}

func tableExists(t *testing.T, s *Store, name string) bool {
	t.Helper()
	return count(t, s, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`, name) == 1
}

func TestMigrateFromEmptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "quorum.db")
	must(t, os.WriteFile(path, nil, 0o600))
	s := rawStore(t, path)

	must(t, s.migrateTo(bg, 0))
	if v := pragma(t, s.wdb, "user_version"); v != "0" || tableExists(t, s, "people") {
		t.Fatalf("migrateTo(0): user_version %s, people table %v", v, tableExists(t, s, "people"))
	}
	must(t, s.migrate(bg))
	if v := pragma(t, s.wdb, "user_version"); v != strconv.Itoa(SchemaVersion()) {
		t.Fatalf("after migrate: user_version %s", v)
	}
	for _, table := range []string{"people", "series", "series_members", "series_agenda", "meetings",
		"attendees", "agenda_items", "decisions", "blobs", "documents", "actions", "action_notes",
		"attendance_events", "minutes_steps", "search_index", "search_titles"} {
		if !tableExists(t, s, table) {
			t.Errorf("table %s missing", table)
		}
	}
	// A second run has nothing to do and keeps the data.
	addPerson(t, s, "Ada")
	must(t, s.migrate(bg))
	if n := count(t, s, `SELECT count(*) FROM people`); n != 1 {
		t.Errorf("%d people after a second migrate", n)
	}
	s.Close()

	// Open brings an empty file to the current version too.
	path2 := filepath.Join(t.TempDir(), "empty.db")
	must(t, os.WriteFile(path2, nil, 0o600))
	s2 := openAt(t, path2)
	if v := pragma(t, s2.wdb, "user_version"); v != strconv.Itoa(SchemaVersion()) {
		t.Errorf("Open of an empty file: user_version %s", v)
	}
}

// TestMigrateFromEachVersion opens a database left at every earlier schema
// version, as an older Quorum would have left it, and checks that Open
// brings it up to date and that the store then works.
func TestMigrateFromEachVersion(t *testing.T) {
	for v := range SchemaVersion() {
		t.Run(fmt.Sprintf("from %d", v), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.db")
			old := rawStore(t, path)
			must(t, old.migrateTo(bg, v))
			must(t, old.Close())

			s, err := Open(path)
			must(t, err)
			defer s.Close()
			if got := pragma(t, s.wdb, "user_version"); got != strconv.Itoa(SchemaVersion()) {
				t.Fatalf("user_version %s after Open, want %d", got, SchemaVersion())
			}
			m := addMeeting(t, s, 0, "After the upgrade", time.Time{})
			if _, _, err := s.ExportMeeting(bg, m.ID); err != nil {
				t.Errorf("export after the upgrade: %v", err)
			}
		})
	}
}

func TestFailedMigrationChangesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "quorum.db")
	s := rawStore(t, path)
	// A table in the way makes the first migration fail half-way.
	if _, err := s.wdb.Exec(`CREATE TABLE meetings (x)`); err != nil {
		t.Fatal(err)
	}
	if err := s.migrate(bg); err == nil {
		t.Fatal("migration over a clashing table succeeded")
	}
	if v := pragma(t, s.wdb, "user_version"); v != "0" {
		t.Errorf("user_version %s after a failed migration", v)
	}
	if tableExists(t, s, "people") || tableExists(t, s, "series") {
		t.Error("the failed migration left tables behind")
	}
}

func TestOpenNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "quorum.db")
	s := openAt(t, path)
	if _, err := s.wdb.Exec(`PRAGMA user_version = ` + strconv.Itoa(SchemaVersion()+1)); err != nil {
		t.Fatal(err)
	}
	must(t, s.Close())
	s2, err := Open(path)
	if err == nil {
		s2.Close()
		t.Fatal("Open of a newer database succeeded")
	}
	wantErr(t, err, ECONFLICT, "")
	if !strings.Contains(err.Error(), "newer Quorum") {
		t.Errorf("error %q does not name a newer Quorum", err)
	}
}

func TestPragmas(t *testing.T) {
	s := newStore(t)
	for name, want := range map[string]string{
		"foreign_keys": "1", "journal_mode": "wal", "busy_timeout": "5000", "synchronous": "2", "query_only": "0",
	} {
		if got := pragma(t, s.wdb, name); got != want {
			t.Errorf("writer: %s = %s, want %s", name, got, want)
		}
	}

	// Hold every reader of the pool at once, so that each is its own connection.
	conns := make([]*sql.Conn, 4)
	for i := range conns {
		c, err := s.rdb.Conn(bg)
		must(t, err)
		defer c.Close()
		conns[i] = c
	}
	for i, c := range conns {
		for name, want := range map[string]string{"foreign_keys": "1", "journal_mode": "wal", "query_only": "1"} {
			if got := pragma(t, c, name); got != want {
				t.Errorf("reader %d: %s = %s, want %s", i, name, got, want)
			}
		}
	}
	if _, err := conns[0].ExecContext(bg, `DELETE FROM people`); err == nil {
		t.Error("a reader could write")
	}
}

func TestReadsRunWhileWriting(t *testing.T) {
	s := newStore(t)
	p := addPerson(t, s, "Ada")
	tx, err := s.wdb.Begin() // an immediate transaction: holds the write lock
	must(t, err)
	defer tx.Rollback()
	if _, err := tx.Exec(`UPDATE people SET name = 'Changed'`); err != nil {
		t.Fatal(err)
	}
	// WAL: readers see the last committed state without waiting.
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got, err := s.GetPerson(bg, p.ID)
			if err != nil || got.Name != "Ada" {
				t.Errorf("read during a write: %v, %v", got, err)
			}
		})
	}
	wg.Wait()
}

func TestBusyDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "quorum.db")
	s1 := openAt(t, path)
	s2 := openAt(t, path)
	// Wait 50 ms rather than 5 s on s2's only writer connection.
	if _, err := s2.wdb.Exec(`PRAGMA busy_timeout = 50`); err != nil {
		t.Fatal(err)
	}
	tx, err := s1.wdb.Begin()
	must(t, err)
	defer tx.Rollback()
	if _, err := tx.Exec(`INSERT INTO people (name, created, updated) VALUES ('x', '', '')`); err != nil {
		t.Fatal(err)
	}
	err = s2.CreatePerson(bg, &Person{Name: "Ada"})
	wantErr(t, err, EBUSY, "")
	must(t, tx.Rollback())
	must(t, s2.CreatePerson(bg, &Person{Name: "Ada"}))
}

func TestErrorHelpers(t *testing.T) {
	plain := errors.New("disk on fire")
	field := fieldErr("agenda[2].minutes", "must be between %d and %d", 0, 1440)
	wrapped := fmt.Errorf("saving: %w", Errorf(ENOTFOUND, "meeting %d does not exist", 7))
	for _, c := range []struct {
		err       error
		code, msg string
	}{
		{nil, "", ""},
		{plain, EINTERNAL, "internal error: disk on fire"},
		{field, EINVALID, "agenda[2].minutes: must be between 0 and 1440"},
		{wrapped, ENOTFOUND, "meeting 7 does not exist"},
	} {
		if got := ErrorCode(c.err); got != c.code {
			t.Errorf("ErrorCode(%v) = %q, want %q", c.err, got, c.code)
		}
		if got := ErrorMessage(c.err); got != c.msg {
			t.Errorf("ErrorMessage(%v) = %q, want %q", c.err, got, c.msg)
		}
	}
	if errOrNil(nil) != nil {
		t.Error("errOrNil(nil) is a non-nil error")
	}
}

func TestForeignKeysCascade(t *testing.T) {
	s := newStore(t)
	presenter := addPerson(t, s, "Presenter")
	attendee := addPerson(t, s, "Attendee")
	m := addMeeting(t, s, 0, "Board", time.Time{})
	it := &AgendaItem{MeetingID: m.ID, Title: "Budget", Purpose: ForDecision, PresenterID: presenter.ID}
	must(t, s.AddItem(bg, it))
	must(t, s.AddItem(bg, &AgendaItem{MeetingID: m.ID, ParentID: it.ID, Title: "Capex", Purpose: ForDecision}))
	must(t, s.AddDecision(bg, &Decision{ItemID: it.ID, Text: "Adopted", Outcome: Adopted}))
	must(t, s.AddAttendee(bg, &Attendee{MeetingID: m.ID, PersonID: attendee.ID, Role: Member, Status: Invited}))
	must(t, s.AttachDocument(bg, &Document{MeetingID: m.ID, ItemID: it.ID, Title: "Budget", FileName: "b.txt"}, []byte("figures")))
	a := &Action{ItemID: it.ID, Title: "Send the budget", OwnerID: presenter.ID}
	must(t, s.CreateAction(bg, a))

	// Deleting a presenter leaves the item without one (ON DELETE SET NULL).
	must(t, s.DeletePerson(bg, presenter.ID))
	ag, err := s.Agenda(bg, m.ID)
	must(t, err)
	if ag[0].PresenterID != 0 || ag[0].PresenterName != "" {
		t.Errorf("presenter after deletion: %d %q", ag[0].PresenterID, ag[0].PresenterName)
	}
	got, err := s.GetAction(bg, a.ID)
	must(t, err)
	if got.OwnerID != 0 {
		t.Errorf("action owner after deletion: %d", got.OwnerID)
	}

	// Deleting the meeting takes its items, decisions, attendees, papers
	// and their bytes, and keeps the action without its origin.
	must(t, s.DeleteMeeting(bg, m.ID))
	for _, table := range []string{"agenda_items", "decisions", "attendees", "documents", "blobs"} {
		if n := count(t, s, `SELECT count(*) FROM `+table); n != 0 {
			t.Errorf("%d rows left in %s", n, table)
		}
	}
	got, err = s.GetAction(bg, a.ID)
	must(t, err)
	if got.MeetingID != 0 || got.ItemID != 0 || got.Title != a.Title {
		t.Errorf("action after its meeting's deletion: %+v", got)
	}
	// The attendee is now free to go.
	must(t, s.DeletePerson(bg, attendee.ID))
}

func TestFailedWriteLeavesNothing(t *testing.T) {
	s := newStore(t)
	p := addPerson(t, s, "Ada")
	sr := &Series{Name: "Board", Code: "BOARD", Members: []SeriesMember{
		{PersonID: p.ID, Role: Chair, Voting: true},
		{PersonID: p.ID + 100, Role: Member, Voting: true}, // no such person
	}, Agenda: []StandardItem{{Title: "Minutes", Purpose: ForDecision}}}
	if err := s.CreateSeries(bg, sr); err == nil {
		t.Fatal("CreateSeries with a missing member succeeded")
	}
	for _, table := range []string{"series", "series_members", "series_agenda"} {
		if n := count(t, s, `SELECT count(*) FROM `+table); n != 0 {
			t.Errorf("%d rows left in %s", n, table)
		}
	}
	// The code is still free.
	must(t, s.CreateSeries(bg, &Series{Name: "Board", Code: "BOARD"}))
}

func TestTimeColumns(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	must(t, err)
	in := time.Date(2026, 7, 1, 10, 0, 0, 0, paris)
	if got := fmtTime(in); got != "2026-07-01T08:00:00Z" {
		t.Errorf("fmtTime = %s", got)
	}
	if got := parseTime(fmtTime(in)); !got.Equal(in) || got.Location() != time.UTC {
		t.Errorf("parseTime(fmtTime) = %v", got)
	}
	if !parseTime("").IsZero() || nullID(0) != nil || nullID(5) != int64(5) {
		t.Error("zero values do not map to none")
	}
}
