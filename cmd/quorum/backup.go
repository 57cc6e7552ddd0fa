package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"quorum/meeting"
)

// cmdBackup writes a consistent copy of the database, to --out or into the
// backups folder beside it; it works while a window has the database open.
func cmdBackup(ctx context.Context, db string, args []string, stdout io.Writer) error {
	fs := newFlags("backup")
	fs.StringVar(&db, "db", db, "database file")
	out := fs.String("out", "", "backup file (default: a dated file in the backups folder beside the database)")
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usagef("backup: unexpected argument %q (name the backup file with --out FILE)", rest[0])
	}
	return withStore(db, func(st *meeting.Store) error {
		path := *out
		var err error
		if path == "" {
			path, err = st.BackupNow(ctx, time.Now())
		} else {
			err = st.Backup(ctx, path)
		}
		if err == nil {
			fmt.Fprintf(stdout, "wrote the backup %s\n", path)
		}
		return err
	})
}

// cmdRestore replaces the database with a backup, after checking it.
func cmdRestore(ctx context.Context, db string, args []string, stdout io.Writer) error {
	fs := newFlags("restore")
	fs.StringVar(&db, "db", db, "database file")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("restore: name the one backup file to restore (see the backups folder beside the database)")
	}
	db = dbPath(db)
	kept, err := meeting.Restore(ctx, db, files[0], time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored %s from %s\n", db, files[0])
	if kept != "" {
		fmt.Fprintf(stdout, "the database it replaced is kept as %s\n", kept)
	}
	return nil
}

// cmdCheck runs SQLite's integrity and foreign-key checks on the database,
// reading it only, and says what they found; exit code 1 when damaged.
func cmdCheck(ctx context.Context, db string, args []string, stdout io.Writer) error {
	db, err := noArguments("check", db, args)
	if err != nil {
		return err
	}
	db = dbPath(db)
	problems, err := meeting.CheckFile(ctx, db)
	for _, p := range problems {
		fmt.Fprintf(stdout, "problem: %s\n", p)
	}
	if err == nil {
		fmt.Fprintf(stdout, "%s is sound: the integrity check and the check of references between records found nothing wrong\n", db)
	}
	return err
}
