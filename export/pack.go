package export

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"image"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"quorum/meeting"
)

func init() {
	// pdfcpu keeps a configuration folder in the user's home unless told
	// not to; Quorum needs none.
	api.DisableConfigDir()
}

// PackOptions are the choices made when building a briefing pack.
type PackOptions struct {
	Options
	Duplex bool // every item and paper starts on a right-hand page
	Copies int  // how many times the pack will be written (personal copies); 0 or 1: once
	// Progress, when set, is told how far the build has gone.
	Progress func(done, total int)
}

// PaperData returns the bytes to print of a paper: its clean copy.
type PaperData func(*meeting.Document) ([]byte, error)

// Preflight is what building a pack found: how many pages it has, and
// what a user should know before sending it.
type Preflight struct {
	Pages  int
	Papers int // papers in the pack
	Issues []Issue
}

// Issue is one thing wrong with a pack: a paper that could not be
// printed, arrived late, or an agenda longer than the meeting.
type Issue struct {
	Item    string // the item's number, "" for the meeting
	Paper   string // the paper's title, "" for the agenda
	Problem string
}

func (i Issue) String() string {
	var where []string
	if i.Item != "" {
		where = append(where, i.Item)
	}
	if i.Paper != "" {
		where = append(where, i.Paper)
	}
	if len(where) == 0 {
		return i.Problem
	}
	return strings.Join(where, " — ") + ": " + i.Problem
}

// Pack is a briefing pack put together, every page in place, ready to be
// written as one copy or as personal copies.
type Pack struct {
	Preflight Preflight
	ctx       *model.Context // every page, before page numbers and stamps
	merged    []byte         // the same, written, when there are copies to make
	bookmarks []pdfcpu.Bookmark
	w         *words
	spec      docSpec
}

// BuildPack puts a meeting's briefing pack together (dossier de séance): a
// cover, the agenda, a table of contents with the pack page of every
// paper, then for each item a divider and its papers in agenda order. PDFs
// are merged with every page intact, images placed one per page, other
// files and papers that cannot be printed named on a page that says why.
// A paper never stops the pack: what went wrong is in the preflight
// report.
func BuildPack(r *meeting.Record, data PaperData, o PackOptions) (*Pack, error) {
	b := newPackBuilder(r, data, o)
	if err := b.appendSections(); err != nil {
		return nil, err
	}
	front, err := b.frontMatter()
	if err != nil {
		return nil, err
	}
	if err := b.merge(front); err != nil {
		return nil, err
	}
	return b.pack, nil
}

// pages is a run of pages of the pack: pages laid out by Quorum, or a
// paper's.
type pages struct {
	pdf   []byte         // Quorum's pages, to read at the merge
	ctx   *model.Context // a paper, read once already
	pages int
}

// entry is a line of the table of contents, and a bookmark.
type entry struct {
	item  *meeting.AgendaItem // nil for a paper or a section
	doc   int64               // the paper's ID, for a paper
	title string
	level int
	page  int // in the pack, counted after the front matter
}

type packBuilder struct {
	*meetingDoc // for the words and the record
	data        PaperData
	o           PackOptions
	pack        *Pack

	parts   []pages
	entries []entry
	frame   *doc // Quorum's pages being laid out, not yet a part
	base    int  // pages in parts so far
	done    int  // papers placed, for progress
	total   int
	divided map[int64]int // item → page of its divider
}

func newPackBuilder(r *meeting.Record, data PaperData, o PackOptions) *packBuilder {
	md := newMeetingDoc(r, o.Options, kindPack, func(w *words) string { return w.pack }, false)
	b := &packBuilder{meetingDoc: md, data: data, o: o, divided: map[int64]int{}}
	b.pack = &Pack{w: md.w, spec: md.spec}
	for _, doc := range r.Documents {
		if doc.InPack {
			b.total++
		}
	}
	return b
}

var kindPack = kind{func(w *words) string { return w.pack }, [2]string{"DOSSIER", "PACK"}}

// frameSpec is the look of Quorum's own pages in a pack: the header, but
// no footer and no classification, which the stamp adds to every page.
func (b *packBuilder) frameSpec() docSpec {
	s := b.spec
	s.classification = meeting.Public
	s.noFooter = true
	return s
}

// page returns the number the next page will have (after the front
// matter).
func (b *packBuilder) page() int {
	if b.frame == nil {
		return b.base + 1
	}
	return b.base + b.frame.pdf.PageCount() + 1
}

// framePage starts a new page of Quorum's own.
func (b *packBuilder) framePage() *doc {
	if b.frame == nil {
		b.frame = newDoc(b.frameSpec())
	}
	b.frame.pdf.AddPage()
	return b.frame
}

// flush turns the pages laid out so far into a part.
func (b *packBuilder) flush() error {
	if b.frame == nil {
		return nil
	}
	var buf bytes.Buffer
	if err := b.frame.write(&buf); err != nil {
		return err
	}
	b.parts = append(b.parts, pages{pdf: buf.Bytes(), pages: b.frame.pdf.PageCount()})
	b.base += b.frame.pdf.PageCount()
	b.frame = nil
	return nil
}

// rightHand makes the next page a right-hand (odd) one in duplex, with a
// blank page that says so when needed.
func (b *packBuilder) rightHand() {
	if b.o.Duplex && b.page()%2 == 0 {
		blankPage(b.framePage())
	}
}

// blankPage says on an empty page that it is empty on purpose.
func blankPage(d *doc) {
	if d.pdf.PageCount() == 0 || d.pdf.GetY() > pageTop {
		d.pdf.AddPage()
	}
	_, ph := d.pdf.GetPageSize()
	d.pdf.SetY(ph/2 - 10)
	d.font("I", 11, grey)
	d.pdf.CellFormat(0, 8, d.w.intentionallyBlank, "", 1, "C", false, 0, "")
}

func (b *packBuilder) issue(it *meeting.AgendaItem, doc *meeting.Document, problem string) {
	is := Issue{Problem: problem}
	if it != nil {
		is.Item = it.Number
	}
	if doc != nil {
		is.Paper = doc.Title
	}
	b.pack.Preflight.Issues = append(b.pack.Preflight.Issues, is)
}

// appendSections lays out, item after item, a divider and the item's
// papers; then the papers of the meeting itself.
func (b *packBuilder) appendSections() error {
	if over := b.r.Agenda.Overrun(b.m); over > 0 {
		b.issue(nil, nil, fmt.Sprintf(b.w.total, b.w.span(b.r.Agenda.TotalMinutes()), b.w.span(b.m.Minutes))+
			" — "+fmt.Sprintf(b.w.overrun, b.w.span(over)))
	}
	var err error
	b.r.Agenda.Walk(func(it *meeting.AgendaItem) {
		if err == nil {
			err = b.appendSection(it, b.inPack(it.ID))
		}
	})
	if err != nil {
		return err
	}
	if err := b.appendSection(nil, b.inPack(0)); err != nil {
		return err
	}
	return b.flush()
}

func (b *packBuilder) inPack(itemID int64) []*meeting.Document {
	var docs []*meeting.Document
	for _, doc := range b.papersOf(itemID) {
		if doc.InPack {
			docs = append(docs, doc)
		}
	}
	return docs
}

// appendSection lays out one item's divider and papers (it is nil for the
// meeting's own papers).
func (b *packBuilder) appendSection(it *meeting.AgendaItem, docs []*meeting.Document) error {
	if len(docs) == 0 {
		return nil
	}
	w := b.w
	b.rightHand()
	title := w.otherPapers
	if it != nil {
		title = fmt.Sprintf(w.itemNumber, it.Number) + " — " + it.Title
		b.divided[it.ID] = b.page()
	}
	b.entries = append(b.entries, entry{item: it, title: title, page: b.page()})
	d := b.framePage()
	d.space(40)
	d.font("B", 22, black)
	d.pdf.MultiCell(0, 10, clean(title), "", "L", false)
	d.space(4)
	if it != nil {
		d.font("", 12, grey)
		line := w.purposes[it.Purpose] + " — " + w.clock(it.Start)
		if it.PresenterName != "" {
			line += " — " + fmt.Sprintf(w.presenter, it.PresenterName)
		}
		d.pdf.MultiCell(0, 6, clean(line), "", "L", false)
		d.space(8)
	}
	for _, doc := range docs {
		d.para("• "+paperLine(w, doc), "", black)
	}
	for _, doc := range docs {
		if err := b.appendPaper(it, doc); err != nil {
			return err
		}
	}
	return nil
}

// appendPaper places one paper: its pages, or a page that stands for it.
func (b *packBuilder) appendPaper(it *meeting.AgendaItem, doc *meeting.Document) error {
	w := b.w
	b.rightHand()
	b.entries = append(b.entries, entry{title: paperLine(w, doc), level: 1, page: b.page(), doc: doc.ID})
	b.pack.Preflight.Papers++
	defer func() {
		b.done++
		if b.o.Progress != nil {
			b.o.Progress(b.done, b.total)
		}
	}()
	if b.m.PaperLate(doc) {
		b.issue(it, doc, fmt.Sprintf(w.latePaper, w.dateOf(b.m.PapersDue)))
	}
	problem := doc.Problem
	switch {
	case doc.Size == 0:
		problem = w.emptyPaper
	case !doc.Examined:
		problem = cmp.Or(problem, w.notExamined)
	}
	if problem != "" {
		b.issue(it, doc, problem)
		b.placeholder(doc, w.cannotRead, problem)
		return nil
	}
	switch doc.Kind {
	case meeting.PDFPaper:
		data, err := b.data(doc)
		if err == nil {
			var ctx *model.Context
			if ctx, err = readPaper(data); err == nil {
				if err := b.flush(); err != nil {
					return err
				}
				b.parts = append(b.parts, pages{ctx: ctx, pages: ctx.PageCount})
				b.base += ctx.PageCount
				return nil
			}
		}
		b.issue(it, doc, w.unreadable)
		b.placeholder(doc, w.cannotRead, w.unreadable)
	case meeting.ImagePaper:
		data, err := b.data(doc)
		if err != nil || !b.imagePage(doc, data) {
			b.issue(it, doc, w.unreadable)
			b.placeholder(doc, w.cannotRead, w.unreadable)
		}
	default:
		b.placeholder(doc, w.cannotPrint, "")
	}
	return nil
}

// readPaper reads a paper's clean copy for the merge, and checks that
// every page can be stamped.
func readPaper(data []byte) (ctx *model.Context, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdfcpu: %v", r)
		}
	}()
	if ctx, err = api.ReadAndValidate(bytes.NewReader(data), packConf()); err != nil {
		return nil, err
	}
	// Stamping a page decodes its content: a page whose content cannot be
	// decoded would stop the whole pack.
	for n := 1; n <= ctx.PageCount; n++ {
		d, _, _, err := ctx.PageDict(n, false)
		if err != nil {
			return nil, err
		}
		if _, err := ctx.PageContent(d, n); err != nil && !errors.Is(err, model.ErrNoContent) {
			return nil, fmt.Errorf("page %d: %w", n, err)
		}
	}
	return ctx, nil
}

// packConf is pdfcpu's configuration for packs: lenient reading, and no
// optimisation (slow, and our papers are clean copies already).
func packConf() *model.Configuration {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.Optimize = false
	conf.OptimizeBeforeWriting = false
	conf.Cmd = model.MERGECREATE
	return conf
}

// placeholder lays out the page that stands for a paper the pack cannot
// print: what it is, and why.
func (b *packBuilder) placeholder(doc *meeting.Document, headline, problem string) {
	w := b.w
	d := b.framePage()
	d.space(50)
	d.font("B", 16, black)
	d.pdf.MultiCell(0, 8, clean(doc.Title), "", "L", false)
	d.space(6)
	d.para(headline+".", "B", red)
	if problem != "" {
		d.para(fmt.Sprintf(w.reason, problem), "", black)
	}
	d.space(4)
	d.para(fmt.Sprintf(w.original, doc.FileName, cmp.Or(doc.MediaType, "?")), "I", grey)
	if doc.Reference != "" {
		d.para(fmt.Sprintf(w.paperRef, doc.Reference), "I", grey)
	}
}

// imagePage places an image on a page of its own, scaled to fit; it
// reports whether the image could be read. The examination let through
// only whole images of a sane size; should the PDF library still panic on
// one, the image is taken for unreadable.
func (b *packBuilder) imagePage(doc *meeting.Document, data []byte) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			ok = false
		}
	}()
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg" && format != "gif") || cfg.Width == 0 || cfg.Height == 0 {
		return false
	}
	d := b.framePage()
	name := fmt.Sprintf("paper-%d", doc.ID)
	info := d.pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: format}, bytes.NewReader(data))
	if d.pdf.Err() || info == nil {
		return false
	}
	d.para(fmt.Sprintf(b.w.imageOf, doc.Title), "B", black)
	d.space(2)
	pw, ph := d.pdf.GetPageSize()
	maxW, maxH := pw-pageLeft-pageRight, ph-d.pdf.GetY()-pageBottom-6
	scale := min(maxW/float64(cfg.Width), maxH/float64(cfg.Height))
	iw, ih := float64(cfg.Width)*scale, float64(cfg.Height)*scale
	d.pdf.ImageOptions(name, pageLeft+(maxW-iw)/2, d.pdf.GetY(), iw, ih, false, fpdf.ImageOptions{}, 0, "")
	return !d.pdf.Err()
}

// frontMatter lays out the cover, the agenda and the table of contents.
// The contents give pack page numbers, which depend on the front matter's
// own length: it is laid out until that length settles.
func (b *packBuilder) frontMatter() (pages, error) {
	length := 0
	for range 4 {
		f, err := b.layFront(length)
		if err != nil {
			return pages{}, err
		}
		if f.pages == length {
			return f, nil
		}
		length = f.pages
	}
	return pages{}, errors.New("the table of contents does not settle")
}

func (b *packBuilder) layFront(length int) (pages, error) {
	w := b.w
	d := newDoc(b.frameSpec())
	d.pdf.AddPage()
	b.cover(d)
	d.pdf.AddPage()
	agendaPage := d.pdf.PageCount()
	ad := &agendaDoc{meetingDoc: &meetingDoc{doc: d, r: b.r, m: b.m, o: b.o.Options}, packPages: map[int64]int{}}
	for _, e := range b.entries {
		if e.doc != 0 {
			ad.packPages[e.doc] = length + e.page
		}
	}
	ad.title(w.agenda, b.m.Title, ad.when())
	ad.appendDetails()
	ad.appendInvited()
	ad.appendItems()
	d.pdf.AddPage()
	contentsPage := d.pdf.PageCount()
	d.title(w.contents, b.m.Title, "")
	var rows [][]cell
	for _, e := range b.entries {
		style := "B"
		if e.level > 0 {
			style = ""
		}
		rows = append(rows, []cell{{indent: float64(e.level) * 6, parts: []part{{text: e.title, style: style}}},
			text(fmt.Sprint(length+e.page), style)})
	}
	if len(rows) == 0 {
		d.para(w.noPapers, "I", grey)
	} else {
		d.table(table{cols: []column{{head: w.item, width: 88}, {head: w.pageCol, width: 12, align: "R"}}, rules: true}, rows)
	}
	if b.o.Duplex && d.pdf.PageCount()%2 == 1 { // the sections start on a right-hand page
		blankPage(d)
	}
	var buf bytes.Buffer
	if err := d.write(&buf); err != nil {
		return pages{}, err
	}
	b.pack.bookmarks = b.bookmarks(length, agendaPage, contentsPage)
	return pages{pdf: buf.Bytes(), pages: d.pdf.PageCount()}, nil
}

// cover lays out the first page: the meeting, its date and place, and its
// classification.
func (b *packBuilder) cover(d *doc) {
	w, m := b.w, b.m
	d.space(45)
	d.font("", 14, grey)
	d.pdf.MultiCell(0, 8, clean(strings.ToUpper(w.pack)), "", "L", false)
	d.space(2)
	d.font("B", 24, black)
	d.pdf.MultiCell(0, 11, clean(m.Title), "", "L", false)
	d.space(4)
	_, detail := b.subject()
	d.font("", 13, black)
	d.pdf.MultiCell(0, 7, clean(detail), "", "L", false)
	if m.Place != "" {
		d.pdf.MultiCell(0, 7, clean(m.Place), "", "L", false)
	}
	if label := w.classifications[m.Classification]; label != "" {
		d.space(20)
		d.font("B", 16, red)
		d.pdf.MultiCell(0, 9, clean(strings.ToUpper(label)), "", "L", false)
	}
}

// bookmarks mirror the agenda: every item, with its papers under it.
func (b *packBuilder) bookmarks(length, agendaPage, contentsPage int) []pdfcpu.Bookmark {
	w := b.w
	marks := []pdfcpu.Bookmark{{Title: w.agenda, PageFrom: agendaPage}, {Title: w.contents, PageFrom: contentsPage}}
	// Bookmarks must not go back in the pack: an item without papers points
	// where the previous one did (or to the agenda, which lists it).
	last := contentsPage
	var items func(list []*meeting.AgendaItem) []pdfcpu.Bookmark
	items = func(list []*meeting.AgendaItem) []pdfcpu.Bookmark {
		var out []pdfcpu.Bookmark
		for _, it := range list {
			if p, ok := b.divided[it.ID]; ok {
				last = length + p
			}
			mark := pdfcpu.Bookmark{Title: clean(it.Number + ". " + it.Title), PageFrom: last}
			kids := b.paperMarks(it, length)
			if len(kids) > 0 {
				last = kids[len(kids)-1].PageFrom
			}
			mark.Kids = append(kids, items(it.Items)...)
			out = append(out, mark)
		}
		return out
	}
	marks = append(marks, items(b.r.Agenda)...)
	if kids := b.paperMarks(nil, length); len(kids) > 0 {
		marks = append(marks, pdfcpu.Bookmark{Title: w.otherPapers, PageFrom: kids[0].PageFrom, Kids: kids})
	}
	return marks
}

// paperMarks are the bookmarks of the papers of one section.
func (b *packBuilder) paperMarks(it *meeting.AgendaItem, length int) []pdfcpu.Bookmark {
	var marks []pdfcpu.Bookmark
	in := false
	for _, e := range b.entries {
		switch {
		case e.level == 0:
			in = e.item == it
		case in:
			marks = append(marks, pdfcpu.Bookmark{Title: clean(e.title), PageFrom: length + e.page})
		}
	}
	return marks
}

// merge puts the front matter and every part together into one PDF.
func (b *packBuilder) merge(front pages) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot merge the papers: %v", r)
		}
	}()
	parts := append([]pages{front}, b.parts...)
	conf := packConf()
	dest, err := api.ReadAndValidate(bytes.NewReader(parts[0].pdf), conf)
	if err != nil {
		return fmt.Errorf("cannot read the pack's first pages: %w", err)
	}
	dest.EnsureVersionForWriting()
	for i, p := range parts[1:] {
		src := p.ctx
		if src == nil {
			if src, err = api.ReadAndValidate(bytes.NewReader(p.pdf), conf); err != nil {
				return fmt.Errorf("cannot read part %d of the pack: %w", i+1, err)
			}
		}
		if err := pdfcpu.MergeXRefTables(fmt.Sprint(i+1), src, dest, false, false); err != nil {
			return fmt.Errorf("cannot merge part %d of the pack: %w", i+1, err)
		}
	}
	b.pack.Preflight.Pages = dest.PageCount
	b.parts = nil
	if b.o.Copies <= 1 {
		b.pack.ctx = dest // written once: stamped where it is
		return nil
	}
	var buf bytes.Buffer
	if err := api.WriteContext(dest, &buf); err != nil {
		return err
	}
	b.pack.merged = buf.Bytes()
	return nil
}

// Copy says whose a personal copy is: "Exemplaire de Claire Martin —
// n° 3/12" on every page. Its zero value is an ordinary copy.
type Copy struct {
	Holder string
	Number int
	Of     int
}

// Write writes the pack, every page stamped with its pack page number,
// the classification and, for a personal copy, its holder; encrypted with
// AES-256 when a password is given (userPassword to open it, ownerPassword
// to change it). A pack is written once, unless built for Copies.
func (p *Pack) Write(out io.Writer, c Copy, userPassword, ownerPassword string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot stamp the pack: %v", r)
		}
	}()
	ctx := p.ctx
	switch {
	case ctx != nil:
		p.ctx = nil
	case p.merged != nil:
		if ctx, err = api.ReadAndValidate(bytes.NewReader(p.merged), packConf()); err != nil {
			return err
		}
	default:
		return errors.New("this pack was built to be written once (PackOptions.Copies)")
	}
	dims, err := ctx.PageDims()
	if err != nil {
		return err
	}
	stamps, err := p.stamps(dims, c)
	if err != nil {
		return err
	}
	wm, err := api.PDFMultiWatermarkForReadSeeker(bytes.NewReader(stamps), 1, 1, "pos:bl, off:0 0, scalefactor:1 abs, rot:0", true, false, types.POINTS)
	if err != nil {
		return err
	}
	if err := pdfcpu.AddWatermarks(ctx, nil, wm); err != nil {
		return fmt.Errorf("cannot stamp the pages: %w", err)
	}
	if len(p.bookmarks) > 0 {
		if err := pdfcpu.AddBookmarks(ctx, p.bookmarks, true); err != nil {
			return fmt.Errorf("cannot add the bookmarks: %w", err)
		}
	}
	if userPassword != "" || ownerPassword != "" {
		// AES-256 is written as revision 6, the current one, for PDF 2.0.
		v := model.V20
		ctx.HeaderVersion, ctx.RootVersion = &v, nil
		ctx.Cmd = model.ENCRYPT
		ctx.UserPW, ctx.OwnerPW = userPassword, cmp.Or(ownerPassword, userPassword)
		ctx.EncryptUsingAES, ctx.EncryptKeyLength = true, 256
		ctx.Permissions = model.PermissionsPrint
	}
	return api.WriteContext(ctx, out)
}

// stamps lays out, for every page of the pack and at its size, what is
// stamped on it: the classification at the top; the pack, its reference
// and the copy's holder at the bottom; the page number.
func (p *Pack) stamps(dims []types.Dim, c Copy) ([]byte, error) {
	w := p.w
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: 595, Ht: 842}})
	d := &doc{pdf: pdf, spec: p.spec, w: w}
	registerFonts(pdf)
	pdf.SetCompression(false) // pdfcpu would inflate every stamp to place it
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(0)
	pdf.SetCreationDate(p.spec.created)
	pdf.SetModificationDate(p.spec.created)
	pdf.SetCatalogSort(true)
	classification := strings.ToUpper(w.classifications[p.spec.classification])
	left := w.pack + " — " + p.spec.reference
	if c.Holder != "" {
		left = fmt.Sprintf(w.copyOf, c.Holder, c.Number, c.Of) + " — " + p.spec.reference
	}
	for i, dim := range dims {
		// "P" keeps the width and height as given ("L" would swap them).
		pdf.AddPageFormat("P", fpdf.SizeType{Wd: dim.Width, Ht: dim.Height})
		margin := 28.0
		if classification != "" {
			d.font("B", 8, red)
			pdf.SetXY(0, 8)
			pdf.CellFormat(dim.Width, 10, clean(classification), "", 0, "C", false, 0, "")
		}
		d.font("", 7, grey)
		pdf.SetXY(margin, dim.Height-18)
		pdf.CellFormat(dim.Width*0.75-margin, 10, clean(left), "", 0, "L", false, 0, "")
		pdf.SetXY(dim.Width*0.75, dim.Height-18)
		pdf.CellFormat(dim.Width*0.25-margin, 10, fmt.Sprintf(w.page, i+1, fmt.Sprint(len(dims))), "", 0, "R", false, 0, "")
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
