package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestSearchCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errOut := quorum(t, "--db", db, "demo"); code != 0 {
		t.Fatal(errOut)
	}
	// Without accents, the demo's « exécution budgétaire » is found, grouped by kind.
	code, out, errOut := quorum(t, "--db", db, "search", "execution", "budgetaire")
	if code != 0 {
		t.Fatalf("search: exit %d: %s", code, errOut)
	}
	items, papers := strings.Index(out, "Agenda items\n"), strings.Index(out, "Papers\n")
	if items != 0 || papers < 0 || strings.Count(out, "Exécution budgétaire et orientations") != 3 {
		t.Errorf("search shows:\n%s", out)
	}
	if !strings.Contains(out, "[meeting 1, item ") || !strings.Contains(out, "CODIR-1, 2026-10-15") {
		t.Errorf("hits do not say where they live:\n%s", out)
	}
	// Query syntax typed by the user is only words.
	code, out, _ = quorum(t, "--db", db, "search", `budg*"`, "AND", "(")
	if code != 0 || !strings.Contains(out, "nothing found") {
		t.Errorf("hostile search: exit %d:\n%s", code, out)
	}
	code, out, _ = quorum(t, "--db", db, "search", "--limit", "1", "budget")
	if code != 0 || strings.Count(out, "  [") != 2 {
		t.Errorf("limit 1 (one item, one paper):\n%s", out)
	}
	if code, _, errOut := quorum(t, "--db", db, "search"); code != 2 || !strings.Contains(errOut, "say what to look for") {
		t.Errorf("search without text: exit %d, %q", code, errOut)
	}
	if code, _, errOut := quorum(t, "--db", db, "search", "--limit", "0", "x"); code != 1 || !strings.Contains(errOut, "limit") {
		t.Errorf("limit 0: exit %d, %q", code, errOut)
	}
}
