// Package settings is the Settings section of Quorum's window: the
// organisation's name and logo printed on every document, the window's
// language, the classification new meetings get, and the database in
// use, backed up or swapped for another.
package settings

import (
	"bytes"
	"context"
	"errors"
	"image"
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"  // or PNG
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
)

// Store is what the Settings section needs from the store.
type Store interface {
	Settings(ctx context.Context) (meeting.Settings, error)
	SaveSettings(ctx context.Context, st meeting.Settings) error
	Path() string
}

// Backups copies the database somewhere safe; the window supplies it.
type Backups interface {
	// BackupNow writes a copy of the database and returns its file.
	BackupNow(ctx context.Context) (path string, err error)
}

// The largest logo, in pixels each way (as meeting.Settings.Validate).
const maxLogoPixels = 4000

// Screen is the Settings section.
type Screen struct {
	env          *uikit.Env
	st           Store
	backups      Backups
	openDatabase func(path string)

	org        *widget.Entry
	fields     *uikit.Fields
	saver      *uikit.Saver
	logo       *canvas.Image
	logoNote   *widget.Label // "No logo", or what is wrong with the file chosen
	chooseLogo *widget.Button
	removeLogo *widget.Button

	language       *widget.Select
	classification *uikit.Choice[meeting.Classification]

	dbPath     *widget.Label
	backup     *widget.Button
	backupNote *widget.Label // the file written, or why not
	openOther  *widget.Button

	cur    meeting.Settings
	loaded bool // cur holds what the store has: saving may replace it

	writes uikit.Writes

	content fyne.CanvasObject
}

// The choices of language, in the order of the drop-down.
var languages = []string{uikit.LanguageSystem, uikit.LanguageFrench, uikit.LanguageEnglish}

// New builds the Settings section; Reload fills it. backups makes the
// copies of Back up now (nil: the button is disabled); openDatabase is
// called with the file the user picks in Open another database.
func New(env *uikit.Env, st Store, backups Backups, openDatabase func(path string)) *Screen {
	s := &Screen{env: env, st: st, backups: backups, openDatabase: openDatabase}

	s.fields = uikit.NewFields()
	s.saver = env.NewSaver(s.save)
	s.org = s.fields.NewEntry("organisation", lang.L("Organisation"), func(t string) error { return uikit.CheckLine(t, false) }, s.saver.Changed)
	s.org.SetPlaceHolder(lang.L("Printed at the top of every document"))

	s.logo = canvas.NewImageFromResource(nil)
	s.logo.FillMode = canvas.ImageFillContain
	s.logo.SetMinSize(fyne.NewSize(160, 80))
	s.logoNote = widget.NewLabel("")
	s.logoNote.Wrapping = fyne.TextWrapWord
	s.chooseLogo = widget.NewButton(lang.L("Choose a logo…"), s.askLogo)
	s.removeLogo = widget.NewButton(lang.L("Remove the logo"), func() { s.setLogo(nil) })

	s.language = uikit.NewSelect([]string{lang.L("Follow the system"), "Français", "English"}, func(string) {
		if i := s.language.SelectedIndex(); i >= 0 {
			env.Prefs.SetLanguage(languages[i])
		}
	})
	languageNote := widget.NewLabel(lang.L("A new language applies the next time Quorum starts."))
	languageNote.Wrapping = fyne.TextWrapWord
	languageNote.Importance = widget.LowImportance
	s.classification = uikit.NewChoice(meeting.Classifications, uikit.ClassificationLabel, env.Prefs.SetClassification)

	s.dbPath = widget.NewLabel(st.Path())
	s.dbPath.Selectable = true
	s.dbPath.Wrapping = fyne.TextWrapBreak
	s.backup = widget.NewButton(lang.L("Back up now"), s.backUp)
	s.backupNote = widget.NewLabel("")
	s.backupNote.Wrapping = fyne.TextWrapBreak
	s.backupNote.Hide()
	s.openOther = widget.NewButton(lang.L("Open another database…"), s.askDatabase)
	if backups == nil {
		s.backup.Disable()
	}
	if openDatabase == nil {
		s.openOther.Disable()
	}
	s.org.Disable() // until the settings are read
	s.chooseLogo.Disable()
	s.removeLogo.Disable()

	logoBox := container.NewVBox(container.NewHBox(s.logo, container.NewVBox(s.chooseLogo, s.removeLogo)), s.logoNote)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Organisation"), s.org),
		widget.NewFormItem(lang.L("Logo"), logoBox),
		widget.NewFormItem(lang.L("Language"), container.NewVBox(s.language, languageNote)),
		widget.NewFormItem(lang.L("Classification of new meetings"), s.classification.Select),
		widget.NewFormItem(lang.L("Database"), container.NewVBox(s.dbPath,
			container.NewHBox(s.backup, s.openOther), s.backupNote)))
	s.content = container.NewVScroll(container.NewPadded(container.NewVBox(form, s.fields.Problem)))
	return s
}

// Content is what the window shows for the section.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// Reload reads the settings and the preferences and shows them.
func (s *Screen) Reload() {
	s.saver.Flush()
	fn := s.language.OnChanged
	s.language.OnChanged = nil
	s.language.SetSelectedIndex(0)
	for i, l := range languages {
		if l == s.env.Prefs.Language() {
			s.language.SetSelectedIndex(i)
		}
	}
	s.language.OnChanged = fn
	s.classification.SetValue(s.env.Prefs.Classification())
	uikit.Load(s.env, s.st.Settings, func(st meeting.Settings) {
		s.cur, s.loaded = st, true
		fn := s.org.OnChanged
		s.org.OnChanged = nil
		s.org.SetText(st.Organisation)
		s.org.OnChanged = fn
		s.fields.Show(nil)
		s.showLogo("")
		for _, w := range []fyne.Disableable{s.org, s.chooseLogo} {
			if s.env.ReadOnly {
				w.Disable()
			} else {
				w.Enable()
			}
		}
	})
}

// save writes the organisation's name when it is right.
func (s *Screen) save() {
	if !s.loaded || s.env.ReadOnly || !s.fields.Check() {
		return
	}
	next := s.cur
	next.Organisation = strings.TrimSpace(s.org.Text)
	s.write(next, s.fields.Show)
}

// write saves next off the UI thread; shown is told the outcome (nil
// when saved) on the UI thread. next is at once what the next change
// starts from, saved or not: a logo picked while the name is being saved
// keeps the name, and a failed save is tried again with the next change.
func (s *Screen) write(next meeting.Settings, shown func(error)) {
	if err := next.Validate(); err != nil {
		shown(err)
		return
	}
	s.cur = next
	s.writes.Run(s.env, func(ctx context.Context) error { return s.st.SaveSettings(ctx, next) }, shown)
}

// showLogo shows the logo kept, or problem (already in words) about the
// file chosen.
func (s *Screen) showLogo(problem string) {
	s.logoNote.Importance = widget.MediumImportance
	switch {
	case problem != "":
		s.logoNote.Importance = widget.DangerImportance
		s.logoNote.SetText(problem)
	case s.cur.Logo == nil:
		s.logoNote.SetText(lang.L("No logo: documents show the organisation's name alone."))
	default:
		s.logoNote.SetText("")
	}
	s.logoNote.Refresh()
	if s.cur.Logo == nil {
		s.logo.Resource, s.logo.Image = nil, nil
		s.logo.Hide()
	} else {
		s.logo.Resource = fyne.NewStaticResource("logo", s.cur.Logo)
		s.logo.Show()
	}
	s.logo.Refresh()
	if s.cur.Logo == nil || s.env.ReadOnly {
		s.removeLogo.Disable()
	} else {
		s.removeLogo.Enable()
	}
}

// askLogo lets the user pick a PNG or JPEG file for the logo.
func (s *Screen) askLogo() {
	d := dialog.NewFileOpen(s.logoChosen, s.env.Window)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg", ".PNG", ".JPG", ".JPEG"}))
	d.Show()
}

// logoChosen reads the file picked for the logo and keeps it.
func (s *Screen) logoChosen(r fyne.URIReadCloser, err error) {
	if err != nil {
		s.showLogo(uikit.ErrorText(err))
		return
	}
	if r == nil {
		return // cancelled
	}
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, meeting.MaxLogoSize+1))
	if err != nil {
		s.showLogo(lang.L("The file could not be read: {{.Error}}", map[string]any{"Error": err.Error()}))
		return
	}
	if err := checkLogo(data); err != nil {
		s.showLogo(err.Error())
		return
	}
	s.setLogo(data)
}

// checkLogo says, in words, why data cannot be the logo.
func checkLogo(data []byte) error {
	if len(data) > meeting.MaxLogoSize {
		return errors.New(lang.L("This file is larger than {{.MB}} MB: choose a smaller image.", map[string]any{"MB": meeting.MaxLogoSize >> 20}))
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") {
		return errors.New(lang.L("This file is not a PNG or JPEG image."))
	}
	if cfg.Width > maxLogoPixels || cfg.Height > maxLogoPixels {
		return errors.New(lang.L("This image is {{.W}} × {{.H}} pixels; at most {{.Max}} × {{.Max}} are allowed.",
			map[string]any{"W": cfg.Width, "H": cfg.Height, "Max": maxLogoPixels}))
	}
	return nil
}

// setLogo saves logo (nil: none) at once.
func (s *Screen) setLogo(logo []byte) {
	if !s.loaded || s.env.ReadOnly {
		return
	}
	s.saver.Flush()
	next := s.cur
	next.Logo = logo
	s.write(next, func(err error) {
		if err != nil {
			s.showLogo(uikit.ErrorText(err))
			return
		}
		s.showLogo("")
	})
}

// backUp makes a backup now and says where it went, or why it failed.
func (s *Screen) backUp() {
	if s.backups == nil {
		return
	}
	s.saver.Flush()
	s.backup.Disable()
	s.backupNote.Importance = widget.MediumImportance
	s.backupNote.SetText(lang.L("Backing up…"))
	s.backupNote.Show()
	s.env.Go(func() {
		path, err := s.backups.BackupNow(s.env.Ctx)
		fyne.Do(func() {
			s.backup.Enable()
			if err != nil {
				s.backupNote.Importance = widget.DangerImportance
				s.backupNote.SetText(lang.L("The backup failed: {{.Error}}", map[string]any{"Error": uikit.ErrorText(err)}))
				return
			}
			s.backupNote.Importance = widget.SuccessImportance
			s.backupNote.SetText(lang.L("Backup written: {{.Path}}", map[string]any{"Path": path}))
		})
	})
}

// askDatabase lets the user pick another database to open.
func (s *Screen) askDatabase() {
	d := dialog.NewFileOpen(s.databaseChosen, s.env.Window)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".sqlite", ".sqlite3"}))
	d.Show()
}

// databaseChosen hands the file picked to the window, which opens it.
func (s *Screen) databaseChosen(r fyne.URIReadCloser, err error) {
	if err != nil {
		s.env.ShowError(err)
		return
	}
	if r == nil || s.openDatabase == nil {
		return
	}
	path := r.URI().Path()
	r.Close()
	s.env.FlushAll() // what was typed is saved in the database it was typed for
	s.openDatabase(path)
}
