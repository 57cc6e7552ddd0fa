package papers

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"quorum/export"
	"quorum/export/paper"
	"quorum/meeting"
	"quorum/ui/uikit"
)

// shared is what every Papers tab of the process shares: one examiner
// (PDFium takes turns anyway) and one temporary folder for the copies
// opened in the system's viewer. Cleanup ends both.
var shared struct {
	mu       sync.Mutex
	examiner *paper.Examiner
	temp     string
}

// examiner returns the process's examiner, made at first use; PDFium's
// compiled code is kept in the user's cache folder, as the command line
// does.
func examiner() (*paper.Examiner, error) {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.examiner != nil {
		return shared.examiner, nil
	}
	ex, err := export.NewExaminer()
	if err != nil {
		return nil, err
	}
	shared.examiner = ex
	return ex, nil
}

// tempCopy writes a paper's bytes, readable by the user alone, in the
// process's temporary folder, and returns the file's path.
func tempCopy(d *meeting.Document, data []byte) (string, error) {
	shared.mu.Lock()
	if shared.temp == "" {
		dir, err := os.MkdirTemp("", "quorum-papers-")
		if err != nil {
			shared.mu.Unlock()
			return "", err
		}
		shared.temp = dir
	}
	dir := shared.temp
	shared.mu.Unlock()
	name := meeting.SafeFileName(d.FileName)
	if name == "" {
		name = "paper"
	}
	path := filepath.Join(dir, fmt.Sprintf("%d-%s", d.ID, name))
	return path, export.WriteBytes(path, data) // a temporary file is 0600
}

// Cleanup stops the examiner and removes the copies of papers opened in
// the system's viewer. The window calls it when it closes, after it has
// cancelled its context (an examination under way then stops at once).
func Cleanup() error {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	var err error
	if shared.examiner != nil {
		err = shared.examiner.Close()
		shared.examiner = nil
	}
	if shared.temp != "" {
		err = errors.Join(err, os.RemoveAll(shared.temp))
		shared.temp = ""
	}
	return err
}

// examine has the papers not yet examined examined off the UI thread, one
// content at a time, and shows the result when it is kept.
func (t *Tab) examine() {
	if t.env.ReadOnly {
		return // what is learnt is kept in the database, which is not ours to write
	}
	var todo []*meeting.Document
	for _, d := range t.docs {
		if !d.Examined && !t.busy[d.SHA256] && t.failed[d.SHA256] == "" {
			t.busy[d.SHA256] = true
			todo = append(todo, d)
		}
	}
	if len(todo) == 0 {
		return
	}
	for _, d := range todo {
		if r := t.Rows[d.ID]; r != nil {
			r.Info.SetText(t.info(d))
		}
	}
	t.env.Go(func() {
		why := make([]string, len(todo))
		ex, err := examiner()
		for i, d := range todo {
			if err == nil {
				err = t.examineOne(ex, d)
			}
			if errors.Is(err, context.Canceled) {
				return // the window is closing
			}
			if err != nil {
				why[i] = err.Error()
			}
		}
		fyne.Do(func() {
			for i, d := range todo {
				delete(t.busy, d.SHA256)
				if why[i] != "" {
					t.failed[d.SHA256] = why[i]
				}
			}
			t.Reload()
		})
	})
}

// examineOne examines one paper's content and keeps what was learnt.
func (t *Tab) examineOne(ex *paper.Examiner, d *meeting.Document) error {
	rep, err := export.ExamineDocument(t.env.Ctx, t.st, ex, d)
	if err == nil && !rep.Examined() {
		err = errors.New(rep.Problem)
	}
	return err
}

// readFile reads a file to attach; its error says in the user's words why
// it cannot be.
func readFile(u fyne.URI) (*meeting.Document, []byte, error) {
	if u.Scheme() != "file" {
		return nil, nil, errors.New(lang.L("only files on this computer can be attached"))
	}
	path := u.Path()
	fi, err := os.Stat(path)
	if err == nil && fi.IsDir() {
		return nil, nil, errors.New(lang.L("this is a folder, not a file"))
	}
	if err == nil && fi.Size() > meeting.MaxPaperBytes() {
		return nil, nil, errors.New(lang.L("the file is too large ({{.Size}} MB; at most {{.Max}} MB)",
			map[string]any{"Size": fi.Size() >> 20, "Max": meeting.MaxPaperBytes() >> 20}))
	}
	var data []byte
	if err == nil {
		data, err = os.ReadFile(path)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, errors.New(lang.L("the file no longer exists"))
	case errors.Is(err, fs.ErrPermission):
		return nil, nil, errors.New(lang.L("you are not allowed to read this file"))
	case err != nil:
		return nil, nil, errors.New(lang.L("the file cannot be read ({{.Error}})", map[string]any{"Error": err.Error()}))
	}
	name := filepath.Base(path)
	title := strings.Join(strings.Fields(strings.TrimSuffix(name, filepath.Ext(name))), " ")
	if title == "" {
		title = name
	}
	return &meeting.Document{Title: shorten(title, meeting.MaxTitle), FileName: name, InPack: true}, data, nil
}

// info describes a paper: its file, kind, pages and size.
func (t *Tab) info(d *meeting.Document) string {
	parts := []string{d.FileName}
	switch {
	case t.busy[d.SHA256]:
		parts = append(parts, lang.L("examining…"))
	case !d.Examined:
	case d.Kind == meeting.PDFPaper && d.Pages > 0:
		parts = append(parts, lang.N("PDF, {{.Count}} page", d.Pages, map[string]any{"Count": d.Pages}))
	case d.Kind == meeting.ImagePaper:
		parts = append(parts, lang.L("image, printed on one page"))
	case d.Kind == meeting.OtherPaper && d.Size > 0:
		parts = append(parts, lang.L("not a PDF: the pack names it on a page of its own"))
	}
	parts = append(parts, sizeText(d.Size))
	return strings.Join(parts, " · ")
}

// sizeText is a file's size in bytes, KB or MB.
func sizeText(n int64) string {
	switch {
	case n < 1000:
		return lang.N("{{.Count}} byte", int(n), map[string]any{"Count": n})
	case n < 1000*1000:
		return lang.L("{{.N}} KB", map[string]any{"N": (n + 999) / 1000})
	}
	return lang.L("{{.N}} MB", map[string]any{"N": (n + 999_999) / 1_000_000})
}

// warnings says what is wrong with a paper: no content, unreadable,
// encrypted, examination impossible, or arrived after the papers were due.
func (t *Tab) warnings(d *meeting.Document) []string {
	var w []string
	problem := problemText(d.Problem)
	switch {
	case d.Size == 0:
		w = append(w, lang.L("The file is empty: there is nothing to print."))
	case t.failed[d.SHA256] != "":
		w = append(w, lang.L("Quorum could not examine it: {{.Why}}", map[string]any{"Why": t.failed[d.SHA256]}))
	case strings.Contains(d.Problem, "password") || strings.Contains(d.Problem, "encrypted"):
		w = append(w, lang.L("Encrypted: {{.Problem}}. The pack shows a page in its place.", map[string]any{"Problem": problem}))
	case d.Problem != "":
		w = append(w, lang.L("Unreadable: {{.Problem}}. The pack shows a page in its place.", map[string]any{"Problem": problem}))
	}
	if m := t.m; m.PaperLate(d) {
		added := meeting.DateOf(d.Added.In(m.Starts.Location()))
		w = append(w, lang.L("Arrived on {{.Added}}, after the papers were due ({{.Due}}).",
			map[string]any{"Added": uikit.FormatDate(added), "Due": uikit.FormatDate(m.PapersDue)}))
	}
	return w
}

// problems are the examiner's sentences that carry a number, with the
// message that says them in the user's language.
var problems = []struct {
	re  *regexp.Regexp
	msg string
}{
	{regexp.MustCompile(`^page (\d+) is damaged and cannot be read$`), "page {{.A}} is damaged and cannot be read"},
	{regexp.MustCompile(`^too complex to read safely \(stopped after ([\d.]+) s\)$`), "too complex to read safely (stopped after {{.A}} s)"},
	{regexp.MustCompile(`^too complex to read safely \(needs more than (\d+) MB\)$`), "too complex to read safely (needs more than {{.A}} MB)"},
	{regexp.MustCompile(`^too large to read safely \((\d+) MB\)$`), "too large to read safely ({{.A}} MB)"},
	{regexp.MustCompile(`^the image is too large to print \((\d+) × (\d+) pixels\)$`), "the image is too large to print ({{.A}} × {{.B}} pixels)"},
}

// problemText is the examiner's plain English sentence on a paper (see
// paper.Report.Problem) in the user's language.
func problemText(p string) string {
	if p == "" {
		return ""
	}
	for _, k := range problems {
		if m := k.re.FindStringSubmatch(p); m != nil {
			args := map[string]any{"A": m[1]}
			if len(m) > 2 {
				args["B"] = m[2]
			}
			return lang.L(k.msg, args)
		}
	}
	return lang.L(p)
}
