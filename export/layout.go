package export

import (
	"bytes"
	"cmp"
	"fmt"
	"image"
	"io"
	"strings"
	"time"
	"unicode"

	"codeberg.org/go-pdf/fpdf"

	"quorum/assets/fonts"
	"quorum/meeting"
)

// Page geometry, in millimetres, and type sizes, in points.
const (
	pageLeft   = 20.0
	pageRight  = 20.0
	pageTop    = 30.0
	pageBottom = 20.0
	lineHeight = 5.0
	cellPad    = 1.6
	bodySize   = 10.0
	smallSize  = 8.0
	family     = "Liberation Sans"
)

// The colours documents use: black text, grey for what is secondary, red
// for what is wrong or overdue; amber and blue mark actions due soon and
// actions finished (RAG).
var (
	grey  = [3]int{100, 100, 100}
	red   = [3]int{178, 34, 34}
	black = [3]int{0, 0, 0}
	amber = [3]int{184, 105, 0}
	blue  = [3]int{31, 78, 160}
)

// docSpec says what goes around a document's content on every page.
type docSpec struct {
	words          *words
	title          string // the document's name: "Ordre du jour"
	reference      string
	organisation   string
	logo           []byte // PNG or JPEG
	headerRight    string // the meeting and its date
	classification meeting.Classification
	watermark      bool      // a diagonal DRAFT on every page
	noFooter       bool      // no page numbers (a pack's pages get them stamped)
	created        time.Time // the PDF's creation date
}

// doc is one printed document: A4 portrait in Liberation Sans with
// Quorum's header and footer, built from the few blocks documents are made
// of (heading, paragraph, key–value block, table). Each document's code
// then reads like its outline.
type doc struct {
	pdf     *fpdf.Fpdf
	spec    docSpec
	w       *words
	pending string // a heading waiting to be printed with what follows it
}

func newDoc(spec docSpec) *doc {
	pdf := fpdf.New("P", "mm", "A4", "")
	d := &doc{pdf: pdf, spec: spec, w: spec.words}
	registerFonts(pdf)
	pdf.SetMargins(pageLeft, pageTop, pageRight)
	pdf.SetCellMargin(0) // tables pad their cells themselves
	pdf.SetAutoPageBreak(true, pageBottom+4)
	pdf.AliasNbPages("{nb}")
	pdf.SetTitle(clean(spec.title), true)
	pdf.SetAuthor(clean(spec.organisation), true)
	pdf.SetCreator("Quorum", true)
	pdf.SetLang(map[string]string{"fr": "fr-FR", "en": "en-GB"}[spec.words.lang])
	created := spec.created
	if created.IsZero() {
		created = time.Now()
	}
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetCatalogSort(true)
	if len(spec.logo) > 0 {
		if _, format, err := image.DecodeConfig(bytes.NewReader(spec.logo)); err == nil {
			pdf.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: format, ReadDpi: false}, bytes.NewReader(spec.logo))
		}
	}
	pdf.SetHeaderFuncMode(d.header, true)
	if !spec.noFooter {
		pdf.SetFooterFunc(d.footer)
	}
	return d
}

// registerFonts gives a PDF the four styles of Liberation Sans.
func registerFonts(pdf *fpdf.Fpdf) {
	pdf.AddUTF8FontFromBytes(family, "", fonts.Regular)
	pdf.AddUTF8FontFromBytes(family, "B", fonts.Bold)
	pdf.AddUTF8FontFromBytes(family, "I", fonts.Italic)
	pdf.AddUTF8FontFromBytes(family, "BI", fonts.BoldItalic)
}

// clean makes text printable: fpdf cannot draw characters outside the
// Basic Multilingual Plane (emoji) and control characters mean nothing on
// paper.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case r > 0xFFFF || r == unicode.ReplacementChar:
			return '?'
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

func (d *doc) font(style string, size float64, colour [3]int) {
	d.pdf.SetFont(family, style, size)
	d.pdf.SetTextColor(colour[0], colour[1], colour[2])
}

func (d *doc) width() float64 {
	w, _ := d.pdf.GetPageSize()
	return w - pageLeft - pageRight
}

// header draws the top of every page: the watermark under everything,
// then the classification, the organisation and its logo, the meeting.
func (d *doc) header() {
	pdf := d.pdf
	pw, ph := pdf.GetPageSize()
	if d.spec.watermark {
		d.font("B", 110, [3]int{232, 232, 232})
		text := d.w.watermark
		tw := pdf.GetStringWidth(text)
		pdf.TransformBegin()
		pdf.TransformRotate(55, pw/2, ph/2)
		pdf.Text(pw/2-tw/2, ph/2+12, text)
		pdf.TransformEnd()
	}
	if label := d.w.classifications[d.spec.classification]; label != "" {
		d.font("B", 9, red)
		pdf.SetXY(pageLeft, 6)
		pdf.CellFormat(d.width(), 5, strings.ToUpper(label), "", 0, "C", false, 0, "")
	}
	x := pageLeft
	if pdf.GetImageInfo("logo") != nil {
		info := pdf.GetImageInfo("logo")
		h := 12.0
		w := min(h*info.Width()/info.Height(), 40)
		pdf.ImageOptions("logo", pageLeft, 11, w, 0, false, fpdf.ImageOptions{}, 0, "")
		x += w + 4
	}
	d.font("B", 10, black)
	pdf.SetXY(x, 12)
	half := (pageLeft + d.width() - x) / 2
	pdf.MultiCell(half, 4.5, clean(d.spec.organisation), "", "L", false)
	d.font("", smallSize, grey)
	pdf.SetXY(pw-pageRight-half, 12)
	// The meeting's title on two lines at most, then its date.
	title, date, _ := strings.Cut(d.spec.headerRight, "\n")
	pdf.MultiCell(half, 4, strings.Join(append(d.fit(title, half, 2), clean(date)), "\n"), "", "R", false)
	pdf.SetDrawColor(180, 180, 180)
	pdf.Line(pageLeft, 25, pw-pageRight, 25)
	pdf.SetXY(pageLeft, pageTop)
	d.font("", bodySize, black)
}

// fit wraps a line of text to width in the current font, keeping at most
// n lines; a longer text ends with an ellipsis.
func (d *doc) fit(text string, width float64, n int) []string {
	lines := d.pdf.SplitText(clean(text), width)
	if len(lines) > n {
		lines = lines[:n]
		last := []rune(lines[n-1])
		for len(last) > 0 && d.pdf.GetStringWidth(string(last)+"…") > width {
			last = last[:len(last)-1]
		}
		lines[n-1] = string(last) + "…"
	}
	return lines
}

// footer draws the document's name and reference, and "Page N of M".
func (d *doc) footer() {
	pdf := d.pdf
	pw, ph := pdf.GetPageSize()
	pdf.SetDrawColor(180, 180, 180)
	pdf.Line(pageLeft, ph-pageBottom+2, pw-pageRight, ph-pageBottom+2)
	d.font("", smallSize, grey)
	pdf.SetXY(pageLeft, ph-pageBottom+3)
	left := d.spec.title
	if d.spec.reference != "" {
		left += " — " + d.spec.reference
	}
	pdf.CellFormat(d.width()*0.7, 5, clean(left), "", 0, "L", false, 0, "")
	pdf.CellFormat(d.width()*0.3, 5, fmt.Sprintf(d.w.page, pdf.PageNo(), "{nb}"), "", 0, "R", false, 0, "")
}

// space leaves h millimetres of vertical space.
func (d *doc) space(h float64) { d.pdf.Ln(h) }

// room starts a new page unless h millimetres fit on this one.
func (d *doc) room(h float64) {
	_, ph := d.pdf.GetPageSize()
	if d.pdf.GetY()+h > ph-pageBottom-4 {
		d.pdf.AddPage()
	}
}

// title prints the document's name and the meeting's, at the top of the
// first page.
func (d *doc) title(name, subject, detail string) {
	d.font("", 11, grey)
	d.pdf.MultiCell(0, 6, clean(strings.ToUpper(name)), "", "L", false)
	d.font("B", 17, black)
	d.pdf.MultiCell(0, 8, clean(subject), "", "L", false)
	if detail != "" {
		d.font("", 11, black)
		d.pdf.MultiCell(0, 6, clean(detail), "", "L", false)
	}
	d.space(4)
}

// heading prints a section heading, kept with the lines that follow it.
func (d *doc) heading(text string) {
	d.flushHeading(0)
	d.pending = text
}

// flushHeading prints the pending heading, on a new page unless it fits
// there with the need millimetres of what follows it.
func (d *doc) flushHeading(need float64) {
	if d.pending == "" {
		d.room(need)
		return
	}
	d.room(need + 11)
	d.space(3)
	d.font("B", 12, black)
	d.pdf.MultiCell(0, 6.5, clean(d.pending), "", "L", false)
	d.space(1)
	d.pending = ""
}

// para prints a paragraph; style is "", "B", "I" or "BI".
func (d *doc) para(text, style string, colour [3]int) {
	if strings.TrimSpace(text) == "" {
		return
	}
	d.flushHeading(2 * lineHeight)
	d.font(style, bodySize, colour)
	d.pdf.MultiCell(0, lineHeight, clean(text), "", "L", false)
}

// cell is one cell of a table: paragraphs, each in its own style, one
// under the other.
type cell struct {
	parts  []part
	indent float64 // millimetres, for sub-items
}

// part is one paragraph of a cell.
type part struct {
	text   string
	style  string // "", "B", "I", "BI"
	colour [3]int
	size   float64 // points; 0: body size
}

// text returns a cell of one paragraph in style.
func text(s, style string) cell { return cell{parts: []part{{text: s, style: style}}} }

// plain returns cells of body text.
func plain(texts ...string) []cell {
	cells := make([]cell, len(texts))
	for i, t := range texts {
		cells[i] = text(t, "")
	}
	return cells
}

// line is one printed line of a cell, with its paragraph's style.
type line struct {
	text string
	*part
}

// column is one column of a table; width is a share of the page's width.
type column struct {
	head  string
	width float64
	align string // "L", "C", "R"
}

// table prints rows under a header row that is repeated on every page.
// Cells wrap; a row taller than the space left goes to the next page, and
// a row taller than a page is split between pages. minHeight gives every
// row a height (a box to sign in); borders draws the grid.
type table struct {
	cols      []column
	minHeight float64
	borders   bool
	noHeader  bool
	rules     bool // a thin line under each row
}

func (d *doc) table(t table, rows [][]cell) {
	widths := make([]float64, len(t.cols))
	total := 0.0
	for _, c := range t.cols {
		total += c.width
	}
	for i, c := range t.cols {
		widths[i] = d.width() * c.width / total
	}
	if !t.noHeader {
		// Keep the header with the first row (or as much of it as a page holds).
		first := 0.0
		if len(rows) > 0 {
			_, n := d.measure(widths, rows[0])
			first = min(max(float64(n)*lineHeight+2*cellPad, t.minHeight), 60)
		}
		d.flushHeading(lineHeight + 2*cellPad + first)
		d.tableHeader(t, widths)
	} else {
		d.flushHeading(2 * lineHeight)
	}
	for _, row := range rows {
		if d.pdf.Err() {
			return
		}
		d.tableRow(t, widths, row)
	}
}

func (d *doc) tableHeader(t table, widths []float64) {
	d.font("B", smallSize+1, black)
	d.pdf.SetFillColor(235, 235, 235)
	d.pdf.SetDrawColor(170, 170, 170)
	x := pageLeft
	y := d.pdf.GetY()
	for i, c := range t.cols {
		d.pdf.Rect(x, y, widths[i], lineHeight+2*cellPad, "FD")
		d.pdf.SetXY(x+cellPad, y)
		d.pdf.CellFormat(widths[i]-2*cellPad, lineHeight+2*cellPad, clean(c.head), "", 0, cmp.Or(c.align, "L"), false, 0, "")
		x += widths[i]
	}
	d.pdf.SetXY(pageLeft, y+lineHeight+2*cellPad)
}

// measure wraps a row's cells to their columns' widths: the lines of
// each cell, and how many lines the row has.
func (d *doc) measure(widths []float64, row []cell) ([][]line, int) {
	lines := make([][]line, len(widths))
	n := 1
	for i := range min(len(row), len(widths)) {
		c := row[i]
		for j := range c.parts {
			p := &c.parts[j]
			d.font(p.style, p.fontSize(), p.colour)
			for _, para := range strings.Split(clean(p.text), "\n") {
				if para == "" {
					lines[i] = append(lines[i], line{"", p})
					continue
				}
				for _, l := range d.pdf.SplitText(para, widths[i]-2*cellPad-c.indent) {
					lines[i] = append(lines[i], line{l, p})
				}
			}
		}
		n = max(n, len(lines[i]))
	}
	return lines, n
}

// tableRow prints one row, over as many pages as it needs.
func (d *doc) tableRow(t table, widths []float64, row []cell) {
	pdf := d.pdf
	lines, n := d.measure(widths, row)
	_, ph := pdf.GetPageSize()
	bottom := ph - pageBottom - 4
	whole := max(float64(n)*lineHeight+2*cellPad, t.minHeight)
	usable := bottom - pageTop - 3*lineHeight
	for start := 0; start < n; {
		avail := bottom - pdf.GetY()
		fits := int((avail - 2*cellPad) / lineHeight)
		if fits < 1 || (start == 0 && whole > avail && whole <= usable) {
			pdf.AddPage()
			if !t.noHeader {
				d.tableHeader(t, widths)
			}
			continue
		}
		k := min(n-start, fits)
		h := float64(k)*lineHeight + 2*cellPad
		if start == 0 && k == n {
			h = whole
		}
		y := pdf.GetY()
		x := pageLeft
		for i := range widths {
			if t.borders {
				pdf.SetDrawColor(170, 170, 170)
				pdf.Rect(x, y, widths[i], h, "D")
			}
			indent := 0.0
			if i < len(row) {
				indent = row[i].indent
			}
			for j := start; j < start+k && j < len(lines[i]); j++ {
				l := lines[i][j]
				d.font(l.style, l.fontSize(), l.colour)
				pdf.SetXY(x+cellPad+indent, y+cellPad+float64(j-start)*lineHeight)
				pdf.CellFormat(widths[i]-2*cellPad-indent, lineHeight, l.text, "", 0, cmp.Or(t.cols[i].align, "L"), false, 0, "")
			}
			x += widths[i]
		}
		if t.rules {
			pdf.SetDrawColor(200, 200, 200)
			pdf.Line(pageLeft, y+h, pageLeft+d.width(), y+h)
		}
		pdf.SetXY(pageLeft, y+h)
		start += k
	}
}

func (p *part) fontSize() float64 { return cmp.Or(p.size, bodySize) }

// keyValues prints labelled values, one per line; empty values are left out.
func (d *doc) keyValues(pairs [][2]string) {
	var rows [][]cell
	for _, p := range pairs {
		if strings.TrimSpace(p[1]) != "" {
			rows = append(rows, []cell{text(p[0], "B"), text(p[1], "")})
		}
	}
	d.table(table{cols: []column{{width: 30}, {width: 70}}, noHeader: true}, rows)
}

// control prints the document-control block: reference, version, status,
// prepared by.
func (d *doc) control(version, status, preparedBy string) {
	w := d.w
	d.space(2)
	d.table(table{cols: []column{{head: w.reference, width: 1}, {head: w.version, width: 1}, {head: w.status, width: 1},
		{head: w.preparedBy, width: 1}}, borders: true},
		[][]cell{plain(d.spec.reference, version, status, cmp.Or(preparedBy, "—"))})
	d.space(2)
}

// write finishes the document into w.
func (d *doc) write(w io.Writer) error {
	d.flushHeading(0)
	if d.pdf.Err() {
		return fmt.Errorf("cannot lay out the document: %w", d.pdf.Error())
	}
	return d.pdf.Output(w)
}
