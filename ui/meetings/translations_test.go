package meetings

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// TestEveryStringHasFrench checks that each text the screens of this part
// pass to lang has a French translation.
func TestEveryStringHasFrench(t *testing.T) {
	fr := map[string]any{}
	// Every French file: the screens scanned use texts of other parts too
	// (the lock and the quorum of a meeting).
	names, _ := filepath.Glob(filepath.Join("..", "..", "assets", "translations", "*fr.json"))
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &fr); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	call := regexp.MustCompile(`lang\.[LN]\(\s*("(?:[^"\\]|\\.)*")`)
	files := []string{"../uikit/meetings.go", "../uikit/labels.go", "../uikit/fields.go", "../uikit/env.go"}
	for _, dir := range []string{".", "../details", "../attendees"} {
		found, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		files = append(files, found...)
	}
	n := 0
	for _, file := range files {
		if filepath.Ext(file) != ".go" || regexp.MustCompile(`_test\.go$`).MatchString(file) {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllSubmatch(src, -1) {
			id, err := strconv.Unquote(string(m[1]))
			if err != nil {
				t.Fatalf("%s: %s: %v", file, m[1], err)
			}
			n++
			if _, ok := fr[id]; !ok {
				t.Errorf("%s: no French for %q", file, id)
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d texts found: the scan is broken", n)
	}
}
