package people

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"quorum/export"
	"quorum/meeting"
	"quorum/ui/uikit"
)

// contactFiles are the extensions of the contacts files the import offers:
// a mail client's CSV export and vCard.
var contactFiles = []string{".csv", ".vcf", ".vcard"}

// askImport asks for a contacts file, then imports it in the background.
func (s *Screen) askImport() {
	s.saver.Flush()
	if s.env.ReadOnly {
		return
	}
	uikit.OpenFile(s.env, contactFiles, func(path string) {
		s.env.Go(func() { _ = s.ImportFrom(path) })
	})
}

// ImportFrom adds the contacts of a file (CSV from a mail client, vCard)
// to the directory, or updates the entries they match, as Import… does
// once a file is chosen; the section then says how many were added,
// updated, unchanged and skipped (and why), and shows the directory
// again. A file that cannot be read changes nothing and is said in plain
// words. It blocks until the import is done.
func (s *Screen) ImportFrom(path string) error {
	res, err := s.importFile(path)
	fyne.Do(func() {
		if err != nil {
			uikit.Tell(s.outcome, lang.L("{{.File}} was not imported: {{.Reason}}",
				map[string]any{"File": filepath.Base(path), "Reason": importError(err)}), widget.DangerImportance)
			return
		}
		uikit.Tell(s.outcome, imported(filepath.Base(path), res), widget.MediumImportance)
		s.reload(true) // the entry shown may have new details
	})
	return err
}

// errTooLarge is a contacts file larger than meeting.MaxDirectoryFile.
var errTooLarge = errors.New("the contacts file is too large")

func (s *Screen) importFile(path string) (meeting.PeopleImport, error) {
	if s.env.ReadOnly {
		return meeting.PeopleImport{}, errReadOnly
	}
	f, err := os.Open(path)
	if err != nil {
		return meeting.PeopleImport{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, meeting.MaxDirectoryFile+1))
	if err != nil {
		return meeting.PeopleImport{}, err
	}
	if len(data) > meeting.MaxDirectoryFile {
		return meeting.PeopleImport{}, errTooLarge
	}
	people, err := meeting.ParsePeople(data)
	if err != nil {
		return meeting.PeopleImport{}, err
	}
	return s.st.ImportPeople(s.env.Ctx, people)
}

// errReadOnly: another Quorum holds the database.
var errReadOnly = errors.New("the database is open read-only")

// importError says why a contacts file was not imported.
func importError(err error) string {
	var pe *os.PathError
	switch {
	case errors.Is(err, errTooLarge):
		return lang.L("the file is larger than {{.Max}} MB", map[string]any{"Max": meeting.MaxDirectoryFile >> 20})
	case errors.Is(err, errReadOnly):
		return lang.L("another Quorum has this database open: it is read-only here")
	case errors.As(err, &pe):
		return lang.L("it cannot be read ({{.Error}})", map[string]any{"Error": pe.Err.Error()})
	}
	return uikit.ErrorText(err)
}

// imported says what an import did: « contacts.csv : 3 ajoutés, 1 mis à
// jour, 0 inchangé, 1 ignoré », then each contact skipped and why.
func imported(file string, res meeting.PeopleImport) string {
	count := func(text string, n int) string { return lang.N(text, n, map[string]any{"Count": n}) }
	lines := []string{lang.L("{{.File}}: {{.Added}}, {{.Updated}}, {{.Unchanged}}, {{.Skipped}}.", map[string]any{
		"File":      file,
		"Added":     count("{{.Count}} added", res.Added),
		"Updated":   count("{{.Count}} updated", res.Updated),
		"Unchanged": count("{{.Count}} unchanged", res.Unchanged),
		"Skipped":   count("{{.Count}} skipped", len(res.Skipped)),
	})}
	for _, sk := range res.Skipped {
		who := sk.Person.Name
		if who == "" {
			who = sk.Person.Email
		}
		lines = append(lines, "• "+lang.L("Contact {{.Index}} ({{.Name}}): {{.Reason}}",
			map[string]any{"Index": sk.Index, "Name": who, "Reason": sk.Reason}))
	}
	return strings.Join(lines, "\n")
}

// askExport asks where to write the directory as CSV, then writes it
// there in the background.
func (s *Screen) askExport() {
	s.saver.Flush()
	uikit.SaveFile(s.env, fmt.Sprintf("%s.csv", lang.L("directory")), ".csv", func(path string) {
		s.env.Go(func() { _ = s.ExportTo(path) })
	})
}

// ExportTo writes the whole directory to path as CSV, in the documents'
// language (French: semicolons), as Export… does once a place is chosen,
// and says what became of it. It blocks until the file is written.
func (s *Screen) ExportTo(path string) error {
	language := uikit.DocumentLanguage(s.env.Prefs)
	people, err := s.st.ListPeople(s.env.Ctx, "")
	if err == nil {
		err = uikit.WriteChosen(s.env, path, func(w io.Writer) error { return export.PeopleCSV(w, people, language) })
	}
	uikit.Written(s.outcome, err, func() string {
		return lang.N("{{.Count}} people written to {{.Path}}", len(people), map[string]any{"Count": len(people), "Path": path})
	})
	return err
}
