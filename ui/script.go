package ui

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"quorum/ui/print"
	"quorum/ui/uikit"
)

// A script drives the real window as a user would, one step a line, for
// the end-to-end check (QUORUM_SCRIPT=FILE). Steps go through Fyne's own
// event interfaces (Tapped, TypedRune, TypedKey) on the widgets shown:
//
//	shortcut KEY      the window's Ctrl+KEY (Cmd on macOS): N, F, P, W
//	open ID [TAB]     open meeting ID on one of its tabs (details, live …)
//	tap TEXT          tap the button or tab that reads TEXT, or its
//	                  translation (so one script serves both languages)
//	type TEXT         type TEXT into the focused field
//	clear             select all in the focused field and delete it
//	key NAME          press a key in the focused field (Return, Tab …)
//	next              move the focus to the next field (as Tab does)
//	drop FILE         drop FILE on the window
//	print KIND FILE   write document KIND (agenda, pack, minutes, ics, mail …) of the
//	                  open meeting to FILE through the print panel
//	wait              let background work finish and the window paint
//	screenshot NAME   photograph the window into NAME.png beside the script
//	close             close the window
//
// Lines starting with # are comments. A step that finds nothing to act
// on stops the script with an error naming its line.
func (mw *mainWindow) runScript(path string) (err error) {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return mw.script(f, filepath.Dir(path))
}

func (mw *mainWindow) script(r io.Reader, dir string) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		verb, arg, _ := strings.Cut(line, " ")
		var err error
		switch verb {
		case "wait":
			mw.settle()
		case "screenshot":
			mw.settle()
			err = screenshot(filepath.Join(dir, arg+".png"))
		case "close":
			fyne.DoAndWait(mw.onClose)
			return nil
		case "print":
			err = mw.print(arg)
		default:
			fyne.DoAndWait(func() { err = mw.step(verb, arg) })
			mw.env.Wait()
		}
		if err != nil {
			return fmt.Errorf("script line %d (%s): %w", n, line, err)
		}
	}
	return sc.Err()
}

// settle lets the background work finish and the window paint it.
func (mw *mainWindow) settle() {
	mw.env.Wait()
	time.Sleep(500 * time.Millisecond)
	mw.env.Wait()
}

// step runs one step on the UI thread.
func (mw *mainWindow) step(verb, arg string) error {
	c := mw.env.Window.Canvas()
	switch verb {
	case "shortcut":
		fn := mw.shortcuts[fyne.KeyName(strings.ToUpper(arg))]
		if fn == nil {
			return fmt.Errorf("no shortcut Ctrl+%s", arg)
		}
		fn()
	case "open":
		var id int64
		var tab string
		if n, _ := fmt.Sscan(arg, &id, &tab); n == 0 {
			return fmt.Errorf("open needs a meeting number")
		}
		mw.OpenMeeting(id, tab)
	case "tap":
		err := tapText(c, arg)
		if err != nil && lang.L(arg) != arg {
			err = tapText(c, lang.L(arg))
		}
		return err
	case "type":
		f := c.Focused()
		if f == nil {
			return fmt.Errorf("no field has the focus")
		}
		for _, r := range arg {
			f.TypedRune(r)
		}
	case "clear":
		f := c.Focused()
		sh, ok := f.(fyne.Shortcutable)
		if !ok {
			return fmt.Errorf("the focused widget takes no text")
		}
		sh.TypedShortcut(&fyne.ShortcutSelectAll{})
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	case "key":
		f := c.Focused()
		if f == nil {
			return fmt.Errorf("no field has the focus")
		}
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyName(arg)})
	case "next":
		c.FocusNext()
	case "drop":
		abs, err := filepath.Abs(arg)
		if err != nil {
			return err
		}
		mw.onDropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(abs)})
	default:
		return fmt.Errorf("unknown step %q", verb)
	}
	return nil
}

// tapText taps the first button or tab reading text, in the top overlay
// (a dialog) if there is one, else in the window.
func tapText(c fyne.Canvas, text string) error {
	roots := []fyne.CanvasObject{c.Content()}
	if top := c.Overlays().Top(); top != nil {
		roots = []fyne.CanvasObject{top}
	}
	for _, root := range roots {
		if tap := findTappable(root, text); tap != nil {
			tap()
			return nil
		}
	}
	return fmt.Errorf("nothing to tap reads %q", text)
}

// findTappable walks the visible objects under o for a button or tab
// reading text and returns how to tap it.
func findTappable(o fyne.CanvasObject, text string) func() {
	if o == nil || !o.Visible() {
		return nil
	}
	switch w := o.(type) {
	case *widget.Button:
		if w.Text == text && !w.Disabled() {
			return func() { w.Tapped(&fyne.PointEvent{}) }
		}
		return nil
	case *container.AppTabs:
		for i, it := range w.Items {
			if it.Text == text {
				return func() { w.SelectIndex(i) }
			}
		}
		if sel := w.Selected(); sel != nil {
			return findTappable(sel.Content, text)
		}
		return nil
	case *fyne.Container:
		return findIn(w.Objects, text)
	case *widget.PopUp:
		return findTappable(w.Content, text)
	case *container.Split:
		return findIn([]fyne.CanvasObject{w.Leading, w.Trailing}, text)
	case *container.Scroll:
		return findTappable(w.Content, text)
	case *widget.Card:
		return findTappable(w.Content, text)
	case *widget.Form:
		for _, it := range w.Items {
			if tap := findTappable(it.Widget, text); tap != nil {
				return tap
			}
		}
	}
	return nil
}

func findIn(objects []fyne.CanvasObject, text string) func() {
	for _, o := range objects {
		if tap := findTappable(o, text); tap != nil {
			return tap
		}
	}
	return nil
}

// print writes a document of the open meeting through its print panel,
// off the UI thread as the panel's Write button does.
func (mw *mainWindow) print(arg string) error {
	kind, path, ok := strings.Cut(arg, " ")
	if !ok {
		return fmt.Errorf("print needs a document and a file")
	}
	var tab *print.Tab
	fyne.DoAndWait(func() {
		if mw.ws != nil {
			mw.ws.Select(uikit.TabPrint)
			tab, _ = mw.ws.Tab(uikit.TabPrint).(*print.Tab)
		}
	})
	if tab == nil {
		return fmt.Errorf("no meeting is open")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	mw.env.Wait()
	return tab.WriteTo(kind, abs)
}
