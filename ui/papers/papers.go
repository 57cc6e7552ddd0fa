// Package papers is the Papers tab of a meeting's workspace: the papers
// attached to the meeting and to each of its items, added with the file
// dialog or dropped on the window, examined in the background (kind, page
// count, problems), reordered, kept in or out of the briefing pack, moved
// to another item, renamed, deleted and opened with the system's viewer.
package papers

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// Store is what the tab needs of the store.
type Store interface {
	GetMeeting(ctx context.Context, id int64) (*meeting.Meeting, error)
	Agenda(ctx context.Context, meetingID int64) (meeting.Agenda, error)
	Documents(ctx context.Context, meetingID int64) ([]*meeting.Document, error)
	DocumentData(ctx context.Context, id int64) ([]byte, error)
	AttachDocument(ctx context.Context, d *meeting.Document, data []byte) error
	UpdateDocument(ctx context.Context, d *meeting.Document) error
	MoveDocument(ctx context.Context, id int64, up bool) error
	DeleteDocument(ctx context.Context, id int64) error
	RecordExamination(ctx context.Context, sha string, e meeting.Examination) error
}

// Tab is the Papers tab of one meeting. Its widgets are fields so that
// tests, and the window's own test hook, can drive them.
type Tab struct {
	env       *uikit.Env
	st        Store
	meetingID int64
	writes    *uikit.Writes
	openURL   func(*url.URL) error // the system's viewer

	m       *meeting.Meeting
	docs    []*meeting.Document
	targets []target          // where papers can go: the meeting, then each item
	busy    map[string]bool   // contents being examined, by SHA-256
	failed  map[string]string // contents that could not be examined, and why

	Lock           *uikit.LockBanner // says the minutes are approved, when they are
	Classification *widget.Label     // the meeting's classification, at the top
	Due            *widget.Label     // when papers are due, if set
	Target         *widget.Select
	Add            *widget.Button
	hint           *widget.Label // files can be dropped: hidden when they cannot
	Empty          *widget.Label
	Rows           map[int64]*Row // by paper ID
	layout         []string       // what the rows show: headings and paper IDs in order
	filling        bool           // rows are being filled: changes are not the user's
	list           *fyne.Container
	scroll         *container.Scroll
	top            *fyne.Container

	content fyne.CanvasObject
}

// target is a place a paper can be attached to: an item, or the meeting
// itself (item 0).
type target struct {
	item  int64
	label string
}

// New builds the Papers tab of a meeting; Reload fills it.
func New(env *uikit.Env, st Store, meetingID int64) *Tab {
	t := &Tab{env: env, st: st, meetingID: meetingID, writes: env.NewWrites(),
		busy: map[string]bool{}, failed: map[string]string{}, Rows: map[int64]*Row{}}
	t.openURL = func(u *url.URL) error { return fyne.CurrentApp().OpenURL(u) }
	t.build()
	return t
}

// Content is what the workspace shows in the tab.
func (t *Tab) Content() fyne.CanvasObject { return t.content }

func (t *Tab) build() {
	t.Classification = widget.NewLabel("")
	t.Classification.TextStyle.Bold = true
	t.Due = widget.NewLabel("")
	t.Due.Wrapping = fyne.TextWrapWord
	t.Target = widget.NewSelect(nil, nil)
	t.Add = widget.NewButtonWithIcon(lang.L("Add papers…"), theme.ContentAddIcon(), t.chooseFile)
	t.hint = widget.NewLabel(lang.L("You can also drop files on the window."))
	t.hint.SizeName = theme.SizeNameCaptionText
	t.hint.Wrapping = fyne.TextWrapWord
	t.Empty = widget.NewLabel("")
	t.Empty.Wrapping = fyne.TextWrapWord
	t.Empty.Alignment = fyne.TextAlignCenter
	t.list = container.NewVBox()

	t.Lock = uikit.NewLockBanner()
	t.top = container.NewVBox(
		t.Lock,
		container.NewBorder(nil, nil, t.Classification, nil, t.Due),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Attach new papers to")), t.Add, t.Target),
		t.hint,
		widget.NewSeparator(),
	)
	t.scroll = container.NewVScroll(container.NewPadded(container.NewVBox(t.Empty, t.list)))
	t.content = container.NewBorder(container.NewPadded(t.top), nil, nil, nil, t.scroll)
	uikit.Enable(!t.env.ReadOnly, t.Add, t.Target)
	t.hint.Hidden = t.env.ReadOnly
}

// editable reports whether papers may be attached, changed or deleted:
// not in a read-only database, nor once the minutes are approved.
func (t *Tab) editable() bool { return t.env.Editable(t.m) }

// Close saves what is being typed and lets the tab go; the workspace
// calls it when it closes the meeting.
func (t *Tab) Close() {
	for _, r := range t.Rows {
		r.saver.Flush()
		t.env.Forget(r.saver)
	}
	t.Rows = map[int64]*Row{}
}

// Reload reads the meeting, its agenda and its papers again, once the
// changes asked for are written, then has the papers not yet examined
// examined.
func (t *Tab) Reload() {
	for _, r := range t.Rows {
		r.saver.Flush()
	}
	t.writes.Do(func(context.Context) error { return nil }, func(error) { uikit.Load(t.env, t.load, t.apply) })
}

type loaded struct {
	m      *meeting.Meeting
	agenda meeting.Agenda
	docs   []*meeting.Document
}

func (t *Tab) load(ctx context.Context) (loaded, error) {
	var l loaded
	var err error
	if l.m, err = t.st.GetMeeting(ctx, t.meetingID); err != nil {
		return l, err
	}
	if l.agenda, err = t.st.Agenda(ctx, t.meetingID); err != nil {
		return l, err
	}
	l.docs, err = t.st.Documents(ctx, t.meetingID)
	return l, err
}

func (t *Tab) apply(l loaded) {
	t.m, t.docs = l.m, l.docs
	uikit.Enable(t.editable(), t.Add, t.Target)
	t.hint.Hidden = !t.editable()
	t.Lock.Set(t.m, t.content)
	t.Classification.SetText(lang.L("Classification: {{.Class}}",
		map[string]any{"Class": uikit.ClassificationLabel(t.m.Classification)}))
	t.Classification.Importance = widget.MediumImportance
	if t.m.Classification == meeting.Confidential || t.m.Classification == meeting.Secret {
		t.Classification.Importance = widget.DangerImportance
	}
	t.Classification.Refresh()
	if t.m.PapersDue != "" {
		t.Due.SetText(lang.L("Papers due by {{.Date}}", map[string]any{"Date": uikit.FormatDate(t.m.PapersDue)}))
	} else {
		t.Due.SetText("")
	}
	uikit.Relayout(t.top) // around the new texts

	// The places papers go, in the pack's order: the items, then the
	// meeting's own papers.
	chosen := t.target()
	t.targets = nil
	l.agenda.Walk(func(it *meeting.AgendaItem) {
		t.targets = append(t.targets, target{it.ID, lang.L("Item {{.Number}}: {{.Title}}",
			map[string]any{"Number": it.Number, "Title": shorten(it.Title, 48)})})
	})
	t.targets = append(t.targets, target{0, lang.L("The meeting itself")})
	names := make([]string, len(t.targets))
	for i, g := range t.targets {
		names[i] = g.label
	}
	t.Target.SetOptions(names)
	t.Target.SetSelectedIndex(max(0, t.targetIndex(chosen)))
	if len(t.targets) == 1 {
		t.Target.SetSelectedIndex(0)
	}

	t.showRows()
	t.examine()
}

// target is the item new papers go to (0: the meeting).
func (t *Tab) target() int64 {
	if i := t.Target.SelectedIndex(); i >= 0 && i < len(t.targets) {
		return t.targets[i].item
	}
	return 0
}

func (t *Tab) targetIndex(item int64) int {
	for i, g := range t.targets {
		if g.item == item {
			return i
		}
	}
	return -1
}

// shorten cuts s to n characters with an ellipsis.
func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// group returns the papers attached to item (0: the meeting), in order.
func (t *Tab) group(item int64) []*meeting.Document {
	var docs []*meeting.Document
	for _, d := range t.docs {
		if d.ItemID == item || (item == 0 && t.targetIndex(d.ItemID) < 0) {
			docs = append(docs, d)
		}
	}
	return docs
}

// showRows lays out the papers under the item they belong to. When
// the same papers stay in the same places, their rows are filled anew,
// so that a title being typed keeps its text and the focus.
func (t *Tab) showRows() {
	var layout []string // the headings and papers, in order
	for _, g := range t.targets {
		if docs := t.group(g.item); len(docs) > 0 {
			layout = append(layout, g.label)
			for _, d := range docs {
				layout = append(layout, strconv.FormatInt(d.ID, 10))
			}
		}
	}
	same := slices.Equal(layout, t.layout)
	t.layout = layout
	typed := map[int64]string{} // titles being typed, kept across the new rows
	if !same {
		for id, r := range t.Rows {
			if r.Title.Text != r.doc.Title {
				typed[id] = r.Title.Text
			}
		}
		t.Close()
		t.list.RemoveAll()
	}
	for _, g := range t.targets {
		docs := t.group(g.item)
		if len(docs) > 0 && !same {
			head := widget.NewLabel(g.label)
			head.TextStyle.Bold = true
			head.Truncation = fyne.TextTruncateEllipsis
			t.list.Add(head)
		}
		for i, d := range docs {
			r := t.Rows[d.ID]
			if r == nil {
				r = t.newRow()
				t.Rows[d.ID] = r
				t.list.Add(r.content)
			}
			t.fill(r, d, i == 0, i == len(docs)-1)
			if text, ok := typed[d.ID]; ok {
				r.Title.SetText(text)
			}
		}
	}
	t.Empty.Text = lang.L("No papers.")
	if t.editable() {
		t.Empty.Text = lang.L("No papers yet: add them with the button above or drop files on the window.")
	}
	t.Empty.Hidden = len(t.docs) > 0
	t.Empty.Refresh()
	uikit.Relayout(t.scroll)
}

// chooseFile asks for a paper with the file dialog, in the folder the
// last one came from, and attaches it like a dropped file.
func (t *Tab) chooseFile() {
	d := dialog.NewFileOpen(t.chosen, t.env.Window)
	if dir := t.env.Prefs.AttachFolder(); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// chosen attaches the file picked in the file dialog, and remembers its
// folder for the next time.
func (t *Tab) chosen(r fyne.URIReadCloser, err error) {
	if err != nil {
		t.env.ShowError(err)
		return
	}
	if r == nil {
		return // cancelled
	}
	u := r.URI()
	r.Close()
	if dir, err := storage.Parent(u); err == nil && dir.Scheme() == "file" {
		t.env.Prefs.SetAttachFolder(filepath.Clean(dir.Path()))
	}
	t.Drop([]fyne.URI{u})
}

// Drop attaches files to the item chosen in "Attach new papers to" (or
// to the meeting). The window calls it when files are dropped on it while
// the tab is shown. Files are read off the UI thread; those that cannot be
// read are named in one message, and nothing of them is attached.
func (t *Tab) Drop(uris []fyne.URI) {
	if len(uris) == 0 {
		return
	}
	if t.env.ReadOnly {
		dialog.ShowInformation(lang.L("Not attached"),
			lang.L("Another Quorum has this database open: here it can be read, not changed."), t.env.Window)
		return
	}
	item := t.target()
	var failed []string
	locked := false
	t.writes.Do(func(ctx context.Context) error {
		// The meeting as it is now: files dropped on a tab not read yet
		// (or read before the minutes were approved elsewhere) too.
		m, err := t.st.GetMeeting(ctx, t.meetingID)
		if locked = uikit.Locked(m); err != nil || locked {
			return err
		}
		for _, u := range uris {
			d, data, err := readFile(u)
			if err == nil {
				d.MeetingID, d.ItemID = t.meetingID, item
				err = t.st.AttachDocument(ctx, d, data)
			}
			if err != nil {
				failed = append(failed, lang.L("{{.File}}: {{.Error}}", map[string]any{"File": u.Name(), "Error": why(err)}))
			}
		}
		return nil
	}, func(error) {
		if locked {
			dialog.ShowInformation(lang.L("Not attached"), uikit.LockedText(), t.env.Window)
		}
		if len(failed) > 0 {
			dialog.ShowInformation(lang.N("{{.Count}} file was not attached", len(failed), map[string]any{"Count": len(failed)}),
				strings.Join(failed, "\n"), t.env.Window)
		}
		t.Reload()
	})
}

// moveWithin moves a paper before the previous (or after the next) paper
// of its item: the store moves papers among all of the meeting's, so it
// takes as many steps as there are papers of other items between them.
func (t *Tab) moveWithin(d *meeting.Document, up bool) {
	group := t.group(d.ItemID)
	i := indexOf(group, d)
	j := i + 1
	if up {
		j = i - 1
	}
	if j < 0 || j >= len(group) {
		return
	}
	steps := indexOf(t.docs, group[j]) - indexOf(t.docs, d)
	if steps < 0 {
		steps = -steps
	}
	t.writes.Do(func(ctx context.Context) error {
		for range steps {
			if err := t.st.MoveDocument(ctx, d.ID, up); err != nil {
				return err
			}
		}
		return nil
	}, func(error) { t.Reload() })
}

func indexOf(docs []*meeting.Document, d *meeting.Document) int {
	for i, x := range docs {
		if x.ID == d.ID {
			return i
		}
	}
	return -1
}

// update saves a paper's title, item and place in the pack.
func (t *Tab) update(d meeting.Document, reload bool) {
	t.writes.Do(func(ctx context.Context) error { return t.st.UpdateDocument(ctx, &d) }, func(err error) {
		if err != nil || reload {
			t.Reload()
		}
	})
}

// remove deletes a paper, once the user has confirmed.
func (t *Tab) remove(d *meeting.Document) {
	uikit.Confirm(t.env, lang.L("Delete the paper"),
		lang.L("Delete “{{.Title}}” ({{.File}}) from this meeting?", map[string]any{"Title": d.Title, "File": d.FileName}),
		lang.X("papers.delete", "Delete"), func(ok bool) {
			if ok {
				t.writes.Do(func(ctx context.Context) error { return t.st.DeleteDocument(ctx, d.ID) }, func(error) { t.Reload() })
			}
		})
}

// open writes a copy of the paper in Quorum's temporary folder and opens
// it with the system's viewer.
func (t *Tab) open(d *meeting.Document) {
	var path string
	t.env.Go(func() {
		data, err := t.st.DocumentData(t.env.Ctx, d.ID)
		if err == nil {
			path, err = tempCopy(d, data)
		}
		fyne.Do(func() {
			if err == nil {
				var u *url.URL
				if u, err = url.Parse(storage.NewFileURI(path).String()); err == nil {
					err = t.openURL(u)
				}
			}
			if err != nil {
				t.env.ShowError(fmt.Errorf("%s: %w", d.FileName, err))
			}
		})
	})
}

// why says in the user's words why a file was not attached: the store's
// refusal, or the reason readFile gave.
func why(err error) string {
	var me *meeting.Error
	if errors.As(err, &me) {
		return uikit.ErrorText(err)
	}
	return err.Error()
}
