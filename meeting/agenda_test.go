package meeting

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// newItem adds an agenda item to meeting m under parent (0: top level).
func newItem(t *testing.T, s *Store, m, parent int64, title string, minutes int) int64 {
	t.Helper()
	it := &AgendaItem{MeetingID: m, ParentID: parent, Title: title, Purpose: ForDiscussion, Minutes: minutes}
	must(t, s.AddItem(bg, it))
	return it.ID
}

// sampleAgenda gives meeting m the agenda of sampleOutline and returns
// the items' ids by title.
func sampleAgenda(t *testing.T, s *Store, m int64) map[string]int64 {
	t.Helper()
	ids := map[string]int64{}
	ids["Opening"] = newItem(t, s, m, 0, "Opening", 5)
	ids["Finance"] = newItem(t, s, m, 0, "Finance", 10)
	ids["Budget"] = newItem(t, s, m, ids["Finance"], "Budget", 20)
	ids["Audit"] = newItem(t, s, m, ids["Finance"], "Audit", 15)
	ids["Findings"] = newItem(t, s, m, ids["Audit"], "Findings", 10)
	ids["HR"] = newItem(t, s, m, 0, "HR", 10)
	ids["AOB"] = newItem(t, s, m, 0, "AOB", 5)
	return ids
}

const sampleOutline = "1 Opening, 2 Finance, 2.1 Budget, 2.2 Audit, 2.2.1 Findings, 3 HR, 4 AOB"

// outline reads meeting m's agenda as "1 Opening, 2 Finance, 2.1 Budget …",
// checking on the way that levels and parents agree with the numbers.
func outline(t *testing.T, s *Store, m int64) string {
	t.Helper()
	a, err := s.Agenda(bg, m)
	must(t, err)
	var parts []string
	var check func(items []*AgendaItem, parent int64)
	check = func(items []*AgendaItem, parent int64) {
		for _, it := range items {
			if it.ParentID != parent || it.Level != strings.Count(it.Number, ".") || it.MeetingID != m {
				t.Errorf("item %s %s: parent %d (want %d), level %d, meeting %d", it.Number, it.Title, it.ParentID, parent, it.Level, it.MeetingID)
			}
			check(it.Items, it.ID)
		}
	}
	check(a, 0)
	a.Walk(func(it *AgendaItem) { parts = append(parts, it.Number+" "+it.Title) })
	return strings.Join(parts, ", ")
}

// checkPositions checks that the stored positions of each parent's items
// run 0, 1, 2 … without gaps or doubles.
func checkPositions(t *testing.T, s *Store, m int64) {
	t.Helper()
	rows, err := s.wdb.Query(`SELECT coalesce(parent_id, 0), position FROM agenda_items
		WHERE meeting_id = ? ORDER BY parent_id, position`, m)
	must(t, err)
	defer rows.Close()
	next := map[int64]int{}
	for rows.Next() {
		var parent int64
		var pos int
		must(t, rows.Scan(&parent, &pos))
		if pos != next[parent] {
			t.Errorf("parent %d: position %d, want %d", parent, pos, next[parent])
		}
		next[parent] = pos + 1
	}
	must(t, rows.Err())
}

func TestAddItems(t *testing.T) {
	s := newStore(t)
	m := addMeeting(t, s, 0, "Board", time.Time{})
	ids := sampleAgenda(t, s, m.ID)
	if got := outline(t, s, m.ID); got != sampleOutline {
		t.Fatalf("agenda\n got %s\nwant %s", got, sampleOutline)
	}
	checkPositions(t, s, m.ID)

	// A sub-item goes after its parent's others.
	newItem(t, s, m.ID, ids["Audit"], "Response", 0)
	newItem(t, s, m.ID, ids["Finance"], "Forecast", 0)
	want := "1 Opening, 2 Finance, 2.1 Budget, 2.2 Audit, 2.2.1 Findings, 2.2.2 Response, 2.3 Forecast, 3 HR, 4 AOB"
	if got := outline(t, s, m.ID); got != want {
		t.Errorf("agenda\n got %s\nwant %s", got, want)
	}

	// Each meeting has its own agenda.
	other := addMeeting(t, s, 0, "Other", time.Time{})
	newItem(t, s, other.ID, 0, "Only", 0)
	if got := outline(t, s, other.ID); got != "1 Only" {
		t.Errorf("other agenda: %s", got)
	}
	if got := outline(t, s, m.ID); got != want {
		t.Errorf("agenda after another meeting's: %s", got)
	}
}

func TestAddItemRefused(t *testing.T) {
	s := newStore(t)
	m := addMeeting(t, s, 0, "Board", time.Time{})
	ids := sampleAgenda(t, s, m.ID)
	other := addMeeting(t, s, 0, "Other", time.Time{})
	foreign := newItem(t, s, other.ID, 0, "Elsewhere", 0)

	for _, c := range []struct {
		name        string
		it          AgendaItem
		code, field string
	}{
		{"missing meeting", AgendaItem{MeetingID: 999, Title: "X", Purpose: ForDecision}, ENOTFOUND, ""},
		{"no title", AgendaItem{MeetingID: m.ID, Purpose: ForDecision}, EINVALID, "title"},
		{"bad purpose", AgendaItem{MeetingID: m.ID, Title: "X", Purpose: "fun"}, EINVALID, "purpose"},
		{"too long", AgendaItem{MeetingID: m.ID, Title: "X", Purpose: ForDecision, Minutes: MaxMinutes + 1}, EINVALID, "minutes"},
		{"parent of another meeting", AgendaItem{MeetingID: m.ID, ParentID: foreign, Title: "X", Purpose: ForDecision}, EINVALID, ""},
		{"missing parent", AgendaItem{MeetingID: m.ID, ParentID: 999, Title: "X", Purpose: ForDecision}, EINVALID, ""},
		{"beyond MaxDepth", AgendaItem{MeetingID: m.ID, ParentID: ids["Findings"], Title: "X", Purpose: ForDecision}, EINVALID, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			it := c.it
			wantErr(t, s.AddItem(bg, &it), c.code, c.field)
			if it.ID != 0 {
				t.Errorf("refused item got id %d", it.ID)
			}
		})
	}
	// A presenter who does not exist is refused too (by the foreign key),
	// with a message a user can read.
	wantErr(t, s.AddItem(bg, &AgendaItem{MeetingID: m.ID, Title: "X", Purpose: ForDecision, PresenterID: 999}), EINVALID, "")
	if got := outline(t, s, m.ID); got != sampleOutline {
		t.Errorf("refused additions changed the agenda: %s", got)
	}
	if n := count(t, s, `SELECT count(*) FROM agenda_items`); n != 8 {
		t.Errorf("%d items stored, want 8", n)
	}
}

func TestMoveItem(t *testing.T) {
	type step struct {
		title string
		mv    Move
	}
	for _, c := range []struct {
		name  string
		steps []step
		want  string // the agenda after the moves that succeed
		code  string // the error of the last move ("": it succeeds)
	}{
		{"up, with sub-items", []step{{"Finance", MoveUp}},
			"1 Finance, 1.1 Budget, 1.2 Audit, 1.2.1 Findings, 2 Opening, 3 HR, 4 AOB", ""},
		{"down, with sub-items", []step{{"Finance", MoveDown}},
			"1 Opening, 2 HR, 3 Finance, 3.1 Budget, 3.2 Audit, 3.2.1 Findings, 4 AOB", ""},
		{"sub-item down", []step{{"Budget", MoveDown}},
			"1 Opening, 2 Finance, 2.1 Audit, 2.1.1 Findings, 2.2 Budget, 3 HR, 4 AOB", ""},
		{"sub-item up", []step{{"Audit", MoveUp}},
			"1 Opening, 2 Finance, 2.1 Audit, 2.1.1 Findings, 2.2 Budget, 3 HR, 4 AOB", ""},
		{"down then up", []step{{"Opening", MoveDown}, {"Opening", MoveUp}}, sampleOutline, ""},
		{"in: last sub-item of the previous item", []step{{"HR", MoveIn}},
			"1 Opening, 2 Finance, 2.1 Budget, 2.2 Audit, 2.2.1 Findings, 2.3 HR, 3 AOB", ""},
		{"in twice: third level", []step{{"HR", MoveIn}, {"HR", MoveIn}},
			"1 Opening, 2 Finance, 2.1 Budget, 2.2 Audit, 2.2.1 Findings, 2.2.2 HR, 3 AOB", ""},
		{"in after an up", []step{{"HR", MoveUp}, {"HR", MoveIn}},
			"1 Opening, 1.1 HR, 2 Finance, 2.1 Budget, 2.2 Audit, 2.2.1 Findings, 3 AOB", ""},
		{"out, with sub-items", []step{{"Audit", MoveOut}},
			"1 Opening, 2 Finance, 2.1 Budget, 3 Audit, 3.1 Findings, 4 HR, 5 AOB", ""},
		{"out from the middle", []step{{"Budget", MoveOut}},
			"1 Opening, 2 Finance, 2.1 Audit, 2.1.1 Findings, 3 Budget, 4 HR, 5 AOB", ""},
		{"out from the third level", []step{{"Findings", MoveOut}},
			"1 Opening, 2 Finance, 2.1 Budget, 2.2 Audit, 2.3 Findings, 3 HR, 4 AOB", ""},
		{"out then in", []step{{"Audit", MoveOut}, {"Audit", MoveIn}}, sampleOutline, ""},
		{"out then in under another", []step{{"Budget", MoveOut}, {"HR", MoveIn}},
			"1 Opening, 2 Finance, 2.1 Audit, 2.1.1 Findings, 3 Budget, 3.1 HR, 4 AOB", ""},

		{"first item up", []step{{"Opening", MoveUp}}, sampleOutline, EINVALID},
		{"last item down", []step{{"AOB", MoveDown}}, sampleOutline, EINVALID},
		{"first sub-item up", []step{{"Budget", MoveUp}}, sampleOutline, EINVALID},
		{"last sub-item down", []step{{"Audit", MoveDown}}, sampleOutline, EINVALID},
		{"first item in", []step{{"Opening", MoveIn}}, sampleOutline, EINVALID},
		{"first sub-item in", []step{{"Budget", MoveIn}}, sampleOutline, EINVALID},
		{"only sub-item in", []step{{"Findings", MoveIn}}, sampleOutline, EINVALID},
		{"top-level out", []step{{"HR", MoveOut}}, sampleOutline, EINVALID},
		{"in beyond MaxDepth: a sub-tree", []step{{"Audit", MoveIn}}, sampleOutline, EINVALID},
		{"in beyond MaxDepth: a whole branch", []step{{"Finance", MoveIn}}, sampleOutline, EINVALID},
		{"in beyond MaxDepth: a leaf", []step{{"HR", MoveIn}, {"HR", MoveIn}, {"HR", MoveIn}},
			"1 Opening, 2 Finance, 2.1 Budget, 2.2 Audit, 2.2.1 Findings, 2.2.2 HR, 3 AOB", EINVALID},
		{"unknown move", []step{{"HR", Move(42)}}, sampleOutline, EINVALID},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newStore(t)
			m := addMeeting(t, s, 0, "Board", time.Time{})
			ids := sampleAgenda(t, s, m.ID)
			for i, st := range c.steps {
				err := s.MoveItem(bg, ids[st.title], st.mv)
				if i == len(c.steps)-1 && c.code != "" {
					wantErr(t, err, c.code, "")
				} else if err != nil {
					t.Fatalf("move %d (%s %d): %v", i, st.title, st.mv, err)
				}
			}
			if got := outline(t, s, m.ID); got != c.want {
				t.Errorf("agenda\n got %s\nwant %s", got, c.want)
			}
			checkPositions(t, s, m.ID)
		})
	}
}

func TestMoveItemWithSubItemsIn(t *testing.T) {
	s := newStore(t)
	m := addMeeting(t, s, 0, "Board", time.Time{})
	ids := sampleAgenda(t, s, m.ID)
	// Budget (2.1) gets a sub-item, then Finance's branch moves out of the
	// way and Budget with its sub-item moves in under Opening.
	newItem(t, s, m.ID, ids["Budget"], "Capex", 0)
	must(t, s.MoveItem(bg, ids["Budget"], MoveOut))
	must(t, s.MoveItem(bg, ids["Budget"], MoveUp))
	must(t, s.MoveItem(bg, ids["Budget"], MoveIn))
	want := "1 Opening, 1.1 Budget, 1.1.1 Capex, 2 Finance, 2.1 Audit, 2.1.1 Findings, 3 HR, 4 AOB"
	if got := outline(t, s, m.ID); got != want {
		t.Errorf("agenda\n got %s\nwant %s", got, want)
	}
	checkPositions(t, s, m.ID)
}

func TestMoveDeleteMissingItem(t *testing.T) {
	s := newStore(t)
	wantErr(t, s.MoveItem(bg, 12345, MoveUp), ENOTFOUND, "")
	wantErr(t, s.DeleteItem(bg, 12345), ENOTFOUND, "")
	wantErr(t, s.UpdateItem(bg, &AgendaItem{ID: 12345, Title: "X", Purpose: ForDecision}), ENOTFOUND, "")
	_, err := s.Agenda(bg, 12345)
	wantErr(t, err, ENOTFOUND, "")
}

func TestDeleteItem(t *testing.T) {
	s := newStore(t)
	m := addMeeting(t, s, 0, "Board", time.Time{})
	ids := sampleAgenda(t, s, m.ID)
	must(t, s.AddDecision(bg, &Decision{ItemID: ids["Budget"], Text: "Adopted", Outcome: Adopted}))
	must(t, s.AddDecision(bg, &Decision{ItemID: ids["HR"], Text: "Noted", Outcome: Noted}))
	onAudit := &Document{MeetingID: m.ID, ItemID: ids["Findings"], Title: "Audit report", FileName: "audit.pdf"}
	must(t, s.AttachDocument(bg, onAudit, []byte("%PDF-1.7 audit")))
	action := &Action{ItemID: ids["Budget"], Title: "Revise the budget"}
	must(t, s.CreateAction(bg, action))

	must(t, s.DeleteItem(bg, ids["Finance"]))
	if got, want := outline(t, s, m.ID), "1 Opening, 2 HR, 3 AOB"; got != want {
		t.Errorf("agenda\n got %s\nwant %s", got, want)
	}
	checkPositions(t, s, m.ID)
	if n := count(t, s, `SELECT count(*) FROM agenda_items WHERE id IN (?, ?, ?, ?)`,
		ids["Finance"], ids["Budget"], ids["Audit"], ids["Findings"]); n != 0 {
		t.Errorf("%d items of the deleted branch left", n)
	}
	if n := count(t, s, `SELECT count(*) FROM decisions`); n != 1 {
		t.Errorf("%d decisions left, want HR's only", n)
	}
	docs, err := s.Documents(bg, m.ID)
	must(t, err)
	if len(docs) != 1 || docs[0].ID != onAudit.ID || docs[0].ItemID != 0 || docs[0].MeetingID != m.ID {
		t.Errorf("papers after the item's deletion: %+v", docs)
	}
	if data, err := s.DocumentData(bg, onAudit.ID); err != nil || string(data) != "%PDF-1.7 audit" {
		t.Errorf("the paper's bytes: %q, %v", data, err)
	}
	got, err := s.GetAction(bg, action.ID)
	must(t, err)
	if got.MeetingID != m.ID || got.ItemID != 0 {
		t.Errorf("action after its item's deletion: meeting %d item %d", got.MeetingID, got.ItemID)
	}

	// Deleting a sub-item renumbers its siblings only.
	m2 := addMeeting(t, s, 0, "Second", time.Time{})
	ids2 := sampleAgenda(t, s, m2.ID)
	must(t, s.DeleteItem(bg, ids2["Budget"]))
	if got, want := outline(t, s, m2.ID), "1 Opening, 2 Finance, 2.1 Audit, 2.1.1 Findings, 3 HR, 4 AOB"; got != want {
		t.Errorf("agenda\n got %s\nwant %s", got, want)
	}
	checkPositions(t, s, m2.ID)
	// And items added afterwards go at the end.
	newItem(t, s, m2.ID, ids2["Finance"], "Late", 0)
	newItem(t, s, m2.ID, 0, "Last", 0)
	if got, want := outline(t, s, m2.ID), "1 Opening, 2 Finance, 2.1 Audit, 2.1.1 Findings, 2.2 Late, 3 HR, 4 AOB, 5 Last"; got != want {
		t.Errorf("agenda\n got %s\nwant %s", got, want)
	}
}

func TestAgendaStartTimes(t *testing.T) {
	s := newStore(t)
	paris, err := time.LoadLocation("Europe/Paris")
	must(t, err)
	m := &Meeting{Title: "Board", Starts: time.Date(2026, 3, 10, 9, 0, 0, 0, paris), TimeZone: "Europe/Paris", Minutes: 60}
	must(t, s.CreateMeeting(bg, m))
	ids := sampleAgenda(t, s, m.ID)

	starts := func() string {
		a, err := s.Agenda(bg, m.ID)
		must(t, err)
		var parts []string
		a.Walk(func(it *AgendaItem) {
			if it.Start.Location().String() != "Europe/Paris" {
				t.Errorf("%s starts in %v", it.Title, it.Start.Location())
			}
			parts = append(parts, fmt.Sprintf("%s %s", it.Start.Format("15:04"), it.Title))
		})
		if a.TotalMinutes() != 75 || a.Overrun(m) != 15 {
			t.Errorf("TotalMinutes %d, Overrun %d; want 75, 15", a.TotalMinutes(), a.Overrun(m))
		}
		return strings.Join(parts, ", ")
	}
	// Own minutes first, then the sub-items': Finance's 10 minutes run
	// from 09:05, its Budget from 09:15.
	want := "09:00 Opening, 09:05 Finance, 09:15 Budget, 09:35 Audit, 09:50 Findings, 10:00 HR, 10:10 AOB"
	if got := starts(); got != want {
		t.Errorf("start times\n got %s\nwant %s", got, want)
	}
	must(t, s.MoveItem(bg, ids["HR"], MoveUp))
	want = "09:00 Opening, 09:05 HR, 09:15 Finance, 09:25 Budget, 09:45 Audit, 10:00 Findings, 10:10 AOB"
	if got := starts(); got != want {
		t.Errorf("start times after a move\n got %s\nwant %s", got, want)
	}
}

func TestUpdateItem(t *testing.T) {
	s := newStore(t)
	m := addMeeting(t, s, 0, "Board", time.Time{})
	ids := sampleAgenda(t, s, m.ID)
	ada := addPerson(t, s, "Ada")
	it := &AgendaItem{ID: ids["Audit"], MeetingID: m.ID, Title: "External audit", Purpose: ForDecision,
		PresenterID: ada.ID, Minutes: 25, Description: "The auditors' report.\nSee paper 3.",
		Confidential: true, Notes: "Discussed at length."}
	must(t, s.UpdateItem(bg, it))
	a, err := s.Agenda(bg, m.ID)
	must(t, err)
	got := a.Find(ids["Audit"])
	if got == nil || got.Number != "2.2" || got.Title != it.Title || got.Purpose != ForDecision ||
		got.PresenterID != ada.ID || got.PresenterName != "Ada" || got.Minutes != 25 ||
		got.Description != it.Description || !got.Confidential || got.Notes != it.Notes || len(got.Items) != 1 {
		t.Errorf("item after update: %+v", got)
	}
	bad := *it
	bad.Title = strings.Repeat("t", 5000)
	wantErr(t, s.UpdateItem(bg, &bad), EINVALID, "title")

	// Without presenter again.
	it.PresenterID = 0
	must(t, s.UpdateItem(bg, it))
	a, err = s.Agenda(bg, m.ID)
	must(t, err)
	if got := a.Find(ids["Audit"]); got.PresenterID != 0 || got.PresenterName != "" || got.Title != "External audit" {
		t.Errorf("item after removing the presenter: %+v", got)
	}
}

func TestEmptyAgenda(t *testing.T) {
	s := newStore(t)
	m := addMeeting(t, s, 0, "Board", time.Time{})
	a, err := s.Agenda(bg, m.ID)
	if err != nil || len(a) != 0 {
		t.Errorf("empty agenda: %v, %v", a, err)
	}
}
