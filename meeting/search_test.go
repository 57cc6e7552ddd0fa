package meeting

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hitsOf returns the hits as "kind:title" strings.
func hitsOf(t *testing.T, s *Store, text string) []string {
	t.Helper()
	hits, err := s.Search(bg, text, 20)
	must(t, err)
	var got []string
	for _, h := range hits {
		got = append(got, string(h.Kind)+":"+h.Title)
	}
	return got
}

func TestMatchQuery(t *testing.T) {
	for text, want := range map[string]string{
		"":                        "",
		"  ":                      "",
		"réun":                    `"réun"*`,
		"budget 2027":             `"budget" "2027"*`,
		"budget ":                 `"budget"`,
		`"quoted" AND (x OR -y)*`: `"quoted" "AND" "x" "OR" "y"`,
		"l'ordre du jour":         `"l" "ordre" "du" "jour"*`,
		"NEAR(a b) ^c col:d":      `"NEAR" "a" "b" "c" "col" "d"*`,
		"***":                     "",
		"Œuvre":                   `"Œuvre"*`,
		"e\u0301":                 `"e` + "\u0301" + `"*`,
	} {
		if got := matchQuery(text); got != want {
			t.Errorf("matchQuery(%q) = %s, want %s", text, got, want)
		}
	}
}

func TestSearch(t *testing.T) {
	s := newStore(t)
	sr := addSeries(t, s, "CODIR")
	ada := &Person{Name: "Adélaïde Lefèvre", Title: "Directrice financière", Email: "adelaide@example.org"}
	must(t, s.CreatePerson(bg, ada))
	bob := addPerson(t, s, "Bob Reunion")
	m := &Meeting{SeriesID: sr.ID, Title: "Réunion de rentrée", Starts: fixedNow, Place: "Salle Molière", Notes: "Ordre du jour chargé"}
	must(t, s.CreateMeeting(bg, m))
	it := &AgendaItem{MeetingID: m.ID, Title: "Budget prévisionnel", Purpose: ForDecision,
		Description: "Présentation du budget", Notes: "Le comité s'interroge sur l'élaboration du plan."}
	must(t, s.AddItem(bg, it))
	dec := &Decision{ItemID: it.ID, Text: "Le budget est approuvé à l'unanimité.", Outcome: Adopted}
	must(t, s.AddDecision(bg, dec))
	act := &Action{ItemID: it.ID, Title: "Préparer la décision modificative", Details: "Avec la trésorerie", OwnerID: ada.ID, Due: "2026-04-01"}
	must(t, s.CreateAction(bg, act))
	must(t, s.AttachDocument(bg, &Document{MeetingID: m.ID, ItemID: it.ID, Title: "Note de synthèse économique", FileName: "note.pdf"}, []byte("%PDF")))

	for _, c := range []struct {
		text string
		want []string
	}{
		// Accents ignored both ways, case too.
		{"reunion", []string{"meeting:Réunion de rentrée", "person:Bob Reunion"}},
		{"RÉUNION", []string{"meeting:Réunion de rentrée", "person:Bob Reunion"}},
		{"Réunion", []string{"meeting:Réunion de rentrée", "person:Bob Reunion"}},
		// The last word is a prefix, as the user types; the others are whole.
		{"réu", []string{"meeting:Réunion de rentrée", "person:Bob Reunion"}},
		{"budget prev", []string{"item:Budget prévisionnel"}},
		{"budg approuvé", nil},
		{"budget approuve", []string{"decision:Le budget est approuvé à l'unanimité."}},
		// Bodies: place and notes, description and notes, details, email, file name.
		{"moliere", []string{"meeting:Réunion de rentrée"}},
		{"elaboration", []string{"item:Budget prévisionnel"}},
		{"tresorerie", []string{"action:Préparer la décision modificative"}},
		{"financiere", []string{"person:Adélaïde Lefèvre"}},
		{"adelaide", []string{"person:Adélaïde Lefèvre"}},
		{"economique", []string{"paper:Note de synthèse économique"}},
		// Hostile text is words, not syntax.
		{`"budget`, []string{"item:Budget prévisionnel", "decision:Le budget est approuvé à l'unanimité."}},
		{`budget AND (OR`, nil},
		{`-budget* NOT`, nil},
		{`budget*`, []string{"item:Budget prévisionnel", "decision:Le budget est approuvé à l'unanimité."}},
		{"zzz", nil},
		{"", nil},
	} {
		got := hitsOf(t, s, c.text)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Search(%q) = %q, want %q", c.text, got, c.want)
		}
	}

	// Each hit says where it lives.
	hits, err := s.Search(bg, "budget", 20)
	must(t, err)
	if h := hits[0]; h.Kind != ItemHit || h.ItemID != it.ID || h.MeetingID != m.ID || h.Reference != "CODIR-1" ||
		h.MeetingTitle != "Réunion de rentrée" || !h.Starts.Equal(fixedNow) || h.Snippet != "" {
		t.Errorf("item hit %+v", h)
	}
	if h := hits[1]; h.DecisionID != dec.ID || h.ItemID != it.ID || h.MeetingID != m.ID {
		t.Errorf("decision hit %+v", h)
	}
	// Found in its text, a hit shows where.
	hits, err = s.Search(bg, "tresorerie", 20)
	must(t, err)
	if h := hits[0]; h.Snippet != "Avec la trésorerie" {
		t.Errorf("snippet %q", h.Snippet)
	}
	hits, err = s.Search(bg, "modificative", 20)
	must(t, err)
	if h := hits[0]; h.ActionID != act.ID || h.MeetingID != m.ID || h.ItemID != it.ID || h.Due != "2026-04-01" {
		t.Errorf("action hit %+v", h)
	}
	hits, err = s.Search(bg, "synthese", 20)
	must(t, err)
	if h := hits[0]; h.DocumentID == 0 || h.MeetingID != m.ID || h.ItemID != it.ID {
		t.Errorf("paper hit %+v", h)
	}
	hits, err = s.Search(bg, "bob", 20)
	must(t, err)
	if h := hits[0]; h.PersonID != bob.ID || h.MeetingID != 0 || !h.Starts.IsZero() {
		t.Errorf("person hit %+v", h)
	}

	// The index follows changes: updates, progress notes, deletions.
	it.Notes = "Arbitrage sur les investissements."
	must(t, s.UpdateItem(bg, it))
	if got := hitsOf(t, s, "elaboration"); got != nil {
		t.Errorf("old notes still found: %v", got)
	}
	if got := hitsOf(t, s, "investissement"); len(got) != 1 {
		t.Errorf("new notes not found: %v", got)
	}
	must(t, s.AddActionNote(bg, act.ID, &ActionNote{Text: "Relance envoyée à la préfecture."}))
	if got := hitsOf(t, s, "prefecture"); strings.Join(got, "") != "action:Préparer la décision modificative" {
		t.Errorf("action note: %v", got)
	}
	if got := hitsOf(t, s, "tresorerie"); len(got) != 1 {
		t.Errorf("details lost with a note: %v", got)
	}
	bob.Name = "Robert Martin"
	must(t, s.UpdatePerson(bg, bob))
	if got := hitsOf(t, s, "reunion"); strings.Join(got, "|") != "meeting:Réunion de rentrée" {
		t.Errorf("renamed person: %v", got)
	}
	must(t, s.DeleteMeeting(bg, m.ID)) // its items, decisions and papers go with it
	for _, text := range []string{"budget", "rentree", "economique", "investissements"} {
		if got := hitsOf(t, s, text); got != nil {
			t.Errorf("%q after deleting the meeting: %v", text, got)
		}
	}
	if got := hitsOf(t, s, "modificative"); len(got) != 1 {
		t.Errorf("the action outlives its meeting: %v", got)
	}

	_, err = s.Search(bg, "x", 0)
	wantErr(t, err, EINVALID, "limit")
	_, err = s.Search(bg, "a\nb", 10)
	wantErr(t, err, EINVALID, "text")
}

func TestSearchGroupsAndLimits(t *testing.T) {
	s := newStore(t)
	m := addMeeting(t, s, 0, "Comité budget", time.Time{})
	for i := range 5 {
		must(t, s.AddItem(bg, &AgendaItem{MeetingID: m.ID, Title: fmt.Sprintf("Budget %d", i), Purpose: ForInformation}))
		must(t, s.CreatePerson(bg, &Person{Name: fmt.Sprintf("Budget person %d", i)}))
	}
	// The latest item has the word in its notes only: titles come first.
	must(t, s.AddItem(bg, &AgendaItem{MeetingID: m.ID, Title: "Divers", Notes: "Le budget annexe.", Purpose: ForInformation}))
	got := func(limit int) string {
		hits, err := s.Search(bg, "budget", limit)
		must(t, err)
		var list []string
		for _, h := range hits {
			list = append(list, string(h.Kind)+":"+h.Title)
		}
		return strings.Join(list, ", ")
	}
	if g := got(3); g != "meeting:Comité budget, item:Budget 4, item:Budget 3, item:Budget 2, "+
		"person:Budget person 4, person:Budget person 3, person:Budget person 2" {
		t.Errorf("limit 3: %s", g)
	}
	if g := got(6); !strings.Contains(g, "item:Budget 0, item:Divers, person:Budget person 4") {
		t.Errorf("limit 6: %s", g)
	}
}

// TestSearchIndexesEarlierData checks that the migration indexes what a
// database held before the index existed.
func TestSearchIndexesEarlierData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	old := rawStore(t, path)
	must(t, old.migrateTo(bg, 4))
	for _, q := range []string{
		`INSERT INTO people VALUES (1, 'Émile Zola', '', 'Académie', '', '', 'x', 'x')`,
		`INSERT INTO meetings (id, title, starts, utc_offset, classification, language, status, created, updated, place)
			VALUES (1, 'Séance plénière', '2026-03-10T09:30:00Z', 0, 'internal', 'fr', 'held', 'x', 'x', 'Hôtel de ville')`,
		`INSERT INTO agenda_items (id, meeting_id, position, title, purpose, notes) VALUES (1, 1, 0, 'Voirie', 'information', 'Travaux rue Pasteur')`,
		`INSERT INTO decisions (id, item_id, position, text, outcome) VALUES (1, 1, 0, 'Marché attribué', 'adopted')`,
		`INSERT INTO actions (id, meeting_id, title, status, created, updated) VALUES (1, 1, 'Publier l''avis', 'open', 'x', 'x')`,
		`INSERT INTO action_notes (action_id, day, text) VALUES (1, '2026-03-11', 'Envoyé au journal officiel')`,
		`INSERT INTO blobs (sha256, size, data) VALUES ('ab', 1, x'00')`,
		`INSERT INTO documents (id, meeting_id, position, title, sha256, added) VALUES (1, 1, 0, 'Délibération n° 12', 'ab', 'x')`,
	} {
		if _, err := old.wdb.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	must(t, old.Close())
	s := openAt(t, path)
	for text, want := range map[string]string{
		"emile":     "person:Émile Zola",
		"academie":  "person:Émile Zola",
		"pleniere":  "meeting:Séance plénière",
		"hotel":     "meeting:Séance plénière",
		"pasteur":   "item:Voirie",
		"marche":    "decision:Marché attribué",
		"officiel":  "action:Publier l'avis",
		"deliberat": "paper:Délibération n° 12",
	} {
		if got := strings.Join(hitsOf(t, s, text), "|"); got != want {
			t.Errorf("Search(%q) after the upgrade = %q, want %q", text, got, want)
		}
	}
}
