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

// SearchKinds lists the kinds of hit in the order results come, by the
// code they have in the index (rowid = id * 8 + code).
var SearchKinds = []SearchKind{MeetingHit, ItemHit, DecisionHit, ActionHit, PersonHit, PaperHit}

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
// kind in the order of SearchKinds, the best first within a kind. Any text
// is safe: quotes, stars, dashes or AND/OR are words or separators, never
// query syntax.
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
		rows, err := queryAll(ctx, tx, func(row scanner) (SearchHit, error) {
			var h SearchHit
			var rowid int64
			err := row.Scan(&rowid, &h.Title, &h.Snippet)
			h.Kind = SearchKinds[rowid%8-1]
			switch id := rowid / 8; h.Kind {
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
			return h, err
		}, `WITH hits AS (SELECT rowid AS r, title, snippet(search_index, -1, '', '', '…', 12) AS snip,
				row_number() OVER (PARTITION BY rowid % 8 ORDER BY rank) AS n
			FROM search_index WHERE search_index MATCH ?)
			SELECT r, title, snip FROM hits WHERE n <= ? ORDER BY r % 8, n`, query, limit)
		if err != nil {
			return err
		}
		for i := range rows {
			if err := placeHit(ctx, tx, &rows[i]); err != nil {
				return err
			}
		}
		hits = rows
		return nil
	})
	return hits, err
}

// placeHit fills where a hit lives: its meeting (and item), with the
// meeting's title, reference and start.
func placeHit(ctx context.Context, tx *sql.Tx, h *SearchHit) error {
	var err error
	switch h.Kind {
	case ItemHit:
		err = tx.QueryRowContext(ctx, `SELECT meeting_id FROM agenda_items WHERE id = ?`, h.ItemID).Scan(&h.MeetingID)
	case DecisionHit:
		err = tx.QueryRowContext(ctx, `SELECT i.id, i.meeting_id FROM decisions d JOIN agenda_items i ON i.id = d.item_id
			WHERE d.id = ?`, h.DecisionID).Scan(&h.ItemID, &h.MeetingID)
	case ActionHit:
		err = tx.QueryRowContext(ctx, `SELECT coalesce(meeting_id, 0), coalesce(item_id, 0), due FROM actions WHERE id = ?`,
			h.ActionID).Scan(&h.MeetingID, &h.ItemID, &h.Due)
	case PaperHit:
		err = tx.QueryRowContext(ctx, `SELECT meeting_id, coalesce(item_id, 0) FROM documents WHERE id = ?`,
			h.DocumentID).Scan(&h.MeetingID, &h.ItemID)
	}
	if err != nil || h.MeetingID == 0 {
		return err
	}
	m, err := getMeeting(ctx, tx, h.MeetingID)
	if err != nil {
		return err
	}
	h.MeetingTitle, h.Starts = m.Title, m.Starts
	if m.SeriesCode != "" {
		h.Reference = m.SeriesCode + "-" + strconv.Itoa(m.Number)
	}
	return nil
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
