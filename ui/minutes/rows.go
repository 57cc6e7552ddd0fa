package minutes

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// DecisionRow is one decision of the item shown: its text, outcome and
// votes. A row added but not yet typed in is saved with its first text.
type DecisionRow struct {
	Text                  *widget.Entry
	Outcome               *uikit.Choice[meeting.Outcome]
	For, Against, Abstain *widget.Entry
	row

	d meeting.Decision // as saved (ID 0: not yet)
}

// row is what decision and action rows share: a Delete button, a
// message for what is wrong, the saver of its fields and its place in the
// panel.
type row struct {
	Delete *widget.Button
	Error  *widget.Label
	box    *fyne.Container
	saver  *uikit.Saver
	gone   bool // deleted: a save still on its way is dropped
}

// wire makes a row save through save: typed fields some time after the
// last key, picked ones at once. Delete asks question, then calls del.
// A read-only window disables them all; once the minutes are approved,
// all but followUp (an action's owner, due date and status, which the
// store lets change at any time).
func (t *Tab) wire(r *row, save func(), question string, del func(), typed []*widget.Entry, picked []*widget.Select,
	followUp ...fyne.Disableable) {
	r.Error = errorLabel()
	r.saver = t.rowSaver(func() {
		if !r.gone {
			save()
		}
	})
	r.Delete = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), func() { t.confirmDelete(question, del) })
	enable := func(w fyne.Disableable) {
		uikit.Enable(t.editable() || (!t.env.ReadOnly && slices.Contains(followUp, w)), w)
	}
	enable(r.Delete)
	for _, e := range typed {
		enable(e)
	}
	for _, s := range picked {
		enable(s)
	}
	if t.env.ReadOnly {
		return
	}
	for _, e := range typed {
		e.OnChanged = func(string) { r.saver.Changed() }
	}
	for _, s := range picked {
		s.OnChanged = func(string) { r.saver.Changed(); r.saver.Flush() }
	}
}

// place lays a row out in the box in: main on top, then the fields with
// Delete, then the message.
func (r *row) place(main fyne.CanvasObject, fields, in *fyne.Container) {
	r.box = container.NewVBox(main, container.NewBorder(nil, nil, nil, container.NewVBox(layoutSpacer(), r.Delete), fields),
		r.Error, widget.NewSeparator())
	in.Add(r.box)
}

// focus puts the keyboard in the field of a new row. The window's
// canvas finds it in its tree at once; asking the driver which canvas
// holds it would find none until the row is first painted.
func (t *Tab) focus(w fyne.Focusable) {
	if t.env.Window != nil {
		t.env.Window.Canvas().Focus(w)
	}
}

func (t *Tab) newDecision() {
	it := t.item()
	if it == nil {
		return
	}
	t.focus(t.addDecisionRow(meeting.Decision{ItemID: it.ID, Outcome: meeting.Adopted}).Text)
}

func (t *Tab) addDecisionRow(d meeting.Decision) *DecisionRow {
	r := &DecisionRow{d: d}
	r.Text = widget.NewMultiLineEntry()
	r.Text.Wrapping = fyne.TextWrapWord
	r.Text.SetMinRowsVisible(2)
	r.Text.SetPlaceHolder(lang.L("The decision, as it will read in the minutes"))
	r.Text.SetText(d.Text)
	r.Outcome = uikit.NewChoice(meeting.Outcomes, uikit.OutcomeLabel, nil)
	r.Outcome.SetValue(d.Outcome)
	votes := func(n int) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder("0")
		if n > 0 {
			e.SetText(strconv.Itoa(n))
		}
		return e
	}
	r.For, r.Against, r.Abstain = votes(d.For), votes(d.Against), votes(d.Abstain)
	t.wire(&r.row, func() { t.saveDecision(r) }, lang.L("Delete this decision?"), func() { t.deleteDecision(r) },
		[]*widget.Entry{r.Text, r.For, r.Against, r.Abstain}, []*widget.Select{r.Outcome.Select})
	fields := container.NewGridWithColumns(4,
		labelled(lang.L("Outcome"), r.Outcome.Select), labelled(lang.L("For"), r.For),
		labelled(lang.L("Against"), r.Against), labelled(lang.L("Abstentions"), r.Abstain))
	r.place(r.Text, fields, t.decisionBox)
	t.Decisions = append(t.Decisions, r)
	return r
}

// layoutSpacer lines a button up with fields that have a label above.
func layoutSpacer() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// parseVotes reads a number of votes: empty is none.
func parseVotes(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > meeting.MaxVotes {
		return 0, errors.New(lang.L("“{{.Text}}” is not a number of votes: write a whole number from 0 to {{.Max}}",
			map[string]any{"Text": s, "Max": meeting.MaxVotes}))
	}
	return n, nil
}

func (t *Tab) saveDecision(r *DecisionRow) {
	d := r.d
	d.Text = r.Text.Text
	d.Outcome = r.Outcome.Value()
	if strings.TrimSpace(d.Text) == "" {
		t.check(r.Text, r.Error, errors.New(lang.L("A decision needs its text")))
		return
	}
	r.Text.SetValidationError(nil)
	for _, v := range []struct {
		e *widget.Entry
		n *int
	}{{r.For, &d.For}, {r.Against, &d.Against}, {r.Abstain, &d.Abstain}} {
		n, err := parseVotes(v.e.Text)
		if t.check(v.e, r.Error, err) {
			return
		}
		*v.n = n
	}
	var err error
	if d.ID == 0 {
		err = t.st.AddDecision(t.env.Ctx, &d)
	} else {
		err = t.st.UpdateDecision(t.env.Ctx, &d)
	}
	if t.failed(r.Error, err) {
		return
	}
	r.d = d
	it := t.item()
	if i := slices.IndexFunc(it.Decisions, func(x meeting.Decision) bool { return x.ID == d.ID }); i >= 0 {
		it.Decisions[i] = d
	} else {
		it.Decisions = append(it.Decisions, d)
	}
}

func (t *Tab) deleteDecision(r *DecisionRow) {
	if r.d.ID != 0 {
		if t.failed(r.Error, t.st.DeleteDecision(t.env.Ctx, r.d.ID)) {
			return
		}
		it := t.item()
		it.Decisions = slices.DeleteFunc(it.Decisions, func(x meeting.Decision) bool { return x.ID == r.d.ID })
	}
	t.dropRow(&r.row, t.decisionBox)
	t.Decisions = slices.DeleteFunc(t.Decisions, func(x *DecisionRow) bool { return x == r })
}

// dropRow takes a deleted row off the panel; what was typed in it is
// dropped with it.
func (t *Tab) dropRow(r *row, in *fyne.Container) {
	r.gone = true
	t.env.Forget(r.saver)
	t.rowSavers = slices.DeleteFunc(t.rowSavers, func(x *uikit.Saver) bool { return x == r.saver })
	in.Remove(r.box)
}

// confirmDelete asks before deleting.
func (t *Tab) confirmDelete(question string, yes func()) {
	uikit.Confirm(t.env, lang.L("Delete"), question, lang.L("Delete"), func(ok bool) {
		if ok {
			yes()
		}
	})
}

// ActionRow is one action of the item shown: what, who, by when, and
// where it stands.
type ActionRow struct {
	Title  *widget.Entry
	Owner  *widget.Select // "—" first, then the owners
	Due    *widget.Entry
	Status *uikit.Choice[meeting.ActionStatus]
	row

	a meeting.Action // as saved (ID 0: not yet)
}

func (t *Tab) newAction() {
	if t.selected < 0 {
		return
	}
	t.focus(t.addActionRow(meeting.Action{MeetingID: t.meetingID, ItemID: itemID(t.item()), Status: meeting.ActionOpen}).Title)
}

func (t *Tab) addActionRow(a meeting.Action) *ActionRow {
	r := &ActionRow{a: a}
	r.Title = widget.NewEntry()
	r.Title.SetPlaceHolder(lang.L("What is to be done"))
	r.Title.SetText(a.Title)
	names := []string{"—"}
	sel := 0
	for i, o := range t.owners {
		names = append(names, o.name)
		if o.id == a.OwnerID {
			sel = i + 1
		}
	}
	r.Owner = widget.NewSelect(names, nil)
	r.Owner.SetSelectedIndex(sel)
	r.Due = widget.NewEntry()
	r.Due.SetPlaceHolder(uikit.DateHint)
	r.Due.SetText(uikit.FormatDate(a.Due))
	r.Status = uikit.NewChoice(meeting.ActionStatuses, uikit.ActionStatusLabel, nil)
	r.Status.SetValue(a.Status)
	t.wire(&r.row, func() { t.saveAction(r) }, lang.L("Delete this action?"), func() { t.deleteAction(r) },
		[]*widget.Entry{r.Title, r.Due}, []*widget.Select{r.Owner, r.Status.Select}, r.Owner, r.Due, r.Status.Select)
	fields := container.NewGridWithColumns(3,
		labelled(lang.L("Owner"), r.Owner), labelled(lang.L("Due"), r.Due), labelled(lang.L("Status"), r.Status.Select))
	r.place(r.Title, fields, t.actionBox)
	t.Actions = append(t.Actions, r)
	return r
}

func (t *Tab) saveAction(r *ActionRow) {
	a := r.a
	a.Title = strings.TrimSpace(r.Title.Text)
	if t.check(r.Title, r.Error, uikit.CheckTitle(a.Title)) {
		return
	}
	due, err := uikit.ParseDate(r.Due.Text)
	if t.check(r.Due, r.Error, err) {
		return
	}
	a.Due = due
	a.OwnerID = 0
	if i := r.Owner.SelectedIndex(); i > 0 {
		a.OwnerID = t.owners[i-1].id
	}
	a.Status = r.Status.Value()
	if a.ID == 0 {
		err = t.st.CreateAction(t.env.Ctx, &a)
	} else {
		err = t.st.UpdateAction(t.env.Ctx, &a)
	}
	if t.failed(r.Error, err) {
		return
	}
	a.OwnerName = r.Owner.Selected
	if a.OwnerID == 0 {
		a.OwnerName = ""
	}
	r.a = a
	if i := slices.IndexFunc(t.rec.Actions, func(x *meeting.Action) bool { return x.ID == a.ID }); i >= 0 {
		*t.rec.Actions[i] = a
	} else {
		t.rec.Actions = append(t.rec.Actions, &a)
	}
}

func (t *Tab) deleteAction(r *ActionRow) {
	if r.a.ID != 0 {
		if t.failed(r.Error, t.st.DeleteAction(t.env.Ctx, r.a.ID)) {
			return
		}
		t.rec.Actions = slices.DeleteFunc(t.rec.Actions, func(x *meeting.Action) bool { return x.ID == r.a.ID })
	}
	t.dropRow(&r.row, t.actionBox)
	t.Actions = slices.DeleteFunc(t.Actions, func(x *ActionRow) bool { return x == r })
}
