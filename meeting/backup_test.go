package meeting

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// peopleIn lists the people of the database at path, opening it read-only.
func peopleIn(t *testing.T, path string) []string {
	t.Helper()
	s, err := OpenReadOnly(path)
	must(t, err)
	defer s.Close()
	people, err := s.ListPeople(bg, "")
	must(t, err)
	var list []string
	for _, p := range people {
		list = append(list, p.Name)
	}
	slices.Sort(list)
	return list
}

// files lists a folder's entries.
func files(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	must(t, err)
	var list []string
	for _, e := range entries {
		list = append(list, e.Name())
	}
	return list
}

// snapshot reads every file of a folder, to show later that nothing changed.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, name := range files(t, dir) {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil {
			m[name] = string(b)
		}
	}
	return m
}

func sameSnapshot(t *testing.T, dir string, before map[string]string, what string) {
	t.Helper()
	after := snapshot(t, dir)
	for _, m := range []map[string]string{before, after} {
		maps.DeleteFunc(m, func(name, _ string) bool { return strings.HasSuffix(name, ".lock") }) // made, empty, by a lock
	}
	if len(after) != len(before) {
		t.Errorf("%s: files %v became %v", what, slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
	}
	for name, b := range before {
		if after[name] != b {
			t.Errorf("%s changed %s", what, name)
		}
	}
}

func wantMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return
	}
	fi, err := os.Stat(path)
	must(t, err)
	if fi.Mode().Perm() != want {
		t.Errorf("%s: mode %v, want %v", filepath.Base(path), fi.Mode().Perm(), want)
	}
}

// corrupt fills the middle pages of a closed database with rubbish, the
// way a failing disk would, leaving its header (and so Open) intact.
func corrupt(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	must(t, err)
	defer f.Close()
	fi, err := f.Stat()
	must(t, err)
	if fi.Size() < 8*4096 {
		t.Fatalf("%s is too small to damage (%d bytes)", path, fi.Size())
	}
	_, err = f.WriteAt(bytes.Repeat([]byte{0xA5, 0x00, 0xFF, 0x13}, 4096), fi.Size()/2/4096*4096)
	must(t, err)
}

// filled makes a database at path with n people and closes it.
func filled(t *testing.T, path string, n int) {
	t.Helper()
	s, err := Open(path)
	must(t, err)
	for i := range n {
		must(t, s.CreatePerson(bg, &Person{Name: fmt.Sprintf("Person %03d %s", i, strings.Repeat("é", 100))}))
	}
	must(t, s.Close())
}

func TestBackupWhileWriting(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, filepath.Join(dir, "quorum.db"))
	addPerson(t, s, "Élodie Dupré")
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // writes go on during the backup
		defer wg.Done()
		for i := range 200 {
			if err := s.CreatePerson(bg, &Person{Name: fmt.Sprintf("writer %d", i)}); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	dest := filepath.Join(dir, "elsewhere", "copy.db")
	must(t, s.Backup(bg, dest))
	wg.Wait()

	got := peopleIn(t, dest)
	if !slices.Contains(got, "Élodie Dupré") {
		t.Errorf("the backup lacks what was there before it: %v", got)
	}
	for i := range len(got) - 1 { // one snapshot: writer 0 … writer k-1, none missing
		if got[i] != "Élodie Dupré" && !slices.Contains(got, fmt.Sprintf("writer %d", i)) {
			t.Errorf("the backup is not one snapshot: writer %d missing from %d people", i, len(got))
			break
		}
	}
	if problems, err := CheckFile(bg, dest); err != nil || problems != nil {
		t.Errorf("check of the backup: %v %v", problems, err)
	}
	wantMode(t, dest, 0o600)
	wantMode(t, filepath.Dir(dest), 0o700)
	if got := files(t, filepath.Dir(dest)); !slices.Equal(got, []string{"copy.db"}) {
		t.Errorf("the backup left %v", got)
	}
}

func TestBackupRefusals(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, filepath.Join(dir, "quorum.db"))
	wantErr(t, s.Backup(bg, ""), EINVALID, "")
	wantErr(t, s.Backup(bg, s.Path()), EINVALID, "")

	ctx, cancel := context.WithCancel(bg)
	cancel()
	dest := filepath.Join(dir, "b", "x.db")
	if err := s.Backup(ctx, dest); err == nil {
		t.Fatal("a cancelled backup succeeded")
	}
	if got := files(t, filepath.Dir(dest)); len(got) != 0 {
		t.Errorf("a failed backup left %v", got)
	}
}

func TestBackupNowAndList(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "minutes.db")
	s := openAt(t, db)
	if list, err := ListBackups(db); err != nil || list != nil {
		t.Fatalf("no backups yet: %v %v", list, err)
	}
	t1 := time.Date(2026, 11, 3, 8, 5, 9, 0, time.Local)
	t2 := t1.Add(26 * time.Hour)
	p1, err := s.BackupNow(bg, t1)
	must(t, err)
	p2, err := s.AutoBackup(bg, t2)
	must(t, err)
	if want := filepath.Join(dir, "backups", "minutes-2026-11-03-080509.db"); p1 != want {
		t.Errorf("BackupNow wrote %s, want %s", p1, want)
	}
	// Files that are not backups of this database are ignored.
	must(t, os.WriteFile(filepath.Join(dir, "backups", "minutes-notes.db"), nil, 0o600))
	must(t, os.WriteFile(filepath.Join(dir, "backups", "other-2026-11-05-080509.db"), nil, 0o600))
	list, err := ListBackups(db)
	must(t, err)
	want := []Backup{{Path: p2, Taken: t2, Auto: true}, {Path: p1, Taken: t1}}
	if len(list) != 2 || list[0].Path != want[0].Path || !list[0].Taken.Equal(t2) || !list[0].Auto ||
		list[1].Path != want[1].Path || !list[1].Taken.Equal(t1) || list[1].Auto {
		t.Errorf("ListBackups = %+v, want %+v", list, want)
	}
	if way := WayOut(db); !strings.Contains(way, p2) || !strings.Contains(way, "quorum --db") {
		t.Errorf("WayOut does not name the newest backup: %s", way)
	}
}

func TestAutoBackupDailyKeepsSevenDaysAndFourWeeks(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "quorum.db")
	s := openAt(t, db)
	zone := time.FixedZone("Paris", 3600)
	start := time.Date(2026, 1, 5, 8, 0, 0, 0, zone) // a Monday
	manual, err := s.BackupNow(bg, start.Add(time.Hour))
	must(t, err)
	var last time.Time
	for day := range 60 {
		now := start.AddDate(0, 0, day)
		path, err := s.AutoBackup(bg, now)
		must(t, err)
		if path == "" {
			t.Fatalf("day %d: no backup made", day)
		}
		// Later the same day (even just before midnight): nothing more.
		again, err := s.AutoBackup(bg, time.Date(now.Year(), now.Month(), now.Day(), 23, 59, 0, 0, zone))
		must(t, err)
		if again != "" {
			t.Fatalf("day %d: a second backup %s", day, again)
		}
		list, err := listBackups(db, zone)
		must(t, err)
		if len(list) > 1+KeepDaily+KeepWeekly {
			t.Fatalf("day %d: %d backups kept", day, len(list))
		}
		last = now
	}
	list, err := listBackups(db, zone)
	must(t, err)
	var got []string
	for _, b := range list {
		if b.Auto {
			got = append(got, b.Taken.Format("01-02"))
		} else if b.Path != manual {
			t.Errorf("unexpected backup %s", b.Path)
		}
	}
	// Day 59 is Thursday 5 March: the last seven days, then the Sundays
	// ending the two weeks before the last two.
	want := []string{"03-05", "03-04", "03-03", "03-02", "03-01", "02-28", "02-27", "02-22", "02-15"}
	if !slices.Equal(got, want) {
		t.Errorf("after 60 days (%s) kept %v, want %v", last.Format("01-02"), got, want)
	}
	if !slices.ContainsFunc(list, func(b Backup) bool { return b.Path == manual }) {
		t.Error("the manual backup was deleted")
	}
	for _, b := range list {
		wantMode(t, b.Path, 0o600)
	}

	// After six weeks away, the old backups are not all swept away.
	away := last.AddDate(0, 0, 42)
	_, err = s.AutoBackup(bg, away)
	must(t, err)
	list, err = listBackups(db, zone)
	must(t, err)
	if n := len(list); n != 1+KeepDaily+1 {
		t.Errorf("after six weeks away: %d backups, want the new one, 6 recent days, the week before and the manual one", n)
	}
	// Midnight in the database's zone starts a new day, whatever UTC says.
	next := time.Date(away.Year(), away.Month(), away.Day()+1, 0, 30, 0, 0, zone)
	if p, err := s.AutoBackup(bg, next); err != nil || p == "" {
		t.Errorf("no backup just after local midnight: %q %v", p, err)
	}
}

func TestDamagedDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "quorum.db")
	filled(t, db, 400)
	s := openAt(t, db)
	must(t, s.QuickCheck(bg))
	old := time.Now().AddDate(0, 0, -3)
	good, err := s.AutoBackup(bg, old)
	must(t, err)
	must(t, s.Close())
	if problems, err := CheckFile(bg, db); err != nil || problems != nil {
		t.Fatalf("sound database: %v %v", problems, err)
	}

	corrupt(t, db)
	before := snapshot(t, dir)
	problems, err := CheckFile(bg, db)
	wantErr(t, err, EDAMAGED, "")
	if len(problems) == 0 {
		t.Error("CheckFile found nothing in a damaged database")
	}
	sameSnapshot(t, dir, before, "CheckFile")

	s = openAt(t, db)
	err = s.QuickCheck(bg)
	wantErr(t, err, EDAMAGED, "")
	if msg := ErrorMessage(err); !strings.Contains(msg, good) || !strings.Contains(msg, "changed nothing") {
		t.Errorf("the message does not give the way out: %s", msg)
	}
	// No backup of a damaged database, and no backup deleted.
	path, err := s.AutoBackup(bg, time.Now())
	wantErr(t, err, EDAMAGED, "")
	if list, _ := ListBackups(db); path != "" || len(list) != 1 {
		t.Errorf("AutoBackup of a damaged database: %q, backups %v", path, list)
	}
	must(t, s.Close())
	if snapshot(t, dir)["quorum.db"] != before["quorum.db"] {
		t.Error("opening and checking the damaged database changed it")
	}
}

func TestCheckFindsBrokenReferences(t *testing.T) {
	db := filepath.Join(t.TempDir(), "quorum.db")
	s := openAt(t, db)
	m := addMeeting(t, s, 0, "Budget", time.Time{})
	p := addPerson(t, s, "Ada")
	must(t, s.AddAttendee(bg, &Attendee{MeetingID: m.ID, PersonID: p.ID, Role: Member, Status: Invited}))
	conn, err := s.wdb.Conn(bg)
	must(t, err)
	for _, q := range []string{`PRAGMA foreign_keys = OFF`, `DELETE FROM people`, `PRAGMA foreign_keys = ON`} {
		if _, err := conn.ExecContext(bg, q); err != nil {
			t.Fatal(err)
		}
	}
	conn.Close()
	problems, err := CheckFile(bg, db)
	wantErr(t, err, EDAMAGED, "")
	if len(problems) != 1 || !strings.Contains(problems[0], "table attendees refers to a row of people") {
		t.Errorf("problems %q", problems)
	}
}

func TestCheckFileRefusals(t *testing.T) {
	dir := t.TempDir()
	_, err := CheckFile(bg, filepath.Join(dir, "none.db"))
	wantErr(t, err, ENOTFOUND, "")
	text := filepath.Join(dir, "notes.db")
	must(t, os.WriteFile(text, []byte("minutes of the meeting"), 0o600))
	_, err = CheckFile(bg, text)
	wantErr(t, err, EDAMAGED, "")
}

// TestOpenBadFileChangesNothing: files that are not sound databases are
// refused with EDAMAGED, and neither they nor their folder change.
func TestOpenBadFileChangesNothing(t *testing.T) {
	good := filepath.Join(t.TempDir(), "good.db")
	filled(t, good, 50)
	data, err := os.ReadFile(good)
	must(t, err)
	mangled := slices.Clone(data)
	copy(mangled[100:], bytes.Repeat([]byte{0xEE}, 4000)) // page 1: the schema
	for name, content := range map[string][]byte{
		"text":          []byte("Ordre du jour\n1. Approbation du procès-verbal\n"),
		"short":         []byte("SQLite"),
		"header only":   data[:100],
		"mangled":       mangled,
		"pdf":           []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"),
		"header+zeroes": append([]byte(sqliteHeader), make([]byte, 9000)...),
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "quorum.db")
			must(t, os.WriteFile(path, content, 0o600))
			before := snapshot(t, dir)
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open accepted it")
			}
			wantErr(t, err, EDAMAGED, "")
			sameSnapshot(t, dir, before, "Open")
			// SQLite may make its (empty) -wal and -shm files beside a
			// file whose header says WAL: the file itself is untouched.
			_, err = OpenReadOnly(path)
			wantErr(t, err, EDAMAGED, "")
			if b, _ := os.ReadFile(path); string(b) != string(content) {
				t.Error("OpenReadOnly changed the file")
			}
		})
	}
}

func TestRestore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "quorum.db")
	s := openAt(t, db)
	addPerson(t, s, "In the backup")
	backup, err := s.BackupNow(bg, time.Now())
	must(t, err)
	addPerson(t, s, "After the backup")
	// A crash now leaves the last change in the -wal file only: copy the
	// files as they are, as if the process had died.
	crashed := filepath.Join(t.TempDir(), "quorum.db")
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(db + suffix)
		must(t, err)
		must(t, os.WriteFile(crashed+suffix, b, 0o600))
	}
	must(t, s.Close())

	now := time.Date(2026, 11, 29, 10, 0, 0, 0, time.Local)
	kept, err := Restore(bg, crashed, backup, now)
	must(t, err)
	if want := crashed + ".before-restore-2026-11-29-100000"; kept != want {
		t.Errorf("kept as %s, want %s", kept, want)
	}
	if got := peopleIn(t, crashed); !slices.Equal(got, []string{"In the backup"}) {
		t.Errorf("restored database holds %v", got)
	}
	if got := peopleIn(t, kept); !slices.Equal(got, []string{"After the backup", "In the backup"}) {
		t.Errorf("the database set aside holds %v (its -wal not kept with it?)", got)
	}
	wantMode(t, crashed, 0o600)
	for _, name := range files(t, filepath.Dir(crashed)) {
		if strings.HasSuffix(name, ".part") {
			t.Errorf("restore left %s", name)
		}
	}
	// The restored database opens and takes changes.
	s = openAt(t, crashed)
	addPerson(t, s, "After the restore")
	must(t, s.Close())

	// A second restore the same second keeps both earlier databases.
	kept2, err := Restore(bg, crashed, backup, now)
	must(t, err)
	if kept2 == kept || !exists(kept) || !exists(kept2) {
		t.Errorf("second restore: kept %s, first %s", kept2, kept)
	}
	// Restoring where there is no database yet.
	fresh := filepath.Join(t.TempDir(), "new", "quorum.db")
	if kept, err := Restore(bg, fresh, backup, now); err != nil || kept != "" {
		t.Errorf("restore to a new place: %q %v", kept, err)
	}
}

func TestRestoreRefusals(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "quorum.db")
	filled(t, db, 400)
	src := t.TempDir()
	backup := func(name string, change func(path string)) string {
		s, err := OpenReadOnly(db)
		must(t, err)
		defer s.Close()
		path := filepath.Join(src, name)
		must(t, s.Backup(bg, path))
		if change != nil {
			change(path)
		}
		return path
	}
	sqlDo := func(query string) func(string) {
		return func(path string) {
			d, err := sql.Open("sqlite", path)
			must(t, err)
			defer d.Close()
			if _, err := d.Exec(query); err != nil {
				t.Fatal(err)
			}
		}
	}
	text := filepath.Join(src, "notes.db")
	must(t, os.WriteFile(text, []byte("not a database"), 0o600))
	empty := filepath.Join(src, "empty.db")
	must(t, os.WriteFile(empty, nil, 0o600))
	good := backup("good.db", nil)
	cases := []struct {
		name, file, code string
	}{
		{"missing", filepath.Join(src, "none.db"), ENOTFOUND},
		{"text", text, EDAMAGED},
		{"empty", empty, EINVALID},
		{"itself", db, EINVALID},
		{"damaged", backup("damaged.db", func(p string) { corrupt(t, p) }), EDAMAGED},
		{"newer", backup("newer.db", sqlDo(`PRAGMA user_version = 99`)), ECONFLICT},
		{"not Quorum's", backup("other.db", sqlDo(`PRAGMA user_version = 0`)), EINVALID},
		{"broken references", backup("refs.db", sqlDo(`INSERT INTO attendees (meeting_id, person_id, position, role, voting, status) VALUES (77, 88, 0, 'member', 1, 'invited')`)), EDAMAGED},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := snapshot(t, dir)
			kept, err := Restore(bg, db, c.file, time.Now())
			wantErr(t, err, c.code, "")
			if kept != "" {
				t.Errorf("kept %s", kept)
			}
			sameSnapshot(t, dir, before, "a refused restore")
		})
	}

	t.Run("locked", func(t *testing.T) {
		s, err := OpenExclusive(db)
		must(t, err)
		defer s.Close()
		before := snapshot(t, dir)
		_, err = Restore(bg, db, good, time.Now())
		wantErr(t, err, EBUSY, "")
		if !strings.Contains(ErrorMessage(err), "close it") {
			t.Errorf("message %q", ErrorMessage(err))
		}
		sameSnapshot(t, dir, before, "a restore while locked")
	})
	if _, err := Restore(bg, db, good, time.Now()); err != nil {
		t.Errorf("once unlocked: %v", err)
	}
}

func TestLockDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "quorum.db")
	release, err := LockDatabase(db)
	must(t, err)
	_, err = LockDatabase(db)
	wantErr(t, err, EBUSY, "")
	_, err = OpenExclusive(db)
	wantErr(t, err, EBUSY, "")
	release()
	release() // twice is harmless

	s, err := OpenExclusive(db)
	must(t, err)
	_, err = LockDatabase(db)
	wantErr(t, err, EBUSY, "")
	must(t, s.Close())
	release, err = LockDatabase(db)
	must(t, err)
	release()
	wantMode(t, db+".lock", 0o600)
	_, err = LockDatabase("")
	wantErr(t, err, EINVALID, "")
}

func TestOpenReadOnly(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "quorum.db")
	w := openAt(t, db)
	m := addMeeting(t, w, 0, "Budget", time.Time{})
	r, err := OpenReadOnly(db)
	must(t, err)
	defer r.Close()
	if !r.ReadOnly() || w.ReadOnly() {
		t.Error("ReadOnly() is wrong")
	}
	// It reads, and sees the writer's later changes.
	addPerson(t, w, "Ada")
	if people, err := r.ListPeople(bg, ""); err != nil || len(people) != 1 {
		t.Errorf("read-only store reads %v, %v", people, err)
	}
	// Every change is refused, plainly.
	for name, err := range map[string]error{
		"person":   r.CreatePerson(bg, &Person{Name: "Bob"}),
		"meeting":  r.UpdateMeeting(bg, m),
		"paper":    r.AttachDocument(bg, &Document{MeetingID: m.ID, Title: "x", FileName: "x.pdf"}, []byte("%PDF")),
		"status":   r.SetMeetingStatus(bg, m.ID, Convened),
		"settings": r.SaveSettings(bg, Settings{}),
	} {
		wantErr(t, err, EREADONLY, "")
		if !strings.Contains(ErrorMessage(err), "read-only") {
			t.Errorf("%s: message %q", name, ErrorMessage(err))
		}
	}
	// A backup is not a change.
	if _, err := r.BackupNow(bg, time.Now()); err != nil {
		t.Errorf("backup of a read-only store: %v", err)
	}
	_, err = OpenReadOnly(filepath.Join(dir, "none.db"))
	wantErr(t, err, ENOTFOUND, "")
	if _, err := os.Stat(filepath.Join(dir, "none.db")); err == nil {
		t.Error("OpenReadOnly created the file")
	}
}

func TestOpenReadOnlyOlderSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "quorum.db")
	s, err := Open(path)
	must(t, err)
	_, err = s.wdb.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()-1))
	must(t, err)
	must(t, s.Close())
	_, err = OpenReadOnly(path)
	wantErr(t, err, ECONFLICT, "")
}
