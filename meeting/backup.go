package meeting

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Backups are whole SQLite files in a backups folder beside the database,
// named after it and the local time they were made:
// quorum-2026-11-29-183012.db, and quorum-2026-11-29-183012-auto.db for
// the automatic daily ones, which are the only ones ever deleted.

// Backup is one backup file of a database.
type Backup struct {
	Path  string
	Taken time.Time // when it was made, read from its name
	Auto  bool      // made by AutoBackup, and pruned by it as it ages
}

// Automatic backups kept: the newest of each of the last KeepDaily days
// that have one, and the newest of each of the last KeepWeekly weeks.
const (
	KeepDaily  = 7
	KeepWeekly = 4
)

const (
	backupStamp = "2006-01-02-150405"
	autoSuffix  = "-auto"
	dayLayout   = "2006-01-02"
)

// BackupDir returns the folder of a database's backups: "backups" beside it.
func BackupDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "backups")
}

// backupPath names the backup of dbPath made at t.
func backupPath(dbPath string, t time.Time, auto bool) string {
	name := backupStem(dbPath) + "-" + t.Format(backupStamp)
	if auto {
		name += autoSuffix
	}
	return filepath.Join(BackupDir(dbPath), name+".db")
}

// backupStem is the database's file name without its extension.
func backupStem(dbPath string) string {
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// ListBackups returns the backups of the database at dbPath found in
// BackupDir, newest first; none when the folder does not exist.
func ListBackups(dbPath string) ([]Backup, error) { return listBackups(dbPath, time.Local) }

// listBackups reads the backups' times in loc.
func listBackups(dbPath string, loc *time.Location) ([]Backup, error) {
	entries, err := os.ReadDir(BackupDir(dbPath))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, Errorf(EINTERNAL, "cannot read the backups folder: %v", err)
	}
	prefix := backupStem(dbPath) + "-"
	var list []Backup
	for _, e := range entries {
		name := e.Name()
		stamp, ok := strings.CutSuffix(strings.TrimPrefix(name, prefix), ".db")
		if !ok || !strings.HasPrefix(name, prefix) || !e.Type().IsRegular() {
			continue
		}
		stamp, auto := strings.CutSuffix(stamp, autoSuffix)
		t, err := time.ParseInLocation(backupStamp, stamp, loc)
		if err != nil {
			continue
		}
		list = append(list, Backup{Path: filepath.Join(BackupDir(dbPath), name), Taken: t, Auto: auto})
	}
	slices.SortFunc(list, func(a, b Backup) int {
		if c := b.Taken.Compare(a.Taken); c != 0 {
			return c
		}
		return strings.Compare(b.Path, a.Path)
	})
	return list, nil
}

// Backup writes a consistent copy of the database to dest while the store
// is in use (SQLite's VACUUM INTO, which reads one snapshot and does not
// stop writes). The copy is made in a temporary file beside dest, flushed
// to disk and renamed into place, readable by its owner only; a folder
// missing on the way is created.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if dest == "" {
		return Errorf(EINVALID, "no backup file given")
	}
	if sameFile(dest, s.path) {
		return Errorf(EINVALID, "%s is the database itself: choose another file for the backup", dest)
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return Errorf(EINTERNAL, "cannot create the folder of the backup: %v", err)
	}
	return ReplaceFile(dest, func(f *os.File) error { return vacuumInto(ctx, s.path, f.Name()) })
}

// BackupNow writes a backup, stamped now, into BackupDir and returns its
// path. Such backups are never deleted by Quorum.
func (s *Store) BackupNow(ctx context.Context, now time.Time) (string, error) {
	path := backupPath(s.path, now, false)
	if err := s.Backup(ctx, path); err != nil {
		return "", err
	}
	return path, nil
}

// AutoBackup is the daily backup the window makes when it starts: unless
// an automatic backup was already made today (in now's time zone), it
// checks the database (QuickCheck), writes a backup into BackupDir and
// deletes the automatic backups no longer kept (KeepDaily, KeepWeekly). It
// returns the new backup's path, or "" when none was due. A damaged
// database gets no backup and deletes none: the error says so.
func (s *Store) AutoBackup(ctx context.Context, now time.Time) (string, error) {
	list, err := listBackups(s.path, now.Location())
	if err != nil {
		return "", err
	}
	auto := slices.DeleteFunc(list, func(b Backup) bool { return !b.Auto })
	today := now.Format(dayLayout)
	if len(auto) > 0 && auto[0].Taken.Format(dayLayout) >= today {
		return "", nil
	}
	if err := s.QuickCheck(ctx); err != nil {
		return "", err
	}
	path := backupPath(s.path, now, true)
	if err := s.Backup(ctx, path); err != nil {
		return "", err
	}
	auto = append([]Backup{{Path: path, Taken: now, Auto: true}}, auto...)
	for _, b := range pruned(auto) {
		os.Remove(b.Path) // one left behind is pruned at the next start
	}
	return path, nil
}

// pruned returns the automatic backups, given newest first, that are not
// kept: kept are the newest of each of the last KeepDaily days and of each
// of the last KeepWeekly ISO weeks.
func pruned(auto []Backup) []Backup {
	days, weeks := map[string]bool{}, map[[2]int]bool{}
	var drop []Backup
	for _, b := range auto {
		day := b.Taken.Format(dayLayout)
		y, w := b.Taken.ISOWeek()
		week := [2]int{y, w}
		keep := false
		if !days[day] && len(days) < KeepDaily {
			days[day], keep = true, true
		}
		if !weeks[week] && len(weeks) < KeepWeekly {
			weeks[week], keep = true, true
		}
		if !keep {
			drop = append(drop, b)
		}
	}
	return drop
}

// vacuumInto copies the database at src, as one consistent snapshot, into
// the empty file dst.
func vacuumInto(ctx context.Context, src, dst string) error {
	return reading(src, func(db *sql.DB) error {
		_, err := db.ExecContext(ctx, `VACUUM INTO ?`, dst)
		return wrapSQLite(err)
	})
}

// reading runs fn on the database file at path, opened read-only.
func reading(path string, fn func(db *sql.DB) error) error {
	db, err := sql.Open("sqlite", readerDSN(path))
	if err != nil {
		return err
	}
	defer db.Close()
	return fn(db)
}

// sameFile reports whether a and b name one existing file.
func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

// QuickCheck runs SQLite's quick check of the database (PRAGMA
// quick_check: every page readable, the structure sound; it does not
// compare indexes with their tables) and returns an EDAMAGED error naming
// the way out when it finds anything. It changes nothing. The window runs
// it at start-up; on a large database it takes a moment, so off the main
// thread.
func (s *Store) QuickCheck(ctx context.Context) error {
	problems, err := findProblems(ctx, s.rdb, true)
	if err == nil && len(problems) > 0 {
		err = damaged(s.path, problems)
	}
	return err
}

// CheckFile runs SQLite's full integrity check and its foreign-key check
// on the database file at path, reading it only, and returns what they
// found, in words. When they found anything, the error (EDAMAGED) says so
// and gives the way out.
func CheckFile(ctx context.Context, path string) (problems []string, err error) {
	if err := checkFile(path, false); err != nil {
		return nil, err
	}
	err = reading(path, func(db *sql.DB) error {
		problems, err = findProblems(ctx, db, false)
		return err
	})
	if err == nil && len(problems) > 0 {
		err = damaged(path, problems)
	}
	return problems, err
}

// findProblems runs SQLite's quick check, or its integrity check and
// foreign-key check, and returns what they report, in words.
func findProblems(ctx context.Context, db *sql.DB, quick bool) ([]string, error) {
	check := "PRAGMA integrity_check"
	if quick {
		check = "PRAGMA quick_check"
	}
	problems, err := collect(ctx, db, check, func(r *sql.Rows) (string, error) {
		var line string
		err := r.Scan(&line)
		if line == "ok" {
			line = ""
		}
		return line, err
	})
	if err != nil || quick || len(problems) > 0 {
		return problems, err
	}
	return collect(ctx, db, "PRAGMA foreign_key_check", func(r *sql.Rows) (string, error) {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		err := r.Scan(&table, &rowid, &parent, &fk)
		return fmt.Sprintf("row %d of the table %s refers to a row of %s that does not exist", rowid.Int64, table, parent), err
	})
}

// collect runs a check and returns the non-empty lines describe makes of
// its rows. An error reading a damaged file is a problem found, not a
// failure of the check.
func collect(ctx context.Context, db *sql.DB, query string, describe func(*sql.Rows) (string, error)) ([]string, error) {
	var problems []string
	rows, err := db.QueryContext(ctx, query)
	if err == nil {
		for rows.Next() {
			var line string
			if line, err = describe(rows); err != nil {
				break
			} else if line != "" {
				problems = append(problems, line)
			}
		}
		rows.Close()
		if err == nil {
			err = rows.Err()
		}
	}
	if err != nil && ErrorCode(wrapSQLite(err)) == EDAMAGED {
		return append(problems, "the file cannot be read: "+err.Error()), nil
	}
	return problems, wrapSQLite(err)
}

// damaged is the error of a damaged database: what was found, and the way
// out.
func damaged(path string, problems []string) *Error {
	found := problems[0]
	if len(problems) > 1 {
		found = fmt.Sprintf("%s, and %d more problem(s)", found, len(problems)-1)
	}
	return Errorf(EDAMAGED, "the database %s is damaged (%s). Quorum has changed nothing in it. %s", path, found, WayOut(path))
}

// WayOut tells what to do with a damaged database at path: restore its
// newest backup, which it names, or, without one, keep the file and get
// help.
func WayOut(path string) string {
	list, _ := ListBackups(path)
	if len(list) == 0 {
		return fmt.Sprintf("No backup of it was found in %s: keep a copy of the file as it is and get help before changing anything.", BackupDir(path))
	}
	return fmt.Sprintf("To go back to the newest backup, made %s, close Quorum and run: quorum --db %q restore %q (the damaged file is kept aside).",
		list[0].Taken.Format("2006-01-02 15:04"), path, list[0].Path)
}
