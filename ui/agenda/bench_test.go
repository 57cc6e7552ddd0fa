package agenda

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"quorum/meeting"
	"quorum/ui/uitest"
)

// benchTab is the Agenda tab of a meeting of 60 items (20 with two
// sub-items each), with a directory of 300 people.
func benchTab(b *testing.B) *Tab {
	env, _ := uitest.Env(b)
	st := uitest.Store(b)
	var items []any
	for i := range 20 {
		items = append(items, fmt.Sprintf("Point %d", i), 10, ".a", 5, ".b", 5)
	}
	id := newMeeting(b, st, items...)
	for i := range 300 {
		if err := st.CreatePerson(context.Background(), &meeting.Person{Name: "Personne " + strconv.Itoa(i)}); err != nil {
			b.Fatal(err)
		}
	}
	tab := open(b, env, st, id)
	tab.List.Select(0)
	return tab
}

// BenchmarkReload: reading the agenda, papers and people and showing them.
func BenchmarkReload(b *testing.B) {
	tab := benchTab(b)
	for b.Loop() {
		tab.Reload()
		tab.env.Wait()
	}
}

// BenchmarkTypeDuration: one keystroke in the duration, with the start
// times of the 60 items recomputed and shown.
func BenchmarkTypeDuration(b *testing.B) {
	tab := benchTab(b)
	n := 0
	for b.Loop() {
		n = (n + 1) % 100
		tab.Minutes.SetText(strconv.Itoa(n))
	}
}
