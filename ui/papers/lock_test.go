package papers

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

func TestApprovedMinutesLockThePapers(t *testing.T) {
	uitest.English(t)
	env, _ := uitest.Env(t)
	st := uitest.Store(t)
	id, items := newMeeting(t, st)
	attach(t, st, &meeting.Document{MeetingID: id, ItemID: items[1], Title: "Budget", FileName: "budget.txt", InPack: true}, []byte("Budget"))
	attach(t, st, &meeting.Document{MeetingID: id, ItemID: items[1], Title: "Annexe", FileName: "annexe.txt", InPack: true}, []byte("Annexe"))
	uitest.ApproveMinutes(t, st, id)
	tab := open(t, env, st, id)

	// Papers can be opened, nothing more.
	if got := uitest.Enabled(tab.Content()); !slices.Equal(got, []string{`button "Open"`, `button "Open"`}) {
		t.Errorf("locked papers can be changed with %q", got)
	}
	if !tab.Lock.Visible() || tab.Lock.Text != uikit.LockedText() || len(tab.Rows) != 2 {
		t.Errorf("banner shown %v %q, %d rows", tab.Lock.Visible(), tab.Lock.Text, len(tab.Rows))
	}

	// A file dropped says why it is not attached, and is not.
	tab.Drop([]fyne.URI{file(t, "Note complémentaire.pdf", samplePDF(t, 1))})
	env.Wait()
	if msg := uitest.TopOverlayText(env); !strings.Contains(msg, "Not attached") || !strings.Contains(msg, uikit.LockedText()) {
		t.Errorf("the message says %q", msg)
	}
	if docs := documents(t, st, id); len(docs) != 2 {
		t.Fatalf("%d papers stored after a drop on a locked meeting", len(docs))
	}

	// So does a tab not read yet, as when files are dropped on the window.
	fresh := New(env, st, id)
	fresh.Drop([]fyne.URI{file(t, "Autre note.pdf", samplePDF(t, 1))})
	env.Wait()
	if docs := documents(t, st, id); len(docs) != 2 {
		t.Fatalf("%d papers stored after a drop on a tab not read yet", len(docs))
	}
	if over := uitest.Overlays(env); len(over) != 2 || !strings.Contains(uitest.Texts(over[1]), uikit.LockedText()) {
		t.Errorf("%d messages; the last says %q", len(over), uitest.TopOverlayText(env))
	}

	uitest.Must(t, st.ReopenMinutes(context.Background(), id, "", "Annexe manquante"))
	tab.Reload()
	env.Wait()
	docs := documents(t, st, id)
	first := tab.Rows[docs[0].ID]
	if tab.Lock.Visible() || tab.Add.Disabled() || tab.Target.Disabled() || first.Title.Disabled() || first.InPack.Disabled() ||
		first.Item.Disabled() || first.Delete.Disabled() || first.Down.Disabled() || !first.Up.Disabled() {
		t.Fatal("reopened, the papers stay locked")
	}
	first.Title.SetText("")
	test.Type(first.Title, "Budget rectifié")
	test.Tap(first.InPack)
	env.Wait()
	if d := documents(t, st, id)[0]; d.Title != "Budget rectifié" || d.InPack {
		t.Errorf("after reopening: %q, in the pack %v", d.Title, d.InPack)
	}
}
