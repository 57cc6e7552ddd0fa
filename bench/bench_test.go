package bench

import (
	"context"
	"io"
	"runtime/debug"
	"testing"
	"testing/fstest"

	"quorum/export"
	"quorum/export/paper/papertest"
	"quorum/meeting"
)

// The meeting of 60 items; meeting IDs follow the generation's order.
const bigMeeting = 1

// measure starts a benchmark's figures anew: what it reports is the time
// of one operation in milliseconds, and the peak memory of the process
// while it ran (which includes the database's cache).
func measure(b *testing.B) {
	b.Helper()
	debug.FreeOSMemory() // what earlier benchmarks left does not count
	papertest.ResetPeakRSS()
	b.ReportAllocs()
	b.ResetTimer()
	b.Cleanup(func() {
		if b.N == 0 {
			return
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
		if peak, ok := papertest.PeakRSS(); ok {
			b.ReportMetric(float64(peak>>20), "peak-MB")
		}
	})
}

// readStore opens the generated database to read it.
func readStore(b *testing.B) *meeting.Store { return open(b, database(b)) }

// BenchmarkOpenMeeting reads what the meeting screen shows of the meeting
// of 60 items: its whole record, and its agenda alone.
func BenchmarkOpenMeeting(b *testing.B) {
	st := readStore(b)
	ctx := context.Background()
	b.Run("Record", func(b *testing.B) {
		measure(b)
		for b.Loop() {
			r, err := st.Record(ctx, bigMeeting)
			if err != nil || len(r.Agenda) == 0 {
				b.Fatal(err)
			}
		}
	})
	b.Run("Agenda", func(b *testing.B) {
		measure(b)
		for b.Loop() {
			a, err := st.Agenda(ctx, bigMeeting)
			if err != nil || len(a) == 0 {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkListMeetings lists all 5,000 meetings, then one series' 500.
func BenchmarkListMeetings(b *testing.B) {
	st := readStore(b)
	ctx := context.Background()
	for _, c := range []struct {
		name   string
		filter meeting.MeetingFilter
		want   int
	}{{"All", meeting.MeetingFilter{}, meetings}, {"Series", meeting.MeetingFilter{SeriesID: 1}, meetings / seriesN}} {
		b.Run(c.name, func(b *testing.B) {
			measure(b)
			for b.Loop() {
				if list, err := st.ListMeetings(ctx, c.filter); err != nil || len(list) != c.want {
					b.Fatal(err, len(list))
				}
			}
		})
	}
}

// BenchmarkListActions lists the 20,000 actions, unfiltered and through
// each filter of the action list, then all filters at once.
func BenchmarkListActions(b *testing.B) {
	st := readStore(b)
	ctx := context.Background()
	open := []meeting.ActionStatus{meeting.ActionOpen, meeting.ActionInProgress}
	for _, c := range []struct {
		name   string
		filter meeting.ActionFilter
	}{
		{"All", meeting.ActionFilter{}},
		{"Series", meeting.ActionFilter{SeriesID: 1}},
		{"Owner", meeting.ActionFilter{OwnerID: 7}},
		{"Open", meeting.ActionFilter{Statuses: open}},
		{"Overdue", meeting.ActionFilter{Statuses: open, DueBefore: "2020-01-01"}},
		{"AllFilters", meeting.ActionFilter{SeriesID: 1, OwnerID: 7, Statuses: open, DueBefore: "2020-01-01"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			measure(b)
			for b.Loop() {
				if _, err := st.ListActions(ctx, c.filter); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkListPeople lists the directory's 2,000 people.
func BenchmarkListPeople(b *testing.B) {
	st := readStore(b)
	measure(b)
	for b.Loop() {
		if list, err := st.ListPeople(context.Background(), ""); err != nil || len(list) != people {
			b.Fatal(err, len(list))
		}
	}
}

// exportMeeting is the meeting of 60 items as a meeting file, with its
// papers' bytes.
func exportMeeting(b *testing.B, st *meeting.Store) (*meeting.File, fstest.MapFS) {
	ctx := context.Background()
	f, ps, err := st.ExportMeeting(ctx, bigMeeting)
	if err != nil {
		b.Fatal(err)
	}
	files := fstest.MapFS{}
	for _, p := range ps {
		data, err := st.DocumentData(ctx, p.DocumentID)
		if err != nil {
			b.Fatal(err)
		}
		files[p.Path] = &fstest.MapFile{Data: data}
	}
	if _, err := f.Marshal(); err != nil {
		b.Fatal(err)
	}
	return f, files
}

// BenchmarkExportMeeting exports the meeting of 60 items and its 10
// papers: the file's JSON and the papers' bytes, not written.
func BenchmarkExportMeeting(b *testing.B) {
	st := readStore(b)
	measure(b)
	for b.Loop() {
		exportMeeting(b, st)
	}
}

// BenchmarkImportMeeting imports that meeting file again, into a copy of
// the database: each import adds the meeting under the series' next number.
func BenchmarkImportMeeting(b *testing.B) {
	st := copyDatabase(b)
	f, files := exportMeeting(b, st)
	f.Meeting.Number = 0
	measure(b)
	for b.Loop() {
		if _, err := st.ImportMeeting(context.Background(), f, files); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAgendaPDF and BenchmarkMinutesPDF print the meeting of 60
// items, its record read beforehand.
func BenchmarkAgendaPDF(b *testing.B) { benchmarkDocument(b, export.Agenda) }

func BenchmarkMinutesPDF(b *testing.B) { benchmarkDocument(b, export.Minutes) }

func benchmarkDocument(b *testing.B, doc func(io.Writer, *meeting.Record, export.Options) error) {
	r, err := readStore(b).Record(context.Background(), bigMeeting)
	if err != nil {
		b.Fatal(err)
	}
	measure(b)
	for b.Loop() {
		if err := doc(io.Discard, r, export.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
