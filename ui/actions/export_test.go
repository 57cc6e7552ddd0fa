package actions

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

// readCSV reads a CSV file for Excel: its BOM dropped, cells split at sep.
func readCSV(t *testing.T, path string, sep rune) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	must(t, err)
	if !bytes.HasPrefix(data, []byte("\uFEFF")) {
		t.Errorf("%s has no BOM: Excel would read its accents wrong", path)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	r.Comma = sep
	rows, err := r.ReadAll()
	must(t, err)
	return rows
}

// column is the cells of column col below the header.
func column(rows [][]string, col int) []string {
	var out []string
	for _, r := range rows[1:] {
		out = append(out, r[col])
	}
	return out
}

// TestExportXLSX exports the actions "Not done" (the late one and the one
// without a meeting): excelize reads them back, due date as a real date.
func TestExportXLSX(t *testing.T) {
	uitest.English(t)
	f := newFixture(t)
	s, env, _ := open(t, f.st)
	env.Prefs.SetLanguage(uikit.LanguageEnglish)
	s.status.SetSelectedIndex(notDone)
	env.Wait()
	if got := titles(s); got != "Envoyer le budget révisé|Relire la charte" {
		t.Fatalf("the list shows %q", got)
	}
	path := filepath.Join(t.TempDir(), "actions.xlsx")
	must(t, s.ExportTo(XLSX, path))

	x, err := excelize.OpenFile(path)
	must(t, err)
	defer x.Close()
	rows, err := x.GetRows("Action log")
	must(t, err)
	if len(rows) != 3 || rows[0][0] != "Reference" || column(rows, 1)[0] != f.late.Title || column(rows, 1)[1] != f.x.Title {
		t.Fatalf("the workbook holds %q", rows)
	}
	if rows[1][2] != "Adélaïde Lœwy" || rows[1][5] != "yes" || rows[2][4] != "In progress" {
		t.Errorf("row cells %q / %q", rows[1], rows[2])
	}
	if raw, _ := x.GetCellValue("Action log", "D2", excelize.Options{RawCellValue: true}); raw != "46096" {
		t.Errorf("the due date 15/03/2026 is stored as %q, not the date serial 46096", raw)
	}
	props, err := x.GetDocProps()
	must(t, err)
	if props.Title != "Action log — Actions — Not done" {
		t.Errorf("the workbook's title %q does not say the filter", props.Title)
	}
	if !s.exported.Visible() || s.exported.Text != "2 actions written to "+path || s.exported.Importance == widget.DangerImportance {
		t.Errorf("the section says %q", s.exported.Text)
	}
	if env.Prefs.ExportFolder() != filepath.Dir(path) {
		t.Errorf("export folder remembered: %q", env.Prefs.ExportFolder())
	}
}

// TestExportCSVInFrench: overdue only, in French: one row, semicolons,
// French headers; the section says it in French, with its plural.
func TestExportCSVInFrench(t *testing.T) {
	uitest.French(t)
	f := newFixture(t)
	s, env, _ := open(t, f.st)
	env.Prefs.SetLanguage(uikit.LanguageFrench)
	test.Tap(s.overdue)
	env.Wait()
	path := filepath.Join(t.TempDir(), "en retard.csv")
	must(t, s.ExportTo(CSV, path))
	rows := readCSV(t, path, ';')
	if len(rows) != 2 || rows[0][0] != "Référence" || rows[1][1] != f.late.Title || rows[1][3] != "15/03/2026" || rows[1][5] != "oui" {
		t.Errorf("the CSV holds %q", rows)
	}
	if want := "1 action écrite dans " + path; s.exported.Text != want {
		t.Errorf("the section says %q, want %q", s.exported.Text, want)
	}
	if s.toExcel.Text != "Exporter vers Excel (.xlsx)" || s.toCSV.Text != "Exporter en CSV" {
		t.Errorf("buttons %q, %q", s.toExcel.Text, s.toCSV.Text)
	}
}

// TestExportEmptyAndReadOnly: a read-only window exports too; an empty
// list gives the header alone.
func TestExportEmptyAndReadOnly(t *testing.T) {
	env, _ := uitest.Env(t)
	env.ReadOnly = true
	env.Prefs.SetLanguage(uikit.LanguageEnglish)
	s := uitest.Shown(env, New(env, uitest.Store(t)))
	if s.toExcel.Disabled() || s.toCSV.Disabled() {
		t.Error("export is disabled in a read-only window")
	}
	path := filepath.Join(t.TempDir(), "none.csv")
	must(t, s.ExportTo(CSV, path))
	if rows := readCSV(t, path, ','); len(rows) != 1 || rows[0][1] != "Action" {
		t.Errorf("the CSV holds %q", rows)
	}
	if s.exported.Text != "0 actions written to "+path {
		t.Errorf("the section says %q", s.exported.Text)
	}
}

// TestExportFailure: a place that cannot hold a file is said in plain
// words, in red, and leaves nothing; an unknown format is refused.
func TestExportFailure(t *testing.T) {
	f := newFixture(t)
	s, _, _ := open(t, f.st)
	file := filepath.Join(t.TempDir(), "a file")
	must(t, os.WriteFile(file, []byte("x"), 0o644))
	if err := s.ExportTo(XLSX, filepath.Join(file, "actions.xlsx")); err == nil {
		t.Fatal("written inside a file")
	}
	if !strings.HasPrefix(s.exported.Text, "This place cannot hold a file") || s.exported.Importance != widget.DangerImportance {
		t.Errorf("the section says %q (importance %v)", s.exported.Text, s.exported.Importance)
	}
	if err := s.ExportTo("ods", filepath.Join(t.TempDir(), "x.ods")); err == nil {
		t.Error("an unknown format was written")
	}
}

// TestExportThroughTheSaveDialog goes the user's way: Export to CSV, the
// dialog offers « CODIR actions 2026-03-20.csv » in the folder used last
// (the series chosen), Save.
func TestExportThroughTheSaveDialog(t *testing.T) {
	f := newFixture(t)
	s, env, _ := open(t, f.st)
	dir := t.TempDir()
	env.Prefs.SetExportFolder(dir)
	env.Prefs.SetLanguage(uikit.LanguageEnglish)
	s.series.SetSelectedIndex(1)
	env.Wait()
	test.Tap(s.toCSV)
	uitest.TapDialogButton(t, env, "Save")
	env.Wait()
	path := filepath.Join(dir, "CODIR actions 2026-03-20.csv")
	rows := readCSV(t, path, ',')
	if got, want := strings.Join(column(rows, 1), "|"), titles(s); got != want || len(rows) != 3 {
		t.Errorf("the CSV lists %q, the section %q: want the series' two actions", got, want)
	}
	if !strings.Contains(s.exported.Text, path) {
		t.Errorf("the section says %q", s.exported.Text)
	}
}
