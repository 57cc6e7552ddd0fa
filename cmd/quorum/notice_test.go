package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"quorum/meeting"
)

// TestExportNoticeAndSheets writes each new kind from the demo and looks
// inside: the invite's method, the mail's attachments, the sheets' rows.
func TestExportNoticeAndSheets(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errOut := quorum(t, "--db", db, "demo"); code != 0 {
		t.Fatal(errOut)
	}
	for _, tc := range []struct {
		args []string
		file string
		want []string
	}{
		{[]string{"export", "ics", "--meeting", "3"}, "n.ics", []string{"METHOD:REQUEST", "BEGIN:VTIMEZONE", "ATTENDEE;"}},
		{[]string{"export", "mail", "--meeting", "3", "--lang", "en"}, "n.eml", []string{"X-Unsent: 1",
			"Subject: =?utf-8?q?Notice_of_meeting", "Content-Type: application/pdf", "Content-Type: text/calendar"}},
		{[]string{"export", "csv", "--series", "codir"}, "a.csv", []string{"\uFEFFRéférence;Action;", "CODIR-"}},
		{[]string{"export", "csv", "--meeting", "2", "--lang", "en"}, "a-en.csv", []string{"\uFEFFReference,Action,"}},
		{[]string{"export", "xlsx", "--series", "CODIR"}, "a.xlsx", []string{"PK"}},
	} {
		out := filepath.Join(dir, tc.file)
		code, stdout, errOut := quorum(t, append([]string{"--db", db}, append(tc.args, "--out", out)...)...)
		if code != 0 || !strings.Contains(stdout, "wrote "+out) {
			t.Fatalf("%v: exit %d, %s%s", tc.args, code, stdout, errOut)
		}
		data, _ := os.ReadFile(out)
		for _, w := range tc.want {
			if !bytes.Contains(data, []byte(w)) {
				t.Errorf("%v: the file lacks %q", tc.args, w)
			}
		}
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "a.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Relevé des actions")
	csvRows := strings.Split(strings.TrimSpace(string(must(os.ReadFile(filepath.Join(dir, "a.csv"))))), "\r\n")
	if len(rows) < 2 || len(rows) != len(csvRows) {
		t.Errorf("the workbook has %d rows, the CSV %d", len(rows), len(csvRows))
	}

	for _, bad := range [][]string{
		{"export", "ics", "--out", "x.ics"},
		{"export", "xlsx", "--out", "x.xlsx"},
		{"export", "csv", "--meeting", "1", "--series", "CODIR", "--out", "x.csv"},
	} {
		if code, _, errOut := quorum(t, append([]string{"--db", db}, bad...)...); code != 2 {
			t.Errorf("%v: exit %d (%s), want a usage error", bad, code, errOut)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestPeopleImportExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	vcf := filepath.Join(dir, "contacts.vcf")
	os.WriteFile(vcf, []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Émilie Dubois\r\nEMAIL:emilie@example.fr\r\nORG:Préfecture\r\nEND:VCARD\r\n"+
		"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sans Adresse\r\nEMAIL:pas-une-adresse\r\nEND:VCARD\r\n"), 0o600)
	code, out, errOut := quorum(t, "--db", db, "people", "import", vcf)
	if code != 0 || !strings.Contains(out, "1 added, 0 updated, 0 unchanged, 1 skipped") ||
		!strings.Contains(out, `skipped contact 2 (Sans Adresse): email: "pas-une-adresse" is not an email address`) {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	csvPath := filepath.Join(dir, "people.csv")
	if code, out, errOut := quorum(t, "--db", db, "people", "export", "--out", csvPath); code != 0 || !strings.Contains(out, "1 people") {
		t.Fatalf("export: exit %d\n%s%s", code, out, errOut)
	}
	data := must(os.ReadFile(csvPath))
	people := must(meeting.ParsePeopleCSV(data))
	if len(people) != 1 || people[0].Organisation != "Préfecture" {
		t.Errorf("exported %q", data)
	}
	// Importing what was exported changes nothing.
	if code, out, _ := quorum(t, "--db", db, "people", "import", csvPath); code != 0 || !strings.Contains(out, "0 added, 0 updated, 1 unchanged") {
		t.Errorf("re-import: %s", out)
	}
	for _, bad := range [][]string{{"people"}, {"people", "import"}, {"people", "export"}, {"people", "sing"}} {
		if code, _, _ := quorum(t, append([]string{"--db", db}, bad...)...); code != 2 {
			t.Errorf("%v: exit %d, want a usage error", bad, code)
		}
	}
	if code, _, errOut := quorum(t, "--db", db, "people", "import", filepath.Join(dir, "missing.csv")); code != 1 || !strings.Contains(errOut, "cannot read") {
		t.Errorf("a missing file: exit %d, %s", code, errOut)
	}
}
