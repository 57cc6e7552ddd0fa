package meeting

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// SearchKind is the kind of record a search hit is.
type SearchKind string

// The kinds of search hit, in the order results are grouped.
const (
	MeetingHit  SearchKind = "meeting"
	ItemHit     SearchKind = "item"
	DecisionHit SearchKind = "decision"
	ActionHit   SearchKind = "action"
	PersonHit   SearchKind = "person"
	PaperHit    SearchKind = "paper"
)

// SearchKinds lists the kinds of hit in the order results come; the
// index keeps kind i's records at rowids (i+1) * 2^40 + id.
var SearchKinds = []SearchKind{MeetingHit, ItemHit, DecisionHit, ActionHit, PersonHit, PaperHit}

const kindShift = 40

// SearchHit is one record that matches a search, with the ids that open
// it where it lives: a meeting; an item (or the item of a decision) in its
// meeting; an action; a person; a paper of a meeting.
type SearchHit struct {
	Kind         SearchKind
	MeetingID    int64 // the meeting it belongs to; 0 for people and actions from no meeting
	ItemID       int64 // the item (for items, decisions, papers attached to an item)
	DecisionID   int64
	ActionID     int64
	PersonID     int64
	DocumentID   int64
	Title        string    // the record's own title (a decision's text, a person's name)
	Snippet      string    // the matching text, cut around the words found
	MeetingTitle string    // the meeting's title, for context
	Reference    string    // "CODIR-12" for a meeting of a series; "" otherwise
	Starts       time.Time // when its meeting starts; zero for people and actions from no meeting
	Due          Date      // an action's due day
}

// MaxSearch bounds the hits of each kind a search returns.
const MaxSearch = 200

// Search finds the records whose words start with those typed (all of
// them; the last one may be incomplete, as the user types), ignoring case
// and accents: "reunion" finds « Réunion » and "Réunion" finds "reunion".
// It returns at most limit hits of each kind (1 … MaxSearch), grouped by
// kind in the order of SearchKinds; within a kind, the records whose title
// matches come first, then those where only the text does, the most
// recent first in each. Any text is safe: quotes, stars, dashes or AND/OR
// are words or separators, never query syntax.
func (s *Store) Search(ctx context.Context, text string, limit int) ([]SearchHit, error) {
	c := checker{}
	c.line("text", text, false)
	c.rangeInt("limit", limit, 1, MaxSearch)
	if c.err != nil {
		return nil, c.err
	}
	query := matchQuery(text)
	if query == "" {
		return nil, nil
	}
	var hits []SearchHit
	err := s.read(ctx, func(tx *sql.Tx) error {
		for i, kind := range SearchKinds {
			found, err := searchKind(ctx, tx, kind, int64(i+1), query, limit)
			if err != nil {
				return err
			}
			hits = append(hits, found...)
		}
		return placeHits(ctx, tx, hits)
	})
	return hits, err
}

// searchKind finds at most limit records of one kind: those whose title
// matches first (their snippet is their body's start), then the others.
func searchKind(ctx context.Context, tx *sql.Tx, kind SearchKind, code int64, query string, limit int) ([]SearchHit, error) {
	var hits []SearchHit
	seen := map[int64]bool{}
	for _, q := range []string{
		`SELECT rowid, title, '' FROM search_titles WHERE search_titles MATCH ?`,
		`SELECT rowid, title, snippet(search_index, 1, '', '', '…', 12) FROM search_index WHERE search_index MATCH ?`,
	} {
		rows, err := tx.QueryContext(ctx, q+` AND rowid >= ? AND rowid < ? ORDER BY rowid DESC LIMIT ?`,
			query, code<<kindShift, (code+1)<<kindShift, limit+len(hits))
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var rowid int64
			h := SearchHit{Kind: kind}
			if err := rows.Scan(&rowid, &h.Title, &h.Snippet); err != nil {
				rows.Close()
				return nil, err
			}
			if !seen[rowid] && len(hits) < limit {
				seen[rowid] = true
				h.setID(rowid - code<<kindShift)
				hits = append(hits, h)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil || len(hits) == limit {
			return hits, err
		}
	}
	return hits, nil
}

// setID sets the id of the record the hit is.
func (h *SearchHit) setID(id int64) {
	switch h.Kind {
	case MeetingHit:
		h.MeetingID = id
	case ItemHit:
		h.ItemID = id
	case DecisionHit:
		h.DecisionID = id
	case ActionHit:
		h.ActionID = id
	case PersonHit:
		h.PersonID = id
	case PaperHit:
		h.DocumentID = id
	}
}

// placeHits fills where each hit lives: its meeting (and item), with the
// meeting's title, reference and start; an action's due day. It reads
// each kind's places in one query.
func placeHits(ctx context.Context, tx *sql.Tx, hits []SearchHit) error {
	places := []struct {
		kind  SearchKind
		query string // ends with "IN "
		id    func(*SearchHit) int64
	}{
		{ItemHit, `SELECT id, meeting_id, id, '' FROM agenda_items WHERE id IN `, func(h *SearchHit) int64 { return h.ItemID }},
		{DecisionHit, `SELECT d.id, i.meeting_id, i.id, '' FROM decisions d JOIN agenda_items i ON i.id = d.item_id WHERE d.id IN `,
			func(h *SearchHit) int64 { return h.DecisionID }},
		{ActionHit, `SELECT id, coalesce(meeting_id, 0), coalesce(item_id, 0), due FROM actions WHERE id IN `,
			func(h *SearchHit) int64 { return h.ActionID }},
		{PaperHit, `SELECT id, meeting_id, coalesce(item_id, 0), '' FROM documents WHERE id IN `,
			func(h *SearchHit) int64 { return h.DocumentID }},
	}
	for _, p := range places {
		byID := map[int64]*SearchHit{}
		for i := range hits {
			if hits[i].Kind == p.kind {
				byID[p.id(&hits[i])] = &hits[i]
			}
		}
		err := queryIn(ctx, tx, p.query, byID, func(row scanner) error {
			var id, meetingID, itemID int64
			var due Date
			if err := row.Scan(&id, &meetingID, &itemID, &due); err != nil {
				return err
			}
			h := byID[id]
			h.MeetingID, h.ItemID, h.Due = meetingID, itemID, due
			return nil
		})
		if err != nil {
			return err
		}
	}
	byMeeting := map[int64][]*SearchHit{}
	for i := range hits {
		if id := hits[i].MeetingID; id != 0 {
			byMeeting[id] = append(byMeeting[id], &hits[i])
		}
	}
	return queryIn(ctx, tx, `SELECT `+meetingColumns+meetingFrom+` WHERE m.id IN `, byMeeting, func(row scanner) error {
		m, err := scanMeeting(row)
		if err != nil {
			return err
		}
		for _, h := range byMeeting[m.ID] {
			h.MeetingTitle, h.Starts = m.Title, m.Starts
			if m.SeriesCode != "" {
				h.Reference = m.SeriesCode + "-" + strconv.Itoa(m.Number)
			}
		}
		return nil
	})
}

// queryIn runs query, which ends with "IN ", over the keys of ids, and
// scans each row with scan.
func queryIn[T any](ctx context.Context, tx *sql.Tx, query string, ids map[int64]T, scan func(scanner) error) error {
	if len(ids) == 0 {
		return nil
	}
	args := make([]any, 0, len(ids))
	for id := range ids {
		args = append(args, id)
	}
	rows, err := tx.QueryContext(ctx, query+"("+strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", ")+")", args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// matchQuery turns what the user typed into an FTS5 query: each word a
// quoted string (so that nothing in it is syntax), all required, the last
// one a prefix unless the text ends with a space or punctuation.
func matchQuery(text string) string {
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
	if len(words) == 0 {
		return ""
	}
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	if unicode.IsLetter(last) || unicode.IsDigit(last) || unicode.Is(unicode.Mn, last) {
		words[len(words)-1] += "*"
	}
	return strings.Join(words, " ")
}
