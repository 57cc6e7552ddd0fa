// Package attendees is the Attendees tab of a meeting's workspace: who is
// invited, in what role, with or without a vote, whether they come, who
// holds the proxy of those represented, and whether the quorum is reached.
package attendees

import (
	"context"
	"errors"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// Store is what the Attendees tab needs of the store.
type Store interface {
	GetMeeting(ctx context.Context, id int64) (*meeting.Meeting, error)
	Attendees(ctx context.Context, meetingID int64) ([]*meeting.Attendee, error)
	Quorum(ctx context.Context, meetingID int64, at meeting.Clock) (meeting.QuorumState, error)
	ListPeople(ctx context.Context, query string) ([]*meeting.Person, error)
	AddAttendee(ctx context.Context, a *meeting.Attendee) error
	UpdateAttendee(ctx context.Context, a *meeting.Attendee) error
	RemoveAttendee(ctx context.Context, id int64) error
	CreatePerson(ctx context.Context, p *meeting.Person) error
}

// MaxMatches is how many people of the directory the type-ahead offers.
const MaxMatches = 8

// Tab is the Attendees tab of one meeting.
type Tab struct {
	env   *uikit.Env
	st    Store
	id    int64
	queue uikit.Writes

	lock      *uikit.LockBanner
	quorum    *uikit.QuorumIndicator
	quorumAt  *widget.Label    // when the quorum is counted, once the sitting has begun
	search    *widget.Entry    // finds people in the directory
	matches   *fyne.Container  // a button per person found
	found     []*widget.Button // the buttons in matches
	newPerson *widget.Button
	counts    *widget.Label
	empty     *widget.Label
	list      *fyne.Container // a row per attendee
	rows      []*row
	content   fyne.CanvasObject
	form      *personForm // the New person dialog last opened

	m         *meeting.Meeting // as last read: its status locks the tab
	attendees []*meeting.Attendee
	searches  int // searches started; only the last one's result is shown

	quorumReading bool // a read of the quorum is on its way
	quorumStale   bool // and changes were made since it was asked
}

// New builds the Attendees tab of meeting meetingID; Reload fills it.
func New(env *uikit.Env, st Store, meetingID int64) *Tab {
	t := &Tab{env: env, st: st, id: meetingID}
	t.search = widget.NewEntry()
	t.search.PlaceHolder = lang.L("Add someone: type a name, an organisation or an email")
	t.search.OnChanged = func(string) { t.find() }
	t.search.OnSubmitted = func(string) {
		if len(t.found) > 0 {
			t.found[0].OnTapped()
		}
	}
	t.matches = container.NewVBox()
	t.newPerson = widget.NewButtonWithIcon(lang.L("New person…"), theme.ContentAddIcon(), t.createPerson)
	t.counts = widget.NewLabel("")
	t.counts.Wrapping = fyne.TextWrapWord
	t.empty = widget.NewLabel(lang.L("Nobody is invited yet. Find people of the directory above, or create a new person."))
	t.empty.Wrapping = fyne.TextWrapWord
	t.empty.Hide()
	t.list = container.NewVBox()
	t.lock = uikit.NewLockBanner()
	t.quorum = uikit.NewQuorumIndicator()
	t.quorumAt = widget.NewLabel("")
	t.quorumAt.Wrapping = fyne.TextWrapWord
	t.quorumAt.SizeName = theme.SizeNameCaptionText
	t.quorumAt.Hide()
	uikit.Enable(!env.ReadOnly, t.search, t.newPerson)
	top := container.NewVBox(t.lock, t.quorum, t.quorumAt, container.NewBorder(nil, nil, nil, t.newPerson, t.search),
		t.matches, t.counts, widget.NewSeparator())
	t.content = container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewVBox(t.empty, t.list)))
	return t
}

// Content is what the workspace shows for the tab.
func (t *Tab) Content() fyne.CanvasObject { return t.content }

// Reload reads the meeting, its attendees and its quorum again, once the
// changes asked before are written.
func (t *Tab) Reload() {
	uikit.Read(&t.queue, t.env, func(ctx context.Context) (loaded, error) {
		var l loaded
		var err error
		if l.m, err = t.st.GetMeeting(ctx, t.id); err != nil {
			return l, err
		}
		if l.attendees, err = t.st.Attendees(ctx, t.id); err != nil {
			return l, err
		}
		l.quorum, err = t.st.Quorum(ctx, t.id, meeting.RoomTime(l.m, l.attendees))
		return l, err
	}, t.show)
}

// loaded is what Reload reads.
type loaded struct {
	m         *meeting.Meeting
	attendees []*meeting.Attendee
	quorum    meeting.QuorumState
}

// editable reports whether the attendees may be changed: not in a
// read-only database, nor once the minutes are approved.
func (t *Tab) editable() bool { return t.env.Editable(t.m) }

// show shows the meeting's lock, quorum and attendees.
func (t *Tab) show(l loaded) {
	t.m = l.m
	t.lock.Set(t.m, t.content)
	uikit.Enable(t.editable(), t.search, t.newPerson)
	t.showQuorum(l.quorum)
	t.attendees = l.attendees
	t.rows = nil
	t.list.RemoveAll()
	for _, a := range t.attendees {
		r := t.newRow(a)
		t.rows = append(t.rows, r)
		t.list.Add(r.box)
	}
	t.empty.Hidden = len(t.attendees) > 0
	t.empty.Refresh()
	t.showCounts()
	t.find()
}

// showCounts says how many are invited, and how many of them confirmed,
// came, sent apologies, are represented, and vote.
func (t *Tab) showCounts() {
	n := map[meeting.Presence]int{}
	voting := 0
	for _, a := range t.attendees {
		n[a.Status]++
		if a.Voting {
			voting++
		}
	}
	parts := []string{
		lang.L("Invited: {{.N}}", map[string]any{"N": len(t.attendees)}),
		lang.L("Confirmed: {{.N}}", map[string]any{"N": n[meeting.Confirmed]}),
		lang.L("Present: {{.N}}", map[string]any{"N": n[meeting.Present]}),
		lang.L("Apologies: {{.N}}", map[string]any{"N": n[meeting.Apologies]}),
		lang.L("Represented: {{.N}}", map[string]any{"N": n[meeting.Represented]}),
		lang.L("Voting: {{.N}}", map[string]any{"N": voting}),
	}
	t.counts.SetText(strings.Join(parts, "   ·   "))
}

// find offers the people of the directory whose name, organisation or
// email holds what was typed, and who are not attendees yet.
func (t *Tab) find() {
	t.searches++
	search := t.searches
	q := strings.TrimSpace(t.search.Text)
	if q == "" {
		t.showMatches(nil)
		return
	}
	uikit.Load(t.env, func(ctx context.Context) ([]*meeting.Person, error) {
		return t.st.ListPeople(ctx, q)
	}, func(people []*meeting.Person) {
		if search == t.searches {
			t.showMatches(people)
		}
	})
}

func (t *Tab) showMatches(people []*meeting.Person) {
	attending := map[int64]bool{}
	for _, a := range t.attendees {
		attending[a.PersonID] = true
	}
	t.found = nil
	t.matches.RemoveAll()
	for _, p := range people {
		if attending[p.ID] || len(t.found) == MaxMatches {
			continue
		}
		b := widget.NewButtonWithIcon(personText(p), theme.ContentAddIcon(), func() { t.add(p.ID) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		uikit.Enable(t.editable(), b)
		t.found = append(t.found, b)
		t.matches.Add(b)
	}
	if len(people) > 0 && len(t.found) == 0 {
		t.matches.Add(widget.NewLabel(lang.L("Everyone found is already an attendee.")))
	}
}

// personText names a person with what tells them apart.
func personText(p *meeting.Person) string {
	var more []string
	for _, s := range []string{p.Organisation, p.Email} {
		if s != "" {
			more = append(more, s)
		}
	}
	if len(more) == 0 {
		return p.Name
	}
	return p.Name + " – " + strings.Join(more, ", ")
}

// add makes person personID an attendee: an invited voting member, to
// be changed on their row.
func (t *Tab) add(personID int64) {
	a := &meeting.Attendee{MeetingID: t.id, PersonID: personID, Role: meeting.Member, Voting: true, Status: meeting.Invited}
	t.queue.Run(t.env, func(ctx context.Context) error { return t.st.AddAttendee(ctx, a) }, func(err error) {
		t.env.ShowError(err)
		if err == nil {
			t.search.SetText("")
		}
		t.Reload()
	})
}

// row is one attendee's line: name, then role, vote, presence and proxy.
type row struct {
	a        *meeting.Attendee
	name     *widget.Label
	role     *uikit.Choice[meeting.Role]
	voting   *widget.Check
	presence *uikit.Choice[meeting.Presence]
	proxy    *widget.Select
	proxies  []int64 // the person of each of proxy's options
	remove   *widget.Button
	box      *fyne.Container
}

func (t *Tab) newRow(a *meeting.Attendee) *row {
	r := &row{a: a, name: widget.NewLabel(personText(&a.Person))}
	r.name.TextStyle.Bold = true
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.role = uikit.NewChoice(meeting.Roles, uikit.RoleLabel, func(v meeting.Role) {
		t.update(r, func(b *meeting.Attendee) {
			b.Role = v
			if v == meeting.Guest || v == meeting.Observer {
				b.Voting = false // guests and observers do not vote
			}
		})
	})
	r.role.SetValue(a.Role)
	r.voting = widget.NewCheck(lang.L("Votes"), nil)
	r.voting.SetChecked(a.Voting)
	r.voting.OnChanged = func(v bool) { t.update(r, func(b *meeting.Attendee) { b.Voting = v }) }
	r.presence = uikit.NewChoice(meeting.Presences, uikit.PresenceLabel, func(v meeting.Presence) {
		t.update(r, func(b *meeting.Attendee) {
			b.Status = v
			if v != meeting.Represented {
				b.ProxyID = 0
			}
		})
	})
	r.presence.SetValue(a.Status)

	var names []string
	for _, o := range t.attendees {
		if o.PersonID != a.PersonID {
			names = append(names, o.Person.Name)
			r.proxies = append(r.proxies, o.PersonID)
		}
	}
	r.proxy = uikit.NewSelect(names, nil)
	r.proxy.PlaceHolder = lang.L("Proxy given to…")
	for i, id := range r.proxies {
		if id == a.ProxyID {
			r.proxy.SetSelectedIndex(i)
		}
	}
	r.proxy.OnChanged = func(string) {
		if i := r.proxy.SelectedIndex(); i >= 0 {
			t.update(r, func(b *meeting.Attendee) { b.ProxyID = r.proxies[i] })
		}
	}
	r.proxy.Hidden = a.Status != meeting.Represented

	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { t.removeAttendee(r.a) })
	r.remove.Importance = widget.LowImportance
	uikit.Enable(t.editable(), r.role, r.voting, r.presence, r.proxy, r.remove)
	pickers := container.NewHBox(uikit.FixedWidth(190, r.role.Select), uikit.FixedWidth(100, r.voting),
		uikit.FixedWidth(190, r.presence.Select), uikit.FixedWidth(210, r.proxy))
	r.box = container.NewBorder(nil, widget.NewSeparator(), nil, r.remove, container.NewVBox(r.name, pickers))
	return r
}

// update saves a change of r's attendee at once; the row and the counts
// show it at once too, and are read again if the store refuses it.
func (t *Tab) update(r *row, change func(*meeting.Attendee)) {
	change(r.a)
	a := *r.a // what this change writes, whatever comes after it
	if r.voting.Checked != a.Voting {
		r.voting.Checked = a.Voting // shown without being a change of its own
		r.voting.Refresh()
	}
	if a.Status == meeting.Represented {
		r.proxy.Show()
	} else {
		r.proxy.Hide()
	}
	if a.ProxyID == 0 {
		r.proxy.ClearSelected()
	}
	t.showCounts()
	t.queue.Run(t.env, func(ctx context.Context) error { return t.st.UpdateAttendee(ctx, &a) }, func(err error) {
		if err != nil {
			t.env.ShowError(err)
			t.Reload()
		}
	})
	t.readQuorum()
}

func (t *Tab) removeAttendee(a *meeting.Attendee) {
	t.queue.Run(t.env, func(ctx context.Context) error { return t.st.RemoveAttendee(ctx, a.ID) }, func(err error) {
		t.env.ShowError(err)
		t.Reload()
	})
}

// personForm is the New person dialog.
type personForm struct {
	name, email, organisation *widget.Entry
	dlg                       *dialog.FormDialog
}

// createPerson asks for a new person of the directory, then adds them.
func (t *Tab) createPerson() {
	f := &personForm{name: widget.NewEntry(), email: widget.NewEntry(), organisation: widget.NewEntry()}
	f.name.Validator = checkName
	f.name.SetText(strings.TrimSpace(t.search.Text))
	f.email.Validator = checkEmail
	f.email.PlaceHolder = "prenom.nom@example.org"
	f.organisation.Validator = checkLine
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), f.name),
		widget.NewFormItem(lang.L("Email"), f.email),
		widget.NewFormItem(lang.L("Organisation"), f.organisation),
	}
	f.dlg = dialog.NewForm(lang.L("New person"), lang.L("Create and add"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		p := &meeting.Person{Name: strings.TrimSpace(f.name.Text), Email: strings.TrimSpace(f.email.Text),
			Organisation: strings.TrimSpace(f.organisation.Text)}
		t.queue.Run(t.env, func(ctx context.Context) error { return t.st.CreatePerson(ctx, p) }, func(err error) {
			if err != nil {
				t.env.ShowError(err)
				return
			}
			t.add(p.ID)
		})
	}, t.env.Window)
	for _, e := range []*widget.Entry{f.name, f.email, f.organisation} {
		e.OnSubmitted = func(string) { f.dlg.Submit() }
	}
	f.dlg.Resize(f.dlg.MinSize().Max(uikit.DialogSize))
	t.form = f
	f.dlg.Show()
	t.env.Window.Canvas().Focus(f.name)
}

func checkName(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New(lang.L("A name is required"))
	}
	return checkLine(s)
}

func checkLine(s string) error {
	if n := utf8.RuneCountInString(strings.TrimSpace(s)); n > meeting.MaxTitle {
		return errors.New(lang.L("This is {{.N}} characters long; at most {{.Max}} are allowed",
			map[string]any{"N": n, "Max": meeting.MaxTitle}))
	}
	return nil
}

func checkEmail(s string) error {
	s = strings.TrimSpace(s)
	if s != "" && (!strings.Contains(s, "@") || strings.ContainsAny(s, " <>,;")) {
		return errors.New(lang.L("“{{.Text}}” is not an email address", map[string]any{"Text": s}))
	}
	return checkLine(s)
}
