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
	"context"
	"fmt"
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
	if c.Width > maxImageSide || c.Height > maxImageSide || int64(c.Width)*int64(c.Height) > maxImagePixels {
		r.Problem = fmt.Sprintf("the image is too large to print (%d × %d pixels)", c.Width, c.Height)
	}
	return r
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
