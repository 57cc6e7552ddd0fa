package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"quorum/export"
	"quorum/meeting"
)

// packFlags are the choices `quorum export pack` takes.
type packFlags struct {
	duplex        bool
	copiesFor     string // "all" or attendee IDs "3,7"
	password      string
	ownerPassword string
}

// writePack builds a meeting's briefing pack and writes it to out, or one
// personal copy per chosen attendee beside it; the preflight report goes
// to stderr.
func writePack(ctx context.Context, st *meeting.Store, id int64, out string, o export.Options, pf packFlags, stdout, stderr io.Writer) error {
	if err := export.ExaminePapers(ctx, st); err != nil {
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
	names := make([]string, len(holders))
	for i, a := range holders {
		names[i] = a.Person.Name
	}
	return p.WriteFiles(out, names, pf.password, pf.ownerPassword, func(path string) {
		fmt.Fprintf(stdout, "wrote %s (%d pages, %d papers)\n", path, p.Preflight.Pages, p.Preflight.Papers)
	})
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
