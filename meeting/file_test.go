package meeting

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// samplePapers are the papers codir-12.json names.
func samplePapers() fstest.MapFS {
	return fstest.MapFS{
		"papers/pv-11.pdf":         {Data: []byte("%PDF-1.4\n% procès-verbal n° 11\n%%EOF\n")},
		"papers/budget 2027.xlsx":  {Data: bytes.Repeat([]byte{0x50, 0x4b, 0x03, 0x04, 0xff, 0x00}, 1000)},
		"papers/note.pdf":          {Data: []byte("%PDF-1.7\n% note de cadrage\n%%EOF\n")},
		"papers/unused-extra.docx": {Data: []byte("not referenced")},
	}
}

func readSample(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/codir-12.json")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// sittingSample is codir-12.json with its sitting recorded: the day it
// was convened, when two items were taken up, the secretary leaving during
// item 3, and the minutes submitted then returned.
func sittingSample(t *testing.T) []byte {
	t.Helper()
	s := string(readSample(t))
	for _, r := range [][2]string{
		{`"closed": "11:40"`, `"closed": "11:40",
    "convened_on": "2026-11-24"`},
		{`"left": "11:15"`, `"left": "11:15",
      "events": [
        {
          "kind": "departure",
          "at": "11:15",
          "item": "3"
        }
      ]`},
		{`"confidential": false,
      "documents": [
        "d1"`, `"confidential": false,
      "kind": "approval",
      "started": "09:42",
      "ended": "09:55",
      "documents": [
        "d1"`},
		{`"confidential": true,
      "documents": [
        "d2"`, `"confidential": true,
      "started": "09:55",
      "ended": "11:05",
      "documents": [
        "d2"`},
	} {
		if strings.Count(s, r[0]) != 1 {
			t.Fatalf("the sample no longer has one %q", r[0])
		}
		s = strings.Replace(s, r[0], r[1], 1)
	}
	end := "  ]\n}\n"
	if !strings.HasSuffix(s, end) {
		t.Fatal("the sample no longer ends with its actions")
	}
	return []byte(strings.TrimSuffix(s, end) + `  ],
  "minutes_history": [
    {
      "step": "submitted",
      "by": "Jean-Loïc Nguyễn",
      "at": "2026-12-05T10:00:00Z",
      "comment": ""
    },
    {
      "step": "returned",
      "by": "Claire Martin",
      "at": "2026-12-06T08:30:00Z",
      "comment": "Préciser le vote du point 2.2."
    }
  ]
}
`)
}

// importBytes parses and imports a meeting file.
func importBytes(t *testing.T, s *Store, data []byte, papers fstest.MapFS) (int64, error) {
	t.Helper()
	f, err := ParseFile(data)
	if err != nil {
		return 0, err
	}
	return s.ImportMeeting(context.Background(), f, papers)
}

// exportBytes exports a meeting and returns the file and its papers' bytes.
func exportBytes(t *testing.T, s *Store, id int64) ([]byte, fstest.MapFS) {
	t.Helper()
	ctx := context.Background()
	f, papers, err := s.ExportMeeting(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	data, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	out := fstest.MapFS{}
	for _, p := range papers {
		b, err := s.DocumentData(ctx, p.DocumentID)
		if err != nil {
			t.Fatal(err)
		}
		out[p.Path] = &fstest.MapFile{Data: b}
	}
	return data, out
}

func TestImportExportRoundTrip(t *testing.T) {
	for name, sample := range map[string][]byte{"meeting": readSample(t), "meeting and its sitting": sittingSample(t)} {
		t.Run(name, func(t *testing.T) { roundTrip(t, sample) })
	}
}

// roundTrip imports sample, exports it and checks that the export is the
// same file, twice over.
func roundTrip(t *testing.T, sample []byte) {
	s1 := newStore(t)
	id, err := importBytes(t, s1, sample, samplePapers())
	if err != nil {
		t.Fatal(err)
	}
	out1, papers1 := exportBytes(t, s1, id)
	if !bytes.Equal(out1, sample) {
		t.Errorf("export differs from the imported file:\n%s", firstDiff(sample, out1))
	}
	want := samplePapers()
	delete(want, "papers/unused-extra.docx")
	if len(papers1) != len(want) {
		t.Errorf("exported %d papers, want %d", len(papers1), len(want))
	}
	for name, f := range want {
		got, ok := papers1[name]
		if !ok || !bytes.Equal(got.Data, f.Data) {
			t.Errorf("paper %s not exported byte for byte", name)
		}
	}

	// A second database gets exactly the same meeting from the export.
	s2 := newStore(t)
	id2, err := importBytes(t, s2, out1, papers1)
	if err != nil {
		t.Fatal(err)
	}
	out2, _ := exportBytes(t, s2, id2)
	if !bytes.Equal(out1, out2) {
		t.Errorf("second round trip differs:\n%s", firstDiff(out1, out2))
	}
}

func TestImportedMeetingReadsBack(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	id, err := importBytes(t, s, readSample(t), samplePapers())
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.GetMeeting(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if m.SeriesCode != "CODIR" || m.Number != 12 || m.Starts.Location().String() != "Europe/Paris" ||
		m.Starts.Hour() != 9 || m.Starts.Minute() != 30 || m.Status != MinutesDraft {
		t.Errorf("meeting read back wrong: %+v", m)
	}
	ag, err := s.Agenda(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	it := ag.Find(ag[1].Items[1].Items[0].ID)
	if it.Number != "2.2.1" || it.Title != "Bâtiment B" {
		t.Errorf("item 2.2.1 = %q %q", it.Number, it.Title)
	}
	// 09:30 + 10 (item 1) + 15 (2) + 20 (2.1) + 25 (2.2) = 10:40.
	if got := it.Start.Format("15:04"); got != "10:40" {
		t.Errorf("item 2.2.1 starts at %s, want 10:40", got)
	}
	docs, err := s.Documents(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 || docs[0].ItemID != ag[0].ID || docs[2].ItemID != 0 || docs[1].InPack ||
		docs[0].MediaType != "application/pdf" || docs[0].Pages != 0 {
		t.Errorf("documents read back wrong: %+v %+v %+v", docs[0], docs[1], docs[2])
	}
	atts, err := s.Attendees(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if atts[2].Status != Represented || atts[2].ProxyName != "Claire Martin" || atts[3].Voting {
		t.Errorf("attendees read back wrong: %+v", atts)
	}
}

func TestImportMinimalFileTakesDefaults(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	id, err := importBytes(t, s, []byte(`{"format": "quorum-meeting", "version": 1,
		"meeting": {"title": "Réunion", "starts": "2026-12-03T09:30:00Z"},
		"people": [{"id": "a", "name": "Ana"}], "attendees": [{"person": "a"}],
		"documents": [{"id": "x", "title": "Note", "file": "n.pdf"}],
		"agenda": [{"id": "1", "title": "Point", "documents": ["x"], "decisions": [{"text": "Vu."}]}],
		"actions": [{"title": "Faire"}]}`), fstest.MapFS{"n.pdf": {Data: []byte("%PDF")}})
	if err != nil {
		t.Fatal(err)
	}
	m, _ := s.GetMeeting(ctx, id)
	if m.Status != Draft || m.Classification != Internal || m.Language != "fr" || m.Number != 0 {
		t.Errorf("defaults not taken: %+v", m)
	}
	atts, _ := s.Attendees(ctx, id)
	if atts[0].Role != Member || !atts[0].Voting || atts[0].Status != Invited {
		t.Errorf("attendee defaults not taken: %+v", atts[0])
	}
	docs, _ := s.Documents(ctx, id)
	if !docs[0].InPack {
		t.Error("a paper is in the pack unless the file says otherwise")
	}
	ag, _ := s.Agenda(ctx, id)
	if ag[0].Purpose != ForInformation || ag[0].Decisions[0].Outcome != Adopted {
		t.Errorf("item defaults not taken: %+v", ag[0])
	}
	acts, _ := s.ListActions(ctx, ActionFilter{MeetingID: id})
	if acts[0].Status != ActionOpen {
		t.Errorf("action default not taken: %+v", acts[0])
	}
}

func TestImportMatchesPeopleAndSeries(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	anais := &Person{Name: "Anaïs Lefèvre", Organisation: "ancienne DAF"}
	claire := &Person{Name: "C. Martin", Email: "CLAIRE.MARTIN@example.org"}
	for _, p := range []*Person{anais, claire} {
		if err := s.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	sr := &Series{Name: "CODIR (nom local)", Code: "codir"}
	if err := s.CreateSeries(ctx, sr); err != nil {
		t.Fatal(err)
	}
	id, err := importBytes(t, s, readSample(t), samplePapers())
	if err != nil {
		t.Fatal(err)
	}
	atts, _ := s.Attendees(ctx, id)
	if atts[0].PersonID != claire.ID {
		t.Errorf("Claire Martin not matched by email (any case): person %d, want %d", atts[0].PersonID, claire.ID)
	}
	if atts[2].PersonID != anais.ID {
		t.Errorf("Anaïs Lefèvre not matched by name: person %d, want %d", atts[2].PersonID, anais.ID)
	}
	people, _ := s.ListPeople(ctx, "")
	if len(people) != 4 {
		t.Errorf("directory has %d people, want 4 (2 matched, 2 new)", len(people))
	}
	m, _ := s.GetMeeting(ctx, id)
	if m.SeriesID != sr.ID {
		t.Errorf("series not matched by code: %d, want %d", m.SeriesID, sr.ID)
	}
}

// counts returns the number of rows of every table.
func counts(t *testing.T, s *Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"people", "series", "series_members", "series_agenda", "meetings", "attendees",
		"agenda_items", "decisions", "blobs", "documents", "actions", "action_notes"} {
		var n int
		if err := s.wdb.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

func TestImportBadFilesChangeNothing(t *testing.T) {
	sample, sitting := string(readSample(t)), string(sittingSample(t))
	huge := strings.Repeat("é", 5<<20) // 10 MB of text
	cases := []struct {
		name, file, want string
		papers           fstest.MapFS
	}{
		{"wrong type", strings.Replace(sample, `"minutes": 120`, `"minutes": "deux heures"`, 1),
			"meeting.minutes: line 11: expected a whole number, found string", nil},
		{"unknown field", strings.Replace(sample, `"link":`, `"lien": "x", "link":`, 1),
			`line 13: unknown field "lien"`, nil},
		{"missing paper", sample, `documents[2].file: papers/note.pdf is missing`,
			fstest.MapFS{"papers/pv-11.pdf": {}, "papers/budget 2027.xlsx": {}}},
		{"paper outside the folder", strings.Replace(sample, `"papers/note.pdf"`, `"../secret.pdf"`, 1),
			`documents[2].file: "../secret.pdf" must be a path inside the meeting file's folder`, nil},
		{"duplicate person id", strings.Replace(sample, `"id": "p4"`, `"id": "p2"`, 1),
			`people[3].id: "p2" is used twice`, nil},
		{"duplicate item id", strings.Replace(sample, `"id": "2.1"`, `"id": "1"`, 1),
			`agenda[1].items[0].id: "1" is used twice`, nil},
		{"paper on two items", strings.Replace(sample, `[
        "d2"
      ]`, `[
        "d1"
      ]`, 1), `agenda[1].documents[0]: document "d1" is already attached to item "1"`, nil},
		{"unknown presenter", strings.Replace(sample, `"presenter": "p2"`, `"presenter": "zz"`, 1),
			`agenda[1].items[1].presenter: no person has the id "zz"`, nil},
		{"negative minutes", strings.Replace(sample, `"minutes": 25`, `"minutes": -5`, 1),
			`agenda[1].items[1].minutes: must be between 0 and 1440 (got -5)`, nil},
		{"10 MB title", strings.Replace(sample, `"title": "Bâtiment B"`, `"title": "`+huge+`"`, 1),
			`agenda[1].items[1].items[0].title: is too long (5242880 characters; at most 500)`, nil},
		{"impossible date", strings.Replace(sample, `"due": "2026-12-10"`, `"due": "2026-02-31"`, 1),
			`actions[0].due: "2026-02-31" is not a date`, nil},
		{"bad start", strings.Replace(sample, `"2026-12-03T09:30:00+01:00"`, `"03/12/2026 9h30"`, 1),
			`meeting.starts: "03/12/2026 9h30" is not a date and time`, nil},
		{"not UTF-8", strings.Replace(sample, "Salle 204", "Salle \xe9 204", 1),
			"line 12: the meeting file is not UTF-8 text", nil},
		{"not JSON", sample[:200], "the meeting file is empty or cut short", nil},
		{"other format", strings.Replace(sample, `"quorum-meeting"`, `"agenda"`, 1),
			`format: must be "quorum-meeting"`, nil},
		{"newer version", strings.Replace(sample, `"version": 1`, `"version": 2`, 1),
			"version: version 2 is not known to this Quorum", nil},
		{"trailing data", sample + "{}", "unexpected data after the meeting", nil},
		{"unknown outcome", strings.Replace(sample, `"outcome": "adopted"`, `"outcome": "approuvé"`, 1),
			`agenda[0].decisions[0].outcome: "approuvé" is not one of`, nil},
		{"proxy not represented", strings.Replace(sample, `"status": "represented"`, `"status": "absent"`, 1),
			`attendees[2].proxy: only a represented attendee has a proxy`, nil},
		{"event at no time", strings.Replace(sitting, `"at": "11:15"`, `"at": "11h15"`, 1),
			`attendees[1].events[0].at: "11h15" is not a time of day`, nil},
		{"event on no item", strings.Replace(sitting, `"item": "3"
        }`, `"item": "9"
        }`, 1), `attendees[1].events[0].item: no agenda item has the id "9"`, nil},
		{"item started at 25:00", strings.Replace(sitting, `"started": "09:42"`, `"started": "25:00"`, 1),
			`agenda[0].started: "25:00" is not a time of day`, nil},
		{"item ended before it started", strings.Replace(sitting, `"ended": "09:55"`, `"ended": "09:40"`, 1),
			`agenda[0].ended: an item ends after it started (09:42)`, nil},
		{"events of someone not present", strings.Replace(sitting, `"status": "present",
      "proxy": "",
      "arrived": "",`, `"status": "apologies",
      "proxy": "",
      "arrived": "",`, 1), `attendees[1].events: only an attendee who was present came in or left`, nil},
		{"a name on two lines", strings.Replace(sitting, `"by": "Claire Martin"`, `"by": "Claire\nMartin"`, 1),
			`minutes_history[1].by: must fit on one line`, nil},
		{"unknown step", strings.Replace(sitting, `"step": "returned"`, `"step": "rejected"`, 1),
			`minutes_history[1].step: "rejected" is not submitted`, nil},
		{"convened on 31 February", strings.Replace(sitting, `"convened_on": "2026-11-24"`, `"convened_on": "2026-02-31"`, 1),
			`meeting.convened_on: "2026-02-31" is not a date`, nil},
		{"number taken (the same file again)", "", `meeting.number: CODIR already has a meeting n° 12`, nil},
	}
	s := newStore(t)
	ctx := context.Background()
	// An existing CODIR n° 12, for the last case.
	if _, err := importBytes(t, s, []byte(sample), samplePapers()); err != nil {
		t.Fatal(err)
	}
	before := counts(t, s)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := cmp.Or(c.file, sample)
			papers := c.papers
			if papers == nil {
				papers = samplePapers()
			}
			f, err := ParseFile([]byte(file))
			if err == nil {
				_, err = s.ImportMeeting(ctx, f, papers)
			}
			if err == nil {
				t.Fatal("bad file imported without error")
			}
			if code := ErrorCode(err); code != EINVALID && code != ECONFLICT {
				t.Errorf("error code %q (%v), want invalid or conflict", code, err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not say %q", err, c.want)
			}
			if after := counts(t, s); !equalCounts(before, after) {
				t.Errorf("database changed: before %v, after %v", before, after)
			}
		})
	}
}

func equalCounts(a, b map[string]int) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return len(a) == len(b)
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := range min(len(w), len(g)) {
		if w[i] != g[i] {
			return fmt.Sprintf("line %d:\nwant %s\ngot  %s", i+1, w[i], g[i])
		}
	}
	return fmt.Sprintf("one is a prefix of the other (%d vs %d lines)", len(w), len(g))
}

func TestImportKeepsTheFollowUpItems(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	file := func(number int, day string, kinds ...string) []byte {
		var items []string
		for i, k := range kinds {
			items = append(items, fmt.Sprintf(`{"id": "%d", "title": "Point %d", "kind": %q}`, i+1, i+1, k))
		}
		return []byte(fmt.Sprintf(`{"format": "quorum-meeting", "version": 1,
			"meeting": {"title": "Bureau", "series": "BUR", "series_name": "Bureau", "number": %d,
				"starts": "%sT09:30:00+01:00"}, "agenda": [%s]}`, number, day, strings.Join(items, ", ")))
	}
	first, err := importBytes(t, s, file(1, "2026-10-01", ""), nil)
	if err != nil {
		t.Fatal(err)
	}
	second, err := importBytes(t, s, file(2, "2026-11-05", "approval", "review", ""), nil)
	if err != nil {
		t.Fatal(err)
	}
	ag, err := s.Agenda(ctx, second)
	if err != nil {
		t.Fatal(err)
	}
	if ag[0].Kind != ApprovalItem || ag[0].ApprovesID != first || ag[1].Kind != ReviewItem || ag[2].Kind != OrdinaryItem {
		t.Errorf("imported items: %s approving %d, %s, %s; want approval of %d, review, ordinary",
			ag[0].Kind, ag[0].ApprovesID, ag[1].Kind, ag[2].Kind, first)
	}
	data, _ := exportBytes(t, s, second)
	if !bytes.Contains(data, []byte(`"kind": "approval"`)) || !bytes.Contains(data, []byte(`"kind": "review"`)) {
		t.Errorf("the export lost the kinds:\n%s", data)
	}
	before := counts(t, s)
	_, err = importBytes(t, s, file(3, "2026-12-03", "minutes"), nil)
	var me *Error
	if !errors.As(err, &me) || me.Code != EINVALID || me.Field != "agenda[0].kind" {
		t.Errorf("a wrong kind: %v", err)
	}
	if after := counts(t, s); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("a refused file changed the database: %v → %v", before, after)
	}
}

func TestImportedSittingReadsBack(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	id, err := importBytes(t, s, sittingSample(t), samplePapers())
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Record(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if r.Meeting.ConvenedOn != "2026-11-24" || r.Agenda[0].Started != "09:42" || r.Agenda[1].Ended != "11:05" {
		t.Errorf("convened on %q, item 1 started %q, item 2 ended %q", r.Meeting.ConvenedOn, r.Agenda[0].Started, r.Agenda[1].Ended)
	}
	ev := r.Attendees[1].Events
	if len(ev) != 1 || ev[0].Kind != Departure || ev[0].At != "11:15" || ev[0].ItemID != r.Agenda[2].ID {
		t.Errorf("the secretary's departure: %+v (item 3 is %d)", ev, r.Agenda[2].ID)
	}
	steps, err := s.MinutesHistory(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(steps) != 2 || steps[1].Step != Returned || steps[1].By != "Claire Martin" || steps[1].Comment != "Préciser le vote du point 2.2." ||
		!steps[0].At.Equal(time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("history: %+v", steps)
	}
	// An imported departure can be undone like one tapped in the window.
	if err := s.UndoMovement(ctx, r.Attendees[1].ID); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Attendees(ctx, id); len(a[1].Events) != 0 || a[1].Left != "11:15" {
		t.Errorf("after the undo: %+v left %q", a[1].Events, a[1].Left)
	}
}
