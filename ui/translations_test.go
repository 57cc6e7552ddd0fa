package ui

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// literalRE finds the texts given to lang.L and lang.N as string
// literals, joined with + or not; partRE splits them into their parts.
var (
	literalRE = regexp.MustCompile(`lang\.[LN]\(\s*("(?:[^"\\]|\\.)*"(?:\s*\+\s*"(?:[^"\\]|\\.)*")*)`)
	partRE    = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
)

// TestEveryTextHasAFrenchTranslation reads the window's code for every
// text shown through lang and checks the French files translate it.
func TestEveryTextHasAFrenchTranslation(t *testing.T) {
	french := map[string]any{}
	files, _ := filepath.Glob("../assets/translations/*fr.json")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]any{}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for k, v := range m {
			french[k] = v
		}
	}
	if len(french) == 0 {
		t.Fatal("no French translations found")
	}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range literalRE.FindAllStringSubmatch(string(src), -1) {
			var text string
			for _, part := range partRE.FindAllString(m[1], -1) {
				p, err := strconv.Unquote(part)
				if err != nil {
					t.Errorf("%s: %v", path, err)
				}
				text += p
			}
			if _, ok := french[text]; !ok {
				t.Errorf("%s: no French for %q", path, text)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
