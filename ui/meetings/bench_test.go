package meetings

import (
	"fmt"
	"testing"
	"time"

	"quorum/meeting"
	"quorum/ui/uitest"
)

// BenchmarkReload reads and lists ten years of a weekly committee: 520
// meetings.
func BenchmarkReload(b *testing.B) {
	st := uitest.Store(b)
	sr := &meeting.Series{Name: "Comité de direction", Code: "CODIR"}
	uitest.Must(b, st.CreateSeries(bg, sr))
	first := today.AddDate(-9, 0, 0)
	for i := range 520 {
		m := &meeting.Meeting{SeriesID: sr.ID, Title: fmt.Sprintf("CODIR de la semaine %d", i+1),
			Starts: first.Add(time.Duration(i) * 7 * 24 * time.Hour), Minutes: 120}
		uitest.Must(b, st.CreateMeeting(bg, m))
	}
	env, _ := uitest.Env(b)
	s := New(env, st)
	s.now = func() time.Time { return today }
	uitest.Show(env, s.Content())
	b.ResetTimer()
	for range b.N {
		s.Reload()
		env.Wait()
	}
	b.StopTimer()
	if len(s.rows) != 522 {
		b.Fatalf("%d rows, want 520 meetings and 2 headings", len(s.rows))
	}
}
