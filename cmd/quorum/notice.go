package main

import (
	"io"

	"quorum/export"
)

// actionFormats are the ways `quorum export` writes a list of actions: the
// action log (PDF, grouped by status or owner) and the spreadsheets.
var actionFormats = map[string]func(w io.Writer, scope export.ActionScope, byOwner bool, o export.Options) error{
	"actions": export.ActionLog,
	"xlsx": func(w io.Writer, scope export.ActionScope, _ bool, o export.Options) error {
		return export.ActionsXLSX(w, scope, o)
	},
	"csv": func(w io.Writer, scope export.ActionScope, _ bool, o export.Options) error {
		return export.ActionsCSV(w, scope, o)
	},
}
