package uikit

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
)

// Fields are the entries of a form, each named after the store's field it
// edits (the Field of a *meeting.Error) and labelled for the user. Before
// a save, Check runs their validators; after it, Show puts the store's
// refusal by its entry. Either way Problem, a red label under the form,
// says in words what is wrong, the field named.
type Fields struct {
	Problem *widget.Label
	list    []namedEntry
}

type namedEntry struct {
	name, label string
	entry       *widget.Entry
	check       func(string) error
}

// NewFields returns an empty set of fields, its Problem label hidden.
func NewFields() *Fields {
	p := widget.NewLabel("")
	p.Importance = widget.DangerImportance
	p.Wrapping = fyne.TextWrapWord
	p.Hide()
	return &Fields{Problem: p}
}

// Add names e after the store's field name, labelled label (already
// translated), and returns it; check (nil: none) says what is wrong with
// its text. Check runs it rather than the entry's Validator, so that a
// right field is not decorated with a tick.
func (f *Fields) Add(name, label string, e *widget.Entry, check func(string) error) *widget.Entry {
	e.AlwaysShowValidationError = true
	f.list = append(f.list, namedEntry{name: name, label: label, entry: e, check: check})
	return e
}

// NewEntry returns a new entry, added as Add does, whose every change
// calls changed.
func (f *Fields) NewEntry(name, label string, check func(string) error, changed func()) *widget.Entry {
	e := widget.NewEntry()
	e.OnChanged = func(string) { changed() }
	return f.Add(name, label, e, check)
}

// Check runs every entry's check, marks the entries that fail, shows
// the first failure and reports whether all passed.
func (f *Fields) Check() bool {
	text := ""
	for _, n := range f.list {
		var err error
		if n.check != nil {
			err = n.check(n.entry.Text)
		}
		n.entry.SetValidationError(err)
		if err != nil && text == "" {
			text = fieldText(n.label, err.Error())
		}
	}
	f.say(text)
	return text == ""
}

// Show shows err, a refusal of the store, by the entry of its field (and
// in Problem); nil clears what was shown.
func (f *Fields) Show(err error) {
	text := ""
	if err != nil {
		text = ErrorText(err)
	}
	var me *meeting.Error
	errors.As(err, &me)
	for _, n := range f.list {
		if me != nil && me.Field != "" && me.Field == n.name {
			n.entry.SetValidationError(errors.New(lang.L(me.Message)))
			text = fieldText(n.label, lang.L(me.Message))
		} else {
			n.entry.SetValidationError(nil)
		}
	}
	f.say(text)
}

func fieldText(label, msg string) string {
	return lang.L("{{.Field}}: {{.Message}}", map[string]any{"Field": label, "Message": msg})
}

func (f *Fields) say(text string) {
	f.Problem.SetText(text)
	if text == "" {
		f.Problem.Hide()
	} else {
		f.Problem.Show()
	}
}

// CheckLine says what is wrong with a one-line text: empty when required,
// or longer than meeting.MaxTitle characters; nil when fine.
func CheckLine(s string, required bool) error {
	switch n := len([]rune(strings.TrimSpace(s))); {
	case n == 0 && required:
		return errors.New(lang.L("required"))
	case n > meeting.MaxTitle:
		return errors.New(lang.L("{{.N}} characters; at most {{.Max}} are allowed", map[string]any{"N": n, "Max": meeting.MaxTitle}))
	}
	return nil
}

// ParseCount reads a whole number between 0 and max as a user types it;
// an empty text is 0.
func ParseCount(s string, max int) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > max {
		return 0, errors.New(lang.L("“{{.Text}}” is not a whole number between 0 and {{.Max}}", map[string]any{"Text": s, "Max": max}))
	}
	return n, nil
}
