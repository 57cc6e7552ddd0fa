package agenda

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// key is one keyboard shortcut of the tab and the button it presses.
type key struct {
	shortcut fyne.Shortcut
	button   func(*Tab) *widget.Button
}

func alt(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt}
}

// keys are the tab's shortcuts; the Keys label lists them.
var keys = []key{
	{alt(fyne.KeyN), func(t *Tab) *widget.Button { return t.Add }},
	{&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierAlt | fyne.KeyModifierShift},
		func(t *Tab) *widget.Button { return t.AddSub }},
	{alt(fyne.KeyDelete), func(t *Tab) *widget.Button { return t.Delete }},
	{alt(fyne.KeyUp), func(t *Tab) *widget.Button { return t.Up }},
	{alt(fyne.KeyDown), func(t *Tab) *widget.Button { return t.Down }},
	{alt(fyne.KeyRight), func(t *Tab) *widget.Button { return t.In }},
	{&desktop.CustomShortcut{KeyName: fyne.KeyRightBracket, Modifier: fyne.KeyModifierShortcutDefault},
		func(t *Tab) *widget.Button { return t.In }},
	{alt(fyne.KeyLeft), func(t *Tab) *widget.Button { return t.Out }},
	{&desktop.CustomShortcut{KeyName: fyne.KeyLeftBracket, Modifier: fyne.KeyModifierShortcutDefault},
		func(t *Tab) *widget.Button { return t.Out }},
}

// Activate registers the tab's keyboard shortcuts on the window's canvas;
// the workspace calls it when it shows the tab.
func (t *Tab) Activate() {
	t.active = true
	c := t.env.Window.Canvas()
	for _, k := range keys {
		c.AddShortcut(k.shortcut, func(s fyne.Shortcut) { t.press(s) })
	}
}

// Deactivate removes the tab's keyboard shortcuts from the window's
// canvas; the workspace calls it when it shows another tab or meeting.
func (t *Tab) Deactivate() {
	t.active = false
	c := t.env.Window.Canvas()
	for _, k := range keys {
		c.RemoveShortcut(k.shortcut)
	}
}

// press presses the button of shortcut s when the tab is shown and the
// button is enabled; it reports whether s is one of the tab's.
func (t *Tab) press(s fyne.Shortcut) bool {
	if !t.active {
		return false
	}
	for _, k := range keys {
		if k.shortcut.ShortcutName() == s.ShortcutName() {
			if b := k.button(t); !b.Disabled() {
				b.OnTapped()
			}
			return true
		}
	}
	return false
}

// keyEntry is an entry of the form that lets the tab's shortcuts through:
// Fyne gives a focused entry every shortcut, and the window's canvas none.
type keyEntry struct {
	widget.Entry
	tab *Tab
}

func (t *Tab) newEntry(multiLine bool) *keyEntry {
	e := &keyEntry{tab: t}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut runs the tab's shortcuts, and gives the entry the others.
func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if !e.tab.press(s) {
		e.Entry.TypedShortcut(s)
	}
}
