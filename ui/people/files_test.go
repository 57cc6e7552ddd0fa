package people

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

// directory is the directory as the store holds it: one line a person.
func directory(t *testing.T, st *meeting.Store) []string {
	t.Helper()
	all, err := st.ListPeople(bg, "")
	must(t, err)
	var out []string
	for _, p := range all {
		out = append(out, strings.Join([]string{p.Name, p.Title, p.Organisation, p.Email, p.Phone}, "|"))
	}
	return out
}

// listed is the names the section's list shows.
func listed(s *Screen) []string {
	var out []string
	for _, p := range s.people {
		out = append(out, p.Name)
	}
	return out
}

// TestImportMailClientCSV imports Thunderbird's CSV export: one contact
// new, one matching an entry by its email (in another case) that gets its
// job title and organisation, one the directory already has as is, and
// one with a wrong email address, skipped and said why.
func TestImportMailClientCSV(t *testing.T) {
	uitest.English(t)
	st := uitest.Store(t)
	must(t, st.CreatePerson(bg, &meeting.Person{Name: "Claire Martin", Title: "Directrice générale des services",
		Organisation: "Ville d'Exemple", Email: "claire.martin@ville-exemple.fr", Phone: "01 23 45 67 00"}))
	person(t, st, "François Dubœuf", "", "francois.duboeuf@ville-exemple.fr")
	s, env, _ := open(t, st)
	pick(t, s, env, "François Dubœuf")

	must(t, s.ImportFrom("testdata/thunderbird.csv"))
	env.Wait()
	if s.title.Text != "DRH" || s.org.Text != "Ville d'Exemple" {
		t.Errorf("the entry shown has job title %q, organisation %q after the import", s.title.Text, s.org.Text)
	}
	lines := strings.Split(s.outcome.Text, "\n")
	if lines[0] != "thunderbird.csv: 1 added, 1 updated, 1 unchanged, 1 skipped." || s.outcome.Importance == widget.DangerImportance {
		t.Errorf("the section says %q", s.outcome.Text)
	}
	if len(lines) != 2 || !strings.HasPrefix(lines[1], "• Contact 4 (Karim Benali): ") || !strings.Contains(lines[1], "pas-une-adresse") {
		t.Errorf("the skipped contact is not explained: %q", lines[1:])
	}
	want := []string{
		"Claire Martin|Directrice générale des services|Ville d'Exemple|claire.martin@ville-exemple.fr|01 23 45 67 00",
		"François Dubœuf|DRH|Ville d'Exemple|francois.duboeuf@ville-exemple.fr|",
		"Jean-Loïc Nguyễn|Secrétaire général|Ville d'Exemple|jl.nguyen@ville-exemple.fr|",
	}
	if got := directory(t, st); !reflect.DeepEqual(got, want) {
		t.Errorf("the directory holds\n%q\nwant\n%q", got, want)
	}
	if got := listed(s); len(got) != 3 {
		t.Errorf("the list shows %q after the import", got)
	}
}

// TestImportVCardInFrench imports a vCard file into an empty directory;
// the section says so in French, with French plurals (0 and 1 take the
// singular).
func TestImportVCardInFrench(t *testing.T) {
	uitest.French(t)
	st := uitest.Store(t)
	s, env, _ := open(t, st)
	if s.importIt.Text != "Importer…" || s.exportIt.Text != "Exporter…" {
		t.Errorf("buttons %q, %q", s.importIt.Text, s.exportIt.Text)
	}
	must(t, s.ImportFrom("testdata/contacts.vcf"))
	env.Wait()
	if want := "contacts.vcf : 2 ajoutés, 0 mis à jour, 0 inchangé, 0 ignoré."; s.outcome.Text != want {
		t.Errorf("the section says %q, want %q", s.outcome.Text, want)
	}
	want := []string{
		"Margaret O'Neill||Board|m.oneill@example.org|",
		"Émilie Rousseau|Cheffe de cabinet|Cabinet du maire|emilie.rousseau@ville-exemple.fr|01 23 45 67 10",
	}
	if got := directory(t, st); !reflect.DeepEqual(got, want) {
		t.Errorf("the directory holds\n%q\nwant\n%q", got, want)
	}
	if got := listed(s); !reflect.DeepEqual(got, []string{"Margaret O'Neill", "Émilie Rousseau"}) {
		t.Errorf("the list shows %q", got)
	}
}

// TestImportBrokenFiles: a file that is not contacts, an empty one, one
// too large and one missing are each said in plain words; nothing changes.
func TestImportBrokenFiles(t *testing.T) {
	uitest.English(t)
	st := uitest.Store(t)
	person(t, st, "Claire Martin", "", "claire.martin@ville-exemple.fr")
	s, _, _ := open(t, st)
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.csv")
	must(t, os.WriteFile(empty, nil, 0o644))
	huge := filepath.Join(dir, "huge.vcf")
	must(t, os.WriteFile(huge, nil, 0o644), os.Truncate(huge, meeting.MaxDirectoryFile+1))
	before := directory(t, st)
	for path, want := range map[string]string{
		"testdata/not-contacts.csv":       "not-contacts.csv was not imported: the contacts file has no column for names or email addresses",
		empty:                             "empty.csv was not imported: the contacts file is empty",
		huge:                              "huge.vcf was not imported: the file is larger than 20 MB",
		filepath.Join(dir, "missing.csv"): "missing.csv was not imported: it cannot be read (no such file or directory)",
	} {
		if err := s.ImportFrom(path); err == nil {
			t.Errorf("%s was imported", path)
		}
		if !strings.HasPrefix(s.outcome.Text, want) || s.outcome.Importance != widget.DangerImportance || !s.outcome.Visible() {
			t.Errorf("%s: the section says %q, want %q…", path, s.outcome.Text, want)
		}
	}
	if got := directory(t, st); !reflect.DeepEqual(got, before) {
		t.Errorf("a broken file changed the directory: %q", got)
	}
}

// TestBrokenFileInFrench: the reason is in French too.
func TestBrokenFileInFrench(t *testing.T) {
	uitest.French(t)
	s, _, _ := open(t, uitest.Store(t))
	if err := s.ImportFrom("testdata/not-contacts.csv"); err == nil {
		t.Fatal("imported")
	}
	if want := "not-contacts.csv n’a pas été importé : le fichier de contacts n’a pas de colonne pour les noms ni pour les adresses électroniques"; !strings.HasPrefix(s.outcome.Text, want) {
		t.Errorf("the section says %q, want %q…", s.outcome.Text, want)
	}
}

// readCSV reads a CSV file written for Excel: a BOM, cells split at sep.
func readCSV(t *testing.T, path string, sep rune) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	must(t, err)
	if !bytes.HasPrefix(data, []byte("\uFEFF")) {
		t.Errorf("%s has no BOM", path)
	}
	rd := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	rd.Comma = sep
	rows, err := rd.ReadAll()
	must(t, err)
	return rows
}

// TestExportDirectory writes the directory in French (semicolons) and in
// English (commas): the rows are the directory's, and our own import
// reads the file back as the same people.
func TestExportDirectory(t *testing.T) {
	st := uitest.Store(t)
	must(t, st.CreatePerson(bg, &meeting.Person{Name: "Marc-Antoine de La Fontaine-Villeneuve", Title: "Contrôleur de gestion",
		Organisation: "DAF; Finances", Email: "ma.delafontaine@ville-exemple.fr", Phone: "01 23 45 67 20"}))
	person(t, st, "Søren \"Ødegård\"", "", "")
	s, env, _ := open(t, st)
	dir := t.TempDir()
	for _, c := range []struct {
		language, head string
		sep            rune
	}{{uikit.LanguageFrench, "Nom", ';'}, {uikit.LanguageEnglish, "Name", ','}} {
		env.Prefs.SetLanguage(c.language)
		path := filepath.Join(dir, c.language+".csv")
		must(t, s.ExportTo(path))
		rows := readCSV(t, path, c.sep)
		if len(rows) != 3 || rows[0][0] != c.head || rows[1][0] != "Marc-Antoine de La Fontaine-Villeneuve" || rows[1][2] != "DAF; Finances" {
			t.Errorf("%s: the CSV holds %q", c.language, rows)
		}
		data, err := os.ReadFile(path)
		must(t, err)
		back, err := meeting.ParsePeople(data)
		must(t, err)
		var got []string
		for _, p := range back {
			got = append(got, strings.Join([]string{p.Name, p.Title, p.Organisation, p.Email, p.Phone}, "|"))
		}
		if want := directory(t, st); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: read back\n%q\nwant\n%q", c.language, got, want)
		}
		if s.outcome.Text != "2 people written to "+path {
			t.Errorf("the section says %q", s.outcome.Text)
		}
	}
}

// TestReadOnly: a read-only window exports the directory but imports
// nothing.
func TestReadOnlyImportExport(t *testing.T) {
	st := uitest.Store(t)
	person(t, st, "Claire Martin", "", "claire.martin@ville-exemple.fr")
	env, _ := uitest.Env(t)
	env.ReadOnly = true
	s := New(env, st)
	uitest.Load(env, s)
	if !s.importIt.Disabled() || s.exportIt.Disabled() {
		t.Errorf("read-only: import disabled %v, export disabled %v", s.importIt.Disabled(), s.exportIt.Disabled())
	}
	if err := s.ImportFrom("testdata/contacts.vcf"); err == nil {
		t.Error("a read-only window imported")
	}
	if !strings.Contains(s.outcome.Text, "read-only") {
		t.Errorf("the section says %q", s.outcome.Text)
	}
	if got := directory(t, st); len(got) != 1 {
		t.Errorf("the directory holds %q", got)
	}
	path := filepath.Join(t.TempDir(), "annuaire.csv")
	must(t, s.ExportTo(path))
	if rows := readCSV(t, path, ';'); len(rows) != 2 {
		t.Errorf("the CSV holds %q", rows)
	}
}

// TestExportThroughTheSaveDialog goes the user's way: Export…, the dialog
// offers « directory.csv » in the folder used last, Save.
func TestExportThroughTheSaveDialog(t *testing.T) {
	uitest.English(t)
	st := uitest.Store(t)
	person(t, st, "Claire Martin", "", "claire.martin@ville-exemple.fr")
	s, env, _ := open(t, st)
	dir := t.TempDir()
	env.Prefs.SetExportFolder(dir)
	env.Prefs.SetLanguage(uikit.LanguageEnglish)
	test.Tap(s.exportIt)
	uitest.TapDialogButton(t, env, "Save")
	env.Wait()
	path := filepath.Join(dir, "directory.csv")
	if rows := readCSV(t, path, ','); len(rows) != 2 || rows[1][0] != "Claire Martin" {
		t.Errorf("the CSV holds %q", rows)
	}
}

// TestImportExportFit: in French, the buttons above the list leave it its
// third of a 1000-pixel window.
func TestImportExportFit(t *testing.T) {
	uitest.French(t)
	s, _, _ := open(t, uitest.Store(t))
	if w := s.content.(*container.Split).Leading.MinSize().Width; w > 270 {
		t.Errorf("the list's side needs %.0f pixels across, more than its third of the window", w)
	}
}
