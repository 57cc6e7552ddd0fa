package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"quorum/meeting"
)

// parsedMail is what Python's email package reads of a mail draft
// (testdata/emlcheck.py).
type parsedMail struct {
	Defects     []string
	Subject     string
	From        []string
	To          [][2]string
	Unsent      string
	Type        string
	Plain, HTML string
	Attachments []struct{ Filename, Type, Method, SHA256 string }
}

func readWithPython(t *testing.T, eml []byte) parsedMail {
	t.Helper()
	python := realClient(t, "python3", "apt-get install python3")
	path := filepath.Join(t.TempDir(), "notice.eml")
	if err := os.WriteFile(path, eml, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "testdata/emlcheck.py", path).Output()
	if err != nil {
		t.Fatalf("Python's email package cannot read the draft: %v\n%s", err, out)
	}
	var m parsedMail
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return m
}

func sha(t *testing.T, write func(*bytes.Buffer) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b.Bytes())
	return hex.EncodeToString(sum[:])
}

func TestMailDraftReadByPython(t *testing.T) {
	_, r := sampleRecord(t)
	var b bytes.Buffer
	if err := MailDraft(&b, r, printedAt); err != nil {
		t.Fatal(err)
	}
	m := readWithPython(t, b.Bytes())
	if len(m.Defects) > 0 {
		t.Errorf("the MIME structure has defects: %v", m.Defects)
	}
	if want := "Convocation – Comité de direction — séance de décembre – jeudi 3 décembre 2026"; m.Subject != want {
		t.Errorf("subject %q, want %q", m.Subject, want)
	}
	wantTo := [][2]string{{"Claire Martin", "claire.martin@example.org"}, {"Jean-Loïc Nguyễn", "jl.nguyen@example.org"},
		{"Søren Ødegård", "soren@example.dk"}}
	if got, want := must(json.Marshal(m.To)), must(json.Marshal(wantTo)); string(got) != string(want) {
		t.Errorf("To: %s, want %s (Anaïs Lefèvre has no address)", got, want)
	}
	if len(m.From) != 1 || m.From[0] != "jl.nguyen@example.org" || m.Unsent != "1" || m.Type != "multipart/mixed" {
		t.Errorf("From %v, X-Unsent %q, type %s", m.From, m.Unsent, m.Type)
	}
	for _, s := range []string{"Madame, Monsieur,", "Lieu : Salle 204 « Œuvre » — 2ᵉ étage",
		"Visioconférence : https://visio.example.org/codir-12", "Ordre du jour\n1. Approbation du procès-verbal — 9 h 30, 10 min",
		"   2.1 Fonctionnement — 9 h 55, 20 min", "Pièces jointes : CODIR-12-ODJ.pdf, CODIR-12-ODJ.ics.",
		"Bien cordialement,\nJean-Loïc Nguyễn"} {
		if !strings.Contains(m.Plain, s) {
			t.Errorf("the text lacks %q:\n%s", s, m.Plain)
		}
	}
	if !strings.Contains(m.HTML, "<h3>Ordre du jour</h3>") || !strings.Contains(m.HTML, "Salle 204 « Œuvre » — 2ᵉ étage") {
		t.Errorf("the HTML text lacks the agenda:\n%s", m.HTML)
	}
	pdf := sha(t, func(b *bytes.Buffer) error { return Agenda(b, r, printedAt) })
	ics := sha(t, func(b *bytes.Buffer) error { return Invite(b, r, printedAt) })
	if len(m.Attachments) != 2 {
		t.Fatalf("%d attachments, want 2: %+v", len(m.Attachments), m.Attachments)
	}
	a, c := m.Attachments[0], m.Attachments[1]
	if a.Filename != "CODIR-12-ODJ.pdf" || a.Type != "application/pdf" || a.SHA256 != pdf {
		t.Errorf("the agenda arrives as %+v (want sha256 %s)", a, pdf)
	}
	if c.Filename != "CODIR-12-ODJ.ics" || c.Type != "text/calendar" || c.Method != "REQUEST" || c.SHA256 != ics {
		t.Errorf("the invite arrives as %+v (want sha256 %s)", c, ics)
	}
	for i, line := range strings.Split(b.String(), "\r\n") {
		if len(line) > 998 {
			t.Errorf("line %d is %d characters long", i+1, len(line))
		}
	}
}

// TestMailDraftEnglishCancelled: another language, a cancellation, a
// meeting where nobody has an address.
func TestMailDraftEnglishCancelled(t *testing.T) {
	_, r := sampleRecord(t)
	r.Meeting.Status = meeting.Cancelled
	for _, a := range r.Attendees {
		a.Person.Email = ""
	}
	o := printedAt
	o.Language = "en"
	var b bytes.Buffer
	if err := MailDraft(&b, r, o); err != nil {
		t.Fatal(err)
	}
	m := readWithPython(t, b.Bytes())
	if !strings.HasPrefix(m.Subject, "Cancelled – Comité de direction — séance de décembre – Thursday 3 December 2026") ||
		len(m.To) != 0 || len(m.From) != 0 || len(m.Defects) > 0 {
		t.Errorf("subject %q, To %v, From %v, defects %v", m.Subject, m.To, m.From, m.Defects)
	}
	if !strings.Contains(m.Plain, "The meeting below is cancelled.") || !strings.Contains(m.Plain, "MEETING CANCELLED") ||
		!strings.Contains(m.Plain, "Claire Martin — Chair (Directrice, DRH) — no email address") {
		t.Errorf("text:\n%s", m.Plain)
	}
	if len(m.Attachments) != 2 || m.Attachments[1].Method != "CANCEL" || m.Attachments[0].Filename != "CODIR-12-AGENDA.pdf" {
		t.Errorf("attachments %+v", m.Attachments)
	}
}
