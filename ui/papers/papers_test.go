package papers

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quorum/export"
	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	if err := Cleanup(); err != nil {
		panic(err)
	}
	os.Exit(code)
}

// newMeeting creates a draft meeting, confidential, whose papers are due
// on 20/11/2026, with items "Ouverture" and "Budget 2027"; it returns the
// meeting and the items' IDs.
func newMeeting(t *testing.T, st *meeting.Store) (int64, []int64) {
	t.Helper()
	ctx := context.Background()
	m := &meeting.Meeting{Title: "Conseil d’administration", Starts: time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC),
		Minutes: 90, Classification: meeting.Confidential, PapersDue: "2026-11-20"}
	if err := st.CreateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	st.Now = func() time.Time { return time.Date(2026, 11, 19, 16, 0, 0, 0, time.UTC) } // in time
	var items []int64
	for _, title := range []string{"Ouverture", "Budget 2027"} {
		it := &meeting.AgendaItem{MeetingID: m.ID, Title: title, Purpose: meeting.ForDecision}
		if err := st.AddItem(ctx, it); err != nil {
			t.Fatal(err)
		}
		items = append(items, it.ID)
	}
	return m.ID, items
}

// open shows the Papers tab of a meeting and waits for it to be read.
func open(t *testing.T, env *uikit.Env, st *meeting.Store, id int64) *Tab {
	t.Helper()
	tab := New(env, st, id)
	uitest.Show(env, tab.Content())
	tab.Reload()
	env.Wait()
	return tab
}

// file writes data to a file called name in a temporary folder.
func file(t *testing.T, name string, data []byte) fyne.URI {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return storage.NewFileURI(path)
}

func samplePDF(t *testing.T, paragraphs int) []byte {
	t.Helper()
	var ps []string
	for range paragraphs {
		ps = append(ps, strings.Repeat("Le budget prévisionnel reprend les hypothèses présentées en comité. ", 12))
	}
	data, err := export.SamplePaper("Budget prévisionnel 2027", "CA-2026-12", ps)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func documents(t *testing.T, st *meeting.Store, id int64) []*meeting.Document {
	t.Helper()
	docs, err := st.Documents(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func attach(t *testing.T, st *meeting.Store, d *meeting.Document, data []byte) {
	t.Helper()
	if err := st.AttachDocument(context.Background(), d, data); err != nil {
		t.Fatal(err)
	}
}

func TestDroppedPDFIsAttachedToTheItemChosenAndExamined(t *testing.T) {
	uitest.English(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	id, items := newMeeting(t, st)
	tab := open(t, env, st, id)
	if got := strings.Join(tab.Target.Options, "|"); got != "Item 1: Ouverture|Item 2: Budget 2027|The meeting itself" {
		t.Fatalf("targets: %s", got)
	}
	tab.Target.SetSelectedIndex(1)
	tab.Drop([]fyne.URI{file(t, "Budget 2027 — annexe.pdf", samplePDF(t, 8))})
	env.Wait()

	docs := documents(t, st, id)
	if len(docs) != 1 {
		t.Fatalf("%d papers stored", len(docs))
	}
	d := docs[0]
	if d.ItemID != items[1] || d.Title != "Budget 2027 — annexe" || d.FileName != "Budget 2027 — annexe.pdf" || !d.InPack {
		t.Fatalf("stored %+v", d)
	}
	if !d.Examined || d.Kind != meeting.PDFPaper || d.Pages != 2 || d.Problem != "" {
		t.Fatalf("examination kept: examined %v kind %s pages %d problem %q", d.Examined, d.Kind, d.Pages, d.Problem)
	}
	r := tab.Rows[d.ID]
	if r == nil || !strings.Contains(r.Info.Text, "PDF, 2 pages") || r.Warning.Visible() || r.Item.Selected != "Item 2: Budget 2027" {
		t.Fatalf("row: info %q, warning %q (shown %v), item %q", r.Info.Text, r.Warning.Text, r.Warning.Visible(), r.Item.Selected)
	}
	if !strings.Contains(uitest.Texts(tab.Content()), "Classification: Confidential") ||
		tab.Classification.Importance != widget.DangerImportance {
		t.Fatalf("classification shown: %q", tab.Classification.Text)
	}
}

func TestFilesThatCannotBeReadAreNamedAndNothingAttached(t *testing.T) {
	uitest.English(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	id, _ := newMeeting(t, st)
	tab := open(t, env, st, id)
	gone := storage.NewFileURI(filepath.Join(t.TempDir(), "parti.pdf"))
	folder := storage.NewFileURI(t.TempDir())
	broken := file(t, "cassé.pdf", []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage"))
	tab.Drop([]fyne.URI{gone, folder, broken})
	env.Wait()

	over := uitest.Overlays(env)
	if len(over) != 1 {
		t.Fatalf("%d overlays; want one message", len(over))
	}
	msg := uitest.Texts(over[0])
	for _, want := range []string{"2 files were not attached", "parti.pdf: the file no longer exists", "this is a folder, not a file"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the message %q does not say %q", msg, want)
		}
	}
	// The broken PDF can be read from the disk: it is attached, and its
	// examination says it cannot be printed.
	docs := documents(t, st, id)
	if len(docs) != 1 || docs[0].FileName != "cassé.pdf" {
		t.Fatalf("stored %d papers: %+v", len(docs), docs)
	}
	if r := tab.Rows[docs[0].ID]; !r.Warning.Visible() ||
		r.Warning.Text != "Unreadable: the file is damaged and cannot be read. The pack shows a page in its place." {
		t.Fatalf("warning %q", r.Warning.Text)
	}
}

func TestWarnings(t *testing.T) {
	uitest.English(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	id, _ := newMeeting(t, st)
	st.Now = func() time.Time { return time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC) }
	attach(t, st, &meeting.Document{MeetingID: id, Title: "Vide", FileName: "vide.pdf"}, nil)
	attach(t, st, &meeting.Document{MeetingID: id, Title: "Rapport", FileName: "rapport.pdf", InPack: true}, samplePDF(t, 1))
	st.Now = func() time.Time { return time.Date(2026, 11, 19, 10, 0, 0, 0, time.UTC) }
	protected, err := os.ReadFile("../../../shared/pdf-corpus/valid/issue6010_1.pdf")
	if err == nil {
		attach(t, st, &meeting.Document{MeetingID: id, Title: "Protégé", FileName: "protégé.pdf"}, protected)
	} else {
		t.Logf("no PDF corpus (%v): the encrypted paper is left out", err)
	}
	tab := open(t, env, st, id)
	want := map[string]string{
		"Vide":    "The file is empty: there is nothing to print.\nArrived on 25/11/2026, after the papers were due (20/11/2026).",
		"Rapport": "Arrived on 25/11/2026, after the papers were due (20/11/2026).",
		"Protégé": "Encrypted: protected by a password. The pack shows a page in its place.",
	}
	for _, d := range documents(t, st, id) {
		if r := tab.Rows[d.ID]; r.Warning.Text != want[d.Title] || r.Warning.Visible() != (want[d.Title] != "") {
			t.Errorf("%s warns %q (shown %v); want %q", d.Title, r.Warning.Text, r.Warning.Visible(), want[d.Title])
		}
	}
}

func TestReorderIncludeRenameMoveAndDelete(t *testing.T) {
	uitest.English(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	id, items := newMeeting(t, st)
	for _, d := range []*meeting.Document{
		{MeetingID: id, ItemID: items[1], Title: "A", FileName: "a.txt", InPack: true},
		{MeetingID: id, Title: "B", FileName: "b.txt", InPack: true},
		{MeetingID: id, ItemID: items[1], Title: "C", FileName: "c.txt", InPack: true},
	} {
		attach(t, st, d, []byte(d.Title))
	}
	titles := func() string {
		var s []string
		for _, d := range documents(t, st, id) {
			s = append(s, d.Title)
		}
		return strings.Join(s, " ")
	}
	tab := open(t, env, st, id)
	docs := documents(t, st, id)
	a, b, c := tab.Rows[docs[0].ID], tab.Rows[docs[1].ID], tab.Rows[docs[2].ID]
	if !a.Up.Disabled() || a.Down.Disabled() || c.Down.Disabled() != true || !b.Up.Disabled() || !b.Down.Disabled() {
		t.Fatal("up and down are not enabled within each item's papers")
	}
	// C comes before A: past B, which belongs to the meeting itself.
	test.Tap(c.Up)
	env.Wait()
	if got := titles(); got != "C A B" && got != "C B A" {
		t.Fatalf("after moving C up: %s", got)
	}
	c = tab.Rows[docs[2].ID]
	if !c.Up.Disabled() {
		t.Fatal("C is first of its item, yet can go up")
	}

	test.Tap(c.InPack)
	c.Title.SetText("")
	test.Type(c.Title, "Compte rendu financier")
	env.Wait()
	got := documents(t, st, id)[0]
	if got.InPack || got.Title != "Compte rendu financier" {
		t.Fatalf("stored in pack %v title %q", got.InPack, got.Title)
	}
	c = tab.Rows[got.ID]
	c.Title.SetText(strings.Repeat("x", 5000))
	env.Wait()
	if !c.TitleError.Visible() || documents(t, st, id)[0].Title != "Compte rendu financier" {
		t.Fatalf("a 5,000-character title: message %q shown %v; stored %q", c.TitleError.Text, c.TitleError.Visible(), documents(t, st, id)[0].Title)
	}

	a = tab.Rows[docs[0].ID]
	a.Item.SetSelectedIndex(0) // to item 1
	env.Wait()
	for _, d := range documents(t, st, id) {
		if d.Title == "A" && d.ItemID != items[0] {
			t.Fatalf("A is attached to %d, not item 1", d.ItemID)
		}
	}
	if text := uitest.Texts(tab.Content()); !strings.Contains(text, "Item 1: Ouverture") {
		t.Fatalf("A is not shown under item 1:\n%s", text)
	}

	test.Tap(tab.Rows[docs[1].ID].Delete)
	test.Tap(uitest.Button(t, uitest.Overlays(env)[0], "Keep it"))
	env.Wait()
	if len(documents(t, st, id)) != 3 {
		t.Fatal("kept, yet deleted")
	}
	test.Tap(tab.Rows[docs[1].ID].Delete)
	if !strings.Contains(uitest.Texts(uitest.Overlays(env)[0]), "Delete “B” (b.txt) from this meeting?") {
		t.Fatalf("the confirmation says %q", uitest.Texts(uitest.Overlays(env)[0]))
	}
	test.Tap(uitest.Button(t, uitest.Overlays(env)[0], "Delete"))
	env.Wait()
	if got := titles(); got != "Compte rendu financier A" {
		t.Fatalf("after delete: %s", got)
	}
	if tab.Rows[docs[1].ID] != nil {
		t.Fatal("the deleted paper is still shown")
	}
}

func TestOpenWritesAPrivateCopyRemovedByCleanup(t *testing.T) {
	uitest.English(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	id, _ := newMeeting(t, st)
	data := samplePDF(t, 1)
	attach(t, st, &meeting.Document{MeetingID: id, Title: "Note", FileName: "note: 2027/01.pdf", InPack: true}, data)
	tab := open(t, env, st, id)
	var opened *url.URL
	tab.openURL = func(u *url.URL) error { opened = u; return nil }
	test.Tap(tab.Rows[documents(t, st, id)[0].ID].Open)
	env.Wait()
	if opened == nil || opened.Scheme != "file" {
		t.Fatalf("opened %v", opened)
	}
	fi, err := os.Stat(opened.Path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the copy: %v, %v", fi, err)
	}
	if got, _ := os.ReadFile(opened.Path); !bytes.Equal(got, data) || !strings.HasSuffix(opened.Path, "note_ 2027_01.pdf") {
		t.Fatalf("the copy %s holds %d bytes", opened.Path, len(got))
	}
	if err := Cleanup(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Dir(opened.Path)); !os.IsNotExist(err) {
		t.Fatalf("the temporary folder is still there: %v", err)
	}
}

func TestEmptyMeetingInFrench(t *testing.T) {
	uitest.French(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	m := &meeting.Meeting{Title: "Réunion", Starts: time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)}
	if err := st.CreateMeeting(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	tab := open(t, env, st, m.ID)
	if !tab.Empty.Visible() || !strings.HasPrefix(tab.Empty.Text, "Aucun document") {
		t.Fatalf("empty tab says %q", tab.Empty.Text)
	}
	if tab.Classification.Text != "Classification : Interne" || tab.Add.Text != "Ajouter des documents…" ||
		strings.Join(tab.Target.Options, "|") != "La réunion elle-même" {
		t.Fatalf("in French: %q, %q, %q", tab.Classification.Text, tab.Add.Text, tab.Target.Options)
	}
	test.Tap(tab.Add)
	if len(uitest.Overlays(env)) != 1 {
		t.Fatal("the file dialog did not open")
	}
	// What the file dialog gives back once a file is picked.
	png := file(t, "Ordre du jour.png", []byte("\x89PNG\r\n\x1a\nbroken"))
	r, err := storage.Reader(png)
	if err != nil {
		t.Fatal(err)
	}
	tab.chosen(r, nil)
	env.Wait()
	if dir := env.Prefs.AttachFolder(); dir != filepath.Dir(png.Path()) {
		t.Fatalf("the folder kept is %q", dir)
	}
	docs := documents(t, st, m.ID)
	if len(docs) != 1 || docs[0].Kind != meeting.ImagePaper {
		t.Fatalf("stored %+v", docs)
	}
	if r := tab.Rows[docs[0].ID]; r.Warning.Text != "Illisible : l’image est endommagée et ne peut pas être lue. Le dossier montre une page à sa place." {
		t.Fatalf("French warning %q", r.Warning.Text)
	}
}

func TestReadOnlyAttachesNothing(t *testing.T) {
	uitest.English(t)
	env, _ := uitest.Env(t)
	env.ReadOnly = true
	st := uitest.Store(t)
	id, _ := newMeeting(t, st)
	attach(t, st, &meeting.Document{MeetingID: id, Title: "A", FileName: "a.txt", InPack: true}, []byte("a"))
	tab := open(t, env, st, id)
	if documents(t, st, id)[0].Examined {
		t.Error("a read-only tab wrote an examination")
	}
	tab.Drop([]fyne.URI{file(t, "b.txt", []byte("b"))})
	env.Wait()
	if n := len(documents(t, st, id)); n != 1 {
		t.Fatalf("%d papers after a drop in read-only mode", n)
	}
	if over := uitest.Overlays(env); len(over) != 1 || !strings.Contains(uitest.Texts(over[0]), "read, not changed") {
		t.Fatal("the drop was refused without a word")
	}
	r := tab.Rows[documents(t, st, id)[0].ID]
	for _, w := range []fyne.Disableable{tab.Add, r.InPack, r.Title, r.Item, r.Delete, r.Up, r.Down} {
		if !w.Disabled() {
			t.Errorf("%T enabled in read-only mode", w)
		}
	}
	if r.Open.Disabled() {
		t.Error("a read-only paper cannot be opened")
	}
}

func TestTypingSurvivesAReload(t *testing.T) {
	uitest.English(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	id, items := newMeeting(t, st)
	attach(t, st, &meeting.Document{MeetingID: id, ItemID: items[0], Title: "Budget", FileName: "budget.pdf", InPack: true}, samplePDF(t, 1))
	tab := open(t, env, st, id)
	d := documents(t, st, id)[0]
	r := tab.Rows[d.ID]
	env.Window.Canvas().Focus(r.Title)
	r.Title.SetText("")
	test.Type(r.Title, "Budget (projet)")
	// Another paper arrives for another item while the title is typed.
	tab.Target.SetSelectedIndex(2)
	tab.Drop([]fyne.URI{file(t, "annexe.txt", []byte("annexe"))})
	env.Wait()
	r = tab.Rows[d.ID]
	if r.Title.Text != "Budget (projet)" {
		t.Fatalf("after the drop the title shows %q", r.Title.Text)
	}
	r.Title.SetText("Budget (projet) v2")
	tab.Reload()
	env.Wait()
	r = tab.Rows[d.ID]
	if r.Title.Text != "Budget (projet) v2" {
		t.Fatalf("the title shows %q", r.Title.Text)
	}
	if got := documents(t, st, id)[0].Title; got != "Budget (projet) v2" {
		t.Fatalf("stored %q", got)
	}
	// A reload that changes nothing keeps the row, and the focus in it.
	env.Window.Canvas().Focus(r.Title)
	tab.Reload()
	env.Wait()
	if tab.Rows[d.ID] != r || env.Window.Canvas().Focused() != r.Title {
		t.Fatal("a reload rebuilt the row being typed in")
	}
}

func TestProblemsInFrench(t *testing.T) {
	uitest.French(t)
	for in, want := range map[string]string{
		"page 3 is damaged and cannot be read":                "la page 3 est endommagée et ne peut pas être lue",
		"too complex to read safely (stopped after 0.2 s)":    "trop complexe pour être lu sans risque (arrêté après 0.2 s)",
		"the image is too large to print (40000 × 20 pixels)": "l’image est trop grande pour être imprimée (40000 × 20 pixels)",
		"protected by a password":                             "protégé par un mot de passe",
		"something new":                                       "something new",
	} {
		if got := problemText(in); got != want {
			t.Errorf("%q says %q in French; want %q", in, got, want)
		}
	}
}
