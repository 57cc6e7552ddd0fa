package export

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode"

	"github.com/xuri/excelize/v2"

	"quorum/meeting"
)

// Spreadsheets take actions and the directory out of Quorum. The CSV files
// are for Excel as each language's users have it: UTF-8 with a BOM (else
// Excel reads accents wrong), separated by semicolons in French (a French
// Excel expects them, the comma being the decimal point) and commas in
// English; dates are written 03/12/2026, as the PDFs and the .xlsx show them.

// actionRow is one action as the spreadsheets show it; due is its due
// date (zero: none).
type actionRow struct {
	cells []string
	due   meeting.Date
	late  bool
}

// sheetColumn is a column of the actions spreadsheet and its width in
// characters.
type sheetColumn struct {
	head  string
	width float64
}

// dueColumn is the column of due dates (from 0).
const dueColumn = 3

func actionSheet(scope ActionScope, o Options) (cols []sheetColumn, rows []actionRow, w *words) {
	w = wordsFor(cmp.Or(o.Language, scope.Language))
	nw := noticeWordsFor(w)
	log := actionLog{doc: &doc{w: w}, today: meeting.DateOf(o.now())}
	cols = []sheetColumn{{w.reference, 16}, {w.action, 45}, {w.owner, 22}, {w.due, 12}, {w.status, 12}, {capitalised(w.overdue), 10},
		{nw.meeting, 30}, {w.item, 30}, {w.latestNote, 50}}
	for _, a := range scope.Actions {
		note := ""
		if n := len(a.Notes); n > 0 {
			note = w.dateOf(a.Notes[n-1].Date) + w.colon + a.Notes[n-1].Text
		}
		late := a.RAG(log.today) == meeting.Red
		flag := ""
		if late {
			flag = nw.yes
		}
		origin := ""
		if a.MeetingID != 0 {
			origin = a.MeetingTitle
			if a.SeriesCode != "" {
				origin = fmt.Sprintf("%s n° %d", a.SeriesCode, a.MeetingNumber)
			}
			origin += " — " + w.shortDate(a.MeetingStarts)
		}
		rows = append(rows, actionRow{due: a.Due, late: late, cells: []string{actionReference(a), a.Title, a.OwnerName,
			w.dateOf(a.Due), w.actionStatuses[a.Status], flag, origin, a.ItemTitle, note}})
	}
	return cols, rows, w
}

// actionReference names an action: CODIR-12-A34 for action 34 decided at
// CODIR n° 12, R7-A34 at the one-off meeting 7, A34 without a meeting.
func actionReference(a *meeting.Action) string {
	switch {
	case a.SeriesCode != "":
		return fmt.Sprintf("%s-%d-A%d", a.SeriesCode, a.MeetingNumber, a.ID)
	case a.MeetingID != 0:
		return fmt.Sprintf("R%d-A%d", a.MeetingID, a.ID)
	}
	return fmt.Sprintf("A%d", a.ID)
}

// ActionsXLSX writes the actions of a scope as an Excel workbook: one
// sheet, a frozen header with filters, due dates as real dates, overdue
// ones in red.
func ActionsXLSX(w io.Writer, scope ActionScope, o Options) error {
	cols, rows, words := actionSheet(scope, o)
	f := excelize.NewFile()
	defer f.Close()
	sheet := words.actionLog
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E79"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	dateFmt := "dd/mm/yyyy"
	top := &excelize.Alignment{Vertical: "top", Horizontal: "left", WrapText: true}
	body, err := f.NewStyle(&excelize.Style{Alignment: top})
	if err != nil {
		return err
	}
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt, Alignment: top})
	if err != nil {
		return err
	}
	late, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt, Font: &excelize.Font{Bold: true, Color: "C00000"}, Alignment: top})
	if err != nil {
		return err
	}
	cell := func(col, row int) string { name, _ := excelize.CoordinatesToCellName(col+1, row+1); return name }
	for i, c := range cols {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, name, name, c.width); err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, cell(i, 0), c.head); err != nil {
			return err
		}
	}
	last := cell(len(cols)-1, len(rows))
	if err := f.SetCellStyle(sheet, "A1", cell(len(cols)-1, 0), head); err != nil {
		return err
	}
	if len(rows) > 0 {
		if err := f.SetCellStyle(sheet, "A2", last, body); err != nil {
			return err
		}
	}
	for r, row := range rows {
		for c, v := range row.cells {
			at := cell(c, r+1)
			var err error
			switch {
			case c == dueColumn && row.due != "":
				style := date
				if row.late {
					style = late
				}
				err = errors.Join(f.SetCellValue(sheet, at, row.due.Time()), f.SetCellStyle(sheet, at, at, style))
			case v != "":
				err = f.SetCellStr(sheet, at, v)
			}
			if err != nil {
				return err
			}
		}
	}
	if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: words.actionLog + " — " + scope.Title, Creator: "Quorum",
		Created: o.now().UTC().Format("2006-01-02T15:04:05Z")}); err != nil {
		return err
	}
	return f.Write(w)
}

// ActionsCSV writes the same rows as ActionsXLSX as a CSV file for Excel.
func ActionsCSV(w io.Writer, scope ActionScope, o Options) error {
	cols, rows, words := actionSheet(scope, o)
	records := [][]string{make([]string, len(cols))}
	for i, c := range cols {
		records[0][i] = c.head
	}
	for _, r := range rows {
		records = append(records, r.cells)
	}
	return writeCSV(w, words, records)
}

// PeopleCSV writes the directory as a CSV file for Excel and mail clients:
// name, job title, organisation, email, phone, under headers that
// ParsePeopleCSV reads back.
func PeopleCSV(w io.Writer, people []*meeting.Person, lang string) error {
	words := wordsFor(lang)
	head := []string{"Nom", "Fonction", "Organisation", "Courriel", "Téléphone"}
	if words.lang == "en" {
		head = []string{"Name", "Job Title", "Organisation", "E-mail Address", "Phone"}
	}
	records := [][]string{head}
	for _, p := range people {
		records = append(records, []string{p.Name, p.Title, p.Organisation, p.Email, p.Phone})
	}
	return writeCSV(w, words, records)
}

// writeCSV writes records with a BOM, CRLF line ends and the language's
// separator.
func writeCSV(w io.Writer, words *words, records [][]string) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if words.lang == "fr" {
		cw.Comma = ';'
	}
	if err := cw.WriteAll(records); err != nil {
		return err
	}
	return cw.Error()
}

// capitalised puts a label's first letter in upper case.
func capitalised(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}
