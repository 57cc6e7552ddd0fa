package papertest

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"testing"
)

func TestSpaces(t *testing.T) {
	for _, n := range []int64{2, 3, 4, 258, 259, 260, 261, 1000, 16 << 20} {
		r, err := zlib.NewReader(bytes.NewReader(spaces(n)))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := io.Copy(onlySpaces{}, r); err != nil || got != n { // zlib checks the Adler-32 sum
			t.Errorf("spaces(%d) inflates to %d spaces, %v", n, got, err)
		}
	}
}

// onlySpaces is a writer that takes spaces and nothing else.
type onlySpaces struct{}

func (onlySpaces) Write(p []byte) (int, error) {
	if n := len(bytes.TrimLeft(p, " ")); n > 0 {
		return len(p) - n, fmt.Errorf("%q is no space", p[len(p)-n])
	}
	return len(p), nil
}
