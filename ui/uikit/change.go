package uikit

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Change runs change off the UI thread, then done on it; when change
// fails, the user is told why and failed runs instead (either may be nil).
func Change(e *Env, change func(ctx context.Context) error, done, failed func()) {
	e.Go(func() {
		err := change(e.Ctx)
		if errors.Is(err, context.Canceled) {
			return
		}
		fyne.Do(func() {
			next := done
			if err != nil {
				e.ShowError(err)
				next = failed
			}
			if next != nil {
				next()
			}
		})
	})
}

// Heading is a bold label that heads a part of a screen.
func Heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
