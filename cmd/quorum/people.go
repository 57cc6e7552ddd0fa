package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"quorum/export"
	"quorum/meeting"
)

// cmdPeople imports contacts into the directory, or exports it.
func cmdPeople(ctx context.Context, db string, args []string, stdout io.Writer) error {
	fs := newFlags("people")
	fs.StringVar(&db, "db", db, "database file")
	out := fs.String("out", "", "export: the CSV file to write")
	lang := fs.String("lang", "fr", "export: language of the headers and separator: fr (;) or en (,)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(rest) == 0:
		return usagef("people: say import FILE or export --out FILE.csv")
	case rest[0] == "import" && len(rest) == 1:
		return usagef("people import: name the contacts file(s) (.csv or .vcf)")
	case rest[0] == "import":
		return withStore(db, func(st *meeting.Store) error {
			for _, name := range rest[1:] {
				if err := importPeople(ctx, st, name, stdout); err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
			}
			return nil
		})
	case rest[0] == "export" && len(rest) > 1:
		return usagef("people export: unexpected argument %q", rest[1])
	case rest[0] == "export" && *out == "":
		return usagef("people export: name the output file with --out FILE.csv")
	case rest[0] == "export" && *lang != "fr" && *lang != "en":
		return usagef("people export: --lang is fr or en")
	case rest[0] == "export":
		return withStore(db, func(st *meeting.Store) error {
			people, err := st.ListPeople(ctx, "")
			if err != nil {
				return err
			}
			if err := export.WriteFile(*out, func(w io.Writer) error { return export.PeopleCSV(w, people, *lang) }); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "wrote %s (%d people)\n", *out, len(people))
			return nil
		})
	}
	return usagef("people: unknown action %q (import or export)", rest[0])
}

// importPeople imports one contacts file and says what it did, and why
// entries were skipped.
func importPeople(ctx context.Context, st *meeting.Store, name string, stdout io.Writer) error {
	info, err := os.Stat(name)
	if err != nil {
		return meeting.Errorf(meeting.ENOTFOUND, "cannot read the contacts file: %v", errors.Unwrap(err))
	}
	if info.Size() > meeting.MaxDirectoryFile {
		return meeting.Errorf(meeting.EINVALID, "the contacts file is too large (%d MB; at most %d MB)", info.Size()>>20, meeting.MaxDirectoryFile>>20)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	people, err := meeting.ParsePeople(data)
	if err != nil {
		return err
	}
	res, err := st.ImportPeople(ctx, people)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %d added, %d updated, %d unchanged, %d skipped\n", name, res.Added, res.Updated, res.Unchanged, len(res.Skipped))
	for _, s := range res.Skipped {
		who := s.Person.Name
		if who == "" {
			who = s.Person.Email
		}
		fmt.Fprintf(stdout, "  skipped contact %d (%s): %s\n", s.Index, who, s.Reason)
	}
	return nil
}
