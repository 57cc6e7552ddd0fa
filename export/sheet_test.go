package export

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"quorum/meeting"
)

func readCSV(t *testing.T, data []byte, comma rune) [][]string {
	t.Helper()
	rd := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	rd.Comma = comma
	rows, err := rd.ReadAll()
	if err != nil {
		t.Fatalf("%v:\n%s", err, data)
	}
	return rows
}

func TestActionsCSV(t *testing.T) {
	_, r := sampleRecord(t)
	var b bytes.Buffer
	if err := ActionsCSV(&b, MeetingActions(r), printedAt); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("\uFEFFRéférence;Action;Responsable;Échéance;État;En retard;Séance;Point;Dernier point d'avancement\r\n")) {
		t.Errorf("the French CSV starts %q", b.String()[:min(b.Len(), 200)])
	}
	rows := readCSV(t, b.Bytes(), ';')
	id := r.Actions[1].ID
	want := []string{"CODIR-12-A" + strconv.FormatInt(id, 10), "Chiffrer l'option B", "Anaïs Lefèvre", "15/01/2027", "À faire", "oui",
		"CODIR n° 12 — 03/12/2026", "Investissement", ""}
	if len(rows) != 4 || !reflect.DeepEqual(rows[2], want) {
		t.Errorf("rows %q\nwant row 2 %q", rows, want)
	}
	if rows[1][8] != "08/12/2026 : Diffusé." || rows[1][5] != "" || rows[3][2] != "" || rows[3][3] != "" {
		t.Errorf("done, no owner, no due date: %q", rows)
	}
	o := printedAt
	o.Language = "en"
	b.Reset()
	if err := ActionsCSV(&b, MeetingActions(r), o); err != nil {
		t.Fatal(err)
	}
	if en := readCSV(t, b.Bytes(), ','); len(en) != 4 || en[0][0] != "Reference" || en[2][4] != "Open" || en[2][5] != "yes" {
		t.Errorf("English CSV: %q", en)
	}
}

// TestActionsXLSX opens the workbook as Excel would (excelize) and as
// LibreOffice does: converted to CSV, it gives the rows of our CSV.
func TestActionsXLSX(t *testing.T) {
	_, r := sampleRecord(t)
	var x, c bytes.Buffer
	if err := ActionsXLSX(&x, MeetingActions(r), printedAt); err != nil {
		t.Fatal(err)
	}
	if err := ActionsCSV(&c, MeetingActions(r), printedAt); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(x.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"Relevé des actions"}) {
		t.Errorf("sheets %q", got)
	}
	sheet := "Relevé des actions"
	if raw, _ := f.GetCellValue(sheet, "D3", excelize.Options{RawCellValue: true}); raw != "46402" {
		t.Errorf("the due date 15/01/2027 is stored as %q, not the date serial 46402", raw)
	}
	if typ, _ := f.GetCellType(sheet, "D3"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("the due date is text (%v)", typ)
	}
	panes, _ := f.GetPanes(sheet)
	if !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("the header is not frozen: %+v", panes)
	}
	if names := f.GetDefinedName(); len(names) != 1 || names[0].Name != "_xlnm._FilterDatabase" ||
		!strings.HasSuffix(names[0].RefersTo, "$A$1:$I$4") {
		t.Errorf("no filter on the header: %+v", names)
	}

	lo := realClient(t, "libreoffice", "apt-get install libreoffice-calc-nogui")
	dir := t.TempDir()
	path := filepath.Join(dir, "actions.xlsx")
	if err := os.WriteFile(path, x.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(lo, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1", "--outdir", dir, path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, out)
	}
	converted, err := os.ReadFile(filepath.Join(dir, "actions.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := readCSV(t, converted, ';'), readCSV(t, c.Bytes(), ';'); !reflect.DeepEqual(got, want) {
		t.Errorf("LibreOffice reads\n%q\nour CSV has\n%q", got, want)
	}
}

// TestListedActions: a list picked across meetings gives the same rows
// as the meeting's own scope, in the list's language, under its title.
func TestListedActions(t *testing.T) {
	_, r := sampleRecord(t)
	picked := []*meeting.Action{r.Actions[2], r.Actions[0]}
	scope := ListedActions("Actions — overdue", picked, "en")
	var listed, whole bytes.Buffer
	if err := ActionsCSV(&listed, scope, printedAt); err != nil {
		t.Fatal(err)
	}
	o := printedAt
	o.Language = "en"
	if err := ActionsCSV(&whole, MeetingActions(r), o); err != nil {
		t.Fatal(err)
	}
	all := readCSV(t, whole.Bytes(), ',')
	if got, want := readCSV(t, listed.Bytes(), ','), [][]string{all[0], all[3], all[1]}; !reflect.DeepEqual(got, want) {
		t.Errorf("listed rows\n%q\nwant\n%q", got, want)
	}
	var x bytes.Buffer
	if err := ActionsXLSX(&x, scope, printedAt); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&x)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	props, err := f.GetDocProps()
	if err != nil || props.Title != "Action log — Actions — overdue" {
		t.Errorf("workbook title %q (%v)", props.Title, err)
	}
	if rows, _ := f.GetRows("Action log"); len(rows) != 3 || rows[1][1] != r.Actions[2].Title {
		t.Errorf("workbook rows %q", rows)
	}
}

func TestActionsXLSXEmpty(t *testing.T) {
	var x bytes.Buffer
	if err := ActionsXLSX(&x, ActionScope{Title: "CODIR", Language: "en"}, printedAt); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&x)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Action log")
	if len(rows) != 1 || rows[0][0] != "Reference" {
		t.Errorf("rows %q", rows)
	}
}

// TestPeopleCSVRoundTrip: the directory written in either language reads
// back the same.
func TestPeopleCSVRoundTrip(t *testing.T) {
	people := []*meeting.Person{{Name: "Søren Ødegård", Title: "Invité", Organisation: "Cabinet Ødegård & Fils; Associés",
		Email: "soren@example.dk"}, {Name: "Jean \"JL\" Nguyễn", Phone: "+33 1 00 00 00 00"}}
	for _, lang := range []string{"fr", "en"} {
		var b bytes.Buffer
		if err := PeopleCSV(&b, people, lang); err != nil {
			t.Fatal(err)
		}
		got, err := meeting.ParsePeopleCSV(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0] != *people[0] || got[1] != *people[1] {
			t.Errorf("%s: read back %+v\n%s", lang, got, b.Bytes())
		}
	}
}
