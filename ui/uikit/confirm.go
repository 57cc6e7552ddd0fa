package uikit

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Confirm asks before something that cannot be undone: the message
// wrapped at a readable width, the button that does it named yes and
// shown as dangerous, "Keep it" to back out. answered runs with the
// choice; the dialog is returned shown.
func Confirm(env *Env, title, message, yes string, answered func(ok bool)) *dialog.ConfirmDialog {
	box := Paragraph(message, 440)
	d := dialog.NewCustomConfirm(title, yes, lang.L("Keep it"), box, answered, env.Window)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
	return d
}
