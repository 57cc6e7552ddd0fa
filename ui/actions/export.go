package actions

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"quorum/export"
	"quorum/meeting"
	"quorum/ui/uikit"
)

// The spreadsheets the section exports the actions shown to.
const (
	XLSX = "xlsx"
	CSV  = "csv"
)

var sheets = map[string]func(io.Writer, export.ActionScope, export.Options) error{
	XLSX: export.ActionsXLSX,
	CSV:  export.ActionsCSV,
}

// sheetJob is what to export, read from the filters on the UI thread:
// the actions they select, and words for the file.
type sheetJob struct {
	filter   meeting.ActionFilter
	title    string // the filters in words, the workbook's title
	language string // of the spreadsheet: the documents' language
	series   string // the code of the series chosen, "" for all
}

// sheetJob reads the filters of the list shown.
func (s *Screen) sheetJob() sheetJob {
	j := sheetJob{filter: s.filter(), language: uikit.DocumentLanguage(s.env.Prefs)}
	words := []string{lang.L("Actions")}
	for _, sel := range []*widget.Select{s.owner, s.status, s.series} {
		if sel.SelectedIndex() > 0 {
			words = append(words, sel.Selected)
		}
	}
	if s.overdue.Checked {
		words = append(words, s.overdue.Text)
	}
	j.title = strings.Join(words, " — ")
	if i := s.series.SelectedIndex(); i > 0 && i <= len(s.seriesOf) {
		j.series = s.seriesOf[i-1].Code
	}
	return j
}

// fileName is the name the save dialog offers: « CODIR actions
// 2026-03-20.xlsx », "actions 2026-03-20.csv" for all series.
func (s *Screen) fileName(j sheetJob, format string) string {
	name := strings.TrimSpace(j.series + " actions " + s.Now().Format("2006-01-02"))
	return meeting.SafeFileName(name) + "." + format
}

// askExport asks where to write the actions shown as a spreadsheet, then
// writes it there in the background.
func (s *Screen) askExport(format string) {
	j := s.sheetJob()
	uikit.SaveFile(s.env, s.fileName(j, format), "."+format, func(path string) {
		s.env.Go(func() { _ = s.export(format, j, path) })
	})
}

// ExportTo writes the actions the filters select, as the list shows
// them, to path as a spreadsheet (XLSX or CSV), as the Export buttons do
// once a place is chosen, and says what became of it under the filters.
// It blocks until the file is written; the buttons call the same code off
// the UI thread.
func (s *Screen) ExportTo(format, path string) error {
	return s.export(format, s.sheetJob(), path)
}

func (s *Screen) export(format string, j sheetJob, path string) error {
	write := sheets[format]
	if write == nil {
		return fmt.Errorf("no spreadsheet %q (%s or %s)", format, XLSX, CSV)
	}
	actions, err := s.st.ListActions(s.env.Ctx, j.filter)
	if err == nil {
		scope := export.ListedActions(j.title, actions, j.language)
		o := export.Options{Now: s.Now()}
		err = uikit.WriteChosen(s.env, path, func(w io.Writer) error { return write(w, scope, o) })
	}
	uikit.Written(s.exported, err, func() string {
		return lang.N("{{.Count}} actions written to {{.Path}}", len(actions), map[string]any{"Count": len(actions), "Path": path})
	})
	return err
}
