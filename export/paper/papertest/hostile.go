package papertest

// Hostile papers, made on the fly so that no binary joins the repository.

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math/big"
)

// PDFFile assembles a PDF whose objects 1, 2 … are the given bodies, with
// a correct cross-reference table; object 1 must be the catalog.
func PDFFile(objects ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objects))
	for i, body := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, body)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// stream is the body of a stream object.
func Stream(dict string, data []byte) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// OnePage is a catalog and a page tree with one page whose content and
// resources are objects 4 and 5.
var OnePage = []string{
	"<< /Type /Catalog /Pages 2 0 R >>",
	"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
	"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources 5 0 R >>",
}

// FlateBombPDF is a PDF of a few kilobytes whose page content inflates to
// size bytes of spaces, through two Flate filters: the inner layer is a
// hand-made Deflate stream that repeats "copy 258 bytes from 1 byte back",
// the outer one compresses that very regular stream.
func FlateBombPDF(size int64) []byte {
	inner := spaces(size)
	var outer bytes.Buffer
	w, _ := zlib.NewWriterLevel(&outer, zlib.BestCompression)
	w.Write(inner)
	w.Close()
	return PDFFile(append(OnePage,
		Stream("/Filter [/FlateDecode /FlateDecode]", outer.Bytes()),
		"<< >>")...)
}

// spaces returns a zlib stream that inflates to n spaces (n > 1): one
// literal, then matches of 258 bytes at distance 1, in one block of fixed
// Huffman codes.
func spaces(n int64) []byte {
	var bw bitWriter
	bw.buf = append(bw.buf, 0x78, 0x01) // zlib header: deflate, 32 KB window
	bw.bits(1, 1)                       // last block
	bw.bits(1, 2)                       // fixed Huffman codes
	bw.huffman(0x30+' ', 8)             // literal ' ' (codes 0x30 + 0–143)
	left := n - 1
	for left >= 3 {
		length := min(left, 258)
		bw.length(int(length))
		bw.bits(0, 5) // distance code 0: distance 1
		left -= length
	}
	for ; left > 0; left-- {
		bw.huffman(0x30+' ', 8)
	}
	bw.huffman(0, 7) // end of block: code 256 is 7 zero bits
	bw.flush()
	a, b := adler32OfSpaces(n)
	return append(bw.buf, byte(b>>8), byte(b), byte(a>>8), byte(a))
}

// adler32OfSpaces computes the Adler-32 sums of n spaces in closed form:
// A = 1 + 32n and B = n + 32·n(n+1)/2, modulo 65521.
func adler32OfSpaces(n int64) (a, b uint64) {
	const mod = 65521
	N := big.NewInt(n)
	A := new(big.Int).Add(big.NewInt(1), new(big.Int).Mul(big.NewInt(' '), N))
	B := new(big.Int).Mul(N, new(big.Int).Add(N, big.NewInt(1)))
	B.Mul(B.Div(B, big.NewInt(2)), big.NewInt(' ')).Add(B, N)
	return A.Mod(A, big.NewInt(mod)).Uint64(), B.Mod(B, big.NewInt(mod)).Uint64()
}

// bitWriter writes Deflate's bit stream: values least significant bit
// first, Huffman codes most significant bit first.
type bitWriter struct {
	buf   []byte
	acc   uint64
	nbits uint
}

func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= v << w.nbits
	w.nbits += n
	for w.nbits >= 8 {
		w.buf = append(w.buf, byte(w.acc))
		w.acc >>= 8
		w.nbits -= 8
	}
}

func (w *bitWriter) huffman(code uint64, n uint) {
	var rev uint64
	for i := uint(0); i < n; i++ {
		rev = rev<<1 | code>>i&1
	}
	w.bits(rev, n)
}

// length writes a match length (3–258) with the fixed code of its symbol
// and the symbol's extra bits.
func (w *bitWriter) length(n int) {
	if n == 258 {
		w.huffman(0xc5, 8) // symbol 285: codes 280–287 are 0xc0 + 0–7
		return
	}
	// Symbols 257–284: base lengths and extra bits.
	base := []int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
		35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227}
	i := len(base) - 1
	for base[i] > n {
		i--
	}
	extra := uint(0)
	if i >= 8 {
		extra = uint(i-4) / 4
	}
	symbol := 257 + i
	if symbol < 280 {
		w.huffman(uint64(symbol-256), 7) // symbols 256–279 are 7-bit codes 0–23
	} else {
		w.huffman(uint64(0xc0+symbol-280), 8)
	}
	w.bits(uint64(n-base[i]), extra)
}

func (w *bitWriter) flush() {
	if w.nbits > 0 {
		w.buf = append(w.buf, byte(w.acc))
	}
	w.acc, w.nbits = 0, 0
}

// PageLoopPDF has a page tree whose node lists itself among its kids.
func PageLoopPDF() []byte {
	return PDFFile(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
	)
}

// SelfDrawingFormPDF has a page that draws a form XObject that draws itself.
func SelfDrawingFormPDF() []byte {
	return PDFFile(append(OnePage,
		Stream("", []byte("/X Do")),
		"<< /XObject << /X 6 0 R >> >>",
		Stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources 5 0 R",
			[]byte("0.5 0 0 0.5 0 0 cm /X Do")))...)
}

// FormFanOutPDF has a page that draws form 1, which draws form 2 twice,
// which draws form 3 twice … down to form depth: 2^depth drawings without
// a loop, a "billion laughs" of forms.
func FormFanOutPDF(depth int) []byte {
	objects := append([]string{}, OnePage...)
	objects = append(objects, Stream("", []byte("/F Do")), "<< /XObject << /F 6 0 R >> >>")
	for i := 1; i <= depth; i++ {
		self := 5 + 2*i - 1 // form i is object 6, 8, 10 …; its resources follow it
		content, resources := "0 0 m 1 1 l S /F Do /F Do", fmt.Sprintf("<< /XObject << /F %d 0 R >> >>", self+2)
		if i == depth {
			content, resources = "0 0 m 1 1 l S", "<< >>"
		}
		objects = append(objects,
			Stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources %d 0 R", self+1), []byte(content)),
			resources)
	}
	return PDFFile(objects...)
}

// InflateBombPNG is a PNG of w × h RGBA pixels whose pixel data, a few
// kilobytes, inflates to size bytes whatever its header says.
func InflateBombPNG(w, h uint32, size int64) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 6, 0, 0, 0) // 8 bits RGBA, not interlaced
	png := []byte("\x89PNG\r\n\x1a\n")
	png = PNGChunk(png, "IHDR", ihdr)
	png = PNGChunk(png, "IDAT", spaces(size))
	return PNGChunk(png, "IEND", nil)
}

// PNGChunk appends a chunk of PNG, with its length and checksum, to png.
func PNGChunk(png []byte, kind string, data []byte) []byte {
	png = binary.BigEndian.AppendUint32(png, uint32(len(data)))
	start := len(png)
	png = append(append(png, kind...), data...)
	return binary.BigEndian.AppendUint32(png, crc32.ChecksumIEEE(png[start:]))
}
