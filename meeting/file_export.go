package meeting

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"mime"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Paper is a paper to write beside an exported meeting file: its path
// relative to the file, and the document whose bytes go there.
type Paper struct {
	Path       string
	DocumentID int64
}

// ExportMeeting returns the meeting file of a meeting and the papers to
// write beside it (under papers/). IDs in the file are made up for it:
// p1, p2 … for people, d1 … for papers, the item numbers for items.
func (s *Store) ExportMeeting(ctx context.Context, id int64) (*File, []Paper, error) {
	var f *File
	var papers []Paper
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		f, papers, err = exportMeeting(ctx, tx, id)
		return err
	})
	return f, papers, err
}

// exporter gives the people of an exported meeting their file IDs.
type exporter struct {
	ctx    context.Context
	tx     *sql.Tx
	f      *File
	people map[int64]string
}

func (ex *exporter) person(id int64) (string, error) {
	if id == 0 {
		return "", nil
	}
	if ref, ok := ex.people[id]; ok {
		return ref, nil
	}
	p, err := scanPerson(ex.tx.QueryRowContext(ex.ctx, `SELECT `+personColumns+` FROM people WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return "", notFound("person", id)
	}
	if err != nil {
		return "", err
	}
	ref := "p" + strconv.Itoa(len(ex.people)+1)
	ex.people[id] = ref
	ex.f.People = append(ex.f.People, FilePerson{ID: ref, Name: p.Name, Title: p.Title,
		Organisation: p.Organisation, Email: p.Email, Phone: p.Phone})
	return ref, nil
}

func exportMeeting(ctx context.Context, tx *sql.Tx, id int64) (*File, []Paper, error) {
	m, err := getMeeting(ctx, tx, id)
	if err != nil {
		return nil, nil, err
	}
	f := &File{Format: FileFormat, Version: FileVersion,
		People: []FilePerson{}, Attendees: []FileAttendee{}, Documents: []FileDocument{}, Agenda: []FileItem{}, Actions: []FileAction{}}
	f.Meeting = FileMeeting{Title: m.Title, Series: m.SeriesCode, Number: m.Number, Starts: m.Starts.Format(time.RFC3339),
		TimeZone: m.TimeZone, Minutes: m.Minutes, Place: m.Place, Link: m.Link, Classification: string(m.Classification),
		Language: m.Language, PapersDue: string(m.PapersDue), Status: string(m.Status), Notes: m.Notes,
		Opened: string(m.Opened), Closed: string(m.Closed), ConvenedOn: string(m.ConvenedOn)}
	if m.SeriesID != 0 {
		if err := tx.QueryRowContext(ctx, `SELECT name FROM series WHERE id = ?`, m.SeriesID).Scan(&f.Meeting.SeriesName); err != nil {
			return nil, nil, err
		}
	}
	ex := &exporter{ctx: ctx, tx: tx, f: f, people: map[int64]string{}}

	atts, err := attendees(ctx, tx, id)
	if err != nil {
		return nil, nil, err
	}
	for _, a := range atts {
		voting := a.Voting
		fa := FileAttendee{Role: string(a.Role), Voting: &voting, Status: string(a.Status), Arrived: string(a.Arrived), Left: string(a.Left)}
		if fa.Person, err = ex.person(a.PersonID); err != nil {
			return nil, nil, err
		}
		if fa.Proxy, err = ex.person(a.ProxyID); err != nil {
			return nil, nil, err
		}
		f.Attendees = append(f.Attendees, fa)
	}

	docs, err := documents(ctx, tx, id)
	if err != nil {
		return nil, nil, err
	}
	docRef := map[int64]string{}
	itemDocs := map[int64][]string{}
	var papers []Paper
	used := map[string]string{} // path → sha256 written there
	for i, d := range docs {
		ref := "d" + strconv.Itoa(i+1)
		docRef[d.ID] = ref
		p := paperPath(d, used)
		if _, written := used[p]; !written {
			used[p] = d.SHA256
			papers = append(papers, Paper{Path: p, DocumentID: d.ID})
		}
		inPack := d.InPack
		f.Documents = append(f.Documents, FileDocument{ID: ref, Title: d.Title, Reference: d.Reference, File: p, InPack: &inPack})
		if d.ItemID != 0 {
			itemDocs[d.ItemID] = append(itemDocs[d.ItemID], ref)
		}
	}

	ag, err := agenda(ctx, tx, id)
	if err != nil {
		return nil, nil, err
	}
	var items func(list []*AgendaItem) ([]FileItem, error)
	items = func(list []*AgendaItem) ([]FileItem, error) {
		out := []FileItem{}
		for _, it := range list {
			fi := FileItem{ID: it.Number, Title: it.Title, Purpose: string(it.Purpose), Minutes: it.Minutes,
				Description: it.Description, Confidential: it.Confidential, Notes: it.Notes, Kind: string(it.Kind),
				Started: string(it.Started), Ended: string(it.Ended),
				Documents: append([]string{}, itemDocs[it.ID]...), Decisions: []FileDecision{}}
			var err error
			if fi.Presenter, err = ex.person(it.PresenterID); err != nil {
				return nil, err
			}
			for _, d := range it.Decisions {
				fi.Decisions = append(fi.Decisions, FileDecision{Text: d.Text, Outcome: string(d.Outcome),
					For: d.For, Against: d.Against, Abstain: d.Abstain})
			}
			if fi.Items, err = items(it.Items); err != nil {
				return nil, err
			}
			out = append(out, fi)
		}
		return out, nil
	}
	if f.Agenda, err = items(ag); err != nil {
		return nil, nil, err
	}
	for i, a := range atts {
		for _, e := range a.Events {
			fe := FileEvent{Kind: string(e.Kind), At: string(e.At)}
			if it := ag.Find(e.ItemID); it != nil {
				fe.Item = it.Number
			}
			f.Attendees[i].Events = append(f.Attendees[i].Events, fe)
		}
	}
	steps, err := minutesHistory(ctx, tx, id)
	if err != nil {
		return nil, nil, err
	}
	for _, st := range steps {
		f.MinutesHistory = append(f.MinutesHistory, FileStep{Step: string(st.Step), By: st.By,
			At: st.At.Format(time.RFC3339), Comment: st.Comment})
	}

	acts, err := listActions(ctx, tx, ActionFilter{MeetingID: id})
	if err != nil {
		return nil, nil, err
	}
	slices.SortFunc(acts, func(a, b *Action) int { return cmp.Compare(a.ID, b.ID) }) // the order they were recorded in
	for _, a := range acts {
		fa := FileAction{Title: a.Title, Details: a.Details, Due: string(a.Due), Status: string(a.Status),
			Completed: string(a.Completed), Notes: []FileActionNote{}}
		if it := ag.Find(a.ItemID); it != nil {
			fa.Item = it.Number
		}
		if fa.Owner, err = ex.person(a.OwnerID); err != nil {
			return nil, nil, err
		}
		for _, n := range a.Notes {
			fa.Notes = append(fa.Notes, FileActionNote{Date: string(n.Date), Text: n.Text})
		}
		f.Actions = append(f.Actions, fa)
	}
	return f, papers, nil
}

// paperPath chooses where a paper goes beside the meeting file: papers/
// and its original name, made safe for every file system; a name already
// taken by other content gets a number.
func paperPath(d *Document, used map[string]string) string {
	name := SafeFileName(path.Base(strings.ReplaceAll(d.FileName, `\`, "/")))
	ext := path.Ext(name)
	if name == "" || name == "." || name == "/" || strings.TrimSuffix(name, ext) == "" {
		exts, _ := mime.ExtensionsByType(d.MediaType)
		ext = ""
		if len(exts) > 0 {
			ext = exts[0]
		}
		name = "paper" + ext
	}
	base := strings.TrimSuffix(name, ext)
	for n := 1; ; n++ {
		p := "papers/" + name
		if sum, taken := used[p]; !taken || sum == d.SHA256 {
			return p
		}
		name = fmt.Sprintf("%s (%d)%s", base, n+1, ext)
	}
}

// SafeFileName replaces the characters Windows, macOS or Linux refuse in a
// file name.
func SafeFileName(name string) string {
	name = strings.Map(func(r rune) rune {
		if r < 32 || strings.ContainsRune(`<>:"/\|?*`, r) {
			return '_'
		}
		return r
	}, name)
	return strings.Trim(name, " .")
}
