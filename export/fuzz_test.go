package export

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"testing"
	"time"

	"quorum/export/paper"
	"quorum/meeting"
)

// FuzzPackImage gives the pack images of any content that the examination
// lets through, as a pack places them on a page of their own: this never
// panics. Seeds: small images of each format and colour model.
func FuzzPackImage(f *testing.F) {
	rect := image.Rect(0, 0, 6, 4)
	for _, img := range []image.Image{image.NewNRGBA(rect), image.NewGray(rect), image.NewRGBA64(rect),
		image.NewPaletted(rect, []color.Color{color.White, color.Black})} {
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
	var jpg, gf bytes.Buffer
	img := image.NewPaletted(rect, []color.Color{color.White, color.Black})
	if err := jpeg.Encode(&jpg, img, nil); err != nil {
		f.Fatal(err)
	}
	if err := gif.Encode(&gf, img, nil); err != nil {
		f.Fatal(err)
	}
	f.Add(jpg.Bytes())
	f.Add(gf.Bytes())
	ex, err := paper.NewExaminer("", paper.Limits{}) // images need no PDFium
	if err != nil {
		f.Fatal(err)
	}
	defer ex.Close()
	r := &meeting.Record{Meeting: &meeting.Meeting{ID: 1, Title: "Conseil", Starts: time.Date(2027, 3, 1, 14, 0, 0, 0, time.UTC),
		Language: "fr", Status: meeting.Draft}}
	f.Fuzz(func(t *testing.T, data []byte) {
		rep := ex.Examine(context.Background(), data)
		if rep.Kind != paper.KindImage || rep.Problem != "" {
			return
		}
		b := newPackBuilder(r, nil, PackOptions{Options: printedAt})
		b.imagePage(&meeting.Document{ID: 1, Title: "Plan", FileName: "plan"}, data)
	})
}

// TestPackImageThatPanics gives the pack, unexamined, the PNG cut short
// that FuzzPackImage found: its PDF library panics on it, and the image is
// taken for unreadable.
func TestPackImageThatPanics(t *testing.T) {
	cut := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x06\x00\x00\x00\x04\x10\x06\x00\x00\x00\xfd\x94\x92\x00")
	r := &meeting.Record{Meeting: &meeting.Meeting{ID: 1, Title: "Conseil", Starts: time.Date(2027, 3, 1, 14, 0, 0, 0, time.UTC)}}
	b := newPackBuilder(r, nil, PackOptions{Options: printedAt})
	if b.imagePage(&meeting.Document{ID: 1, Title: "Plan", FileName: "plan.png"}, cut) {
		t.Error("a PNG cut short was placed on a page")
	}
}
