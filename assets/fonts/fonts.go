// Package fonts holds the typeface Quorum prints its PDFs with: Liberation
// Sans (SIL Open Font License 1.1, see OFL.txt), which covers French and
// every European language. It has no dependency, so that the export
// package can use it without the GUI.
package fonts

import _ "embed"

// The four styles of Liberation Sans, as TrueType files.
var (
	//go:embed LiberationSans-Regular.ttf
	Regular []byte
	//go:embed LiberationSans-Bold.ttf
	Bold []byte
	//go:embed LiberationSans-Italic.ttf
	Italic []byte
	//go:embed LiberationSans-BoldItalic.ttf
	BoldItalic []byte
)
