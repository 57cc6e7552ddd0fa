package paper

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"runtime"
	"testing"
)

// FuzzExamine examines files of any content that are not PDFs (PDFs go
// to PDFium, which TestHostilePDFs and the corpus try): telling images from
// other files and reading image headers never panics, allocates little,
// and an image passes only within the pixel limits. Seeds: small real
// images of each format and headers of image bombs.
func FuzzExamine(f *testing.F) {
	img := image.NewPaletted(image.Rect(0, 0, 7, 5), []color.Color{color.White, color.Black})
	img.SetColorIndex(3, 2, 1)
	for _, encode := range []func(*bytes.Buffer) error{
		func(b *bytes.Buffer) error { return png.Encode(b, img) },
		func(b *bytes.Buffer) error { return jpeg.Encode(b, img, nil) },
		func(b *bytes.Buffer) error { return gif.Encode(b, img, nil) },
	} {
		var b bytes.Buffer
		if err := encode(&b); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
	f.Add(pngHeader(50000, 50000))
	f.Add(jpegHeader(50000, 50000))
	f.Add(gifHeader(50000, 50000))
	f.Add([]byte("Ordre du jour"))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if isPDF(data) {
			return
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		r := examiner.Examine(context.Background(), data)
		runtime.ReadMemStats(&after)
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20+2*uint64(len(data)) {
			t.Fatalf("examining %d bytes allocated %d bytes: were pixels decoded?", len(data), alloc)
		}
		if r.Pages != 0 || r.Print != nil || r.Encrypted {
			t.Fatalf("a file that is no PDF got %d pages, a print copy or encryption", r.Pages)
		}
		switch r.Kind {
		case KindImage:
			if r.MediaType != "image/png" && r.MediaType != "image/jpeg" && r.MediaType != "image/gif" {
				t.Fatalf("an image of type %q", r.MediaType)
			}
			if r.Problem == "" && (r.Width <= 0 || r.Height <= 0 || r.Width > maxImageSide || r.Height > maxImageSide ||
				int64(r.Width)*int64(r.Height) > maxImagePixels) {
				t.Fatalf("an image of %d × %d pixels passes", r.Width, r.Height)
			}
		case KindOther:
			if r.Problem != "" && len(data) > 0 {
				t.Fatalf("a file of another kind has a problem: %q", r.Problem)
			}
		default:
			t.Fatalf("kind %q", r.Kind)
		}
	})
}
