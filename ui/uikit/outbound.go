package uikit

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"quorum/export"
	"quorum/meeting"
)

// SaveFile asks where to write a file: the save dialog opens in the folder
// written in last (Prefs.ExportFolder), offers name and shows the files
// ending in ext (".pdf"). chosen runs on the UI thread with the path, ext
// added when the user typed no extension; a cancel calls nothing. The
// dialog leaves an empty file at the path: export.WriteFile replaces it
// whole, DropEmpty removes it when nothing was written.
func SaveFile(env *Env, name, ext string, chosen func(path string)) *dialog.FileDialog {
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			env.ShowError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close()
		if filepath.Ext(path) == "" {
			os.Remove(path)
			path += ext
		}
		chosen(path)
	}, env.Window)
	save.SetFileName(name)
	save.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	show(env, save)
	return save
}

// OpenFile asks which file to read, showing the files ending in one of
// exts, from the folder written in last. chosen runs on the UI thread
// with its path; a cancel calls nothing.
func OpenFile(env *Env, exts []string, chosen func(path string)) *dialog.FileDialog {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			env.ShowError(err)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		chosen(path)
	}, env.Window)
	open.SetFilter(storage.NewExtensionFileFilter(exts))
	show(env, open)
	return open
}

// show opens a file dialog in the export folder, nearly as large as the
// window.
func show(env *Env, d *dialog.FileDialog) {
	if dir := env.Prefs.ExportFolder(); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(env.Window.Canvas().Size().Subtract(fyne.NewSquareSize(40)))
	d.Show()
}

// WriteChosen writes the file at path, chosen in the save dialog, with
// write, whole or not at all (export.WriteFile), and keeps its folder for
// the next dialog. A failure leaves no file there, not even the dialog's
// empty one.
func WriteChosen(env *Env, path string, write func(w io.Writer) error) error {
	if err := export.WriteFile(path, write); err != nil {
		DropEmpty(path)
		return err
	}
	env.Prefs.SetExportFolder(filepath.Dir(path))
	return nil
}

// DropEmpty removes the empty file the save dialog made at path.
func DropEmpty(path string) {
	if info, err := os.Stat(path); err == nil && info.Size() == 0 {
		os.Remove(path)
	}
}

// WriteErrorText says in plain words why a file was not written.
func WriteErrorText(err error) string {
	var me *meeting.Error
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return lang.L("The disk is full: the document was not written. Free some space or choose another place, then try again.")
	case errors.Is(err, fs.ErrPermission):
		return lang.L("Quorum may not write in this folder: the document was not written. Choose another place.")
	case errors.Is(err, syscall.ENOTDIR), errors.Is(err, fs.ErrNotExist):
		return lang.L("This place cannot hold a file: the document was not written. Choose another place.")
	case errors.As(err, &me):
		return ErrorText(err)
	}
	return lang.L("The document was not written: {{.Error}}", map[string]any{"Error": err.Error()})
}

// Note is a wrapped line of importance imp, hidden until it has something
// to say: what became of a file written or read, a warning.
func Note(imp widget.Importance) *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = imp
	l.Hide()
	return l
}

// Tell shows text on a note with importance imp (DangerImportance for a
// failure); "" hides the note.
func Tell(l *widget.Label, text string, imp widget.Importance) {
	l.Importance = imp
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// Written shows on note, from any goroutine, what became of a file
// written: done() when err is nil, else why it was not (WriteErrorText),
// in red.
func Written(note *widget.Label, err error, done func() string) {
	fyne.Do(func() {
		if err != nil {
			Tell(note, WriteErrorText(err), widget.DangerImportance)
			return
		}
		Tell(note, done(), widget.MediumImportance)
	})
}
