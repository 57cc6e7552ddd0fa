package attendees

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

func TestApprovedMinutesLockTheAttendees(t *testing.T) {
	f := newFixture(t)
	uitest.ApproveMinutes(t, f.st, f.m.ID)
	tab := f.open(t, f.m.ID)
	if got := uitest.Enabled(tab.Content()); len(got) != 0 {
		t.Errorf("a locked meeting's attendees can be changed with %q", got)
	}
	if !tab.lock.Visible() || tab.lock.Text != uikit.LockedText() || len(tab.rows) != 2 {
		t.Errorf("banner shown %v %q, %d rows", tab.lock.Visible(), tab.lock.Text, len(tab.rows))
	}
	test.Tap(tab.rows[1].voting)
	tab.rows[1].presence.SetSelected("Present") // what a disabled drop-down cannot do: refused by the store
	f.env.Wait()
	if got := f.stored(t)[1]; !got.Voting || got.Status != meeting.Invited {
		t.Errorf("Tom changed in a locked meeting: voting %v, %s", got.Voting, got.Status)
	}

	uitest.Must(t, f.st.ReopenMinutes(bg, f.m.ID, "", "Oubli d’un membre présent"))
	tab.Reload()
	f.env.Wait()
	if tab.lock.Visible() || tab.search.Disabled() || tab.newPerson.Disabled() || tab.rows[1].presence.Disabled() ||
		tab.rows[1].voting.Disabled() || tab.rows[1].remove.Disabled() {
		t.Fatal("reopened, the attendees stay locked")
	}
	tab.rows[1].presence.SetSelected("Present")
	f.env.Wait()
	if got := f.stored(t)[1]; got.Status != meeting.Present {
		t.Errorf("Tom after reopening: %s", got.Status)
	}
}

// board is a meeting of a series whose quorum is half of the voting
// members, proxies counting, with four voting members: Ada and Bob
// present, Chloé and Denis invited.
func board(t *testing.T) (*fixture, *meeting.Series) {
	t.Helper()
	f := &fixture{st: uitest.Store(t)}
	sr := &meeting.Series{Name: "Conseil d’administration", Code: "CA", Quorum: meeting.QuorumRule{Percent: 50, Proxies: true}}
	uitest.Must(t, f.st.CreateSeries(bg, sr))
	f.m = &meeting.Meeting{SeriesID: sr.ID, Title: "CA de mars", Starts: time.Date(2026, 3, 12, 9, 30, 0, 0, time.UTC)}
	uitest.Must(t, f.st.CreateMeeting(bg, f.m))
	for _, a := range []struct {
		name   string
		status meeting.Presence
	}{{"Ada Lovelace", meeting.Present}, {"Bob Marley", meeting.Present}, {"Chloé Zhao", meeting.Invited}, {"Denis Diderot", meeting.Invited}} {
		p := &meeting.Person{Name: a.name}
		uitest.Must(t, f.st.CreatePerson(bg, p))
		uitest.Must(t, f.st.AddAttendee(bg, &meeting.Attendee{MeetingID: f.m.ID, PersonID: p.ID, Role: meeting.Member, Voting: true, Status: a.status}))
	}
	return f, sr
}

// quorumShown checks the indicator's text and colour, and that the store
// says the same.
func (f *fixture) quorumShown(t *testing.T, text string, importance widget.Importance) {
	t.Helper()
	q := f.tab.quorum
	if !q.Visible() || q.Text != text || q.Importance != importance {
		t.Errorf("quorum shown %v: %q (importance %v), want %q (%v)", q.Visible(), q.Text, q.Importance, text, importance)
	}
	stored, err := f.st.Quorum(bg, f.m.ID, meeting.RoomTime(f.tab.m, f.stored(t)))
	uitest.Must(t, err)
	if stored != q.State {
		t.Errorf("the indicator shows %+v, the store says %+v", q.State, stored)
	}
}

func TestQuorumFollowsEveryChange(t *testing.T) {
	f, sr := board(t)
	tab := f.open(t, f.m.ID)
	// Exactly half: reached.
	f.quorumShown(t, "Quorum reached — voting members present: 2 of 4 (2 required)", widget.SuccessImportance)
	if tab.quorumAt.Visible() {
		t.Errorf("before the sitting the quorum is counted at a time: %q", tab.quorumAt.Text)
	}

	// Bob sends apologies: one short.
	bob, chloe := tab.rows[1], tab.rows[2]
	bob.presence.SetSelected("Apologies")
	f.env.Wait()
	if got := f.stored(t)[1].Status; got != meeting.Apologies {
		t.Fatalf("Bob stored as %s", got)
	}
	f.quorumShown(t, "Quorum not reached — voting members present: 1 of 4 (2 required)", widget.DangerImportance)

	// Chloé gives her proxy to Ada, who is there: she counts.
	chloe.presence.SetSelected("Represented")
	chloe.proxy.SetSelected("Ada Lovelace")
	f.env.Wait()
	if got := f.stored(t)[2]; got.Status != meeting.Represented || got.ProxyID != f.stored(t)[0].PersonID {
		t.Fatalf("Chloé stored as %s, proxy %d", got.Status, got.ProxyID)
	}
	f.quorumShown(t, "Quorum reached — voting members present: 2 of 4 (2 required; 1 by proxy)", widget.SuccessImportance)

	// Not when the series does not take proxies.
	sr.Quorum.Proxies = false
	uitest.Must(t, f.st.UpdateSeries(bg, sr))
	tab.Reload()
	f.env.Wait()
	f.quorumShown(t, "Quorum not reached — voting members present: 1 of 4 (2 required)", widget.DangerImportance)

	// Nor, with proxies, when the holder is not there.
	sr.Quorum.Proxies = true
	uitest.Must(t, f.st.UpdateSeries(bg, sr))
	tab.Reload()
	f.env.Wait()
	tab.rows[0].presence.SetSelected("Apologies")
	f.env.Wait()
	f.quorumShown(t, "Quorum not reached — voting members present: 0 of 4 (2 required)", widget.DangerImportance)

	// A voting member who no longer votes leaves the count.
	tab.rows[0].presence.SetSelected("Present")
	test.Tap(tab.rows[3].voting)
	f.env.Wait()
	f.quorumShown(t, "Quorum reached — voting members present: 2 of 3 (2 required; 1 by proxy)", widget.SuccessImportance)
}

func TestQuorumInFrench(t *testing.T) {
	uitest.French(t)
	f, _ := board(t)
	tab := f.open(t, f.m.ID)
	f.quorumShown(t, "Quorum atteint — membres votants présents : 2 sur 4 (2 requis)", widget.SuccessImportance)
	tab.rows[1].presence.SetSelected("Excusé")
	f.env.Wait()
	f.quorumShown(t, "Quorum non atteint — membres votants présents : 1 sur 4 (2 requis)", widget.DangerImportance)
}

func TestNoQuorumOutsideASeries(t *testing.T) {
	f := newFixture(t)
	f.open(t, f.m.ID)
	f.quorumShown(t, "No quorum required — voting members present: 0 of 2", widget.MediumImportance)
}

// TestQuorumDuringTheSitting: once arrivals and departures are recorded,
// someone who left no longer counts, though their presence reads Present.
func TestQuorumDuringTheSitting(t *testing.T) {
	f, _ := board(t)
	list := f.stored(t)
	m, err := f.st.GetMeeting(bg, f.m.ID)
	uitest.Must(t, err)
	m.Opened = "09:30"
	uitest.Must(t, f.st.UpdateMeeting(bg, m))
	_, err = f.st.RecordArrival(bg, list[2].ID, "09:40")
	uitest.Must(t, err)
	_, err = f.st.RecordDeparture(bg, list[1].ID, "10:15")
	uitest.Must(t, err)

	tab := f.open(t, f.m.ID)
	if got := tab.rows[1].presence.Selected; got != "Present" {
		t.Errorf("Bob, who left, reads %q", got)
	}
	f.quorumShown(t, "Quorum reached — voting members present: 2 of 4 (2 required)", widget.SuccessImportance)
	if want := "Counted at 10:15, the latest arrival or departure recorded: members who left are not counted."; !tab.quorumAt.Visible() || tab.quorumAt.Text != want {
		t.Errorf("time of the count: shown %v, %q", tab.quorumAt.Visible(), tab.quorumAt.Text)
	}
	if q := tab.quorum.State; q.At != "10:15" || q.Present != 2 {
		t.Errorf("Ada and Chloé are there at 10:15, Bob left: %+v", q)
	}

	// Closed at 11:00; Ada leaves after the close: the count is the room at the close.
	m.Closed = "11:00"
	uitest.Must(t, f.st.UpdateMeeting(bg, m))
	_, err = f.st.RecordDeparture(bg, list[0].ID, "11:05")
	uitest.Must(t, err)
	tab.Reload()
	f.env.Wait()
	f.quorumShown(t, "Quorum reached — voting members present: 2 of 4 (2 required)", widget.SuccessImportance)
	if !strings.HasPrefix(tab.quorumAt.Text, "Counted at the close of the sitting (11:00)") {
		t.Errorf("time of the count after the close: %q", tab.quorumAt.Text)
	}
}

func TestQuorumWithoutVotingMembers(t *testing.T) {
	f, _ := board(t)
	tab := f.open(t, f.m.ID)
	for _, r := range tab.rows {
		test.Tap(r.voting)
	}
	f.env.Wait()
	if tab.quorum.Visible() || !tab.quorumAt.Visible() ||
		tab.quorumAt.Text != "The quorum is counted among the voting members: none is listed yet." {
		t.Errorf("no voting member: indicator shown %v %q, then %q", tab.quorum.Visible(), tab.quorum.Text, tab.quorumAt.Text)
	}
	test.Tap(tab.rows[0].voting)
	f.env.Wait()
	f.quorumShown(t, "Quorum reached — voting members present: 1 of 1 (1 required)", widget.SuccessImportance)
	if tab.quorumAt.Visible() {
		t.Errorf("with a voting member, still: %q", tab.quorumAt.Text)
	}
}
