package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"quorum/meeting"
)

func TestBackupRestoreCheck(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "quorum.db")
	if code, _, errOut := quorum(t, "--db", db, "demo"); code != 0 {
		t.Fatal(errOut)
	}
	_, listed, _ := quorum(t, "--db", db, "list")

	code, out, errOut := quorum(t, "--db", db, "backup")
	if code != 0 {
		t.Fatalf("backup: exit %d: %s", code, errOut)
	}
	backups, err := meeting.ListBackups(db)
	if err != nil || len(backups) != 1 || out != "wrote the backup "+backups[0].Path+"\n" {
		t.Fatalf("backup says %q; backups %v %v", out, backups, err)
	}
	if runtime.GOOS != "windows" {
		if fi, err := os.Stat(backups[0].Path); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("backup mode %v %v, want 0600", fi.Mode(), err)
		}
	}
	copyTo := filepath.Join(dir, "usb", "copy.db")
	if code, out, errOut := quorum(t, "--db", db, "backup", "--out", copyTo); code != 0 || !strings.Contains(out, copyTo) {
		t.Fatalf("backup --out: exit %d %q %s", code, out, errOut)
	}

	// A change after the backup, then the restore takes it away.
	st, err := meeting.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteMeeting(context.Background(), 4); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, now, _ := quorum(t, "--db", db, "list"); now == listed {
		t.Fatal("the change did not happen")
	}
	code, out, errOut = quorum(t, "--db", db, "restore", copyTo)
	if code != 0 || !strings.Contains(out, "restored "+db) || !strings.Contains(out, "kept as "+db+".before-restore-") {
		t.Fatalf("restore: exit %d %q %s", code, out, errOut)
	}
	if _, now, _ := quorum(t, "--db", db, "list"); now != listed {
		t.Errorf("after the restore the list is\n%s\nwant\n%s", now, listed)
	}

	code, out, errOut = quorum(t, "--db", db, "check")
	if code != 0 || !strings.Contains(out, "is sound") {
		t.Errorf("check: exit %d %q %s", code, out, errOut)
	}

	// While a window holds the database, restore refuses.
	release, err := meeting.LockDatabase(db)
	if err != nil {
		t.Fatal(err)
	}
	code, _, errOut = quorum(t, "--db", db, "restore", copyTo)
	release()
	if code != 1 || !strings.Contains(errOut, "close it before restoring") {
		t.Errorf("restore while locked: exit %d %q", code, errOut)
	}

	// A damaged database: check says what it found and the way out.
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	mid := len(data) / 2 / 4096 * 4096
	for i := range 4096 {
		data[mid+i] = byte(i * 7)
	}
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = quorum(t, "--db", db, "check")
	if code != 1 || !strings.HasPrefix(out, "problem: ") || !strings.Contains(errOut, "is damaged") ||
		!strings.Contains(errOut, "quorum --db") || !strings.Contains(errOut, backups[0].Path) {
		t.Errorf("check of a damaged database: exit %d\n%s\n%s", code, out, errOut)
	}
}

func TestBackupCommandErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("not a database"), 0o600)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"backup", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"restore"}, 2, "name the one backup file"},
		{[]string{"restore", "a.db", "b.db"}, 2, "name the one backup file"},
		{[]string{"check", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"check"}, 1, "cannot open the database"},
		{[]string{"restore", text}, 1, "not a Quorum database"},
		{[]string{"restore", filepath.Join(dir, "none.db")}, 1, "cannot read the backup"},
		{[]string{"backup", "--out", db}, 1, "the database itself"},
	} {
		code, _, errOut := quorum(t, append([]string{"--db", db}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("quorum %v: exit %d, stderr %q; want exit %d and %q", c.args, code, errOut, c.code, c.want)
		}
	}
}
