package meeting

import (
	"context"
	"database/sql"
	"errors"
	"slices"
)

// Move is a change of place of an agenda item in the agenda tree.
type Move int

// The moves of an agenda item.
const (
	MoveUp   Move = iota // before its previous sibling
	MoveDown             // after its next sibling
	MoveIn               // becomes the last sub-item of its previous sibling
	MoveOut              // becomes the sibling that follows its parent
)

// AddItem appends an item (a sub-item when ParentID is set) to the end of
// the agenda, or of its parent's sub-items, and sets its ID.
func (s *Store) AddItem(ctx context.Context, it *AgendaItem) error {
	if err := it.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.changing(ctx, tx, it.MeetingID); err != nil {
			return err
		}
		return addItem(ctx, tx, it)
	})
}

func addItem(ctx context.Context, tx *sql.Tx, it *AgendaItem) error {
	if err := mustExist(ctx, tx, "meetings", "meeting", it.MeetingID); err != nil {
		return err
	}
	t, err := loadTree(ctx, tx, it.MeetingID)
	if err != nil {
		return err
	}
	if it.ParentID != 0 {
		if _, ok := t.parent[it.ParentID]; !ok {
			return Errorf(EINVALID, "agenda item %d is not in this meeting", it.ParentID)
		}
		if t.depth(it.ParentID)+1 >= MaxDepth {
			return Errorf(EINVALID, "an agenda has at most %d levels", MaxDepth)
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO agenda_items (meeting_id, parent_id, position, title, purpose,
		presenter_id, minutes, description, confidential, notes, kind, approves_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		it.MeetingID, nullID(it.ParentID), len(t.children[it.ParentID]), it.Title, it.Purpose, nullID(it.PresenterID),
		it.Minutes, it.Description, it.Confidential, it.Notes, it.Kind, nullID(it.ApprovesID))
	if err != nil {
		return err
	}
	it.ID, err = res.LastInsertId()
	return err
}

// UpdateItem saves an item's fields; its place in the agenda changes only
// through MoveItem, its times through StartItem and EndItem.
func (s *Store) UpdateItem(ctx context.Context, it *AgendaItem) error {
	if err := it.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := s.changingVia(ctx, tx, "agenda item", meetingOfItem, it.ID); err != nil {
			return err
		}
		return execOne(ctx, tx, "agenda item", it.ID, `UPDATE agenda_items SET title = ?, purpose = ?, presenter_id = ?, minutes = ?,
			description = ?, confidential = ?, notes = ? WHERE id = ?`, it.Title, it.Purpose, nullID(it.PresenterID),
			it.Minutes, it.Description, it.Confidential, it.Notes, it.ID)
	})
}

// DeleteItem removes an item with its sub-items and decisions. Its papers
// stay with the meeting; actions from it keep their meeting.
func (s *Store) DeleteItem(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		meetingID, err := s.changingVia(ctx, tx, "agenda item", meetingOfItem, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM agenda_items WHERE id = ?`, id); err != nil {
			return err
		}
		t, err := loadTree(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		return t.save(ctx, tx)
	})
}

// MoveItem moves an item (with its sub-items) up, down, in or out.
func (s *Store) MoveItem(ctx context.Context, id int64, mv Move) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		meetingID, err := s.changingVia(ctx, tx, "agenda item", meetingOfItem, id)
		if err != nil {
			return err
		}
		t, err := loadTree(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		if err := t.move(id, mv); err != nil {
			return err
		}
		return t.save(ctx, tx)
	})
}

func itemMeeting(ctx context.Context, tx *sql.Tx, id int64) (int64, error) {
	var meetingID int64
	err := tx.QueryRowContext(ctx, `SELECT meeting_id FROM agenda_items WHERE id = ?`, id).Scan(&meetingID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, notFound("agenda item", id)
	}
	return meetingID, err
}

// tree is the shape of one meeting's agenda: who is whose parent, and each
// parent's sub-items in order (parent 0 is the agenda itself).
type tree struct {
	parent   map[int64]int64
	children map[int64][]int64
	stored   map[int64][2]int64 // parent and position as stored
}

func loadTree(ctx context.Context, tx *sql.Tx, meetingID int64) (*tree, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, coalesce(parent_id, 0), position FROM agenda_items
		WHERE meeting_id = ? ORDER BY position, id`, meetingID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	t := &tree{parent: map[int64]int64{}, children: map[int64][]int64{}, stored: map[int64][2]int64{}}
	for rows.Next() {
		var id, parent, pos int64
		if err := rows.Scan(&id, &parent, &pos); err != nil {
			return nil, err
		}
		t.parent[id] = parent
		t.children[parent] = append(t.children[parent], id)
		t.stored[id] = [2]int64{parent, pos}
	}
	return t, rows.Err()
}

// depth is 0 for a top-level item, 1 for its sub-items …
func (t *tree) depth(id int64) int {
	d := 0
	for p := t.parent[id]; p != 0; p = t.parent[p] {
		d++
	}
	return d
}

// height is the number of levels of the subtree under id, id included.
func (t *tree) height(id int64) int {
	h := 0
	for _, c := range t.children[id] {
		h = max(h, t.height(c))
	}
	return h + 1
}

func (t *tree) move(id int64, mv Move) error {
	p := t.parent[id]
	sibs := t.children[p]
	i := slices.Index(sibs, id)
	switch mv {
	case MoveUp:
		if i == 0 {
			return Errorf(EINVALID, "this item is already the first of its level")
		}
		sibs[i-1], sibs[i] = sibs[i], sibs[i-1]
	case MoveDown:
		if i == len(sibs)-1 {
			return Errorf(EINVALID, "this item is already the last of its level")
		}
		sibs[i+1], sibs[i] = sibs[i], sibs[i+1]
	case MoveIn:
		if i == 0 {
			return Errorf(EINVALID, "the first item of a level cannot become a sub-item")
		}
		prev := sibs[i-1]
		if t.depth(prev)+1+t.height(id) > MaxDepth {
			return Errorf(EINVALID, "an agenda has at most %d levels", MaxDepth)
		}
		t.children[p] = slices.Delete(sibs, i, i+1)
		t.children[prev] = append(t.children[prev], id)
		t.parent[id] = prev
	case MoveOut:
		if p == 0 {
			return Errorf(EINVALID, "this item is already at the top level")
		}
		gp := t.parent[p]
		t.children[p] = slices.Delete(sibs, i, i+1)
		j := slices.Index(t.children[gp], p)
		t.children[gp] = slices.Insert(t.children[gp], j+1, id)
		t.parent[id] = gp
	default:
		return Errorf(EINVALID, "unknown move %d", mv)
	}
	return nil
}

// save writes the parent and position of every item whose place changed.
func (t *tree) save(ctx context.Context, tx *sql.Tx) error {
	for parent, ids := range t.children {
		for pos, id := range ids {
			if t.stored[id] == [2]int64{parent, int64(pos)} {
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE agenda_items SET parent_id = ?, position = ? WHERE id = ?`,
				nullID(parent), pos, id); err != nil {
				return err
			}
		}
	}
	return nil
}

// Agenda returns a meeting's agenda, numbered and timed from its start,
// with each item's decisions.
func (s *Store) Agenda(ctx context.Context, meetingID int64) (Agenda, error) {
	var a Agenda
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		a, err = agenda(ctx, tx, meetingID)
		return err
	})
	return a, err
}

func agenda(ctx context.Context, tx *sql.Tx, meetingID int64) (Agenda, error) {
	m, err := getMeeting(ctx, tx, meetingID)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT i.id, coalesce(i.parent_id, 0), i.title, i.purpose,
		coalesce(i.presenter_id, 0), coalesce(p.name, ''), i.minutes, i.description, i.confidential, i.notes,
		i.started, i.ended, i.kind, coalesce(i.approves_id, 0)
		FROM agenda_items i LEFT JOIN people p ON p.id = i.presenter_id
		WHERE i.meeting_id = ? ORDER BY i.position, i.id`, meetingID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := map[int64]*AgendaItem{}
	var order []*AgendaItem
	for rows.Next() {
		it := &AgendaItem{MeetingID: meetingID}
		if err := rows.Scan(&it.ID, &it.ParentID, &it.Title, &it.Purpose, &it.PresenterID, &it.PresenterName,
			&it.Minutes, &it.Description, &it.Confidential, &it.Notes, &it.Started, &it.Ended, &it.Kind, &it.ApprovesID); err != nil {
			return nil, err
		}
		byID[it.ID] = it
		order = append(order, it)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var top Agenda
	for _, it := range order {
		if it.ParentID == 0 {
			top = append(top, it)
		} else if p := byID[it.ParentID]; p != nil {
			p.Items = append(p.Items, it)
		}
	}
	drows, err := tx.QueryContext(ctx, `SELECT d.id, d.item_id, d.text, d.outcome, d.votes_for, d.votes_against, d.votes_abstain
		FROM decisions d JOIN agenda_items i ON i.id = d.item_id WHERE i.meeting_id = ? ORDER BY d.position, d.id`, meetingID)
	if err != nil {
		return nil, err
	}
	defer drows.Close()
	for drows.Next() {
		var d Decision
		if err := drows.Scan(&d.ID, &d.ItemID, &d.Text, &d.Outcome, &d.For, &d.Against, &d.Abstain); err != nil {
			return nil, err
		}
		byID[d.ItemID].Decisions = append(byID[d.ItemID].Decisions, d)
	}
	top.Schedule(m.Starts)
	return top, drows.Err()
}

// AddDecision records a decision on an agenda item, after its others. An
// adopted decision on the item that approves the previous meeting's
// minutes approves them (see approveByDecision).
func (s *Store) AddDecision(ctx context.Context, d *Decision) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := s.changingVia(ctx, tx, "agenda item", meetingOfItem, d.ItemID); err != nil {
			return err
		}
		if err := addDecision(ctx, tx, d); err != nil {
			return err
		}
		return s.approveByDecision(ctx, tx, d)
	})
}

func addDecision(ctx context.Context, tx *sql.Tx, d *Decision) error {
	if err := mustExist(ctx, tx, "agenda_items", "agenda item", d.ItemID); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO decisions (item_id, position, text, outcome, votes_for, votes_against, votes_abstain)
		VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM decisions WHERE item_id = ?), ?, ?, ?, ?, ?)`,
		d.ItemID, d.ItemID, d.Text, d.Outcome, d.For, d.Against, d.Abstain)
	if err != nil {
		return err
	}
	d.ID, err = res.LastInsertId()
	return err
}

// UpdateDecision saves a decision's text, outcome and votes; becoming
// adopted, it approves the minutes its item stands for, as AddDecision.
func (s *Store) UpdateDecision(ctx context.Context, d *Decision) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := s.changingVia(ctx, tx, "decision", meetingOfDecision, d.ID); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT item_id FROM decisions WHERE id = ?`, d.ID).Scan(&d.ItemID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE decisions SET text = ?, outcome = ?, votes_for = ?, votes_against = ?,
			votes_abstain = ? WHERE id = ?`, d.Text, d.Outcome, d.For, d.Against, d.Abstain, d.ID); err != nil {
			return err
		}
		return s.approveByDecision(ctx, tx, d)
	})
}

// DeleteDecision removes a decision. Minutes it approved stay approved.
func (s *Store) DeleteDecision(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := s.changingVia(ctx, tx, "decision", meetingOfDecision, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM decisions WHERE id = ?`, id)
		return err
	})
}
