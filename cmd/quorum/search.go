package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"quorum/meeting"
)

// searchHeadings are the headings of the groups of search results.
var searchHeadings = map[meeting.SearchKind]string{
	meeting.MeetingHit: "Meetings", meeting.ItemHit: "Agenda items", meeting.DecisionHit: "Decisions",
	meeting.ActionHit: "Actions", meeting.PersonHit: "People", meeting.PaperHit: "Papers",
}

// cmdSearch prints what the search finds, grouped by kind, each hit with
// the ids that open it.
func cmdSearch(ctx context.Context, db string, args []string, stdout io.Writer) error {
	fs := newFlags("search")
	fs.StringVar(&db, "db", db, "database file")
	limit := fs.Int("limit", 20, "hits of each kind")
	words, err := parse(fs, args)
	if err != nil {
		return err
	}
	text := strings.Join(words, " ")
	if strings.TrimSpace(text) == "" {
		return usagef("search: say what to look for")
	}
	return withStore(db, func(st *meeting.Store) error {
		hits, err := st.Search(ctx, text, *limit)
		if err != nil {
			return err
		}
		if len(hits) == 0 {
			fmt.Fprintf(stdout, "nothing found for %q\n", text)
			return nil
		}
		var kind meeting.SearchKind
		for _, h := range hits {
			if h.Kind != kind {
				if kind != "" {
					fmt.Fprintln(stdout)
				}
				kind = h.Kind
				fmt.Fprintf(stdout, "%s\n", searchHeadings[kind])
			}
			fmt.Fprintf(stdout, "  %s\n", searchLine(h))
			if h.Snippet != "" {
				fmt.Fprintf(stdout, "      %s\n", oneLine(h.Snippet))
			}
		}
		return nil
	})
}

// searchLine writes a hit on one line: its ids, title and where it lives.
func searchLine(h meeting.SearchHit) string {
	var ids string
	switch h.Kind {
	case meeting.MeetingHit:
		ids = fmt.Sprintf("meeting %d", h.MeetingID)
	case meeting.ItemHit:
		ids = fmt.Sprintf("meeting %d, item %d", h.MeetingID, h.ItemID)
	case meeting.DecisionHit:
		ids = fmt.Sprintf("meeting %d, item %d, decision %d", h.MeetingID, h.ItemID, h.DecisionID)
	case meeting.ActionHit:
		ids = fmt.Sprintf("action %d", h.ActionID)
	case meeting.PersonHit:
		ids = fmt.Sprintf("person %d", h.PersonID)
	case meeting.PaperHit:
		ids = fmt.Sprintf("meeting %d, paper %d", h.MeetingID, h.DocumentID)
	}
	line := fmt.Sprintf("[%s] %s", ids, oneLine(h.Title))
	var where []string
	if h.MeetingID != 0 && h.Kind != meeting.MeetingHit {
		where = append(where, oneLine(h.MeetingTitle))
	}
	if h.Reference != "" {
		where = append(where, h.Reference)
	}
	if !h.Starts.IsZero() {
		where = append(where, h.Starts.Format("2006-01-02"))
	}
	if h.Due != "" {
		where = append(where, "due "+string(h.Due))
	}
	if len(where) > 0 {
		line += " — " + strings.Join(where, ", ")
	}
	return line
}
