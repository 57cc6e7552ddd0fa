package uikit

import (
	"fyne.io/fyne/v2"

	"quorum/meeting"
)

// Prefs are the user's preferences, kept by Fyne between sessions, read
// and written through typed methods.
type Prefs struct{ p fyne.Preferences }

// NewPrefs wraps Fyne's preferences of the app.
func NewPrefs(p fyne.Preferences) *Prefs { return &Prefs{p: p} }

// The preference keys.
const (
	keyWidth          = "window.width"
	keyHeight         = "window.height"
	keyLastMeeting    = "meeting.last"
	keyExportFolder   = "export.folder"
	keyLanguage       = "ui.language"
	keyClassification = "meeting.classification"
)

// The choices of UI language: follow the system, or one of Quorum's.
const (
	LanguageSystem  = ""
	LanguageFrench  = "fr"
	LanguageEnglish = "en"
)

// WindowSize is the size the window had when last closed (0×0 if never).
func (p *Prefs) WindowSize() fyne.Size {
	return fyne.NewSize(float32(p.p.Float(keyWidth)), float32(p.p.Float(keyHeight)))
}

// SetWindowSize keeps the window's size.
func (p *Prefs) SetWindowSize(s fyne.Size) {
	p.p.SetFloat(keyWidth, float64(s.Width))
	p.p.SetFloat(keyHeight, float64(s.Height))
}

// LastMeeting is the meeting open when the window was last closed (0: none).
func (p *Prefs) LastMeeting() int64 { return int64(p.p.Int(keyLastMeeting)) }

// SetLastMeeting keeps the open meeting (0: none).
func (p *Prefs) SetLastMeeting(id int64) { p.p.SetInt(keyLastMeeting, int(id)) }

// ExportFolder is the folder of the last document written ("" if none).
func (p *Prefs) ExportFolder() string { return p.p.String(keyExportFolder) }

// SetExportFolder keeps the folder of the last document written.
func (p *Prefs) SetExportFolder(dir string) { p.p.SetString(keyExportFolder, dir) }

// Language is the UI language chosen: LanguageSystem, French or English.
func (p *Prefs) Language() string { return p.p.String(keyLanguage) }

// SetLanguage keeps the UI language; it applies at the next start.
func (p *Prefs) SetLanguage(l string) { p.p.SetString(keyLanguage, l) }

// Classification is the classification new meetings get.
func (p *Prefs) Classification() meeting.Classification {
	c := meeting.Classification(p.p.StringWithFallback(keyClassification, string(meeting.Internal)))
	for _, k := range meeting.Classifications {
		if k == c {
			return c
		}
	}
	return meeting.Internal
}

// SetClassification keeps the classification new meetings get.
func (p *Prefs) SetClassification(c meeting.Classification) {
	p.p.SetString(keyClassification, string(c))
}
