// Package assets holds the files Quorum ships inside its binary: the
// application icon and the translations of the user interface; the PDF
// fonts are in the fonts sub-package.
package assets

import (
	"embed"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

//go:embed icon.png
var iconPNG []byte

//go:embed translations/*.json
var translations embed.FS

// Icon is Quorum's application icon, a 512×512 PNG.
var Icon fyne.Resource = fyne.NewStaticResource("icon.png", iconPNG)

// LoadTranslations registers the embedded translations with Fyne's lang
// package, which then picks the one closest to the user's locale. Message
// ids are the English texts, so English needs no lookup to work.
func LoadTranslations() error {
	return lang.AddTranslationsFS(translations, "translations")
}
