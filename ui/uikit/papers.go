package uikit

// keyAttachFolder keeps the folder papers were last attached from.
const keyAttachFolder = "papers.folder"

// AttachFolder is the folder the last paper was attached from ("" if
// none), where the file dialog opens next.
func (p *Prefs) AttachFolder() string { return p.p.String(keyAttachFolder) }

// SetAttachFolder keeps the folder a paper was attached from.
func (p *Prefs) SetAttachFolder(dir string) { p.p.SetString(keyAttachFolder, dir) }
