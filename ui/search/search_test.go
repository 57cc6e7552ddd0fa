package search

import (
	"strings"
	"testing"
	"time"

	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

func TestSearchFindsAcrossKindsAndOpensWhereItLives(t *testing.T) {
	env, nav := uitest.Env(t)
	st := uitest.Store(t)
	ctx := t.Context()
	m := &meeting.Meeting{Title: "Réunion budgétaire", Starts: time.Date(2026, 12, 3, 9, 30, 0, 0, time.UTC), Minutes: 60}
	uitest.Must(t, st.CreateMeeting(ctx, m))
	it := &meeting.AgendaItem{MeetingID: m.ID, Title: "Arbitrages du budget 2027", Purpose: meeting.ForDecision, Minutes: 20}
	uitest.Must(t, st.AddItem(ctx, it))
	uitest.Must(t, st.CreatePerson(ctx, &meeting.Person{Name: "Hélène Budgé"}))

	s := New(env, st, "budget")
	uitest.Show(env, s.Content())
	s.Reload()
	env.Wait()
	if len(s.Hits) < 2 {
		t.Fatalf("found %d hits for budget, want the meeting (budgétaire) and the item", len(s.Hits))
	}
	var item int = -1
	for i, h := range s.hits {
		if h.Kind == meeting.ItemHit && h.ItemID == it.ID {
			item = i
		}
	}
	if item < 0 || !strings.Contains(s.Hits[item].Text, "Arbitrages du budget 2027") {
		t.Fatalf("the item is not among the hits: %v", s.hits)
	}
	s.Hits[item].OnTapped()
	if nav.Meeting != m.ID || nav.Tab != uikit.TabAgenda {
		t.Errorf("tapping the item opened meeting %d tab %q, want %d on the agenda", nav.Meeting, nav.Tab, m.ID)
	}
}

func TestSearchWithoutResultsInFrench(t *testing.T) {
	uitest.French(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	s := New(env, st, "zèbre \"(")
	uitest.Show(env, s.Content())
	s.Reload()
	env.Wait()
	if len(s.Hits) != 0 || s.Summary.Text != "Aucun résultat pour « zèbre \"( »." {
		t.Errorf("empty search shows %d hits and %q", len(s.Hits), s.Summary.Text)
	}
}
