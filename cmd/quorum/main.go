// Command quorum is Quorum: without arguments it opens the window; its
// subcommands work headless, for scripts and tests.
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	_ "time/tzdata" // meetings keep their time zone on machines without a zone database

	"quorum/export"
	"quorum/meeting"
)

// version is Quorum's version; FyneApp.toml says the same (a test checks).
const version = "0.1.0"

const usage = `Quorum prepares meetings and keeps their records.

Usage:
  quorum [--db FILE]                      open the window
  quorum [--db FILE] import FILE.json     add the meeting a meeting file describes
  quorum [--db FILE] export json --meeting ID --out FILE.json
                                          write a meeting file and its papers
  quorum [--db FILE] export agenda|minutes|attendance --meeting ID --out FILE.pdf
                       [--lang fr|en] [--public]
                                          print a meeting's document
  quorum [--db FILE] export pack --meeting ID --out FILE.pdf [--lang fr|en] [--duplex]
                       [--copies-for all|ID,ID] [--password PW] [--owner-password PW]
                                          build the briefing pack; warnings go to stderr
  quorum [--db FILE] export actions --meeting ID|--series CODE --out FILE.pdf
                       [--by status|owner] [--lang fr|en]
                                          print an action log
  quorum [--db FILE] export ics|mail --meeting ID --out FILE [--lang fr|en]
                                          write the calendar invite (.ics) or the mail
                                          draft with the agenda and invite (.eml)
  quorum [--db FILE] export xlsx|csv --meeting ID|--series CODE --out FILE [--lang fr|en]
                                          write the actions as a spreadsheet
  quorum [--db FILE] people import FILE.csv|FILE.vcf
                                          add or update people from a mail client's contacts
  quorum [--db FILE] people export --out FILE.csv [--lang fr|en]
                                          write the directory as CSV
  quorum [--db FILE] list                 list the meetings
  quorum [--db FILE] search [--limit N] TEXT
                                          find meetings, items, decisions, actions, people
                                          and papers (accents and case ignored)
  quorum [--db FILE] demo                 fill the database with an example
  quorum [--db FILE] backup [--out FILE]  copy the database, even while Quorum runs
                                          (default: a dated file in backups/ beside it)
  quorum [--db FILE] restore FILE         check a backup, then put it in the database's place
                                          (the replaced database is kept aside)
  quorum [--db FILE] check                check the database; exit code 1 when damaged
  quorum version                          print the version

The database is FILE, else $QUORUM_DB, else %s.
Papers over 200 MB are refused; --max-paper-mb N (before the command), else
$QUORUM_MAX_PAPER_MB, sets another limit (1 to 900 MB).
`

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// run runs the command line and returns the exit code: 0 on success, 1 when
// the work failed, 2 when the command line was wrong.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	err := dispatch(ctx, args, stdout, stderr)
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "quorum: %s\nRun 'quorum help' for usage.\n", ue.msg)
		return 2
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintf(stdout, usage, defaultDB())
		return 0
	default:
		fmt.Fprintf(stderr, "quorum: %s\n", oneLine(meeting.ErrorMessage(err)))
		return 1
	}
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// oneLine keeps a message on one line of the terminal.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func dispatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	global := newFlags("quorum")
	db := global.String("db", "", "database file")
	maxPaperMB := global.Int64("max-paper-mb", 0, "largest paper in MB")
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	if err := setPaperLimit(*maxPaperMB); err != nil {
		return err
	}
	args = global.Args()
	if len(args) == 0 {
		return openWindow(*db)
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "version":
		fmt.Fprintf(stdout, "quorum %s (%s/%s, database schema %d)\n", version, runtime.GOOS, runtime.GOARCH, meeting.SchemaVersion())
		return nil
	case "help", "-h", "--help":
		return flag.ErrHelp
	case "import":
		return cmdImport(ctx, *db, args, stdout)
	case "export":
		return cmdExport(ctx, *db, args, stdout, stderr)
	case "list":
		return cmdList(ctx, *db, args, stdout)
	case "search":
		return cmdSearch(ctx, *db, args, stdout)
	case "demo":
		return cmdDemo(ctx, *db, args, stdout)
	case "backup":
		return cmdBackup(ctx, *db, args, stdout)
	case "restore":
		return cmdRestore(ctx, *db, args, stdout)
	case "check":
		return cmdCheck(ctx, *db, args, stdout)
	case "people":
		return cmdPeople(ctx, *db, args, stdout)
	}
	return usagef("unknown command %q", cmd)
}

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse reads flags wherever they stand among the arguments and returns
// the other arguments; a wrong flag is a usage error.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usagef("%s: %v", fs.Name(), err)
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// defaultDB is the database used when none is named: $QUORUM_DB, else
// quorum.db in the platform's per-user data folder.
func defaultDB() string {
	if p := os.Getenv("QUORUM_DB"); p != "" {
		return p
	}
	var dir string
	switch runtime.GOOS {
	case "windows", "darwin":
		dir, _ = os.UserConfigDir() // %AppData%, ~/Library/Application Support
	default:
		dir = os.Getenv("XDG_DATA_HOME")
		if dir == "" {
			if home, err := os.UserHomeDir(); err == nil {
				dir = filepath.Join(home, ".local", "share")
			}
		}
	}
	return filepath.Join(dir, "Quorum", "quorum.db")
}

// dbPath is the database named, else the default one.
func dbPath(path string) string {
	if path == "" {
		return defaultDB()
	}
	return path
}

// withStore opens the database (the named one, else the default), runs fn
// and closes it.
func withStore(path string, fn func(*meeting.Store) error) error {
	st, err := meeting.Open(dbPath(path))
	if err != nil {
		return err
	}
	err = fn(st)
	return errors.Join(err, st.Close())
}

func cmdImport(ctx context.Context, db string, args []string, stdout io.Writer) error {
	fs := newFlags("import")
	fs.StringVar(&db, "db", db, "database file")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usagef("import: name the meeting file(s) to import")
	}
	return withStore(db, func(st *meeting.Store) error {
		for _, name := range files {
			id, err := importFile(ctx, st, name)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			m, err := st.GetMeeting(ctx, id)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "imported meeting %d: %s\n", id, describe(m))
		}
		return nil
	})
}

// importFile imports one meeting file; its papers are read from its folder
// and nowhere else.
func importFile(ctx context.Context, st *meeting.Store, name string) (int64, error) {
	info, err := os.Stat(name)
	if err != nil {
		return 0, meeting.Errorf(meeting.ENOTFOUND, "cannot read the meeting file: %v", errors.Unwrap(err))
	}
	if info.Size() > meeting.MaxFileSize {
		return 0, meeting.Errorf(meeting.EINVALID, "the meeting file is too large (%d MB)", info.Size()>>20)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return 0, err
	}
	f, err := meeting.ParseFile(data)
	if err != nil {
		return 0, err
	}
	root, err := os.OpenRoot(filepath.Dir(name))
	if err != nil {
		return 0, err
	}
	defer root.Close()
	return st.ImportMeeting(ctx, f, root.FS())
}

// documents are the files of one meeting that `quorum export` writes: PDFs
// and the notice (invite, mail draft).
var documents = map[string]func(io.Writer, *meeting.Record, export.Options) error{
	"agenda":     export.Agenda,
	"minutes":    export.Minutes,
	"attendance": export.AttendanceSheet,
	"ics":        export.Invite,
	"mail":       export.MailDraft,
}

func cmdExport(ctx context.Context, db string, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export")
	fs.StringVar(&db, "db", db, "database file")
	id := fs.Int64("meeting", 0, "meeting ID")
	out := fs.String("out", "", "output file")
	var o export.Options
	fs.StringVar(&o.Language, "lang", "", "language of the document: fr or en (default: the meeting's)")
	fs.BoolVar(&o.Public, "public", false, "minutes: leave confidential items out")
	var pf packFlags
	fs.BoolVar(&pf.duplex, "duplex", false, "pack: every item and paper starts on a right-hand page")
	fs.StringVar(&pf.copiesFor, "copies-for", "", "pack: personal copies for all attendees, or for attendee IDs 3,7")
	fs.StringVar(&pf.password, "password", "", "pack: the password that opens it (AES-256)")
	fs.StringVar(&pf.ownerPassword, "owner-password", "", "pack: the password that allows changing it")
	series := fs.String("series", "", "actions: the series (its code) whose actions to list")
	by := fs.String("by", "status", "actions: group by status or owner")
	kinds, err := parse(fs, args)
	if err != nil {
		return err
	}
	kind := ""
	if len(kinds) == 1 {
		kind = kinds[0]
	}
	document, isPDF := documents[kind]
	actionsTo, isActions := actionFormats[kind]
	switch {
	case len(kinds) != 1:
		return usagef("export: say what to export: json, pack, actions, xlsx, csv or %s", strings.Join(documentKinds(), ", "))
	case kind != "json" && !isActions && kind != "pack" && !isPDF:
		return usagef("export: unknown kind %q (json, pack, actions, xlsx, csv or %s)", kind, strings.Join(documentKinds(), ", "))
	case isActions && (*id == 0) == (*series == ""):
		return usagef("export %s: name the meeting with --meeting ID or the series with --series CODE", kind)
	case *by != "status" && *by != "owner":
		return usagef("export: --by is status or owner")
	case *id == 0 && !isActions:
		return usagef("export: name the meeting with --meeting ID (see 'quorum list')")
	case *out == "":
		return usagef("export: name the output file with --out FILE")
	case o.Language != "" && o.Language != "fr" && o.Language != "en":
		return usagef("export: --lang is fr or en")
	}
	return withStore(db, func(st *meeting.Store) error {
		var write func(io.Writer) error
		switch {
		case kind == "json":
			return exportJSON(ctx, st, *id, *out, stdout)
		case kind == "pack":
			return writePack(ctx, st, *id, *out, o, pf, stdout, stderr)
		case isActions:
			scope, err := actionScope(ctx, st, *id, *series, o.Language)
			if err != nil {
				return err
			}
			write = func(w io.Writer) error { return actionsTo(w, scope, *by == "owner", o) }
		default:
			r, err := st.Record(ctx, *id)
			if err != nil {
				return err
			}
			write = func(w io.Writer) error { return document(w, r, o) }
		}
		if err := export.WriteFile(*out, write); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s\n", *out)
		return nil
	})
}

// actionScope reads the actions of a meeting, or of the series with that
// code.
func actionScope(ctx context.Context, st *meeting.Store, meetingID int64, code, lang string) (export.ActionScope, error) {
	if meetingID != 0 {
		r, err := st.Record(ctx, meetingID)
		if err != nil {
			return export.ActionScope{}, err
		}
		return export.MeetingActions(r), nil
	}
	all, err := st.ListSeries(ctx)
	if err != nil {
		return export.ActionScope{}, err
	}
	i := slices.IndexFunc(all, func(s *meeting.Series) bool { return strings.EqualFold(s.Code, code) })
	if i < 0 {
		return export.ActionScope{}, meeting.Errorf(meeting.ENOTFOUND, "no series has the code %s", code)
	}
	actions, err := st.ListActions(ctx, meeting.ActionFilter{SeriesID: all[i].ID})
	if err != nil {
		return export.ActionScope{}, err
	}
	settings, err := st.Settings(ctx)
	if err != nil {
		return export.ActionScope{}, err
	}
	return export.SeriesActions(all[i], actions, settings, cmp.Or(lang, "fr")), nil
}

func documentKinds() []string {
	kinds := slices.Sorted(maps.Keys(documents))
	return kinds
}

func exportJSON(ctx context.Context, st *meeting.Store, id int64, out string, stdout io.Writer) error {
	f, papers, err := st.ExportMeeting(ctx, id)
	if err != nil {
		return err
	}
	data := func(id int64) ([]byte, error) { return st.DocumentData(ctx, id) }
	if err := export.MeetingFile(out, f, papers, data); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s and %d paper(s)\n", out, len(papers))
	return nil
}

// noArguments reads the flags of a command that takes only --db.
func noArguments(name, db string, args []string) (string, error) {
	fs := newFlags(name)
	fs.StringVar(&db, "db", db, "database file")
	if rest, err := parse(fs, args); err != nil {
		return "", err
	} else if len(rest) > 0 {
		return "", usagef("%s: unexpected argument %q", name, rest[0])
	}
	return db, nil
}

func cmdList(ctx context.Context, db string, args []string, stdout io.Writer) error {
	db, err := noArguments("list", db, args)
	if err != nil {
		return err
	}
	return withStore(db, func(st *meeting.Store) error {
		list, err := st.ListMeetings(ctx, meeting.MeetingFilter{})
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "ID\tDATE\tSERIES\tTITLE\tSTATUS")
		for _, m := range list {
			series := ""
			if m.SeriesCode != "" {
				series = fmt.Sprintf("%s %d", m.SeriesCode, m.Number)
			}
			fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\n", m.ID, m.Starts.Format("2006-01-02 15:04"), series, oneLine(m.Title), m.Status)
		}
		return w.Flush()
	})
}

// describe names a meeting in one line: "CODIR n° 12 — Title (2026-12-03)".
func describe(m *meeting.Meeting) string {
	s := m.Title
	if m.SeriesCode != "" {
		s = fmt.Sprintf("%s n° %d — %s", m.SeriesCode, m.Number, s)
	}
	return fmt.Sprintf("%s (%s)", s, m.Starts.Format("2006-01-02"))
}
