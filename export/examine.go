package export

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"quorum/export/paper"
	"quorum/meeting"
)

// ExaminationStore is what examining one paper needs of the store.
type ExaminationStore interface {
	DocumentData(ctx context.Context, id int64) ([]byte, error)
	RecordExamination(ctx context.Context, sha string, e meeting.Examination) error
}

// PaperStore is what examining papers needs of the store.
type PaperStore interface {
	ExaminationStore
	PapersToExamine(ctx context.Context) ([]*meeting.Document, error)
}

// NewExaminer starts PDFium to examine papers, its compiled code kept in
// the user's cache folder so that later starts take a tenth of a second.
func NewExaminer() (*paper.Examiner, error) {
	cache := ""
	if dir, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(dir, "Quorum", "pdfium")
	}
	return paper.NewExaminer(cache, paper.Limits{})
}

// ExamineDocument examines the content of doc with ex and, when it could
// be examined, keeps what was learnt. The error is the store's or the
// context's; a paper that cannot be examined says why in the report.
func ExamineDocument(ctx context.Context, st ExaminationStore, ex *paper.Examiner, doc *meeting.Document) (paper.Report, error) {
	data, err := st.DocumentData(ctx, doc.ID)
	if err != nil {
		return paper.Report{}, err
	}
	rep := ex.Examine(ctx, data)
	if err := ctx.Err(); err != nil || !rep.Examined() {
		return rep, err
	}
	return rep, st.RecordExamination(ctx, doc.SHA256, meeting.Examination{Kind: meeting.PaperKind(rep.Kind),
		Pages: rep.Pages, Problem: rep.Problem, Print: rep.Print})
}

// ExaminePapers examines, once, every paper whose content has not been
// examined yet, and keeps what was learnt. A pack needs it first: a paper
// not examined is not printed.
func ExaminePapers(ctx context.Context, st PaperStore) error {
	todo, err := st.PapersToExamine(ctx)
	if err != nil || len(todo) == 0 {
		return err
	}
	ex, err := NewExaminer()
	if err != nil {
		return err
	}
	defer ex.Close()
	for _, doc := range todo {
		rep, err := ExamineDocument(ctx, st, ex, doc)
		if err != nil {
			return err
		}
		if !rep.Examined() {
			return meeting.Errorf(meeting.EINTERNAL, "%s could not be examined: %s", doc.FileName, rep.Problem)
		}
	}
	return nil
}

// CopyPath is where the personal copy number n (from 1) of a pack
// written to out goes: beside it, named after its holder
// (« dossier-03-Claire Martin.pdf »).
func CopyPath(out string, n int, holder string) string {
	ext := filepath.Ext(out)
	return fmt.Sprintf("%s-%02d-%s%s", strings.TrimSuffix(out, ext), n, meeting.SafeFileName(holder), ext)
}

// WriteFiles writes the pack to out with WriteFile, or, given holders,
// one personal copy for each of them beside out (see CopyPath; the pack
// must have been built for that many Copies). wrote, when set, is told
// each file written.
func (p *Pack) WriteFiles(out string, holders []string, userPassword, ownerPassword string, wrote func(path string)) error {
	write := func(path string, c Copy) error {
		err := WriteFile(path, func(w io.Writer) error { return p.Write(w, c, userPassword, ownerPassword) })
		if err == nil && wrote != nil {
			wrote(path)
		}
		return err
	}
	if len(holders) == 0 {
		return write(out, Copy{})
	}
	for i, h := range holders {
		if err := write(CopyPath(out, i+1, h), Copy{Holder: h, Number: i + 1, Of: len(holders)}); err != nil {
			return err
		}
	}
	return nil
}
