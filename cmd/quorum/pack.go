package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"quorum/export"
	"quorum/export/paper"
	"quorum/meeting"
)

// packFlags are the choices `quorum export pack` takes.
type packFlags struct {
	duplex        bool
	copiesFor     string // "all" or attendee IDs "3,7"
	password      string
	ownerPassword string
}

// examinePapers examines, once, every paper whose content has not been
// examined yet, and keeps what was learnt.
func examinePapers(ctx context.Context, st *meeting.Store) error {
	todo, err := st.PapersToExamine(ctx)
	if err != nil || len(todo) == 0 {
		return err
	}
	cache := ""
	if dir, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(dir, "Quorum", "pdfium")
	}
	ex, err := paper.NewExaminer(cache, paper.Limits{})
	if err != nil {
		return err
	}
	defer ex.Close()
	for _, doc := range todo {
		data, err := st.DocumentData(ctx, doc.ID)
		if err != nil {
			return err
		}
		rep := ex.Examine(ctx, data)
		if !rep.Examined() {
			return meeting.Errorf(meeting.EINTERNAL, "%s could not be examined: %s", doc.FileName, rep.Problem)
		}
		err = st.RecordExamination(ctx, doc.SHA256, meeting.Examination{Kind: meeting.PaperKind(rep.Kind),
			Pages: rep.Pages, Problem: rep.Problem, Print: rep.Print})
		if err != nil {
			return err
		}
	}
	return nil
}

// writePack builds a meeting's briefing pack and writes it to out, or one
// personal copy per chosen attendee beside it; the preflight report goes
// to stderr.
func writePack(ctx context.Context, st *meeting.Store, id int64, out string, o export.Options, pf packFlags, stdout, stderr io.Writer) error {
	if err := examinePapers(ctx, st); err != nil {
		return err
	}
	r, err := st.Record(ctx, id)
	if err != nil {
		return err
	}
	holders, err := copyHolders(r, pf.copiesFor)
	if err != nil {
		return err
	}
	data := func(d *meeting.Document) ([]byte, error) { return st.PrintData(ctx, d.ID) }
	p, err := export.BuildPack(r, data, export.PackOptions{Options: o, Duplex: pf.duplex, Copies: len(holders)})
	if err != nil {
		return err
	}
	for _, is := range p.Preflight.Issues {
		fmt.Fprintf(stderr, "warning: %s\n", is)
	}
	write := func(path string, c export.Copy) error {
		err := export.WriteFile(path, func(w io.Writer) error { return p.Write(w, c, pf.password, pf.ownerPassword) })
		if err == nil {
			fmt.Fprintf(stdout, "wrote %s (%d pages, %d papers)\n", path, p.Preflight.Pages, p.Preflight.Papers)
		}
		return err
	}
	if len(holders) == 0 {
		return write(out, export.Copy{})
	}
	ext := filepath.Ext(out)
	for i, a := range holders {
		path := fmt.Sprintf("%s-%02d-%s%s", strings.TrimSuffix(out, ext), i+1, meeting.SafeFileName(a.Person.Name), ext)
		if err := write(path, export.Copy{Holder: a.Person.Name, Number: i + 1, Of: len(holders)}); err != nil {
			return err
		}
	}
	return nil
}

// copyHolders returns the attendees who get a personal copy: all of them,
// or those whose attendee IDs are listed.
func copyHolders(r *meeting.Record, list string) ([]*meeting.Attendee, error) {
	if list == "" {
		return nil, nil
	}
	if list == "all" {
		if len(r.Attendees) == 0 {
			return nil, meeting.Errorf(meeting.EINVALID, "this meeting has no attendees to make copies for")
		}
		return r.Attendees, nil
	}
	var holders []*meeting.Attendee
	for _, f := range strings.Split(list, ",") {
		id, err := strconv.ParseInt(strings.TrimSpace(f), 10, 64)
		if err != nil {
			return nil, usagef("export pack: --copies-for takes all or attendee IDs separated by commas, not %q", f)
		}
		found := false
		for _, a := range r.Attendees {
			if a.ID == id || a.PersonID == id {
				if !slices.Contains(holders, a) { // one copy per person
					holders = append(holders, a)
				}
				found = true
				break
			}
		}
		if !found {
			return nil, meeting.Errorf(meeting.ENOTFOUND, "nobody with the ID %d attends this meeting", id)
		}
	}
	return holders, nil
}
