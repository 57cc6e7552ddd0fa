package settings

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"quorum/meeting"
	"quorum/ui/uikit"
	"quorum/ui/uitest"
)

var bg = context.Background()

// fakeBackups records the backups asked for and answers with path or err.
type fakeBackups struct {
	calls int
	path  string
	err   error
}

func (f *fakeBackups) BackupNow(context.Context) (string, error) {
	f.calls++
	return f.path, f.err
}

// open builds the section, shows it and waits for the settings.
func open(t *testing.T, st Store, b Backups, opened *[]string) (*Screen, *uikit.Env) {
	t.Helper()
	env, _ := uitest.Env(t)
	s := New(env, st, b, func(path string) { *opened = append(*opened, path) })
	uitest.Show(env, s.Content())
	s.Reload()
	env.Wait()
	return s, env
}

// pngFile writes a w×h PNG in a temporary folder and returns its path
// and bytes.
func pngFile(t *testing.T, w, h int) (string, []byte) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.RGBA{R: 200, A: 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "logo.png")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, buf.Bytes()
}

// reader opens path as the file dialog hands a file over.
func reader(t *testing.T, path string) fyne.URIReadCloser {
	t.Helper()
	r, err := storage.Reader(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func settingsOf(t *testing.T, st *meeting.Store) meeting.Settings {
	t.Helper()
	got, err := st.Settings(bg)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestOrganisationAndLogo(t *testing.T) {
	uitest.English(t)
	st := uitest.Store(t)
	var opened []string
	s, env := open(t, st, nil, &opened)

	if s.org.Disabled() || s.logo.Visible() || !s.removeLogo.Disabled() ||
		s.logoNote.Text != "No logo: documents show the organisation's name alone." {
		t.Fatalf("empty database: org disabled %v, logo shown %v, note %q", s.org.Disabled(), s.logo.Visible(), s.logoNote.Text)
	}
	test.Type(s.org, "Mairie de Saint-Étienne-du-Rouvray")
	env.Wait()
	if got := settingsOf(t, st); got.Organisation != "Mairie de Saint-Étienne-du-Rouvray" {
		t.Errorf("organisation stored = %q", got.Organisation)
	}
	s.org.SetText(strings.Repeat("œ", 5000))
	env.Wait()
	if s.fields.Problem.Text != "Organisation: 5000 characters; at most 500 are allowed" {
		t.Errorf("problem = %q", s.fields.Problem.Text)
	}
	if got := settingsOf(t, st); got.Organisation != "Mairie de Saint-Étienne-du-Rouvray" {
		t.Errorf("a 5,000-character name was saved")
	}
	s.org.SetText("Mairie de Saint-Étienne-du-Rouvray")
	env.Wait()

	path, data := pngFile(t, 120, 40)
	s.logoChosen(reader(t, path), nil)
	env.Wait()
	got := settingsOf(t, st)
	if !bytes.Equal(got.Logo, data) || got.Organisation != "Mairie de Saint-Étienne-du-Rouvray" {
		t.Fatalf("logo stored: %d bytes (want %d), organisation %q", len(got.Logo), len(data), got.Organisation)
	}
	if !s.logo.Visible() || s.removeLogo.Disabled() || s.logoNote.Text != "" {
		t.Errorf("logo not shown: visible %v, note %q", s.logo.Visible(), s.logoNote.Text)
	}

	// Not an image, or too large: said, and the logo kept.
	txt := filepath.Join(t.TempDir(), "logo.png")
	os.WriteFile(txt, []byte("not a picture"), 0o600)
	s.logoChosen(reader(t, txt), nil)
	env.Wait()
	if s.logoNote.Text != "This file is not a PNG or JPEG image." || s.logoNote.Importance != widget.DangerImportance {
		t.Errorf("bad file: note %q", s.logoNote.Text)
	}
	huge, _ := pngFile(t, 4001, 10)
	s.logoChosen(reader(t, huge), nil)
	env.Wait()
	if s.logoNote.Text != "This image is 4001 × 10 pixels; at most 4000 × 4000 are allowed." {
		t.Errorf("huge image: note %q", s.logoNote.Text)
	}
	if got := settingsOf(t, st); !bytes.Equal(got.Logo, data) {
		t.Error("a bad file replaced the logo")
	}

	test.Tap(s.removeLogo)
	env.Wait()
	if got := settingsOf(t, st); got.Logo != nil || got.Organisation == "" {
		t.Errorf("after removing: %d bytes of logo, organisation %q", len(got.Logo), got.Organisation)
	}
	if s.logo.Visible() {
		t.Error("the removed logo is still shown")
	}

	// Read again, the section shows what the store holds.
	s.Reload()
	env.Wait()
	if s.org.Text != "Mairie de Saint-Étienne-du-Rouvray" {
		t.Errorf("reloaded organisation = %q", s.org.Text)
	}
}

func TestPreferences(t *testing.T) {
	uitest.English(t)
	var opened []string
	s, env := open(t, uitest.Store(t), nil, &opened)
	if s.language.Selected != "Follow the system" || s.classification.Value() != meeting.Internal {
		t.Fatalf("defaults: language %q, classification %q", s.language.Selected, s.classification.Value())
	}
	s.language.SetSelected("Français")
	s.classification.SetSelected("Confidential")
	if env.Prefs.Language() != uikit.LanguageFrench || env.Prefs.Classification() != meeting.Confidential {
		t.Errorf("prefs: language %q, classification %q", env.Prefs.Language(), env.Prefs.Classification())
	}
	s.Reload()
	env.Wait()
	if s.language.Selected != "Français" || env.Prefs.Language() != uikit.LanguageFrench || s.classification.Value() != meeting.Confidential {
		t.Errorf("after reload: %q, %q, %q", s.language.Selected, env.Prefs.Language(), s.classification.Value())
	}
	s.language.SetSelected("Follow the system")
	if env.Prefs.Language() != uikit.LanguageSystem {
		t.Errorf("language = %q, want the system's", env.Prefs.Language())
	}
}

func TestDatabase(t *testing.T) {
	uitest.English(t)
	st := uitest.Store(t)
	b := &fakeBackups{path: "/home/anne/Quorum/backups/quorum-2026-11-29.db"}
	var opened []string
	s, env := open(t, st, b, &opened)

	if s.dbPath.Text != st.Path() || !s.backupNote.Hidden {
		t.Errorf("path shown %q, note hidden %v", s.dbPath.Text, s.backupNote.Hidden)
	}
	test.Tap(s.backup)
	env.Wait()
	if b.calls != 1 || s.backupNote.Text != "Backup written: /home/anne/Quorum/backups/quorum-2026-11-29.db" || s.backup.Disabled() {
		t.Errorf("backup: %d calls, note %q", b.calls, s.backupNote.Text)
	}
	b.err = &meeting.Error{Code: meeting.EINTERNAL, Message: "the disk is full: the change was not saved"}
	test.Tap(s.backup)
	env.Wait()
	if b.calls != 2 || s.backupNote.Text != "The backup failed: the disk is full: the change was not saved" ||
		s.backupNote.Importance != widget.DangerImportance {
		t.Errorf("failed backup: %d calls, note %q", b.calls, s.backupNote.Text)
	}

	other := filepath.Join(t.TempDir(), "autre base.db")
	os.WriteFile(other, nil, 0o600)
	s.databaseChosen(reader(t, other), nil)
	s.databaseChosen(nil, nil) // cancelled
	if len(opened) != 1 || opened[0] != other {
		t.Errorf("databases opened = %q", opened)
	}
	s.databaseChosen(nil, errors.New("no such folder"))
	if msg := uitest.TopOverlayText(env); !strings.Contains(msg, "no such folder") {
		t.Errorf("a failed pick is not shown: %q", msg)
	}
}

func TestFrenchReadOnly(t *testing.T) {
	uitest.French(t)
	st := uitest.Store(t)
	if err := st.SaveSettings(bg, meeting.Settings{Organisation: "Conseil départemental"}); err != nil {
		t.Fatal(err)
	}
	env, _ := uitest.Env(t)
	env.ReadOnly = true
	s := New(env, st, nil, nil)
	uitest.Show(env, s.Content())
	s.Reload()
	env.Wait()
	if s.org.Text != "Conseil départemental" || !s.org.Disabled() || !s.chooseLogo.Disabled() {
		t.Errorf("read-only: %q, disabled %v", s.org.Text, s.org.Disabled())
	}
	if !s.backup.Disabled() || !s.openOther.Disabled() {
		t.Error("without backups or a window to open databases, their buttons must be disabled")
	}
	if s.language.Options[0] != "Suivre le système" || s.backup.Text != "Sauvegarder maintenant" ||
		s.classification.Selected != "Interne" {
		t.Errorf("French: %q, %q, %q", s.language.Options[0], s.backup.Text, s.classification.Selected)
	}
	s.language.SetSelected("English") // a preference, not the database: allowed
	if env.Prefs.Language() != uikit.LanguageEnglish {
		t.Errorf("language = %q", env.Prefs.Language())
	}
}
