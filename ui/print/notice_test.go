package print_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quorum/export"
	"quorum/meeting"
	"quorum/ui/print"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

// council is BUREAU n° 1 on Tuesday 8 December 2026 at 14:00 in Paris,
// of a series that asks for 5 clear days of notice, with three attendees,
// two of whom have an email address. convened, when not zero, is the day
// it was convened.
func council(t *testing.T, st *meeting.Store, convened time.Time) *meeting.Meeting {
	t.Helper()
	ctx := context.Background()
	s := &meeting.Series{Name: "Bureau municipal", Code: "BUREAU", NoticeDays: 5}
	must(t, st.CreateSeries(ctx, s))
	paris, _ := time.LoadLocation("Europe/Paris")
	m := &meeting.Meeting{SeriesID: s.ID, Title: "Bureau — décembre", TimeZone: "Europe/Paris", Place: "Salle du conseil",
		Starts: time.Date(2026, 12, 8, 14, 0, 0, 0, paris), Minutes: 120, Language: "fr"}
	must(t, st.CreateMeeting(ctx, m))
	for i, p := range []*meeting.Person{
		{Name: "Claire Martin", Email: "claire.martin@ville-exemple.fr"},
		{Name: "Jean-Loïc Nguyễn", Email: "jl.nguyen@ville-exemple.fr"},
		{Name: "Émilie Rousseau"},
	} {
		must(t, st.CreatePerson(ctx, p))
		must(t, st.AddAttendee(ctx, &meeting.Attendee{MeetingID: m.ID, PersonID: p.ID,
			Role: []meeting.Role{meeting.Chair, meeting.Secretary, meeting.Member}[i], Status: meeting.Invited}))
	}
	must(t, st.AddItem(ctx, &meeting.AgendaItem{MeetingID: m.ID, Title: "Budget primitif 2027 — 1 200 000 €",
		Purpose: meeting.ForDecision, Minutes: 45}))
	if !convened.IsZero() {
		st.Now = func() time.Time { return convened }
		must(t, st.SetMeetingStatus(ctx, m.ID, meeting.Convened))
	}
	return m
}

// councilTab shows the Print tab of BUREAU n° 1, convened on that day.
func councilTab(t *testing.T, convened time.Time) (*uikit.Env, *meeting.Store, *meeting.Meeting, *print.Tab) {
	t.Helper()
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	m := council(t, st, convened)
	return env, st, m, uitest.Shown(env, print.New(env, st, m.ID))
}

func day(d int) time.Time { return time.Date(2026, 12, d, 10, 0, 0, 0, time.UTC) }

// readInvite parses an invite as calendars do and returns its method and
// its one event.
func readInvite(t *testing.T, data []byte) (string, ical.Event) {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatalf("the invite does not parse: %v\n%s", err, data)
	}
	if evs := cal.Events(); len(evs) != 1 {
		t.Fatalf("the invite holds %d events", len(evs))
	}
	return cal.Props.Get(ical.PropMethod).Value, cal.Events()[0]
}

func attendees(ev ical.Event) []string {
	var out []string
	for _, p := range ev.Props.Values(ical.PropAttendee) {
		out = append(out, p.Value+" "+p.Params.Get(ical.ParamRole))
	}
	slices.Sort(out)
	return out
}

func TestWriteInvite(t *testing.T) {
	_, _, m, tab := councilTab(t, day(1))
	path := filepath.Join(t.TempDir(), "bureau.ics")
	must(t, tab.WriteTo(export.DocInvite, path))
	data, err := os.ReadFile(path)
	must(t, err)
	method, ev := readInvite(t, data)
	if method != "REQUEST" {
		t.Errorf("METHOD %s", method)
	}
	if uid := ev.Props.Get(ical.PropUID).Value; uid != export.InviteUID(m) {
		t.Errorf("UID %s, want %s", uid, export.InviteUID(m))
	}
	start, err := ev.DateTimeStart(nil)
	must(t, err)
	if !start.Equal(m.Starts) || start.Location().String() != "Europe/Paris" {
		t.Errorf("DTSTART %v, want %v in Europe/Paris", start, m.Starts)
	}
	want := []string{"mailto:claire.martin@ville-exemple.fr CHAIR", "mailto:jl.nguyen@ville-exemple.fr REQ-PARTICIPANT"}
	if got := attendees(ev); !slices.Equal(got, want) {
		t.Errorf("attendees %q, want %q", got, want)
	}
	if loc := ev.Props.Get(ical.PropLocation); loc == nil || loc.Value != "Salle du conseil" {
		t.Errorf("LOCATION %v", loc)
	}
	d := tab.Docs[export.DocInvite]
	if !strings.Contains(d.Result.Text, path) || d.Open.Hidden || !d.Error.Hidden {
		t.Errorf("after writing, the card says %q / %q", d.Result.Text, d.Error.Text)
	}
}

// mailPart is one part of a parsed mail.
type mailPart struct {
	mediaType, fileName string
	data                []byte
}

// readMail parses a mail draft with Go's own MIME readers: its header
// and the parts of its multipart/mixed body, attachments decoded.
func readMail(t *testing.T, data []byte) (*mail.Message, []mailPart) {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the mail does not parse: %v", err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" {
		t.Fatalf("Content-Type %q (%v)", msg.Header.Get("Content-Type"), err)
	}
	var parts []mailPart
	r := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			break
		}
		must(t, err)
		body, err := io.ReadAll(p)
		must(t, err)
		if p.Header.Get("Content-Transfer-Encoding") == "base64" {
			body, err = base64.StdEncoding.DecodeString(strings.ReplaceAll(string(body), "\r\n", ""))
			must(t, err)
		}
		mt, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		parts = append(parts, mailPart{mediaType: mt, fileName: p.FileName(), data: body})
	}
	return msg, parts
}

func TestWriteMailDraft(t *testing.T) {
	_, _, m, tab := councilTab(t, day(1))
	path := filepath.Join(t.TempDir(), "bureau.eml")
	must(t, tab.WriteTo(export.DocMail, path))
	data, err := os.ReadFile(path)
	must(t, err)
	msg, parts := readMail(t, data)
	to, err := msg.Header.AddressList("To")
	must(t, err)
	var got []string
	for _, a := range to {
		got = append(got, a.Name+" <"+a.Address+">")
	}
	if want := []string{"Claire Martin <claire.martin@ville-exemple.fr>", "Jean-Loïc Nguyễn <jl.nguyen@ville-exemple.fr>"}; !slices.Equal(got, want) {
		t.Errorf("To %q, want %q", got, want)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	must(t, err)
	if !strings.HasPrefix(subject, "Convocation – ") || !strings.Contains(subject, "8 décembre 2026") {
		t.Errorf("Subject %q", subject)
	}
	if msg.Header.Get("X-Unsent") != "1" {
		t.Errorf("not marked as a draft: X-Unsent %q", msg.Header.Get("X-Unsent"))
	}
	var attached []mailPart
	for _, p := range parts {
		if p.fileName != "" {
			attached = append(attached, p)
		}
	}
	if len(attached) != 2 {
		t.Fatalf("%d attachments, want the agenda and the invite", len(attached))
	}
	if a := attached[0]; a.mediaType != "application/pdf" || !bytes.HasPrefix(a.data, []byte("%PDF-")) || !strings.HasSuffix(a.fileName, ".pdf") {
		t.Errorf("first attachment %s %q is not the agenda PDF", a.mediaType, a.fileName)
	}
	a := attached[1]
	if a.mediaType != "text/calendar" || !strings.HasSuffix(a.fileName, ".ics") {
		t.Errorf("second attachment %s %q is not the invite", a.mediaType, a.fileName)
	}
	if _, ev := readInvite(t, a.data); ev.Props.Get(ical.PropUID).Value != export.InviteUID(m) {
		t.Errorf("the attached invite has UID %s", ev.Props.Get(ical.PropUID).Value)
	}
}

const (
	lateEnglish = "Late notice: 3 clear days before the meeting, the series asks for 5 (last day to send it: 02/12/2026)."
	lateFrench  = "Convocation tardive : 3 jours francs avant la réunion, la série en demande 5 (dernier jour d’envoi : 02/12/2026)."
)

// noticeLines are the notice lines the tab shows: at the top, on the
// invite, on the mail ("" for a hidden one).
func noticeLines(tab *print.Tab) [3]string {
	var out [3]string
	for i, l := range []*widget.Label{tab.Late, tab.Docs[export.DocInvite].Notice, tab.Docs[export.DocMail].Notice} {
		if l.Visible() {
			out[i] = l.Text
		}
	}
	return out
}

// TestLateNotice: convened on Friday 4 for Tuesday 8, the notice gives 3
// clear days (5, 6, 7) where the series asks for 5. The tab warns, at
// the top and on the invite and the mail, and writes them all the same.
func TestLateNotice(t *testing.T) {
	_, _, _, tab := councilTab(t, day(4))
	if got, want := noticeLines(tab), [3]string{lateEnglish, lateEnglish, lateEnglish}; got != want {
		t.Errorf("the tab says\n%q\nwant\n%q", got, want)
	}
	if imp := tab.Docs[export.DocMail].Notice.Importance; imp != widget.WarningImportance {
		t.Errorf("the late notice is not a warning (importance %v)", imp)
	}
	if tab.Docs[export.DocAgenda].Notice != nil {
		t.Error("the agenda's card has a notice line")
	}
	dir := t.TempDir()
	for _, kind := range []string{export.DocInvite, export.DocMail} {
		if err := tab.WriteTo(kind, filepath.Join(dir, kind)); err != nil {
			t.Errorf("a late %s is refused: %v", kind, err)
		}
	}
}

func TestLateNoticeInFrench(t *testing.T) {
	uitest.French(t)
	_, _, _, tab := councilTab(t, day(4))
	if got, want := noticeLines(tab), [3]string{lateFrench, lateFrench, lateFrench}; got != want {
		t.Errorf("the tab says\n%q\nwant\n%q", got, want)
	}
	if !strings.Contains(uitest.Texts(tab.Content()), "Outlook ou Thunderbird") {
		t.Error("the mail's card does not say Outlook and Thunderbird open it")
	}
}

// TestNoticeInTime: convened on Tuesday 1 for Tuesday 8 (6 clear days),
// the cards say so quietly and nothing warns at the top.
func TestNoticeInTime(t *testing.T) {
	_, _, _, tab := councilTab(t, day(1))
	quiet := "Notice in time: last day to send it 02/12/2026."
	if got, want := noticeLines(tab), [3]string{"", quiet, quiet}; got != want {
		t.Errorf("the tab says\n%q\nwant\n%q", got, want)
	}
	if imp := tab.Docs[export.DocInvite].Notice.Importance; imp == widget.WarningImportance {
		t.Error("a notice in time is shown as a warning")
	}
	if strings.Contains(uitest.Texts(tab.Content()), "Late notice") {
		t.Error("a notice in time is warned of")
	}
}

// TestNoNoticePeriod: a meeting outside a series has no notice period:
// no line about it.
func TestNoNoticePeriod(t *testing.T) {
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	m := &meeting.Meeting{Title: "Point d’équipe", Starts: time.Date(2026, 12, 10, 14, 0, 0, 0, time.UTC), Language: "fr"}
	must(t, st.CreateMeeting(context.Background(), m))
	tab := uitest.Shown(env, print.New(env, st, m.ID))
	if got := noticeLines(tab); got != [3]string{} {
		t.Errorf("the tab says %q", got)
	}
	// Its invite has nobody to invite, and is written all the same.
	path := filepath.Join(t.TempDir(), "point.ics")
	must(t, tab.WriteTo(export.DocInvite, path))
	data, err := os.ReadFile(path)
	must(t, err)
	if _, ev := readInvite(t, data); len(attendees(ev)) != 0 {
		t.Errorf("attendees %q", attendees(ev))
	}
}

// TestCancelledMeeting: the cards say the invite cancels the meeting, and
// it does.
func TestCancelledMeeting(t *testing.T) {
	env, st, m, tab := councilTab(t, day(1))
	if d := tab.Docs[export.DocInvite]; d.Cancel.Visible() {
		t.Errorf("a meeting not cancelled says %q", d.Cancel.Text)
	}
	must(t, st.SetMeetingStatus(context.Background(), m.ID, meeting.Cancelled))
	tab.Reload()
	env.Wait()
	for _, kind := range []string{export.DocInvite, export.DocMail} {
		if d := tab.Docs[kind]; !d.Cancel.Visible() || !strings.HasPrefix(d.Cancel.Text, "This meeting is cancelled") {
			t.Errorf("%s: the card says %q", kind, d.Cancel.Text)
		}
	}
	path := filepath.Join(t.TempDir(), "annulation.ics")
	must(t, tab.WriteTo(export.DocInvite, path))
	data, err := os.ReadFile(path)
	must(t, err)
	method, ev := readInvite(t, data)
	if method != "CANCEL" || ev.Props.Get(ical.PropStatus).Value != "CANCELLED" || ev.Props.Get(ical.PropUID).Value != export.InviteUID(m) {
		t.Errorf("METHOD %s, STATUS %s", method, ev.Props.Get(ical.PropStatus).Value)
	}
}

// TestInviteThroughTheSaveDialog goes the user's way: Write… on the
// invite's card offers « BUREAU-1 invitation.ics » in the folder used
// last; Save writes it there.
func TestInviteThroughTheSaveDialog(t *testing.T) {
	env, _, _, tab := councilTab(t, day(1))
	dir := t.TempDir()
	env.Prefs.SetExportFolder(dir)
	for kind, name := range map[string]string{export.DocInvite: "BUREAU-1 invitation.ics", export.DocMail: "BUREAU-1 convocation.eml"} {
		d := tab.Docs[kind]
		tapWrite(t, env, d)
		path := filepath.Join(dir, name)
		data, err := os.ReadFile(path)
		if err != nil || len(data) == 0 {
			t.Fatalf("%s: not written (%v)", name, err)
		}
		if !strings.Contains(d.Result.Text, path) {
			t.Errorf("the card says %q", d.Result.Text)
		}
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*")); len(files) != 2 {
		t.Errorf("the folder holds %q", files)
	}
}

// tapWrite taps a card's Write… and saves where the dialog offers.
func tapWrite(t *testing.T, env *uikit.Env, d *print.Doc) {
	t.Helper()
	test.Tap(d.Write)
	uitest.TapDialogButton(t, env, "Save")
	env.Wait()
}

// TestFitsTheWindow: in French (the longer words), with every line of the
// notice shown, the panel is narrower than the workspace of a 1000-pixel
// window (its sidebar takes a fifth); it scrolls down.
func TestFitsTheWindow(t *testing.T) {
	uitest.French(t)
	env, st, m, tab := councilTab(t, day(4))
	must(t, st.SetMeetingStatus(context.Background(), m.ID, meeting.Cancelled))
	tab.Reload()
	env.Wait()
	if !tab.Late.Visible() || !tab.Docs[export.DocMail].Cancel.Visible() {
		t.Fatal("the notice lines are not shown")
	}
	if w := tab.Content().MinSize().Width; w > 780 {
		t.Errorf("the panel needs %.0f pixels across; the workspace has about 780", w)
	}
	if _, ok := tab.Content().(*container.Scroll); !ok {
		t.Errorf("the panel does not scroll: %T", tab.Content())
	}
}
