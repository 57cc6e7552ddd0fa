// Package print is the Print tab of a meeting's workspace: one panel with
// each document of the meeting — the agenda (notice), the briefing pack,
// the minutes, the action log, the attendance sheet, the calendar invite
// and the mail draft that sends the notice — its options, a button that
// asks where to write it, a progress bar while it is built, what the
// pack's preflight found, and once written buttons to open the file and
// its folder. The notice period of the meeting's series is checked: a
// late notice is warned of, never refused.
package print

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quorum/export"
	"quorum/meeting"
	"quorum/ui/uikit"
)

// Store is what the panel needs of the meeting store.
type Store interface {
	export.PaperStore
	Record(ctx context.Context, meetingID int64) (*meeting.Record, error)
	PrintData(ctx context.Context, id int64) ([]byte, error)
	Notice(ctx context.Context, meetingID int64) (meeting.Notice, error)
}

// Tab is the Print tab of one meeting. Docs holds the documents by their
// kind (export.DocAgenda …), in Order. Late warns, above the documents,
// that the notice is late.
type Tab struct {
	Docs map[string]*Doc
	Late *widget.Label

	env       *uikit.Env
	st        Store
	meetingID int64
	meeting   *meeting.Meeting // as last read: names the files
	content   fyne.CanvasObject
}

// Order is the order of the documents in the panel.
var Order = []string{export.DocAgenda, export.DocInvite, export.DocMail, export.DocPack, export.DocMinutes,
	export.DocActions, export.DocAttendance}

// Doc is one document of the panel: its options, its Write… button and
// what became of the last write. Options a document does not take are
// nil.
type Doc struct {
	Kind     string
	Language *uikit.Choice[string]
	Public   *widget.Check      // minutes: leave the closed-session items out
	Duplex   *widget.Check      // pack
	Copies   *widget.Check      // pack: a personal copy for each attendee
	Password *widget.Entry      // pack: the password that opens it
	ByOwner  *widget.RadioGroup // action log: by status or by owner
	Write    *widget.Button
	Progress *widget.ProgressBar         // the pack's papers placed
	Busy     *widget.ProgressBarInfinite // until then, and for the other documents
	Result   *widget.Label               // what was written
	Issues   *widget.Label               // the pack's preflight report
	Error    *widget.Label
	Notice   *widget.Label // invite and mail: the notice period, late or in time
	Cancel   *widget.Label // invite and mail: the meeting is cancelled, and what the file does then
	Open     *widget.Button
	Folder   *widget.Button // shows the folder written in

	written []string // the files of the last write
}

// job is what to write, read from the panel's options.
type job struct {
	kind     string
	o        export.Options
	duplex   bool
	copies   bool
	password string
	byOwner  bool
}

// New builds the Print tab of a meeting.
func New(env *uikit.Env, st Store, meetingID int64) *Tab {
	t := &Tab{env: env, st: st, meetingID: meetingID, Docs: map[string]*Doc{}, Late: uikit.Note(widget.WarningImportance)}
	cards := []fyne.CanvasObject{t.Late}
	for _, kind := range Order {
		d := t.newDoc(kind)
		t.Docs[kind] = d
		cards = append(cards, t.card(d))
	}
	t.content = container.NewVScroll(container.NewPadded(container.NewVBox(cards...)))
	t.Reload()
	return t
}

// Content is what the workspace shows in the tab.
func (t *Tab) Content() fyne.CanvasObject { return t.content }

// loaded is what Reload reads.
type loaded struct {
	r      *meeting.Record
	notice meeting.Notice
}

// Reload reads the meeting and its notice period again: its language is
// the documents' own until the user picks another.
func (t *Tab) Reload() {
	uikit.Load(t.env, func(ctx context.Context) (l loaded, err error) {
		if l.r, err = t.st.Record(ctx, t.meetingID); err != nil {
			return l, err
		}
		l.notice, err = t.st.Notice(ctx, t.meetingID)
		return l, err
	}, func(l loaded) {
		t.meeting = l.r.Meeting
		for _, d := range t.Docs {
			if d.Language.Value() == "" {
				d.Language.SetValue(l.r.Meeting.Language)
			}
		}
		t.showNotice(l.r.Meeting, l.notice)
	})
}

// showNotice says whether the notice is late (at the top and on the
// invite and the mail) or in time, and that a cancelled meeting's invite
// and mail cancel it.
func (t *Tab) showNotice(m *meeting.Meeting, n meeting.Notice) {
	late, text := noticeText(n)
	top, imp := "", widget.MediumImportance
	if late {
		top, imp = text, widget.WarningImportance
	}
	uikit.Tell(t.Late, top, widget.WarningImportance)
	cancel := func(string) string { return "" }
	if m.Status == meeting.Cancelled {
		cancel = cancelText
	}
	for _, d := range t.Docs {
		if d.Notice != nil {
			uikit.Tell(d.Notice, text, imp)
			uikit.Tell(d.Cancel, cancel(d.Kind), widget.WarningImportance)
		}
	}
}

// noticeText words a meeting's notice period: whether it is late, and
// what to say ("" when its series asks for none).
func noticeText(n meeting.Notice) (late bool, text string) {
	switch {
	case n.Required == 0:
		return false, ""
	case n.Late:
		return true, lang.L("Late notice: {{.Days}} before the meeting, the series asks for {{.Required}} (last day to send it: {{.Date}}).",
			map[string]any{"Days": lang.N("{{.Count}} clear days", n.ClearDays, map[string]any{"Count": n.ClearDays}),
				"Required": n.Required, "Date": uikit.FormatDate(n.LastDay)})
	}
	return false, lang.L("Notice in time: last day to send it {{.Date}}.", map[string]any{"Date": uikit.FormatDate(n.LastDay)})
}

// cancelText says what the invite or the mail of a cancelled meeting does.
func cancelText(kind string) string {
	if kind == export.DocInvite {
		return lang.L("This meeting is cancelled: the invitation is a cancellation, which removes the meeting from the attendees' calendars.")
	}
	return lang.L("This meeting is cancelled: the mail announces the cancellation, and its invitation removes the meeting from the attendees' calendars.")
}

func (t *Tab) newDoc(kind string) *Doc {
	d := &Doc{Kind: kind}
	d.Language = uikit.NewChoice(meeting.Languages, uikit.LanguageLabel, nil)
	switch kind {
	case export.DocMinutes:
		d.Public = widget.NewCheck(lang.L("Public version (without the closed-session items)"), nil)
	case export.DocPack:
		d.Duplex = widget.NewCheck(lang.L("Double-sided (each item starts on a right-hand page)"), nil)
		d.Copies = widget.NewCheck(lang.L("A numbered personal copy for each attendee"), nil)
		d.Password = widget.NewPasswordEntry()
		d.Password.SetPlaceHolder(lang.L("Password to open it (optional)"))
	case export.DocActions:
		d.ByOwner = widget.NewRadioGroup([]string{lang.L("By status"), lang.L("By owner")}, nil)
		d.ByOwner.Horizontal = true
		d.ByOwner.Required = true
		d.ByOwner.SetSelected(lang.L("By status"))
	case export.DocInvite, export.DocMail:
		d.Notice = uikit.Note(widget.MediumImportance)
		d.Cancel = uikit.Note(widget.WarningImportance)
	}
	d.Write = widget.NewButtonWithIcon(lang.L("Write…"), theme.DocumentSaveIcon(), func() { t.ask(d) })
	d.Write.Importance = widget.HighImportance
	d.Progress = widget.NewProgressBar()
	d.Progress.Hide()
	d.Busy = widget.NewProgressBarInfinite()
	d.Busy.Stop()
	d.Busy.Hide()
	d.Result = uikit.Note(widget.MediumImportance)
	d.Issues = uikit.Note(widget.WarningImportance)
	d.Error = uikit.Note(widget.DangerImportance)
	d.Open = widget.NewButtonWithIcon(lang.X("print.open", "Open"), theme.FileIcon(), func() { t.open(d.written[0]) })
	d.Folder = widget.NewButtonWithIcon(lang.L("Show in folder"), theme.FolderOpenIcon(), func() { t.open(filepath.Dir(d.written[0])) })
	d.Open.Hide()
	d.Folder.Hide()
	return d
}

// card lays out one document: its name and what it is, its options, its
// buttons and what became of the last write.
func (t *Tab) card(d *Doc) fyne.CanvasObject {
	title, about := describe(d.Kind)
	var rows []fyne.CanvasObject
	if more := explain(d.Kind); more != "" {
		l := widget.NewLabel(more)
		l.Wrapping = fyne.TextWrapWord
		rows = append(rows, l)
	}
	if d.Notice != nil {
		rows = append(rows, d.Notice, d.Cancel)
	}
	rows = append(rows, container.NewHBox(widget.NewLabel(lang.L("Language")), d.Language.Select))
	for _, c := range []*widget.Check{d.Public, d.Duplex, d.Copies} {
		if c != nil {
			rows = append(rows, c)
		}
	}
	if d.Password != nil {
		rows = append(rows, container.NewBorder(nil, nil, widget.NewLabel(lang.L("Password")), nil, d.Password))
	}
	if d.ByOwner != nil {
		rows = append(rows, d.ByOwner)
	}
	rows = append(rows, container.NewHBox(d.Write, d.Open, d.Folder), d.Progress, d.Busy, d.Result, d.Issues, d.Error)
	return widget.NewCard(title, about, container.NewVBox(rows...))
}

// describe is the name of a document and what it is for.
func describe(kind string) (title, about string) {
	switch kind {
	case export.DocAgenda:
		return lang.L("Agenda (notice of meeting)"), lang.L("The notice with the agenda, to send to the attendees")
	case export.DocPack:
		return lang.L("Briefing pack"), lang.L("The agenda with every paper, page-numbered, with a table of contents")
	case export.DocMinutes:
		return lang.L("Minutes"), lang.L("Attendance, notes, decisions and actions; marked DRAFT until approved")
	case export.DocActions:
		return lang.L("Action log"), lang.L("The actions that came from this meeting, with their owners and due dates")
	case export.DocAttendance:
		return lang.L("Attendance sheet"), lang.L("The sheet the attendees sign")
	case export.DocInvite:
		return lang.L("Invitation (.ics)"), lang.L("The meeting for the attendees' calendars")
	case export.DocMail:
		return lang.L("Mail draft (.eml)"), lang.L("The notice, ready to send to the attendees")
	}
	return kind, ""
}

// explain says more of a document than its card's subtitle can hold.
func explain(kind string) string {
	switch kind {
	case export.DocInvite:
		return lang.L("Outlook, Thunderbird and phone calendars add it with its place, link, attendees and agenda. Written again after a change, it updates the same calendar entry.")
	case export.DocMail:
		return lang.L("A mail addressed to the attendees, with the agenda (PDF) and the invitation (.ics) attached, marked as a draft: opened in Outlook or Thunderbird, it is ready to send — check it, then press Send.")
	}
	return ""
}

// job reads a document's options. It runs on the UI thread.
func (d *Doc) job() job {
	j := job{kind: d.Kind, o: export.Options{Language: d.Language.Value()}}
	if d.Public != nil {
		j.o.Public = d.Public.Checked
	}
	if d.Duplex != nil {
		j.duplex, j.copies, j.password = d.Duplex.Checked, d.Copies.Checked, d.Password.Text
	}
	if d.ByOwner != nil {
		j.byOwner = d.ByOwner.Selected == lang.L("By owner")
	}
	return j
}

// ask asks where to write a document, then writes it there in the
// background.
func (t *Tab) ask(d *Doc) {
	j := d.job()
	name := ""
	if t.meeting != nil {
		name = export.FileName(t.meeting, d.Kind, j.o)
	}
	uikit.SaveFile(t.env, name, export.Extension(d.Kind), func(path string) {
		t.env.Go(func() { _ = t.run(d, j, path) })
	})
}

// WriteTo writes a document of the meeting (export.DocAgenda …) to path
// with the options the panel shows, as its Write… button does once a
// place is chosen, and shows the outcome in the panel. It blocks until
// the file is written: the Write… button calls the same code off the UI
// thread; tests and the end-to-end check call it directly.
func (t *Tab) WriteTo(kind, path string) error {
	d := t.Docs[kind]
	if d == nil {
		return fmt.Errorf("no document %q (one of %s)", kind, strings.Join(Order, ", "))
	}
	return t.run(d, d.job(), path)
}

// run builds a document and writes it to path; the panel shows its
// progress, then what was written or why not. It runs off the UI thread.
func (t *Tab) run(d *Doc, j job, path string) error {
	fyne.Do(d.start)
	var (
		written []string
		issues  []string
		pages   int
	)
	err := t.write(j, path, func(p *export.Preflight) {
		pages = p.Pages
		for _, is := range p.Issues {
			issues = append(issues, "• "+issueText(is))
		}
		fyne.Do(func() { d.preflight(issues) })
	}, func(done, total int) {
		fyne.Do(func() { d.progress(float64(done) / float64(max(total, 1))) })
	}, func(p string) { written = append(written, p) })
	if err != nil || (len(written) > 0 && written[0] != path) {
		uikit.DropEmpty(path) // what the file dialog made, not written
	}
	if err == nil {
		t.env.Prefs.SetExportFolder(filepath.Dir(path))
	}
	fyne.Do(func() { d.finish(written, pages, err) })
	return err
}

// write builds the document and writes its files, telling the pack's
// preflight, its progress and each file written.
func (t *Tab) write(j job, path string, preflight func(*export.Preflight), progress func(done, total int), wrote func(string)) error {
	ctx := t.env.Ctx
	if j.kind == export.DocPack && !t.env.ReadOnly {
		// A paper not examined is not printed. A read-only window keeps
		// nothing: its pack says which papers were not checked.
		if err := export.ExaminePapers(ctx, t.st); err != nil {
			return err
		}
	}
	r, err := t.st.Record(ctx, t.meetingID)
	if err != nil {
		return err
	}
	var document func(io.Writer, *meeting.Record, export.Options) error
	switch j.kind {
	case export.DocPack:
		return t.writePack(ctx, r, j, path, preflight, progress, wrote)
	case export.DocActions:
		document = func(w io.Writer, r *meeting.Record, o export.Options) error {
			return export.ActionLog(w, export.MeetingActions(r), j.byOwner, o)
		}
	case export.DocAgenda:
		document = export.Agenda
	case export.DocMinutes:
		document = export.Minutes
	case export.DocAttendance:
		document = export.AttendanceSheet
	case export.DocInvite:
		document = export.Invite
	case export.DocMail:
		document = export.MailDraft
	}
	if err := export.WriteFile(path, func(w io.Writer) error { return document(w, r, j.o) }); err != nil {
		return err
	}
	wrote(path)
	return nil
}

func (t *Tab) writePack(ctx context.Context, r *meeting.Record, j job, path string,
	preflight func(*export.Preflight), progress func(done, total int), wrote func(string)) error {
	var holders []string
	if j.copies {
		if len(r.Attendees) == 0 {
			return meeting.Errorf(meeting.EINVALID, "this meeting has no attendees to make copies for")
		}
		for _, a := range r.Attendees {
			holders = append(holders, a.Person.Name)
		}
	}
	data := func(d *meeting.Document) ([]byte, error) { return t.st.PrintData(ctx, d.ID) }
	p, err := export.BuildPack(r, data, export.PackOptions{Options: j.o, Duplex: j.duplex, Copies: len(holders), Progress: progress})
	if err != nil {
		return err
	}
	preflight(&p.Preflight)
	return p.WriteFiles(path, holders, j.password, "", wrote)
}

// issueText words an issue of the preflight in the window's language:
// where (the item, the paper), then what, in the document's.
func issueText(is export.Issue) string {
	var where []string
	if is.Item != "" {
		where = append(where, lang.L("Item {{.Number}}", map[string]any{"Number": is.Item}))
	}
	if is.Paper != "" {
		where = append(where, lang.L("“{{.Title}}”", map[string]any{"Title": is.Paper}))
	}
	if len(where) == 0 {
		return is.Problem
	}
	return lang.L("{{.Where}}: {{.Problem}}", map[string]any{"Where": strings.Join(where, " — "), "Problem": is.Problem})
}

// start shows that the document is being built: how far is not known
// until the pack places its first paper.
func (d *Doc) start() {
	d.Write.Disable()
	for _, l := range []*widget.Label{d.Result, d.Issues, d.Error} {
		l.Hide()
	}
	d.Open.Hide()
	d.Folder.Hide()
	d.Busy.Show()
	d.Busy.Start()
}

// progress shows how much of the pack is built, from 0 to 1.
func (d *Doc) progress(share float64) {
	if d.Progress.Hidden {
		d.Busy.Stop()
		d.Busy.Hide()
		d.Progress.Show()
	}
	d.Progress.SetValue(share)
}

// preflight shows what building the pack found.
func (d *Doc) preflight(issues []string) {
	if len(issues) == 0 {
		d.Issues.SetText(lang.L("Preflight: nothing to report."))
		d.Issues.Importance = widget.SuccessImportance
	} else {
		d.Issues.SetText(lang.L("Preflight: check these before sending the pack:") + "\n" + strings.Join(issues, "\n"))
		d.Issues.Importance = widget.WarningImportance
	}
	d.Issues.Show()
}

// finish shows what was written, or why not.
func (d *Doc) finish(written []string, pages int, err error) {
	d.Write.Enable()
	d.Progress.Hide()
	d.Busy.Stop()
	d.Busy.Hide()
	d.written = written
	if err != nil {
		d.Error.SetText(uikit.WriteErrorText(err))
		d.Error.Show()
	}
	if len(written) == 0 {
		return
	}
	text := lang.L("Written: {{.Path}}", map[string]any{"Path": written[0]})
	if len(written) > 1 {
		text = lang.L("Written: {{.Count}} personal copies in {{.Folder}}", map[string]any{"Count": len(written), "Folder": filepath.Dir(written[0])})
	}
	if pages > 0 {
		text += "\n" + lang.N("{{.Count}} pages", pages, map[string]any{"Count": pages})
	}
	d.Result.SetText(text)
	d.Result.Show()
	d.Open.Show()
	d.Folder.Show()
}

// open opens a file or folder with the system's application.
func (t *Tab) open(path string) {
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err == nil {
		err = fyne.CurrentApp().OpenURL(u)
	}
	if err != nil {
		t.env.ShowError(err)
	}
}
