package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// quorum runs the command line in-process and returns its exit code and
// output.
func quorum(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestDemoThenList(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, errOut := quorum(t, "--db", db, "demo")
	if code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "4 meetings") {
		t.Errorf("demo says %q", out)
	}
	code, out, errOut = quorum(t, "list", "--db", db)
	if code != 0 {
		t.Fatalf("list: exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "ID") {
		t.Fatalf("list shows:\n%s", out)
	}
	for i, want := range []string{"CODIR 1 .*minutes-approved", "CODIR 2 .*minutes-draft", "CODIR 3 .*convened", "Audit and Risk Committee +draft"} {
		if !regexp.MustCompile(want).MatchString(lines[i+1]) {
			t.Errorf("line %d = %q, want it to match %q", i+1, lines[i+1], want)
		}
	}
	// A second demo in the same database is refused and adds nothing.
	code, _, errOut = quorum(t, "--db", db, "demo")
	if code != 1 || !strings.Contains(errOut, "already has the demo") {
		t.Errorf("second demo: exit %d, %q", code, errOut)
	}
	_, again, _ := quorum(t, "--db", db, "list")
	if again != out {
		t.Errorf("the refused demo changed the list")
	}
}

func TestImportFolderThenExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	// Make a folder with a meeting file and its papers: export one from the demo.
	if code, _, errOut := quorum(t, "--db", filepath.Join(dir, "demo.db"), "demo"); code != 0 {
		t.Fatal(errOut)
	}
	src := filepath.Join(dir, "src", "codir.json")
	if code, out, errOut := quorum(t, "--db", filepath.Join(dir, "demo.db"), "export", "json", "--meeting", "2", "--out", src); code != 0 {
		t.Fatalf("export: %s", errOut)
	} else if !strings.Contains(out, "3 paper(s)") {
		t.Errorf("export says %q", out)
	}

	code, out, errOut := quorum(t, "--db", db, "import", src)
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "imported meeting 1: CODIR n° 2 — Comité de direction") {
		t.Errorf("import says %q", out)
	}
	dst := filepath.Join(dir, "dst", "again.json")
	if code, _, errOut := quorum(t, "--db", db, "export", "json", "--meeting", "1", "--out", dst); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	same(t, src, dst)
	papers, _ := filepath.Glob(filepath.Join(dir, "src", "papers", "*"))
	if len(papers) != 3 {
		t.Fatalf("%d papers exported, want 3", len(papers))
	}
	for _, p := range papers {
		same(t, p, filepath.Join(dir, "dst", "papers", filepath.Base(p)))
		if b, _ := os.ReadFile(p); !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Errorf("%s is not a PDF", p)
		}
	}
}

func same(t *testing.T, a, b string) {
	t.Helper()
	x, err := os.ReadFile(a)
	if err != nil {
		t.Fatal(err)
	}
	y, err := os.ReadFile(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x, y) {
		t.Errorf("%s and %s differ", a, b)
	}
}

func TestCommandLineErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"format": "quorum-meeting", "version": 1, "meeting": {"title": "X", "starts": "2026-02-31T10:00:00Z"}}`), 0o600)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"import"}, 2, "name the meeting file"},
		{[]string{"import", filepath.Join(dir, "nope.json")}, 1, "cannot read the meeting file"},
		{[]string{"import", bad}, 1, `meeting.starts: "2026-02-31T10:00:00Z" is not a date and time`},
		{[]string{"export", "json", "--out", "x.json"}, 2, "--meeting ID"},
		{[]string{"export", "pdf", "--meeting", "1", "--out", "x.pdf"}, 2, `unknown kind "pdf"`},
		{[]string{"export", "agenda", "--meeting", "1", "--lang", "de", "--out", "x.pdf"}, 2, "--lang is fr or en"},
		{[]string{"export", "actions", "--out", "x.pdf"}, 2, "--meeting ID or the series with --series CODE"},
		{[]string{"export", "actions", "--series", "NOPE", "--out", filepath.Join(dir, "x.pdf")}, 1, "no series has the code NOPE"},
		{[]string{"export", "json", "--meeting", "42", "--out", filepath.Join(dir, "x.json")}, 1, "meeting 42 does not exist"},
		{[]string{"list", "--colour"}, 2, "flag provided but not defined"},
		{[]string{"--bogus", "list"}, 2, "flag provided but not defined: -bogus"},
	}
	for _, c := range cases {
		code, _, errOut := quorum(t, append([]string{"--db", db}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.want) || strings.Count(strings.TrimSpace(errOut), "\n") > 1 {
			t.Errorf("quorum %v: exit %d, stderr %q; want exit %d and %q", c.args, code, errOut, c.code, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.json")); err == nil {
		t.Error("a failed export left a file")
	}
}

func TestDatabaseFromEnvironment(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	t.Setenv("QUORUM_DB", db)
	if code, _, errOut := quorum(t, "list"); code != 0 {
		t.Fatal(errOut)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("QUORUM_DB not used: %v", err)
	}
}

func TestVersionMatchesFyneApp(t *testing.T) {
	toml, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^\s*Version\s*=\s*"` + regexp.QuoteMeta(version) + `"`).Match(toml) {
		t.Errorf("FyneApp.toml does not give version %s", version)
	}
	if _, out, _ := quorum(t, "version"); !strings.HasPrefix(out, "quorum "+version) {
		t.Errorf("version prints %q", out)
	}
}

func TestExportDocuments(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errOut := quorum(t, "--db", db, "demo"); code != 0 {
		t.Fatal(errOut)
	}
	for _, args := range [][]string{
		{"agenda", "--meeting", "3"},
		{"minutes", "--meeting", "2", "--public", "--lang", "en"},
		{"attendance", "--meeting", "3"},
		{"actions", "--series", "codir", "--by", "owner"},
		{"actions", "--meeting", "2"},
		{"pack", "--meeting", "2", "--duplex"},
	} {
		out := filepath.Join(dir, strings.Join(args, "_")+".pdf")
		code, stdout, errOut := quorum(t, append([]string{"--db", db, "export"}, append(args, "--out", out)...)...)
		if code != 0 {
			t.Errorf("export %v: exit %d: %s", args, code, errOut)
			continue
		}
		b, err := os.ReadFile(out)
		if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) || !strings.Contains(stdout, "wrote "+out) {
			t.Errorf("export %v wrote no PDF (%v): %s", args, err, stdout)
		}
	}
}

func TestExportPackCopies(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errOut := quorum(t, "--db", db, "demo"); code != 0 {
		t.Fatal(errOut)
	}
	out := filepath.Join(dir, "packs", "dossier.pdf")
	code, stdout, errOut := quorum(t, "--db", db, "export", "pack", "--meeting", "3", "--copies-for", "1,2", "--password", "pw", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	copies, _ := filepath.Glob(filepath.Join(dir, "packs", "*.pdf"))
	if len(copies) != 2 || !strings.Contains(stdout, "dossier-01-Claire Martin.pdf") || !strings.Contains(stdout, "dossier-02-Jean-Loïc Nguyen.pdf") {
		t.Errorf("copies %v; stdout %s", copies, stdout)
	}
	// An attendee who is not there: nothing is written.
	bad := filepath.Join(dir, "bad", "dossier.pdf")
	code, _, errOut = quorum(t, "--db", db, "export", "pack", "--meeting", "3", "--copies-for", "999", "--out", bad)
	if code != 1 || !strings.Contains(errOut, "nobody with the ID 999") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Dir(bad)); err == nil {
		t.Error("a refused pack left a folder")
	}
}
