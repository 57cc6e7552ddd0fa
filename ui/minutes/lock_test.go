package minutes_test

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"quorum/meeting"
	"quorum/ui/minutes"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

func TestApprovedMinutesLockAllButTheFollowUpOfActions(t *testing.T) {
	uitest.English(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	ctx := context.Background()
	m, items, chair := sitting(t, st)
	must(t, st.AddDecision(ctx, &meeting.Decision{ItemID: items[0].ID, Text: "Approuvé.", Outcome: meeting.Adopted, For: 5}))
	act := &meeting.Action{MeetingID: m.ID, ItemID: items[0].ID, Title: "Archiver", OwnerID: chair.ID, Due: "2027-01-15"}
	must(t, st.CreateAction(ctx, act))
	loose := &meeting.Action{MeetingID: m.ID, Title: "Réserver la salle"}
	must(t, st.CreateAction(ctx, loose))
	uitest.ApproveMinutes(t, st, m.ID)
	tab := uitest.Shown(env, minutes.New(env, st, m.ID))

	if !tab.Lock.Visible() || tab.Lock.Text != uikit.LockedText() || len(tab.Decisions) != 1 || len(tab.Actions) != 1 {
		t.Fatalf("banner shown %v %q; %d decisions, %d actions", tab.Lock.Visible(), tab.Lock.Text, len(tab.Decisions), len(tab.Actions))
	}
	want := []string{`select "Claire Martin"`, `entry "15/01/2027"`, `select "Open"`}
	if got := uitest.Enabled(tab.Content()); !slices.Equal(got, want) {
		t.Errorf("editable in locked minutes: %q, want the action's owner, due date and status alone", got)
	}

	// The follow-up of the action is saved; its title stays.
	ar := tab.Actions[0]
	ar.Status.SetSelected("Done")
	ar.Due.SetText("")
	test.Type(ar.Due, "22/01/2027")
	env.Wait()
	got, err := st.GetAction(ctx, act.ID)
	must(t, err)
	if got.Status != meeting.ActionDone || got.Due != "2027-01-22" || got.Title != "Archiver" || !ar.Error.Hidden {
		t.Errorf("action followed up in locked minutes: %+v (message %q)", got, ar.Error.Text)
	}
	if mm, _ := st.GetMeeting(ctx, m.ID); mm.Status != meeting.MinutesApproved {
		t.Errorf("the meeting’s status became %s", mm.Status)
	}

	// So is an action tied to no item.
	tab.Items.Select(tab.Items.Length() - 1)
	if len(tab.Actions) != 1 || tab.Actions[0].Title.Text != "Réserver la salle" || !tab.Actions[0].Title.Disabled() ||
		tab.Actions[0].Status.Disabled() || !tab.Actions[0].Delete.Disabled() {
		t.Fatalf("the action tied to no item: %d rows", len(tab.Actions))
	}
	tab.Actions[0].Status.SetSelected("In progress")
	env.Wait()
	if got, _ := st.GetAction(ctx, loose.ID); got.Status != meeting.ActionInProgress {
		t.Errorf("status of the action tied to no item: %s", got.Status)
	}

	// Reopened, everything can be typed in again.
	must(t, st.ReopenMinutes(ctx, m.ID, "", "Vote du point 1 à corriger"))
	tab.Reload()
	env.Wait()
	tab.Items.Select(0)
	if tab.Lock.Visible() || tab.Notes.Disabled() || tab.Opened.Disabled() || tab.AddDecision.Disabled() || tab.AddAction.Disabled() ||
		tab.Decisions[0].Text.Disabled() || tab.Decisions[0].Delete.Disabled() || tab.Actions[0].Title.Disabled() {
		t.Fatal("reopened, the minutes stay locked")
	}
	retype(tab.Decisions[0].For, "6")
	env.Wait()
	a, err := st.Agenda(ctx, m.ID)
	must(t, err)
	if got := a.Find(items[0].ID).Decisions[0].For; got != 6 {
		t.Errorf("votes for after reopening: %d", got)
	}
}

func TestReadOnlyLocksTheFollowUpToo(t *testing.T) {
	env, _ := uitest.Env(t)
	env.ReadOnly = true
	st := uitest.Store(t)
	m, items, _ := sitting(t, st)
	must(t, st.CreateAction(context.Background(), &meeting.Action{MeetingID: m.ID, ItemID: items[0].ID, Title: "Archiver"}))
	uitest.ApproveMinutes(t, st, m.ID)
	tab := uitest.Shown(env, minutes.New(env, st, m.ID))
	if got := uitest.Enabled(tab.Content()); len(got) != 0 || len(tab.Actions) != 1 {
		t.Errorf("a read-only window lets %q change (%d actions)", got, len(tab.Actions))
	}
}
