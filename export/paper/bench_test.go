package paper

import (
	"context"
	"os"
	"quorum/export/paper/papertest"
	"testing"
	"time"
)

// BenchmarkExamine examines R-intro.pdf (113 pages), then every valid PDF
// of the corpus, and reports pages examined per second and the peak
// memory of the process.
func BenchmarkExamine(b *testing.B) {
	var intro, valid []papertest.File
	for _, c := range papertest.Corpus(b) {
		if c.Folder == "valid" && c.Pages > 0 {
			valid = append(valid, c)
			if c.Name == "R-intro.pdf" {
				intro = append(intro, c)
			}
		}
	}
	for _, set := range []struct {
		name  string
		files []papertest.File
	}{{"R-intro", intro}, {"valid-corpus", valid}} {
		b.Run(set.name, func(b *testing.B) {
			data := make([][]byte, len(set.files))
			for i, c := range set.files {
				var err error
				if data[i], err = os.ReadFile(c.Path); err != nil {
					b.Fatal(err)
				}
			}
			examiner.Examine(context.Background(), textPDF()) // PDFium started
			resetPeakRSS()
			pages := 0
			start := time.Now()
			for b.Loop() {
				for i, c := range set.files {
					r := examiner.Examine(context.Background(), data[i])
					if r.Problem != "" {
						b.Fatalf("%s: %s", c.Name, r.Problem)
					}
					pages += r.Pages
				}
			}
			b.ReportMetric(float64(pages)/time.Since(start).Seconds(), "pages/s")
			if peak, ok := peakRSS(); ok {
				b.ReportMetric(float64(peak>>20), "peak-MB")
			}
		})
	}
}

// BenchmarkColdStart measures an Examiner's first examination, which
// starts PDFium: compiled anew, or taken from the compilation cache.
func BenchmarkColdStart(b *testing.B) {
	pdf := textPDF()
	first := func(b *testing.B, cacheDir string) {
		e, err := NewExaminer(cacheDir, Limits{})
		if err != nil {
			b.Fatal(err)
		}
		defer e.Close()
		if r := e.Examine(context.Background(), pdf); r.Problem != "" {
			b.Fatal(r.Problem)
		}
	}
	b.Run("without-cache", func(b *testing.B) {
		for b.Loop() {
			first(b, "")
		}
	})
	b.Run("with-cache", func(b *testing.B) {
		dir := b.TempDir()
		first(b, dir) // fills the cache
		for b.Loop() {
			first(b, dir)
		}
	})
}
