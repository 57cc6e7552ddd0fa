package meeting

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

// bigFile is a meeting file with 200 items (40 items of 4 sub-items) and
// 50 papers of 200 kB each.
func bigFile() (*File, fstest.MapFS) {
	f := &File{Format: FileFormat, Version: FileVersion,
		Meeting: FileMeeting{Title: "Conseil d'administration", Starts: "2026-12-03T09:30:00+01:00", Minutes: 480}}
	papers := fstest.MapFS{}
	for i := range 50 {
		id := fmt.Sprintf("d%d", i)
		name := fmt.Sprintf("papers/annexe-%02d.pdf", i)
		data := make([]byte, 200<<10)
		copy(data, fmt.Sprintf("%%PDF-1.7 %d", i))
		papers[name] = &fstest.MapFile{Data: data}
		f.Documents = append(f.Documents, FileDocument{ID: id, Title: "Annexe " + id, File: name})
	}
	for i := range 40 {
		it := FileItem{ID: fmt.Sprint(i + 1), Title: fmt.Sprintf("Point %d", i+1), Minutes: 5,
			Decisions: []FileDecision{{Text: "Adopté.", For: 10}}}
		for j := range 4 {
			it.Items = append(it.Items, FileItem{ID: fmt.Sprintf("%d.%d", i+1, j+1), Title: "Sous-point", Minutes: 2})
		}
		if i < 25 {
			it.Documents = []string{fmt.Sprintf("d%d", 2*i), fmt.Sprintf("d%d", 2*i+1)}
		}
		f.Agenda = append(f.Agenda, it)
	}
	return f, papers
}

// benchStore opens a new database for a benchmark.
func benchStore(b *testing.B) *Store {
	s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func BenchmarkImport200Items50Papers(b *testing.B) {
	s := benchStore(b)
	f, papers := bigFile()
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.ImportMeeting(ctx, f, papers); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExport200Items50Papers(b *testing.B) {
	s := benchStore(b)
	f, papers := bigFile()
	ctx := context.Background()
	id, err := s.ImportMeeting(ctx, f, papers)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		f, ps, err := s.ExportMeeting(ctx, id)
		if err != nil || len(ps) != 50 {
			b.Fatal(err, len(ps))
		}
		for _, p := range ps {
			if _, err := s.DocumentData(ctx, p.DocumentID); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := f.Marshal(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkListMeetings5000(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	sr := &Series{Name: "Comité", Code: "C"}
	if err := s.CreateSeries(ctx, sr); err != nil {
		b.Fatal(err)
	}
	paris, _ := time.LoadLocation("Europe/Paris")
	start := time.Date(2010, 1, 7, 9, 30, 0, 0, paris)
	for i := range 5000 {
		m := &Meeting{SeriesID: sr.ID, Title: fmt.Sprintf("Séance %d", i), Starts: start.AddDate(0, 0, i), TimeZone: "Europe/Paris"}
		if err := s.CreateMeeting(ctx, m); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		list, err := s.ListMeetings(ctx, MeetingFilter{})
		if err != nil || len(list) != 5000 {
			b.Fatal(err, len(list))
		}
	}
}
