package attendees

import (
	"context"

	"fyne.io/fyne/v2/lang"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// readQuorum reads the quorum again once the changes asked before are
// written, and shows it. One read is on its way at a time: the changes
// made meanwhile are counted by one more read, asked when it is shown.
func (t *Tab) readQuorum() {
	if t.quorumReading {
		t.quorumStale = true
		return
	}
	t.quorumReading = true
	at := meeting.RoomTime(t.m, t.attendees)
	var q meeting.QuorumState
	t.queue.Run(t.env, func(ctx context.Context) (err error) {
		q, err = t.st.Quorum(ctx, t.id, at)
		return err
	}, func(err error) {
		t.quorumReading = false
		if err != nil {
			t.env.ShowError(err)
		} else {
			t.showQuorum(q)
		}
		if t.quorumStale {
			t.quorumStale = false
			t.readQuorum()
		}
	})
}

// showQuorum shows q in the indicator and, when it is counted at a time
// of the sitting, which time. A rule with no voting member to count says
// so rather than "reached: 0 of 0".
func (t *Tab) showQuorum(q meeting.QuorumState) {
	shown := [2]bool{t.quorum.Visible(), t.quorumAt.Visible()}
	t.quorum.Set(q)
	args := map[string]any{"At": string(q.At)}
	switch {
	case q.Needed && q.Members == 0:
		t.quorum.Hide()
		t.quorumAt.SetText(lang.L("The quorum is counted among the voting members: none is listed yet."))
		t.quorumAt.Show()
	case q.At == "":
		t.quorumAt.Hide()
	case t.m != nil && q.At == t.m.Closed:
		t.quorumAt.SetText(lang.L("Counted at the close of the sitting ({{.At}}): members who had left are not counted.", args))
		t.quorumAt.Show()
	default:
		t.quorumAt.SetText(lang.L("Counted at {{.At}}, the latest arrival or departure recorded: members who left are not counted.", args))
		t.quorumAt.Show()
	}
	if shown != [2]bool{t.quorum.Visible(), t.quorumAt.Visible()} {
		uikit.Relayout(t.content)
	}
}
