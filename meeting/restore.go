package meeting

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Restore replaces the database at dbPath with the backup file src. It
// first takes the database's lock (an EBUSY error while a Quorum window
// has it open), then copies src into a temporary file beside the database
// and checks that copy: a SQLite file, SQLite's integrity and foreign-key
// checks clean, a Quorum schema no newer than this Quorum's. Only then is
// the database, with its -wal and -shm files, set aside under the name
// kept (dbPath.before-restore-<time>; "" when there was no database) and
// the copy renamed into its place. Any failure leaves the database as it
// was. A restored database of an older schema is brought up to date when
// next opened.
func Restore(ctx context.Context, dbPath, src string, now time.Time) (kept string, err error) {
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o700); err != nil {
		return "", Errorf(EINTERNAL, "cannot create the folder of the database: %v", err)
	}
	release, err := LockDatabase(dbPath)
	if ErrorCode(err) == EBUSY {
		return "", Errorf(EBUSY, "Quorum is open on %s: close it before restoring a backup", dbPath)
	} else if err != nil {
		return "", err
	}
	defer release()
	if err := checkBackupFile(src, dbPath); err != nil {
		return "", err
	}
	err = ReplaceFile(dbPath, func(tmp *os.File) error {
		if err := vacuumInto(ctx, src, tmp.Name()); err != nil {
			return Errorf(ErrorCode(err), "%s cannot be restored: %s", src, ErrorMessage(err))
		}
		if err := checkRestorable(ctx, tmp.Name(), src); err != nil {
			return err
		}
		var err error
		kept, err = setAside(dbPath, dbPath+".before-restore-"+now.Format(backupStamp))
		return err
	})
	if err != nil && kept != "" {
		// The copy did not take the database's place: put it back.
		if _, back := setAside(kept, dbPath); back != nil {
			err = fmt.Errorf("%w; the database is kept as %s", err, kept)
		}
		kept = ""
	}
	return kept, err
}

// checkBackupFile refuses, before any copy, a file that is missing, not a
// SQLite database or the database itself.
func checkBackupFile(src, dbPath string) error {
	fi, err := os.Stat(src)
	if err != nil {
		return Errorf(ENOTFOUND, "cannot read the backup %s: %v", src, errors.Unwrap(err))
	}
	if fi.Size() == 0 || !fi.Mode().IsRegular() {
		return Errorf(EINVALID, "%s is not a Quorum backup (empty, or not a file)", src)
	}
	if err := checkFile(src, false); err != nil {
		return err
	}
	if sameFile(src, dbPath) {
		return Errorf(EINVALID, "%s is the database itself, not a backup of it", src)
	}
	return nil
}

// checkRestorable checks the copy at path of the backup src: sound, and of
// a Quorum schema this Quorum can open.
func checkRestorable(ctx context.Context, path, src string) error {
	return reading(path, func(db *sql.DB) error {
		problems, err := findProblems(ctx, db, false)
		if err != nil {
			return err
		}
		if len(problems) > 0 {
			return Errorf(EDAMAGED, "%s is damaged (%s): it was not restored; try an older backup", src, strings.Join(problems, "; "))
		}
		var version, tables int
		err = db.QueryRowContext(ctx, `SELECT (SELECT user_version FROM pragma_user_version),
			(SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('meetings', 'people'))`).Scan(&version, &tables)
		switch {
		case err != nil:
			return wrapSQLite(err)
		case version == 0 || tables != 2:
			return Errorf(EINVALID, "%s is a SQLite database but not one of Quorum's: it was not restored", src)
		case version > SchemaVersion():
			return Errorf(ECONFLICT, "%s was written by a newer Quorum (schema %d; this one knows %d): update Quorum to restore it", src, version, SchemaVersion())
		}
		return nil
	})
}

// setAside renames the database at from, with its -wal and -shm files, to
// a free name starting with to, and returns that name; "" when there is no
// database at from.
func setAside(from, to string) (string, error) {
	if _, err := os.Lstat(from); errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	name := to
	for n := 2; exists(name) || exists(name+"-wal"); n++ {
		name = fmt.Sprintf("%s-%d", to, n)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		err := os.Rename(from+suffix, name+suffix)
		if err != nil && (suffix == "" || !errors.Is(err, os.ErrNotExist)) {
			return name, Errorf(EINTERNAL, "cannot set the database aside as %s: %v", filepath.Base(name+suffix), errors.Unwrap(err))
		}
	}
	return name, nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
