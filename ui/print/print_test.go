package print_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quorum/export"
	"quorum/meeting"
	"quorum/ui/print"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// codir is CODIR n° 1: two attendees, two items, and a real PDF paper on
// the first, attached after the papers were due and not yet examined.
func codir(t *testing.T, st *meeting.Store) *meeting.Meeting {
	t.Helper()
	ctx := context.Background()
	s := &meeting.Series{Name: "Comité de direction", Code: "CODIR"}
	must(t, st.CreateSeries(ctx, s))
	paris, _ := time.LoadLocation("Europe/Paris")
	m := &meeting.Meeting{SeriesID: s.ID, Title: "Comité de direction — décembre", TimeZone: "Europe/Paris",
		Starts: time.Date(2026, 12, 3, 9, 30, 0, 0, paris), Minutes: 90, Language: "fr", PapersDue: "2026-01-01"}
	must(t, st.CreateMeeting(ctx, m))
	for i, name := range []string{"Claire Martin", "Jean-Loïc Nguyễn"} {
		p := &meeting.Person{Name: name}
		must(t, st.CreatePerson(ctx, p))
		must(t, st.AddAttendee(ctx, &meeting.Attendee{MeetingID: m.ID, PersonID: p.ID, Role: []meeting.Role{meeting.Chair, meeting.Secretary}[i], Status: meeting.Invited}))
	}
	first := &meeting.AgendaItem{MeetingID: m.ID, Title: "Budget 2027 — 1 200 000 €", Purpose: meeting.ForDecision, Minutes: 30}
	must(t, st.AddItem(ctx, first))
	must(t, st.AddItem(ctx, &meeting.AgendaItem{MeetingID: m.ID, Title: "Questions diverses", Purpose: meeting.ForInformation, Minutes: 10}))
	data, err := export.SamplePaper("Note budgétaire", "DAF-2026-042", []string{strings.Repeat("Le comité examine l’exécution budgétaire. ", 300)})
	must(t, err)
	must(t, st.AttachDocument(ctx, &meeting.Document{MeetingID: m.ID, ItemID: first.ID, Title: "Note budgétaire",
		FileName: "note.pdf", InPack: true}, data))
	return m
}

// codirTab shows the Print tab of CODIR n° 1.
func codirTab(t *testing.T) (*uikit.Env, *meeting.Store, *meeting.Meeting, *print.Tab) {
	t.Helper()
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	m := codir(t, st)
	return env, st, m, uitest.Shown(env, print.New(env, st, m.ID))
}

// pdfPages checks that path is a PDF and returns its page count, as
// pdfinfo reads it (0 when pdfinfo is missing).
func pdfPages(t *testing.T, path string, args ...string) int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the document was not written: %v", err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF: %q", path, data[:min(len(data), 8)])
	}
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Log("pdfinfo is missing: page counts not checked")
		return 0
	}
	out, err := exec.Command("pdfinfo", append(args, path)...).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v\n%s", path, err, out)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

func TestWriteAgendaAndPack(t *testing.T) {
	env, st, m, tab := codirTab(t)
	dir := t.TempDir()

	agenda := tab.Docs[export.DocAgenda]
	if agenda.Language.Value() != "fr" {
		t.Errorf("the agenda's language is %q, want the meeting's (fr)", agenda.Language.Value())
	}
	path := filepath.Join(dir, "CODIR-1 ordre du jour.pdf")
	must(t, tab.WriteTo(export.DocAgenda, path))
	pdfPages(t, path)
	if agenda.Result.Hidden || !strings.Contains(agenda.Result.Text, path) || agenda.Open.Hidden || agenda.Folder.Hidden {
		t.Errorf("after writing, the panel shows %q (Open hidden %v)", agenda.Result.Text, agenda.Open.Hidden)
	}
	if env.Prefs.ExportFolder() != dir {
		t.Errorf("export folder remembered: %q", env.Prefs.ExportFolder())
	}

	pack := tab.Docs[export.DocPack]
	pack.Duplex.SetChecked(true)
	path = filepath.Join(dir, "dossier.pdf")
	must(t, tab.WriteTo(export.DocPack, path))
	pages := pdfPages(t, path)
	if pages > 0 && !strings.Contains(pack.Result.Text, strconv.Itoa(pages)+" pages") {
		t.Errorf("pdfinfo counts %d pages; the panel says %q", pages, pack.Result.Text)
	}
	// The paper was examined first: it is in the pack, and its lateness
	// is in the preflight, in the document's language.
	docs, err := st.Documents(context.Background(), m.ID)
	must(t, err)
	if !docs[0].Examined || docs[0].Pages == 0 {
		t.Errorf("the paper was not examined before the pack: %+v", docs[0])
	}
	if pages > 0 && pages < 4+docs[0].Pages {
		t.Errorf("the pack has %d pages: the paper's %d are not in it", pages, docs[0].Pages)
	}
	if pack.Issues.Hidden || !strings.Contains(pack.Issues.Text, "• Item 1 — “Note budgétaire”: remis après la date limite (01/01/2026)") {
		t.Errorf("the preflight does not report the late paper: %q", pack.Issues.Text)
	}
	if pack.Progress.Value != 1 {
		t.Errorf("the progress bar reached %v, want 1 (every paper placed)", pack.Progress.Value)
	}
	if !pack.Progress.Hidden || !pack.Busy.Hidden || pack.Write.Disabled() {
		t.Errorf("the progress bars stay after the build")
	}
}

func TestPersonalCopiesWithPassword(t *testing.T) {
	_, _, _, tab := codirTab(t)
	dir := t.TempDir()
	pack := tab.Docs[export.DocPack]
	pack.Copies.SetChecked(true)
	test.Type(pack.Password, "s3cret")
	path := filepath.Join(dir, "dossier.pdf")
	os.WriteFile(path, nil, 0o644) // as the save dialog leaves it
	must(t, tab.WriteTo(export.DocPack, path))

	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	want := []string{filepath.Join(dir, "dossier-01-Claire Martin.pdf"), filepath.Join(dir, "dossier-02-Jean-Loïc Nguyễn.pdf")}
	if strings.Join(files, "|") != strings.Join(want, "|") {
		t.Fatalf("files written: %q, want %q", files, want)
	}
	pdfPages(t, want[1], "-upw", "s3cret")
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		if err := exec.Command("pdfinfo", want[0]).Run(); err == nil {
			t.Errorf("a personal copy opens without its password")
		}
	}
	if !strings.Contains(pack.Result.Text, "2 personal copies") {
		t.Errorf("the panel says %q", pack.Result.Text)
	}
}

func TestAllDocumentsOfAnEmptyMeeting(t *testing.T) {
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	m := &meeting.Meeting{Title: "Réunion d’information", Starts: time.Date(2026, 12, 10, 14, 0, 0, 0, time.UTC), Language: "en"}
	must(t, st.CreateMeeting(context.Background(), m))
	tab := uitest.Shown(env, print.New(env, st, m.ID))
	dir := t.TempDir()
	tab.Docs[export.DocActions].ByOwner.SetSelected("By owner")
	tab.Docs[export.DocMinutes].Public.SetChecked(true)
	for _, kind := range print.Order {
		path := filepath.Join(dir, kind+export.Extension(kind))
		must(t, tab.WriteTo(kind, path))
		if export.Extension(kind) == ".pdf" {
			pdfPages(t, path)
		} else if info, err := os.Stat(path); err != nil || info.Size() == 0 {
			t.Errorf("%s: nothing written (%v)", kind, err)
		}
	}
	if got := tab.Docs[export.DocPack].Issues.Text; got != "Preflight: nothing to report." {
		t.Errorf("preflight of an empty pack: %q", got)
	}

	// Copies for the attendees of a meeting without any: said, nothing written.
	pack := tab.Docs[export.DocPack]
	pack.Copies.SetChecked(true)
	path := filepath.Join(dir, "copies.pdf")
	if err := tab.WriteTo(export.DocPack, path); err == nil {
		t.Fatal("copies for nobody were written")
	}
	if pack.Error.Hidden || !strings.Contains(pack.Error.Text, "no attendees") || !pack.Result.Hidden {
		t.Errorf("the panel says %q / %q", pack.Error.Text, pack.Result.Text)
	}
	if _, err := os.Stat(path); err == nil {
		t.Errorf("a file was left at %s", path)
	}
}

func TestWriteFailureInPlainWords(t *testing.T) {
	_, _, _, tab := codirTab(t)
	file := filepath.Join(t.TempDir(), "a file")
	must(t, os.WriteFile(file, []byte("x"), 0o644))
	minutes := tab.Docs[export.DocMinutes]
	if err := tab.WriteTo(export.DocMinutes, filepath.Join(file, "minutes.pdf")); err == nil {
		t.Fatal("written inside a file")
	}
	if minutes.Error.Hidden || !strings.HasPrefix(minutes.Error.Text, "This place cannot hold a file") || !minutes.Open.Hidden {
		t.Errorf("the panel says %q", minutes.Error.Text)
	}
	if err := tab.WriteTo("letter", filepath.Join(t.TempDir(), "x.pdf")); err == nil {
		t.Error("an unknown document was written")
	}
	// A second try, elsewhere, clears the message.
	must(t, tab.WriteTo(export.DocMinutes, filepath.Join(t.TempDir(), "minutes.pdf")))
	if !minutes.Error.Hidden {
		t.Errorf("the old message stays: %q", minutes.Error.Text)
	}
}

func TestFrench(t *testing.T) {
	uitest.French(t)
	env, _, _, tab := codirTab(t)
	dir := t.TempDir()
	env.Prefs.SetExportFolder(dir)
	agenda := tab.Docs[export.DocAgenda]
	if agenda.Write.Text != "Écrire…" || tab.Docs[export.DocPack].Duplex.Text != "Recto verso (chaque point commence sur une page de droite)" {
		t.Errorf("panel in French: %q, %q", agenda.Write.Text, tab.Docs[export.DocPack].Duplex.Text)
	}
	// Write… asks where, offering the meeting's name for the file.
	test.Tap(agenda.Write)
	found := false
	uitest.Walk(uitest.Top(env), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.Text == "CODIR-1 ordre du jour.pdf" {
			found = true
		}
	})
	if !found {
		t.Error("the save dialog does not offer « CODIR-1 ordre du jour.pdf »")
	}
	uitest.TapDialogButton(t, env, "Annuler")

	path := filepath.Join(dir, "pv.pdf")
	must(t, tab.WriteTo(export.DocMinutes, path))
	pdfPages(t, path)
	if got := tab.Docs[export.DocMinutes].Result.Text; !strings.HasPrefix(got, "Écrit : "+path) {
		t.Errorf("result in French: %q", got)
	}
	must(t, tab.WriteTo(export.DocPack, filepath.Join(dir, "dossier.pdf")))
	if got := tab.Docs[export.DocPack].Issues.Text; !strings.Contains(got, "• Point 1 — « Note budgétaire » : remis après la date limite (01/01/2026)") {
		t.Errorf("preflight in French: %q", got)
	}
}

// TestWriteThroughTheSaveDialog goes the user's way: Write…, the file
// dialog opens in the folder used last with the document's name, Save.
func TestWriteThroughTheSaveDialog(t *testing.T) {
	env, _, _, tab := codirTab(t)
	dir := t.TempDir()
	env.Prefs.SetExportFolder(dir)
	attendance := tab.Docs[export.DocAttendance]
	test.Tap(attendance.Write)
	uitest.TapDialogButton(t, env, "Save")
	env.Wait()
	path := filepath.Join(dir, "CODIR-1 feuille d'émargement.pdf")
	pdfPages(t, path)
	if !strings.Contains(attendance.Result.Text, path) {
		t.Errorf("the panel says %q", attendance.Result.Text)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*")); len(files) != 1 {
		t.Errorf("the folder holds %q", files)
	}
}
