package paper

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"io"
	"strings"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// An Examiner examines papers. PDFium starts at the first PDF, not before,
// so that creating an Examiner costs nothing when the application starts.
// Its methods may be called from several goroutines; they take turns, one
// PDFium instance at a time, so that memory stays within one Limits.Memory.
type Examiner struct {
	limits Limits
	cache  wazero.CompilationCache
	mem    memories

	// turn holds a token while PDFium works, or while Close closes; it
	// guards what follows.
	turn     chan struct{}
	pool     pdfium.Pool
	stopPool context.CancelFunc // interrupts every call into the pool
	closed   bool
}

const (
	wasmPage  = 64 << 10 // bytes in a WebAssembly memory page
	minMemory = 64 << 20 // PDFium itself takes about 20 MB
	maxMemory = 4 << 30  // WebAssembly addresses 32 bits
)

// NewExaminer returns an Examiner. PDFium is compiled to machine code for
// this computer when it first starts, which takes seconds; the result is
// kept in cacheDir (created if need be; the user's cache folder suits it),
// and PDFium then starts in a tenth of a second. An empty cacheDir compiles
// it anew in each process. limits.Memory must be between 64 MB and 4 GB.
func NewExaminer(cacheDir string, limits Limits) (*Examiner, error) {
	if limits.Time <= 0 {
		limits.Time = 20 * time.Second
	}
	if limits.Memory == 0 {
		limits.Memory = 512 << 20
	}
	if limits.Memory < minMemory || limits.Memory > maxMemory {
		return nil, fmt.Errorf("paper: memory limit of %d MB is not between %d MB and %d MB",
			limits.Memory>>20, minMemory>>20, maxMemory>>20)
	}
	cache := wazero.NewCompilationCache()
	if cacheDir != "" {
		var err error
		if cache, err = wazero.NewCompilationCacheWithDir(cacheDir); err != nil {
			return nil, fmt.Errorf("paper: compilation cache: %w", err)
		}
	}
	return &Examiner{limits: limits, cache: cache, turn: make(chan struct{}, 1)}, nil
}

// Close waits for the examination under way, if any, and stops PDFium.
func (e *Examiner) Close() error {
	e.turn <- struct{}{}
	defer func() { <-e.turn }()
	if e.closed {
		return nil
	}
	e.closed = true
	return errors.Join(e.dropEngine(), e.cache.Close(context.Background()))
}

// errUnavailable marks the errors that leave a paper not examined.
var errUnavailable = errors.New("PDFium is unavailable")

// engine starts PDFium when it is first needed, or anew after a watchdog
// stopped it.
func (e *Examiner) engine() (pdfium.Pool, error) {
	if e.closed {
		return nil, fmt.Errorf("%w: the examiner is closed", errUnavailable)
	}
	if e.pool != nil {
		return e.pool, nil
	}
	runtime := wazero.NewRuntimeConfig().
		// The PDFium module needs exception handling (see the
		// webassembly package's default configuration).
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithMemoryLimitPages(uint32(e.limits.Memory / wasmPage)).
		WithCloseOnContextDone(true). // lets stopPool interrupt PDFium
		WithCompilationCache(e.cache)
	ctx, stop := context.WithCancel(experimental.WithMemoryAllocator(context.Background(), &e.mem))
	pool, err := webassembly.Init(webassembly.Config{
		Context:       ctx, // of the runtime and of every instance's calls
		MaxTotal:      1,
		RuntimeConfig: runtime,
		FSConfig:      wazero.NewFSConfig(), // no file at all: papers come as bytes
		Stdout:        io.Discard,
		Stderr:        io.Discard,
	})
	if err != nil {
		stop()
		return nil, fmt.Errorf("%w: %w", errUnavailable, err)
	}
	e.pool, e.stopPool = pool, stop
	return pool, nil
}

// dropEngine stops PDFium.
func (e *Examiner) dropEngine() error {
	if e.pool == nil {
		return nil
	}
	err := e.pool.Close()
	e.stopPool()
	e.pool, e.stopPool = nil, nil
	return err
}

var (
	errTime   = errors.New("paper: time limit reached")
	errMemory = errors.New("paper: memory limit reached")
)

// run calls work with a fresh PDFium instance and discards the instance
// afterwards, so that nothing a paper did outlives its examination. When
// ctx is done or the time limit is reached, a watchdog interrupts PDFium
// wherever it is: work then gets errors, and run returns ctx's error or
// errTime. When PDFium aborts after using most of its memory, run returns
// errMemory.
func (e *Examiner) run(ctx context.Context, work func(pdfium.Pdfium) error) (err error) {
	select {
	case e.turn <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-e.turn }()
	pool, err := e.engine()
	if err != nil {
		return err
	}
	limited, cancel := context.WithTimeout(ctx, e.limits.Time)
	defer cancel()
	// The watchdog cancels the context of the pool's calls, which has the
	// runtime stop PDFium at its next check (WithCloseOnContextDone); the
	// instance's own Kill would free the instance's memory while PDFium
	// still runs in it. The pool is of no more use then, and is replaced.
	watchdog := context.AfterFunc(limited, e.stopPool)
	func() {
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("paper: PDFium panicked: %v", p)
			}
		}()
		var instance pdfium.Pdfium
		if instance, err = pool.GetInstanceWithContext(limited); err != nil {
			return
		}
		defer instance.Kill() // each instance serves once: no need to tidy it up
		err = work(instance)
	}()
	if !watchdog() {
		err = errors.Join(err, e.dropEngine())
	}
	peak := e.mem.release() // the instance is dead: nothing runs in its memory
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case limited.Err() != nil:
		return errTime
	case err != nil && strings.HasPrefix(err.Error(), "wasm error:") && peak > uint64(e.limits.Memory)/2:
		// PDFium aborts when memory runs out, which the WebAssembly
		// runtime reports as a trap.
		return errMemory
	}
	return err
}

// open loads a document from memory with PDFium's default, the empty
// password, which opens papers encrypted only to restrict what users do.
func open(p pdfium.Pdfium, data []byte) (references.FPDF_DOCUMENT, error) {
	doc, err := p.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return "", err
	}
	return doc.Document, nil
}

var errNoPages = errors.New("paper: no pages")

// pageError says which page (from 0) PDFium could not load.
type pageError int

func (p pageError) Error() string { return fmt.Sprintf("paper: page %d cannot be loaded", int(p)+1) }

// examinePDF opens a PDF, counts its pages and loads each of them, which
// parses its content, then has PDFium write the document anew.
func (e *Examiner) examinePDF(ctx context.Context, data []byte) Report {
	r := Report{Kind: KindPDF, MediaType: "application/pdf"}
	if int64(len(data)) > e.limits.Memory/2 {
		r.Problem = fmt.Sprintf("too large to read safely (%d MB)", len(data)>>20)
		return r
	}
	var print []byte
	err := e.run(ctx, func(p pdfium.Pdfium) error {
		doc, err := open(p, data)
		if err != nil {
			return err
		}
		security, err := p.FPDF_GetSecurityHandlerRevision(&requests.FPDF_GetSecurityHandlerRevision{Document: doc})
		if err != nil {
			return err
		}
		r.Encrypted = security.SecurityHandlerRevision != -1
		count, err := p.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc})
		if err != nil {
			return err
		}
		if count.PageCount <= 0 {
			return errNoPages
		}
		r.Pages = count.PageCount
		for i := range count.PageCount {
			page, err := p.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: i})
			if errors.Is(err, pdfiumerrors.ErrPage) {
				return pageError(i)
			} else if err != nil {
				return err
			}
			if _, err := p.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: page.Page}); err != nil {
				return err
			}
		}
		// A whole new file, decrypted, with a cross-reference table of
		// PDFium's making. Its version is 1.7, which PDFium writes: left
		// alone, PDFium labels PDF 2.0 papers 1.0. (Importing the pages
		// into a new document instead would leave out document JavaScript
		// and attachments, but PDFium does not renumber the /Parent of the
		// annotations it copies, which then point to the wrong objects.)
		out := cappedBuffer{max: e.limits.Memory}
		if _, err := p.FPDF_SaveWithVersion(&requests.FPDF_SaveWithVersion{
			Document:    doc,
			Flags:       requests.SaveFlagRemoveSecurity,
			FileVersion: 17,
			FileWriter:  &out,
		}); err != nil {
			return err
		}
		print = out.Bytes()
		return nil
	})
	if err != nil {
		r.Problem = e.problem(err)
		r.Password = errors.Is(err, pdfiumerrors.ErrPassword)
		r.Encrypted = r.Encrypted || r.Password || errors.Is(err, pdfiumerrors.ErrSecurity)
		return r
	}
	r.Print = print
	return r
}

// problem says in plain words why a PDF cannot be printed.
func (e *Examiner) problem(err error) string {
	var page pageError
	switch {
	case errors.Is(err, pdfiumerrors.ErrPassword):
		return "protected by a password"
	case errors.Is(err, pdfiumerrors.ErrSecurity):
		return "encrypted in a way that cannot be read"
	case errors.Is(err, errNoPages):
		return "the document has no pages"
	case errors.As(err, &page):
		return fmt.Sprintf("page %d is damaged and cannot be read", int(page)+1)
	case errors.Is(err, errTime):
		return fmt.Sprintf("too complex to read safely (stopped after %g s)", e.limits.Time.Seconds())
	case errors.Is(err, errMemory), errors.Is(err, errTooBig):
		return fmt.Sprintf("too complex to read safely (needs more than %d MB)", e.limits.Memory>>20)
	case errors.Is(err, errUnavailable), errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return notExamined + err.Error()
	}
	return "the file is damaged and cannot be read"
}

// notExamined starts the Problem of a paper that was not examined.
const notExamined = "not examined: "

// errTooBig says that a copy would exceed the memory limit.
var errTooBig = errors.New("paper: copy too large")

// cappedBuffer is a bytes.Buffer that refuses to grow past max bytes.
type cappedBuffer struct {
	bytes.Buffer
	max int64
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if int64(b.Len()+len(p)) > b.max {
		return 0, errTooBig
	}
	return b.Buffer.Write(p)
}

// Thumbnail renders page index (the first page is 0) of a PDF, typically a
// Report's Print copy, within maxSide × maxSide pixels, under the same
// limits as Examine.
func (e *Examiner) Thumbnail(ctx context.Context, pdf []byte, index, maxSide int) (image.Image, error) {
	if maxSide < 1 || maxSide > 4096 {
		return nil, fmt.Errorf("paper: thumbnail size %d is not between 1 and 4096", maxSide)
	}
	var thumb *image.RGBA
	err := e.run(ctx, func(p pdfium.Pdfium) error {
		doc, err := open(p, pdf)
		if err != nil {
			return err
		}
		res, err := p.RenderPageInPixels(&requests.RenderPageInPixels{
			Page:        requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: index}},
			Width:       maxSide,
			Height:      maxSide,
			RenderFlags: enums.FPDF_RENDER_FLAG_ANNOT,
		})
		if err != nil {
			return err
		}
		defer res.Cleanup()
		rendered, ok := res.Result.RenderedImage.(*image.RGBA)
		if !ok {
			return fmt.Errorf("paper: PDFium rendered a %T", res.Result.RenderedImage)
		}
		// The pixels live in PDFium's memory until Cleanup: copy them.
		thumb = image.NewRGBA(rendered.Rect)
		copy(thumb.Pix, rendered.Pix)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("paper: thumbnail of page %d: %w", index+1, err)
	}
	return thumb, nil
}

// maxText bounds the text that Text returns.
const maxText = 32 << 20

// Text returns the text of a PDF, typically a Report's Print copy, to
// search papers: its pages in order, separated by form feeds, and no more
// than 32 MB of it. It works under the same limits as Examine.
func (e *Examiner) Text(ctx context.Context, pdf []byte) (string, error) {
	var text strings.Builder
	err := e.run(ctx, func(p pdfium.Pdfium) error {
		doc, err := open(p, pdf)
		if err != nil {
			return err
		}
		count, err := p.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc})
		if err != nil {
			return err
		}
		for i := 0; i < count.PageCount && text.Len() < maxText; i++ {
			page, err := p.GetPageText(&requests.GetPageText{
				Page: requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: i}},
			})
			if err != nil {
				return err
			}
			if i > 0 {
				text.WriteByte('\f')
			}
			s := page.Text
			if room := maxText - text.Len(); len(s) > room {
				s = strings.ToValidUTF8(s[:room], "") // drops a rune cut in two
			}
			text.WriteString(s)
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("paper: text: %w", err)
	}
	return text.String(), nil
}
