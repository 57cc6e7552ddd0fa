// Package paper examines the papers that users attach to a meeting, once,
// when they are attached, so that building a briefing pack later meets no
// surprise.
//
// Papers are untrusted. PDFs are read by PDFium compiled to WebAssembly and
// run by wazero, so a hostile file can cost at most the memory and the time
// given in Limits: it cannot crash the process, exhaust its memory or hang
// it. Images are only read as far as their header.
package paper

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"
)

// Kind is what a paper's content is, whatever its name says.
type Kind string

const (
	KindPDF   Kind = "pdf"
	KindImage Kind = "image" // PNG, JPEG or GIF
	KindOther Kind = "other" // anything else: the pack shows a page naming it
)

// Report is what examining a paper found out.
type Report struct {
	Kind      Kind
	MediaType string // "application/pdf", "image/png" …; empty when unknown
	Pages     int    // pages of a PDF; 0 when unknown
	Encrypted bool   // the PDF is encrypted (with or without a password)
	Password  bool   // the PDF needs a user password that we do not have
	// Problem is empty when the paper can be printed in the pack, otherwise
	// a short plain English sentence saying why it cannot, for the page that
	// replaces it. A Problem that starts with "not examined: " says that
	// the examination did not take place (cancelled, or PDFium could not
	// start): such a Report is no verdict on the paper, and should not be
	// kept.
	Problem string
	// Print is, for a PDF that opened, a copy that PDFium wrote anew:
	// whole, unencrypted, PDF 1.7, fit for merging. Nil otherwise.
	Print         []byte
	Width, Height int // pixels of an image, as its header says
}

// Examined reports whether the examination took place: false when it was
// cancelled or PDFium could not start, so that the Report is no verdict on
// the paper and must not be kept.
func (r Report) Examined() bool { return !strings.HasPrefix(r.Problem, notExamined) }

// Limits bound the examination of one paper. Zero fields take the defaults.
type Limits struct {
	Time   time.Duration // 20 s by default
	Memory int64         // bytes PDFium may use, 512 MB by default
}

// Pixel bombs: images larger than this are refused before any decoding.
const (
	maxImagePixels = 100_000_000
	maxImageSide   = 30_000
)

// Examine examines one paper's content (what it is depends on its bytes,
// never on its name, so that one examination serves every paper with the
// same content). It never panics, and a paper that cannot be printed gets a
// Report whose Problem says why. A PDF costs at most
// the Examiner's Limits: PDFium is stopped when it has run for Limits.Time,
// or when it needs more than Limits.Memory.
func (e *Examiner) Examine(ctx context.Context, data []byte) Report {
	var r Report
	switch {
	case len(data) == 0:
		r = Report{Kind: KindOther, Problem: "the file is empty"}
	case isPDF(data):
		r = e.examinePDF(ctx, data)
	default:
		r = examineImage(data)
		if r.Kind == KindOther {
			r.MediaType = mediaType(data)
		}
	}
	return r
}

// isPDF tells whether data starts like a PDF. Like PDFium, it allows some
// junk before the header.
func isPDF(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))
}

// examineImage reads the header of a PNG, JPEG or GIF image, and refuses
// pixel bombs before anything decodes their pixels. Other data gives a
// Report of KindOther.
func examineImage(data []byte) Report {
	var (
		decodeConfig func([]byte) (image.Config, error)
		media        string
	)
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		decodeConfig, media = readerOf(png.DecodeConfig), "image/png"
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		decodeConfig, media = readerOf(jpeg.DecodeConfig), "image/jpeg"
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		decodeConfig, media = readerOf(gif.DecodeConfig), "image/gif"
	default:
		return Report{Kind: KindOther}
	}
	r := Report{Kind: KindImage, MediaType: media}
	c, err := decodeConfig(data)
	if err != nil || c.Width <= 0 || c.Height <= 0 {
		r.Problem = "the image is damaged and cannot be read"
		return r
	}
	r.Width, r.Height = c.Width, c.Height
	switch {
	case c.Width > maxImageSide || c.Height > maxImageSide || int64(c.Width)*int64(c.Height) > maxImagePixels:
		r.Problem = fmt.Sprintf("the image is too large to print (%d × %d pixels)", c.Width, c.Height)
	case media == "image/png" && !wholePNG(data, c.Width, c.Height):
		r.Problem = "the image is damaged and cannot be read"
	}
	return r
}

// wholePNG walks a PNG's chunks, checking each one's length and checksum,
// and inflates its pixel data without keeping it: the data must inflate to
// exactly the size that the header gives. The pack's PDF library trusts
// all of this, and inflates the pixels whole: a cut file would stop it,
// and a few kilobytes that inflate to gigabytes would exhaust memory.
func wholePNG(data []byte, w, h int) bool {
	var (
		ihdr []byte
		idat []io.Reader
	)
	for rest := data[8:]; ; {
		if len(rest) < 12 {
			return false
		}
		n := int64(binary.BigEndian.Uint32(rest))
		if n > int64(len(rest)-12) {
			return false
		}
		chunk, body := rest[4:8+n], rest[8:8+n]
		if crc32.ChecksumIEEE(chunk) != binary.BigEndian.Uint32(rest[8+n:]) {
			return false
		}
		switch string(chunk[:4]) {
		case "IHDR":
			ihdr = body
		case "tRNS":
			// One grey level, or one RGB colour, of two bytes each.
			if ihdr == nil || (ihdr[9] == 0 && n != 2) || (ihdr[9] == 2 && n != 6) {
				return false
			}
		case "IDAT":
			idat = append(idat, bytes.NewReader(body))
		case "IEND":
			if ihdr == nil || len(ihdr) != 13 {
				return false
			}
			want := pngPixelBytes(w, h, ihdr[8], ihdr[9], ihdr[12] == 1)
			z, err := zlib.NewReader(io.MultiReader(idat...))
			if err != nil || want < 0 {
				return false
			}
			got, err := io.Copy(io.Discard, io.LimitReader(z, want+1))
			return err == nil && got == want
		}
		rest = rest[12+n:]
	}
}

// pngPixelBytes is the size of a PNG's pixel data once inflated: each row
// of each pass has a filter byte and its pixels. It is -1 for a colour type
// that PNG does not have.
func pngPixelBytes(w, h int, depth, colour byte, interlaced bool) int64 {
	channels := map[byte]int64{0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
	if channels == 0 {
		return -1
	}
	passes := [][4]int{{0, 0, 1, 1}} // x and y offsets, x and y steps
	if interlaced {                  // Adam7
		passes = [][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
	}
	var size int64
	for _, p := range passes {
		pw, ph := int64((w-p[0]+p[2]-1)/p[2]), int64((h-p[1]+p[3]-1)/p[3])
		if pw > 0 && ph > 0 {
			size += ph * (1 + (pw*channels*int64(depth)+7)/8)
		}
	}
	return size
}

func readerOf(decode func(io.Reader) (image.Config, error)) func([]byte) (image.Config, error) {
	return func(data []byte) (image.Config, error) { return decode(bytes.NewReader(data)) }
}

// mediaType names the type of a file that is neither a PDF nor an image,
// from its content.
func mediaType(data []byte) string {
	base, _, _ := mime.ParseMediaType(http.DetectContentType(data))
	return base
}
