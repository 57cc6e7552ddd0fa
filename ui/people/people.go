// Package people is the People section of Quorum's window: the directory
// with a filter, each entry edited as typed, its meetings and actions, the
// deletion and merging of entries, and the directory in and out: contacts
// imported from a mail client's CSV or vCard, the directory exported to
// CSV.
package people

import (
	"context"
	"errors"
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

// Store is what the People section needs from the store.
type Store interface {
	ListPeople(ctx context.Context, query string) ([]*meeting.Person, error)
	CreatePerson(ctx context.Context, p *meeting.Person) error
	UpdatePerson(ctx context.Context, p *meeting.Person) error
	DeletePerson(ctx context.Context, id int64) error
	MergePeople(ctx context.Context, keepID, dropID int64) error
	PersonMeetings(ctx context.Context, personID int64) ([]meeting.Attendance, error)
	PersonUse(ctx context.Context, personID int64) (meeting.PersonUse, error)
	ListActions(ctx context.Context, f meeting.ActionFilter) ([]*meeting.Action, error)
	ImportPeople(ctx context.Context, people []meeting.Person) (meeting.PeopleImport, error)
}

// Screen is the People section.
type Screen struct {
	env *uikit.Env
	st  Store

	filter *widget.Entry
	list   *widget.List
	add    *widget.Button

	importIt, exportIt *widget.Button
	outcome            *widget.Label // what became of the last import or export

	// The selected entry's form.
	heading                        *widget.Label
	name, title, org, email, phone *widget.Entry
	fields                         *uikit.Fields
	saver                          *uikit.Saver
	writes                         uikit.Writes
	remove, merge                  *widget.Button
	meetings, actions              *fyne.Container
	form                           *fyne.Container
	filling                        bool // the form is being filled: not a user's change
	people                         []*meeting.Person
	reads                          int // reloads started, so that only the last one shows
	cur                            *meeting.Person

	// The dialogs last opened, for tests.
	newDialog   *dialog.FormDialog
	newName     *widget.Entry
	confirm     *dialog.ConfirmDialog
	mergeDialog *dialog.ConfirmDialog
	mergeWith   *widget.Select
	mergeKeep   *widget.RadioGroup

	content fyne.CanvasObject
}

// New builds the People section; Reload fills it.
func New(env *uikit.Env, st Store) *Screen {
	s := &Screen{env: env, st: st}
	s.filter = widget.NewEntry()
	s.filter.SetPlaceHolder(lang.L("Filter by name, organisation or email"))
	s.filter.OnChanged = func(string) { s.Reload() }
	s.add = widget.NewButton(lang.L("New person…"), s.askNew)
	s.importIt = widget.NewButtonWithIcon(lang.L("Import…"), theme.DownloadIcon(), s.askImport)
	s.exportIt = widget.NewButtonWithIcon(lang.L("Export…"), theme.DocumentSaveIcon(), s.askExport)
	s.outcome = uikit.Note(widget.MediumImportance)
	if env.ReadOnly {
		s.add.Disable()
		s.importIt.Disable()
	}
	s.list = widget.NewList(func() int { return len(s.people) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(describe(s.people[i])) })
	s.list.OnSelected = func(i widget.ListItemID) {
		if i < len(s.people) && (s.cur == nil || s.cur.ID != s.people[i].ID) {
			s.show(s.people[i])
		}
	}

	s.heading = widget.NewLabel("")
	s.heading.TextStyle.Bold = true
	s.heading.Wrapping = fyne.TextWrapWord
	s.fields = uikit.NewFields()
	s.saver = env.NewSaver(s.save)
	line := func(required bool) func(string) error {
		return func(t string) error { return uikit.CheckLine(t, required) }
	}
	s.name = s.fields.NewEntry("name", lang.L("Name"), line(true), s.changed)
	s.title = s.fields.NewEntry("title", lang.L("Job title"), line(false), s.changed)
	s.org = s.fields.NewEntry("organisation", lang.L("Organisation"), line(false), s.changed)
	s.email = s.fields.NewEntry("email", lang.L("Email"), checkEmail, s.changed)
	s.phone = s.fields.NewEntry("phone", lang.L("Phone"), line(false), s.changed)
	s.remove = widget.NewButton(lang.L("Delete…"), s.askDelete)
	s.remove.Importance = widget.DangerImportance
	s.merge = widget.NewButton(lang.L("Merge with another entry…"), s.askMerge)
	s.meetings = container.NewVBox()
	s.actions = container.NewVBox()

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Name"), s.name),
		widget.NewFormItem(lang.L("Job title"), s.title),
		widget.NewFormItem(lang.L("Organisation"), s.org),
		widget.NewFormItem(lang.L("Email"), s.email),
		widget.NewFormItem(lang.L("Phone"), s.phone))
	s.form = container.NewVBox(s.heading, form, s.fields.Problem,
		container.NewHBox(s.merge, s.remove),
		widget.NewSeparator(), uikit.Heading(lang.L("Meetings")), s.meetings,
		widget.NewSeparator(), uikit.Heading(lang.L("Actions")), s.actions)
	s.show(nil)

	left := container.NewBorder(container.NewVBox(container.NewHBox(s.add), container.NewHBox(s.importIt, s.exportIt), s.outcome, s.filter),
		nil, nil, nil, s.list)
	split := container.NewHSplit(left, container.NewVScroll(s.form))
	split.Offset = 0.35
	s.content = split
	return s
}

// changed notes a change the user made, to be saved.
func (s *Screen) changed() {
	if !s.filling {
		s.saver.Changed()
	}
}

// checkEmail says what is wrong with an email address; empty is fine.
func checkEmail(t string) error {
	if err := uikit.CheckLine(t, false); err != nil {
		return err
	}
	t = strings.TrimSpace(t)
	if t != "" && (!strings.Contains(t, "@") || strings.ContainsAny(t, " <>,;")) {
		return errors.New(lang.L("“{{.Text}}” is not an email address", map[string]any{"Text": t}))
	}
	return nil
}

// describe is how the list shows a person: their name, with what tells
// two namesakes apart.
func describe(p *meeting.Person) string {
	var more []string
	for _, v := range []string{p.Organisation, p.Email} {
		if v != "" {
			more = append(more, v)
		}
	}
	if len(more) == 0 {
		return p.Name
	}
	return p.Name + " (" + strings.Join(more, ", ") + ")"
}

// Content is what the window shows for the section.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// Reload reads the directory again (with the filter's text), keeping the
// selected entry, as typed, when it is still there.
func (s *Screen) Reload() { s.reload(false) }

// reload reads the directory; refill shows the selected entry as stored
// rather than as the form has it.
func (s *Screen) reload(refill bool) {
	query := strings.TrimSpace(s.filter.Text)
	s.reads++
	read := s.reads
	uikit.Load(s.env, func(ctx context.Context) ([]*meeting.Person, error) {
		return s.st.ListPeople(ctx, query)
	}, func(people []*meeting.Person) {
		if read != s.reads {
			return // a later read, for later typing, shows its own
		}
		s.people = people
		s.list.UnselectAll()
		var keep *meeting.Person
		for i, p := range people {
			if s.cur != nil && p.ID == s.cur.ID {
				keep = p
				s.list.Select(i)
			}
		}
		s.list.Refresh()
		switch {
		case keep == nil:
			s.show(nil)
		case refill:
			s.show(keep)
		default:
			s.cur = keep
			s.loadDetail(keep.ID)
		}
	})
}

// detail is what the form shows below the entry's fields.
type detail struct {
	meetings []meeting.Attendance
	actions  []*meeting.Action
}

// show fills the form with p (nil: none selected) and its meetings and
// actions.
func (s *Screen) show(p *meeting.Person) {
	s.saver.Flush() // what was typed goes to the entry it was typed for
	defer s.form.Refresh()
	s.cur = p
	s.filling = true
	defer func() { s.filling = false }()
	s.fields.Show(nil)
	entries := []*widget.Entry{s.name, s.title, s.org, s.email, s.phone}
	if p == nil {
		s.heading.SetText(lang.L("Select a person, or add one with New person."))
		for _, e := range entries {
			e.SetText("")
			e.Disable()
		}
		s.remove.Disable()
		s.merge.Disable()
		s.meetings.RemoveAll()
		s.actions.RemoveAll()
		return
	}
	s.heading.SetText(p.Name)
	for i, v := range []string{p.Name, p.Title, p.Organisation, p.Email, p.Phone} {
		entries[i].SetText(v)
		if s.env.ReadOnly {
			entries[i].Disable()
		} else {
			entries[i].Enable()
		}
	}
	for _, b := range []*widget.Button{s.remove, s.merge} {
		if s.env.ReadOnly {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	s.loadDetail(p.ID)
}

// loadDetail reads and shows the meetings and actions of the person id.
func (s *Screen) loadDetail(id int64) {
	uikit.Load(s.env, func(ctx context.Context) (detail, error) {
		var d detail
		var err error
		if d.meetings, err = s.st.PersonMeetings(ctx, id); err != nil {
			return d, err
		}
		d.actions, err = s.st.ListActions(ctx, meeting.ActionFilter{OwnerID: id})
		return d, err
	}, func(d detail) {
		if s.cur != nil && s.cur.ID == id {
			s.showDetail(d)
		}
	})
}

// showDetail lists the selected person's meetings (each opens its
// attendees) and the actions they own.
func (s *Screen) showDetail(d detail) {
	defer s.form.Refresh()
	s.meetings.RemoveAll()
	for _, at := range d.meetings {
		m := at.Meeting
		text := lang.L("{{.Date}} – {{.Meeting}}: {{.Role}}, {{.Presence}}", map[string]any{
			"Date": uikit.FormatDate(meeting.DateOf(m.Starts)), "Meeting": meetingName(m),
			"Role": uikit.RoleLabel(at.Role), "Presence": uikit.PresenceLabel(at.Status)})
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		b := widget.NewButton(lang.L("Open the meeting"), func() { s.env.Nav.OpenMeeting(m.ID, uikit.TabAttendees) })
		s.meetings.Add(container.NewBorder(nil, nil, nil, b, l))
	}
	if len(d.meetings) == 0 {
		s.meetings.Add(widget.NewLabel(lang.L("Attends no meeting.")))
	}
	s.actions.RemoveAll()
	for _, a := range d.actions {
		text := a.Title + " — " + uikit.ActionStatusLabel(a.Status)
		if a.Due != "" {
			text += " — " + lang.L("due {{.Date}}", map[string]any{"Date": uikit.FormatDate(a.Due)})
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		s.actions.Add(l)
	}
	if len(d.actions) == 0 {
		s.actions.Add(widget.NewLabel(lang.L("Owns no action.")))
	}
}

// meetingName names a meeting: "CODIR n° 12 — title", or its title.
func meetingName(m *meeting.Meeting) string {
	if m.SeriesCode != "" && m.Number > 0 {
		return lang.L("{{.Code}} n° {{.Number}}", map[string]any{"Code": m.SeriesCode, "Number": m.Number}) + " — " + m.Title
	}
	return m.Title
}

// save writes the form to the selected entry when every field is right;
// otherwise it says what is wrong and saves nothing.
func (s *Screen) save() {
	if s.cur == nil || s.env.ReadOnly || !s.fields.Check() {
		return
	}
	cur := s.cur
	p := &meeting.Person{ID: cur.ID, Name: strings.TrimSpace(s.name.Text), Title: strings.TrimSpace(s.title.Text),
		Organisation: strings.TrimSpace(s.org.Text), Email: strings.TrimSpace(s.email.Text), Phone: strings.TrimSpace(s.phone.Text)}
	if err := p.Validate(); err != nil {
		s.fields.Show(err)
		return
	}
	s.writes.Run(s.env, func(ctx context.Context) error { return s.st.UpdatePerson(ctx, p) }, func(err error) {
		shown := s.cur != nil && s.cur.ID == p.ID
		switch {
		case shown:
			s.fields.Show(err)
		case err != nil:
			s.env.ShowError(err) // the form shows another entry by now
		}
		if err != nil {
			return
		}
		*cur = *p
		for _, q := range s.people {
			if q.ID == p.ID {
				*q = *p
			}
		}
		if shown {
			s.heading.SetText(p.Name)
		}
		s.list.Refresh()
	})
}

// askNew asks for the name of a new entry and adds it.
func (s *Screen) askNew() {
	s.saver.Flush()
	if s.env.ReadOnly {
		return
	}
	s.newName = widget.NewEntry()
	s.newName.Validator = func(t string) error { return uikit.CheckLine(t, true) }
	s.newDialog = dialog.NewForm(lang.L("New person"), lang.L("Add"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Name"), s.newName)}, func(ok bool) {
			if !ok {
				return
			}
			p := &meeting.Person{Name: strings.TrimSpace(s.newName.Text)}
			uikit.Change(s.env, func(ctx context.Context) error { return s.st.CreatePerson(ctx, p) }, func() {
				s.cur = p
				s.filter.SetText("") // reads the directory, the new entry selected
				s.reload(true)
			}, s.Reload)
		}, s.env.Window)
	s.newName.OnSubmitted = func(string) { s.newDialog.Submit() } // Enter confirms
	s.newDialog.Resize(fyne.NewSize(420, 160))
	s.newDialog.Show()
	s.env.Window.Canvas().Focus(s.newName)
}

// askDelete deletes the selected entry after confirmation; an entry that
// records refer to is refused, saying which.
func (s *Screen) askDelete() {
	s.saver.Flush()
	if s.cur == nil || s.env.ReadOnly {
		return
	}
	p := s.cur
	uikit.Load(s.env, func(ctx context.Context) (meeting.PersonUse, error) {
		return s.st.PersonUse(ctx, p.ID)
	}, func(u meeting.PersonUse) {
		if u.Used() {
			s.env.ShowError(&meeting.Error{Code: meeting.ECONFLICT, Message: usedText(p, u)})
			return
		}
		s.confirm = uikit.Confirm(s.env, lang.L("Delete this person?"),
			lang.L("“{{.Name}}” will be removed from the directory.", map[string]any{"Name": p.Name}),
			lang.L("Delete"), func(ok bool) {
				if ok {
					uikit.Change(s.env, func(ctx context.Context) error { return s.st.DeletePerson(ctx, p.ID) }, s.Reload, s.Reload)
				}
			})
	})
}

// usedText says why p cannot be deleted.
func usedText(p *meeting.Person, u meeting.PersonUse) string {
	var uses []string
	for _, c := range []struct {
		n    int
		text string
	}{
		{u.Meetings, "attends {{.Count}} meetings"},
		{u.Proxies, "holds {{.Count}} proxies"},
		{u.Series, "is a member of {{.Count}} series"},
		{u.Items, "presents {{.Count}} agenda items"},
		{u.Actions, "owns {{.Count}} actions"},
	} {
		if c.n > 0 {
			uses = append(uses, lang.N(c.text, c.n, map[string]any{"Count": c.n}))
		}
	}
	return lang.L("“{{.Name}}” cannot be deleted: this person {{.Uses}}. Take them off those first, or merge this entry into another.",
		map[string]any{"Name": p.Name, "Uses": strings.Join(uses, ", ")})
}

// askMerge merges the selected entry and another one chosen from the
// directory into the one the user keeps.
func (s *Screen) askMerge() {
	s.saver.Flush()
	if s.cur == nil || s.env.ReadOnly {
		return
	}
	cur := s.cur
	uikit.Load(s.env, func(ctx context.Context) ([]*meeting.Person, error) {
		return s.st.ListPeople(ctx, "")
	}, func(all []*meeting.Person) {
		var others []*meeting.Person
		var names []string
		for _, p := range all {
			if p.ID != cur.ID {
				others = append(others, p)
				names = append(names, describe(p))
			}
		}
		s.mergeWith = widget.NewSelect(names, nil)
		s.mergeWith.PlaceHolder = lang.L("(choose the other entry)")
		keepThis, keepOther := lang.L("Keep this entry"), lang.L("Keep the other entry")
		s.mergeKeep = widget.NewRadioGroup([]string{keepThis, keepOther}, nil)
		s.mergeKeep.SetSelected(keepThis)
		s.mergeKeep.Required = true
		note := widget.NewLabel(lang.L("Everything that refers to the entry not kept (meetings, proxies, series, agenda items, actions) will refer to the one kept; the entry not kept is deleted."))
		note.Wrapping = fyne.TextWrapWord
		body := container.NewVBox(
			widget.NewLabel(lang.L("Merge “{{.Name}}” with:", map[string]any{"Name": describe(cur)})),
			s.mergeWith, s.mergeKeep, note)
		s.mergeDialog = dialog.NewCustomConfirm(lang.L("Merge two entries"), lang.L("Merge"), lang.L("Cancel"), body,
			func(ok bool) {
				i := s.mergeWith.SelectedIndex()
				if !ok || i < 0 {
					return
				}
				keep, drop := cur, others[i]
				if s.mergeKeep.Selected == keepOther {
					keep, drop = drop, keep
				}
				s.mergePeople(keep, drop)
			}, s.env.Window)
		s.mergeDialog.Resize(fyne.NewSize(520, 320))
		s.mergeDialog.Show()
	})
}

// mergePeople merges drop into keep, then shows keep; a refusal names
// the meeting in the user's words.
func (s *Screen) mergePeople(keep, drop *meeting.Person) {
	uikit.Change(s.env, func(ctx context.Context) error {
		err := s.st.MergePeople(ctx, keep.ID, drop.ID)
		var mc *meeting.MergeConflict
		if !errors.As(err, &mc) {
			return err
		}
		words := "Both entries attend the meeting “{{.Meeting}}” of {{.Date}}: take one of them off it first, then merge."
		if mc.Proxy {
			words = "One entry holds the other's proxy at the meeting “{{.Meeting}}” of {{.Date}}: change the proxy first, then merge."
		}
		return &meeting.Error{Code: meeting.ECONFLICT, Message: lang.L(words,
			map[string]any{"Meeting": mc.Title, "Date": uikit.FormatDate(mc.Day)})}
	}, func() {
		s.cur = keep
		s.reload(true)
	}, s.Reload)
}
