package bench

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"quorum/export"
	"quorum/meeting"
)

// The size of the generated database.
const (
	meetings   = 5_000
	items      = 60_000
	actions    = 20_000
	people     = 2_000
	papers     = 3_000
	bigItems   = 60 // items of the meeting that the bench opens: meeting 1
	bigPapers  = 10 // papers of meeting 1; meetings 2, 3 … have one each
	seriesN    = 10
	pdfs       = 50 // distinct contents: papers share them
	itemsShort = 48 // meetings with 11 items rather than 12, so that items add up
)

// database returns the path of the generated database, made at the first
// run (which takes a minute or two) and kept in the system's temporary
// folder, under the schema version, for the next runs.
func database(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("quorum-bench-schema%d", meeting.SchemaVersion()))
	path := filepath.Join(dir, "bench.db")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		tb.Fatal(err)
	}
	tmp := filepath.Join(dir, fmt.Sprintf("generating-%d.db", os.Getpid()))
	start := time.Now()
	if err := generate(tmp); err != nil {
		tb.Fatal(err)
	}
	// Only a whole database takes the name: a run stopped half-way leaves
	// a file that the next one does not use.
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("generated %s in %v", path, time.Since(start).Round(time.Second))
	return path
}

// copyDatabase copies the generated database for a benchmark that writes.
func copyDatabase(tb testing.TB) *meeting.Store {
	tb.Helper()
	src, err := os.Open(database(tb))
	if err != nil {
		tb.Fatal(err)
	}
	defer src.Close()
	path := filepath.Join(tb.TempDir(), "copy.db")
	if err := export.WriteFile(path, func(w io.Writer) error { _, err := io.Copy(w, src); return err }); err != nil {
		tb.Fatal(err)
	}
	return open(tb, path)
}

func open(tb testing.TB, path string) *meeting.Store {
	tb.Helper()
	st, err := meeting.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// generate writes the database: every meeting imported from a meeting
// file of its own, as users' files are.
func generate(path string) error {
	st, err := meeting.Open(path)
	if err != nil {
		return err
	}
	contents := fstest.MapFS{}
	for i := range pdfs {
		data, err := export.SamplePaper(fmt.Sprintf("Annexe %d", i+1), fmt.Sprintf("REF-%03d", i+1),
			[]string{fmt.Sprintf("Note de présentation n° %d : éléments chiffrés, coût estimé 12 500 €.", i+1)})
		if err != nil {
			return err
		}
		contents[fmt.Sprintf("annexe-%02d.pdf", i)] = &fstest.MapFile{Data: data}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	paris, _ := time.LoadLocation("Europe/Paris")
	start := time.Date(2012, 1, 9, 9, 30, 0, 0, paris)
	paper := 0
	for i := range meetings {
		f := meetingFile(i, rng, start.Add(time.Duration(i)*25*time.Hour), &paper)
		if _, err := st.ImportMeeting(context.Background(), f, contents); err != nil {
			st.Close()
			return fmt.Errorf("meeting %d: %w", i+1, err)
		}
	}
	return st.Close()
}

var (
	purposes = []string{"information", "discussion", "decision"}
	statuses = []string{"open", "in-progress", "done", "cancelled"}
	roles    = []string{"chair", "secretary", "member", "member", "member", "guest"}
	presence = []string{"present", "present", "present", "apologies", "absent"}
)

// meetingFile is meeting i (from 0): 12 items (60 for the first, 11 for a
// few), 4 actions, 10 of the people, and papers until there are enough.
func meetingFile(i int, rng *rand.Rand, starts time.Time, paper *int) *meeting.File {
	f := &meeting.File{Format: meeting.FileFormat, Version: meeting.FileVersion,
		Meeting: meeting.FileMeeting{Title: fmt.Sprintf("Séance n° %d — comité « Œuvres » et budget", i/seriesN+1),
			Series: fmt.Sprintf("S%02d", i%seriesN), SeriesName: fmt.Sprintf("Comité de direction %d", i%seriesN),
			Number: i/seriesN + 1, Starts: starts.Format(time.RFC3339), TimeZone: "Europe/Paris", Minutes: 180,
			Place: "Salle du conseil, 2ᵉ étage", Language: "fr", Status: "minutes-approved"}}
	for k := range 10 {
		p := (i*10 + k) % people
		id := fmt.Sprintf("p%d", p)
		f.People = append(f.People, meeting.FilePerson{ID: id, Name: fmt.Sprintf("Personne %04d Lefèvre-Nguyễn", p),
			Organisation: "Direction", Email: fmt.Sprintf("personne.%04d@example.org", p)})
		f.Attendees = append(f.Attendees, meeting.FileAttendee{Person: id, Role: roles[k%len(roles)],
			Status: presence[rng.IntN(len(presence))]})
	}
	n := 12
	switch {
	case i == 0:
		n = bigItems
	case i <= itemsShort:
		n = 11
	}
	docs := 0
	switch {
	case i == 0:
		docs = bigPapers
	case *paper < papers:
		docs = 1
	}
	for d := range docs {
		id := fmt.Sprintf("d%d", d)
		f.Documents = append(f.Documents, meeting.FileDocument{ID: id, Title: fmt.Sprintf("Annexe %d", *paper+1),
			File: fmt.Sprintf("annexe-%02d.pdf", *paper%pdfs)})
		*paper++
	}
	// Items go four to a parent where there are enough: 1, 1.1 … 1.3, 2 …
	for k := 0; k < n; {
		parent := meeting.FileItem{ID: fmt.Sprint(k), Title: fmt.Sprintf("Point %d : approbation du budget rectificatif", k+1),
			Purpose: purposes[k%3], Presenter: f.People[k%10].ID, Minutes: 5 + rng.IntN(20),
			Description: "Présentation des éléments chiffrés ; échanges ; décision.",
			Decisions:   []meeting.FileDecision{{Text: "Le comité adopte la proposition.", For: 8, Against: 1}}}
		k++
		for j := 0; j < 3 && k < n; j++ {
			parent.Items = append(parent.Items, meeting.FileItem{ID: fmt.Sprint(k), Title: "Sous-point : suivi des actions",
				Purpose: "information", Minutes: 5})
			k++
		}
		if len(f.Agenda) < docs {
			parent.Documents = []string{fmt.Sprintf("d%d", len(f.Agenda))}
		}
		f.Agenda = append(f.Agenda, parent)
	}
	for k := range actions / meetings {
		st := statuses[rng.IntN(len(statuses))]
		a := meeting.FileAction{Title: fmt.Sprintf("Préparer la note de synthèse %d", k+1), Owner: f.People[rng.IntN(10)].ID,
			Due: starts.AddDate(0, 0, 7+rng.IntN(60)).Format("2006-01-02"), Status: st, Item: "0"}
		if st == "done" {
			a.Completed = starts.AddDate(0, 0, 30).Format("2006-01-02")
		}
		f.Actions = append(f.Actions, a)
	}
	return f
}

// TestGeneratedDatabase checks that the database has the size the bench
// promises; it runs with the benchmarks only, being slow the first time.
func TestGeneratedDatabase(t *testing.T) {
	if os.Getenv("QUORUM_BENCH") == "" {
		t.Skip("set QUORUM_BENCH=1 (make bench does) to generate the bench's database")
	}
	st := open(t, database(t))
	ctx := context.Background()
	list, err := st.ListMeetings(ctx, meeting.MeetingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	all, err := st.ListActions(ctx, meeting.ActionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	ppl, err := st.ListPeople(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	nItems, nPapers := 0, 0
	for _, m := range list {
		r, err := st.Record(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		r.Agenda.Walk(func(*meeting.AgendaItem) { nItems++ })
		nPapers += len(r.Documents)
	}
	if len(list) != meetings || nItems != items || len(all) != actions || len(ppl) != people || nPapers != papers {
		t.Errorf("%d meetings, %d items, %d actions, %d people, %d papers; want %d, %d, %d, %d, %d",
			len(list), nItems, len(all), len(ppl), nPapers, meetings, items, actions, people, papers)
	}
}
