// Package series is the Series section of Quorum's window: the committees
// and recurring meetings, each with its code, place, notice period, quorum
// rule, default members and standard agenda, edited as typed.
package series

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// Store is what the Series section needs from the store.
type Store interface {
	ListSeries(ctx context.Context) ([]*meeting.Series, error)
	GetSeries(ctx context.Context, id int64) (*meeting.Series, error)
	CreateSeries(ctx context.Context, sr *meeting.Series) error
	UpdateSeries(ctx context.Context, sr *meeting.Series) error
	DeleteSeries(ctx context.Context, id int64) error
	ListPeople(ctx context.Context, query string) ([]*meeting.Person, error)
	ListMeetings(ctx context.Context, f meeting.MeetingFilter) ([]*meeting.Meeting, error)
}

// quorumKind is how a series counts its quorum.
type quorumKind string

const (
	noQuorum      quorumKind = "none"
	quorumPercent quorumKind = "percent"
	quorumCount   quorumKind = "count"
)

func quorumLabel(k quorumKind) string {
	switch k {
	case quorumPercent:
		return lang.L("Share of voting members (%)")
	case quorumCount:
		return lang.L("Fixed number of voting members")
	}
	return lang.L("No quorum")
}

// Screen is the Series section.
type Screen struct {
	env *uikit.Env
	st  Store

	list *widget.List
	add  *widget.Button

	heading                   *widget.Label
	name, code, place, notice *widget.Entry
	quorum                    *uikit.Choice[quorumKind]
	quorumValue               *widget.Entry
	proxies                   *widget.Check
	fields                    *uikit.Fields
	saver                     *uikit.Saver
	remove                    *widget.Button
	members                   []*memberRow
	membersBox                *fyne.Container
	addMember                 *widget.Select // the directory's people not yet members
	candidates                []*meeting.Person
	agenda                    []*itemRow
	agendaFields              *uikit.Fields
	agendaBox                 *fyne.Container
	addItem                   *widget.Button
	form                      *fyne.Container
	filling                   bool // the form is being filled: not a user's change
	all                       []*meeting.Series
	people                    []*meeting.Person
	cur                       *meeting.Series
	reads                     int // reloads started, so that only the last one shows

	writes uikit.Writes

	// The dialogs last opened, for tests.
	newDialog        *dialog.FormDialog
	newName, newCode *widget.Entry
	confirm          *dialog.ConfirmDialog

	content fyne.CanvasObject
}

// rowButtons move a row up or down, or remove it.
type rowButtons struct{ up, down, del *widget.Button }

// memberRow is one default member in the form.
type memberRow struct {
	rowButtons
	m      meeting.SeriesMember
	role   *uikit.Choice[meeting.Role]
	voting *widget.Check
}

// itemRow is one item of the standard agenda in the form.
type itemRow struct {
	rowButtons
	title   *widget.Entry
	purpose *uikit.Choice[meeting.Purpose]
	minutes *widget.Entry
}

// New builds the Series section; Reload fills it.
func New(env *uikit.Env, st Store) *Screen {
	s := &Screen{env: env, st: st}
	s.add = widget.NewButton(lang.L("New series…"), s.askNew)
	s.list = widget.NewList(func() int { return len(s.all) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(s.all[i].Code + " – " + s.all[i].Name)
		})
	s.list.OnSelected = func(i widget.ListItemID) {
		if i < len(s.all) && (s.cur == nil || s.cur.ID != s.all[i].ID) {
			s.open(s.all[i].ID)
		}
	}

	s.heading = widget.NewLabel("")
	s.heading.TextStyle.Bold = true
	s.heading.Wrapping = fyne.TextWrapWord
	s.fields = uikit.NewFields()
	s.saver = env.NewSaver(s.save)
	s.name = s.fields.NewEntry("name", lang.L("Name"), required, s.changed)
	s.code = s.fields.NewEntry("code", lang.L("Code"), func(t string) error {
		if s.cur == nil {
			return s.checkCode(t, 0)
		}
		return s.checkCode(t, s.cur.ID)
	}, s.changed)
	s.place = s.fields.NewEntry("place", lang.L("Usual place"), optional, s.changed)
	s.notice = s.fields.NewEntry("notice_days", lang.L("Notice (clear days)"), func(t string) error {
		_, err := uikit.ParseCount(t, 365)
		return err
	}, s.changed)
	s.quorum = uikit.NewChoice([]quorumKind{noQuorum, quorumPercent, quorumCount}, quorumLabel, func(quorumKind) {
		s.showQuorum()
		s.saveNow()
	})
	s.quorumValue = s.fields.NewEntry("quorum", lang.L("Quorum"), s.checkQuorum, s.changed)
	s.proxies = widget.NewCheck(lang.L("Members represented by a proxy count as present"), func(bool) { s.saveNow() })
	s.remove = widget.NewButton(lang.L("Delete…"), s.askDelete)
	s.remove.Importance = widget.DangerImportance
	s.addMember = uikit.NewSelect(nil, func(string) { s.addPicked() })
	s.addMember.PlaceHolder = lang.L("Add a member from the directory…")
	s.membersBox = container.NewVBox()
	s.agendaBox = container.NewVBox()
	s.agendaFields = uikit.NewFields()
	s.addItem = widget.NewButton(lang.L("Add an item"), func() {
		s.agenda = append(s.agenda, s.newItemRow(meeting.StandardItem{Title: lang.L("New item"), Purpose: meeting.ForInformation}))
		s.showAgenda()
		s.saveNow()
	})

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Name"), s.name),
		widget.NewFormItem(lang.L("Code"), s.code),
		widget.NewFormItem(lang.L("Usual place"), s.place),
		widget.NewFormItem(lang.L("Notice (clear days)"), s.notice),
		widget.NewFormItem(lang.L("Quorum"), container.NewGridWithColumns(2, s.quorum.Select, s.quorumValue)),
		widget.NewFormItem("", s.proxies))
	s.form = container.NewVBox(s.heading, form, s.fields.Problem, container.NewHBox(s.remove),
		widget.NewSeparator(), uikit.Heading(lang.L("Members")), s.membersBox, s.addMember,
		widget.NewSeparator(), uikit.Heading(lang.L("Standard agenda")), s.agendaBox, container.NewHBox(s.addItem))
	s.show(nil)

	left := container.NewBorder(container.NewHBox(s.add), nil, nil, nil, s.list)
	split := container.NewHSplit(left, container.NewVScroll(s.form))
	split.Offset = 0.3
	s.content = split
	return s
}

// required and optional check a one-line text.
func required(t string) error { return uikit.CheckLine(t, true) }
func optional(t string) error { return uikit.CheckLine(t, false) }

// changed notes a change the user made, to be saved.
func (s *Screen) changed() {
	if !s.filling {
		s.saver.Changed()
	}
}

// saveNow saves a change made with a picker or a button at once.
func (s *Screen) saveNow() {
	if s.filling {
		return
	}
	s.saver.Changed()
	s.saver.Flush()
}

// checkCode says what is wrong with the code of the series self (0: a
// new one): required, short, and not another series' code.
func (s *Screen) checkCode(t string, self int64) error {
	if err := uikit.CheckLine(t, true); err != nil {
		return err
	}
	t = strings.TrimSpace(t)
	if n := len([]rune(t)); n > 20 {
		return errors.New(lang.L("{{.N}} characters; at most {{.Max}} are allowed", map[string]any{"N": n, "Max": 20}))
	}
	for _, o := range s.all {
		if strings.EqualFold(o.Code, t) && o.ID != self {
			return errors.New(lang.L("the series “{{.Name}}” already has this code", map[string]any{"Name": o.Name}))
		}
	}
	return nil
}

// checkQuorum says what is wrong with the quorum's number for the kind
// of quorum picked.
func (s *Screen) checkQuorum(t string) error {
	max := 10_000
	switch s.quorum.Value() {
	case quorumPercent:
		max = 100
	case quorumCount:
	default:
		return nil
	}
	n, err := uikit.ParseCount(t, max)
	if err == nil && n == 0 {
		err = errors.New(lang.L("give a number between 1 and {{.Max}}", map[string]any{"Max": max}))
	}
	return err
}

// showQuorum shows the quorum's number only when it has one.
func (s *Screen) showQuorum() {
	defer s.form.Refresh()
	if s.quorum.Value() == noQuorum || s.quorum.Value() == "" {
		s.quorumValue.Hide()
		s.quorumValue.SetValidationError(nil)
	} else {
		s.quorumValue.Show()
	}
}

// Content is what the window shows for the section.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// listed is what Reload reads.
type listed struct {
	series []*meeting.Series
	people []*meeting.Person
}

// Reload reads the series and the directory again, keeping the selected
// series, as typed, when it is still there.
func (s *Screen) Reload() { s.reload(0) }

// reload reads the list; a non-zero id is then opened as stored.
func (s *Screen) reload(id int64) {
	s.reads++
	read := s.reads
	uikit.Load(s.env, func(ctx context.Context) (listed, error) {
		var l listed
		var err error
		if l.series, err = s.st.ListSeries(ctx); err != nil {
			return l, err
		}
		l.people, err = s.st.ListPeople(ctx, "")
		return l, err
	}, func(l listed) {
		if read != s.reads {
			return
		}
		s.all, s.people = l.series, l.people
		if id == 0 && s.cur != nil {
			id = s.cur.ID
		}
		s.list.UnselectAll()
		found := false
		for i, sr := range s.all {
			if sr.ID == id {
				found = true
				s.list.Select(i)
			}
		}
		s.list.Refresh()
		switch {
		case !found:
			s.show(nil)
		case s.cur == nil || s.cur.ID != id:
			s.open(id)
		default:
			s.showCandidates()
		}
	})
}

// open reads a series with its members and agenda and shows it.
func (s *Screen) open(id int64) {
	s.saver.Flush() // what was typed goes to the series it was typed for
	uikit.Load(s.env, func(ctx context.Context) (*meeting.Series, error) {
		return s.st.GetSeries(ctx, id)
	}, s.show)
}

// show fills the form with sr (nil: none selected).
func (s *Screen) show(sr *meeting.Series) {
	s.saver.Flush()
	defer s.form.Refresh()
	s.cur = sr
	s.filling = true
	defer func() { s.filling = false }()
	s.fields.Show(nil)
	if sr == nil {
		sr = &meeting.Series{}
		s.heading.SetText(lang.L("Select a series, or add one with New series."))
	} else {
		s.heading.SetText(sr.Name)
	}
	s.name.SetText(sr.Name)
	s.code.SetText(sr.Code)
	s.place.SetText(sr.Place)
	s.notice.SetText("")
	if sr.NoticeDays > 0 {
		s.notice.SetText(strconv.Itoa(sr.NoticeDays))
	}
	switch {
	case sr.Quorum.Percent > 0:
		s.quorum.SetValue(quorumPercent)
		s.quorumValue.SetText(strconv.Itoa(sr.Quorum.Percent))
	case sr.Quorum.Count > 0:
		s.quorum.SetValue(quorumCount)
		s.quorumValue.SetText(strconv.Itoa(sr.Quorum.Count))
	default:
		s.quorum.SetValue(noQuorum)
		s.quorumValue.SetText("")
	}
	s.showQuorum()
	s.proxies.SetChecked(sr.Quorum.Proxies)
	s.members = nil
	for _, m := range sr.Members {
		s.members = append(s.members, s.newMemberRow(m))
	}
	s.agenda = nil
	for _, it := range sr.Agenda {
		s.agenda = append(s.agenda, s.newItemRow(it))
	}
	s.showMembers()
	s.showAgenda()
	s.showCandidates()
	editable := s.cur != nil && !s.env.ReadOnly
	for _, w := range []fyne.Disableable{s.name, s.code, s.place, s.notice, s.quorum, s.quorumValue, s.proxies,
		s.remove, s.addMember, s.addItem} {
		enable(w, editable)
	}
	enable(s.add, !s.env.ReadOnly)
}

func enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// newMemberRow makes the widgets of one member.
func (s *Screen) newMemberRow(m meeting.SeriesMember) *memberRow {
	r := &memberRow{m: m}
	r.role = uikit.NewChoice(meeting.Roles, uikit.RoleLabel, func(meeting.Role) { s.saveNow() })
	r.role.SetValue(m.Role)
	r.voting = widget.NewCheck(lang.L("Votes"), nil)
	r.voting.SetChecked(m.Voting)
	r.voting.OnChanged = func(bool) { s.saveNow() }
	return r
}

// newItemRow makes the widgets of one item of the standard agenda.
func (s *Screen) newItemRow(it meeting.StandardItem) *itemRow {
	r := &itemRow{}
	r.title = widget.NewEntry()
	r.title.SetText(it.Title)
	r.purpose = uikit.NewChoice(meeting.Purposes, uikit.PurposeLabel, func(meeting.Purpose) { s.saveNow() })
	r.purpose.SetValue(it.Purpose)
	r.minutes = widget.NewEntry()
	r.minutes.SetPlaceHolder(lang.L("min"))
	if it.Minutes > 0 {
		r.minutes.SetText(strconv.Itoa(it.Minutes))
	}
	for _, e := range []*widget.Entry{r.title, r.minutes} {
		e.OnChanged = func(string) { s.changed() }
	}
	return r
}

// setButtons makes b the buttons of row i of n: move(i, i±1) moves it,
// remove(i) removes it.
func (s *Screen) setButtons(b *rowButtons, i, n int, move func(from, to int), remove func(i int)) *fyne.Container {
	b.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { move(i, i-1) })
	b.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { move(i, i+1) })
	b.del = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { remove(i) })
	enable(b.up, i > 0 && !s.env.ReadOnly)
	enable(b.down, i < n-1 && !s.env.ReadOnly)
	enable(b.del, !s.env.ReadOnly)
	return container.NewHBox(b.up, b.down, b.del)
}

// moved returns list with the element at from moved to to.
func moved[T any](list []T, from, to int) []T {
	list[from], list[to] = list[to], list[from]
	return list
}

// showMembers lays out the members' rows.
func (s *Screen) showMembers() {
	defer s.form.Refresh()
	s.membersBox.RemoveAll()
	for i, r := range s.members {
		enable(r.role, !s.env.ReadOnly)
		enable(r.voting, !s.env.ReadOnly)
		name := widget.NewLabel(r.m.Name)
		name.Truncation = fyne.TextTruncateEllipsis
		buttons := s.setButtons(&r.rowButtons, i, len(s.members), func(from, to int) {
			s.members = moved(s.members, from, to)
			s.showMembers()
			s.saveNow()
		}, func(i int) {
			s.members = append(s.members[:i], s.members[i+1:]...)
			s.showMembers()
			s.showCandidates()
			s.saveNow()
		})
		s.membersBox.Add(container.NewBorder(nil, nil, nil,
			container.NewHBox(r.role.Select, r.voting, buttons), name))
	}
	if len(s.members) == 0 && s.cur != nil {
		s.membersBox.Add(widget.NewLabel(lang.L("No default members.")))
	}
}

// showAgenda lays out the standard agenda's rows.
func (s *Screen) showAgenda() {
	defer s.form.Refresh()
	s.agendaBox.RemoveAll()
	s.agendaFields = uikit.NewFields()
	for i, r := range s.agenda {
		n := strconv.Itoa(i + 1)
		s.agendaFields.Add("agenda["+strconv.Itoa(i)+"].title", lang.L("Item {{.N}}", map[string]any{"N": n}), r.title, required)
		s.agendaFields.Add("agenda["+strconv.Itoa(i)+"].minutes", lang.L("Item {{.N}}, duration", map[string]any{"N": n}), r.minutes,
			func(t string) error {
				_, err := uikit.ParseMinutes(t)
				return err
			})
		for _, w := range []fyne.Disableable{r.title, r.purpose, r.minutes} {
			enable(w, !s.env.ReadOnly)
		}
		buttons := s.setButtons(&r.rowButtons, i, len(s.agenda), func(from, to int) {
			s.agenda = moved(s.agenda, from, to)
			s.showAgenda()
			s.saveNow()
		}, func(i int) {
			s.agenda = append(s.agenda[:i], s.agenda[i+1:]...)
			s.showAgenda()
			s.saveNow()
		})
		minutes := container.NewGridWrap(fyne.NewSize(80, r.minutes.MinSize().Height), r.minutes)
		purpose := container.NewGridWrap(fyne.NewSize(170, r.purpose.MinSize().Height), r.purpose.Select)
		s.agendaBox.Add(container.NewBorder(nil, nil, widget.NewLabel(n+"."),
			container.NewHBox(purpose, minutes, buttons), r.title))
	}
	if len(s.agenda) == 0 && s.cur != nil {
		s.agendaBox.Add(widget.NewLabel(lang.L("No standard items.")))
	}
	s.agendaBox.Add(s.agendaFields.Problem)
}

// showCandidates lists in the drop-down the people who could be added.
func (s *Screen) showCandidates() {
	in := map[int64]bool{}
	for _, r := range s.members {
		in[r.m.PersonID] = true
	}
	s.candidates = nil
	var names []string
	for _, p := range s.people {
		if !in[p.ID] {
			s.candidates = append(s.candidates, p)
			name := p.Name
			if p.Organisation != "" {
				name += " (" + p.Organisation + ")"
			}
			names = append(names, name)
		}
	}
	fn := s.addMember.OnChanged
	s.addMember.OnChanged = nil
	s.addMember.Options = names
	s.addMember.ClearSelected()
	s.addMember.OnChanged = fn
}

// addPicked adds the person picked in the drop-down as a voting member.
func (s *Screen) addPicked() {
	i := s.addMember.SelectedIndex()
	if i < 0 || i >= len(s.candidates) || s.cur == nil {
		return
	}
	p := s.candidates[i]
	s.members = append(s.members, s.newMemberRow(meeting.SeriesMember{PersonID: p.ID, Name: p.Name, Role: meeting.Member, Voting: true}))
	s.showMembers()
	s.showCandidates()
	s.saveNow()
}

// collect reads the form into a series; false when something is wrong,
// which is then shown.
func (s *Screen) collect() (*meeting.Series, bool) {
	okForm, okAgenda := s.fields.Check(), s.agendaFields.Check()
	if !okForm || !okAgenda {
		return nil, false
	}
	sr := &meeting.Series{ID: s.cur.ID, Name: strings.TrimSpace(s.name.Text), Code: strings.TrimSpace(s.code.Text),
		Place: strings.TrimSpace(s.place.Text)}
	sr.NoticeDays, _ = uikit.ParseCount(s.notice.Text, 365)
	n, _ := uikit.ParseCount(s.quorumValue.Text, 10_000)
	switch s.quorum.Value() {
	case quorumPercent:
		sr.Quorum.Percent = n
	case quorumCount:
		sr.Quorum.Count = n
	}
	sr.Quorum.Proxies = s.proxies.Checked
	for _, r := range s.members {
		m := r.m
		m.Role, m.Voting = r.role.Value(), r.voting.Checked
		sr.Members = append(sr.Members, m)
	}
	for _, r := range s.agenda {
		minutes, _ := uikit.ParseMinutes(r.minutes.Text)
		sr.Agenda = append(sr.Agenda, meeting.StandardItem{Title: strings.TrimSpace(r.title.Text), Purpose: r.purpose.Value(), Minutes: minutes})
	}
	if err := sr.Validate(); err != nil {
		s.showError(err)
		return nil, false
	}
	return sr, true
}

// showError shows a refusal by the field it is about.
func (s *Screen) showError(err error) {
	var me *meeting.Error
	if errors.As(err, &me) && strings.HasPrefix(me.Field, "agenda[") {
		s.fields.Show(nil)
		s.agendaFields.Show(err)
		return
	}
	s.agendaFields.Show(nil)
	s.fields.Show(err)
}

// save writes the form to the selected series when all of it is right.
func (s *Screen) save() {
	if s.cur == nil || s.env.ReadOnly {
		return
	}
	sr, ok := s.collect()
	if !ok {
		return
	}
	s.writes.Run(s.env, func(ctx context.Context) error { return s.st.UpdateSeries(ctx, sr) }, func(err error) {
		shown := s.cur != nil && s.cur.ID == sr.ID
		switch {
		case shown:
			s.showError(err)
		case err != nil:
			s.env.ShowError(err) // the form shows another series by now
		}
		if err != nil {
			return
		}
		for _, o := range s.all {
			if o.ID == sr.ID {
				o.Name, o.Code = sr.Name, sr.Code
			}
		}
		if shown {
			s.heading.SetText(sr.Name)
		}
		s.list.Refresh()
	})
}

// askNew asks for the name and code of a new series and adds it.
func (s *Screen) askNew() {
	if s.env.ReadOnly {
		return
	}
	s.saver.Flush()
	s.newName = widget.NewEntry()
	s.newName.Validator = required
	s.newCode = widget.NewEntry()
	s.newCode.SetPlaceHolder("CODIR")
	s.newCode.Validator = func(t string) error { return s.checkCode(t, 0) }
	s.newDialog = dialog.NewForm(lang.L("New series"), lang.L("Add"), lang.L("Cancel"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), s.newName), widget.NewFormItem(lang.L("Code"), s.newCode)},
		func(ok bool) {
			if !ok {
				return
			}
			sr := &meeting.Series{Name: strings.TrimSpace(s.newName.Text), Code: strings.TrimSpace(s.newCode.Text)}
			uikit.Change(s.env, func(ctx context.Context) error { return s.st.CreateSeries(ctx, sr) }, func() { s.reload(sr.ID) }, s.Reload)
		}, s.env.Window)
	for _, e := range []*widget.Entry{s.newName, s.newCode} {
		e.OnSubmitted = func(string) { s.newDialog.Submit() } // Enter confirms
	}
	s.newDialog.Resize(fyne.NewSize(420, 220))
	s.newDialog.Show()
	s.env.Window.Canvas().Focus(s.newName)
}

// askDelete deletes the selected series after confirmation; one with
// meetings is refused, saying how many.
func (s *Screen) askDelete() {
	if s.cur == nil || s.env.ReadOnly {
		return
	}
	s.saver.Flush()
	sr := s.cur
	uikit.Load(s.env, func(ctx context.Context) ([]*meeting.Meeting, error) {
		return s.st.ListMeetings(ctx, meeting.MeetingFilter{SeriesID: sr.ID})
	}, func(ms []*meeting.Meeting) {
		if len(ms) > 0 {
			s.env.ShowError(&meeting.Error{Code: meeting.ECONFLICT, Message: lang.N(
				"“{{.Name}}” cannot be deleted: it has {{.Count}} meetings. Delete them first.", len(ms),
				map[string]any{"Name": sr.Name, "Count": len(ms)})})
			return
		}
		s.confirm = uikit.Confirm(s.env, lang.L("Delete this series?"),
			lang.L("“{{.Name}}”, its members and its standard agenda will be deleted.", map[string]any{"Name": sr.Name}),
			lang.L("Delete"), func(ok bool) {
				if ok {
					uikit.Change(s.env, func(ctx context.Context) error { return s.st.DeleteSeries(ctx, sr.ID) }, s.Reload, s.Reload)
				}
			})
	})
}
