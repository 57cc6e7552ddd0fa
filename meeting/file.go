package meeting

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// The meeting file: one meeting with its people, attendees, agenda, papers,
// decisions and actions, as UTF-8 JSON. Papers travel beside it, named by a
// path relative to the file. The README documents the format.
const (
	FileFormat  = "quorum-meeting"
	FileVersion = 1
	// MaxFileSize bounds the JSON a meeting file may hold (papers apart).
	MaxFileSize = 64 << 20
)

// File is the meeting file, version 1. Fields map one to one to the JSON.
type File struct {
	Format    string         `json:"format"`
	Version   int            `json:"version"`
	Meeting   FileMeeting    `json:"meeting"`
	People    []FilePerson   `json:"people"`
	Attendees []FileAttendee `json:"attendees"`
	Documents []FileDocument `json:"documents"`
	Agenda    []FileItem     `json:"agenda"`
	Actions   []FileAction   `json:"actions"`
	// MinutesHistory is the validation of the minutes, oldest step first.
	MinutesHistory []FileStep `json:"minutes_history,omitempty"`
}

// FileMeeting is the meeting itself.
type FileMeeting struct {
	Title          string `json:"title"`
	Series         string `json:"series"`      // the series' code
	SeriesName     string `json:"series_name"` // used when the series is new
	Number         int    `json:"number"`
	Starts         string `json:"starts"`    // RFC 3339 with offset
	TimeZone       string `json:"time_zone"` // IANA name, optional
	Minutes        int    `json:"minutes"`
	Place          string `json:"place"`
	Link           string `json:"link"`
	Classification string `json:"classification"`
	Language       string `json:"language"`
	PapersDue      string `json:"papers_due"`
	Status         string `json:"status"`
	Notes          string `json:"notes"`
	Opened         string `json:"opened"`                // HH:MM, when the sitting was opened
	Closed         string `json:"closed"`                // HH:MM, when it was closed
	ConvenedOn     string `json:"convened_on,omitempty"` // YYYY-MM-DD, the day the notice went
}

// FilePerson is a person the file refers to by ID.
type FilePerson struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Title        string `json:"title"`
	Organisation string `json:"organisation"`
	Email        string `json:"email"`
	Phone        string `json:"phone"`
}

// FileAttendee is a person in the meeting.
type FileAttendee struct {
	Person  string `json:"person"`
	Role    string `json:"role"`
	Voting  *bool  `json:"voting"` // default: true for chair, secretary and members
	Status  string `json:"status"`
	Proxy   string `json:"proxy"`
	Arrived string `json:"arrived"`
	Left    string `json:"left"`
	// Events are the arrivals and departures recorded during the sitting.
	Events []FileEvent `json:"events,omitempty"`
}

// FileEvent is an arrival or a departure during the sitting, with the
// agenda item then under discussion.
type FileEvent struct {
	Kind string `json:"kind"`           // arrival, departure
	At   string `json:"at"`             // HH:MM
	Item string `json:"item,omitempty"` // an agenda id
}

// FileStep is one step of the validation of the minutes.
type FileStep struct {
	Step    string `json:"step"` // submitted, approved, returned, reopened
	By      string `json:"by"`
	At      string `json:"at"` // RFC 3339
	Comment string `json:"comment"`
}

// FileDocument is a paper; File is its path relative to the meeting file.
type FileDocument struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Reference string `json:"reference"`
	File      string `json:"file"`
	InPack    *bool  `json:"in_pack"` // default: true
}

// FileItem is an agenda item with its sub-items.
type FileItem struct {
	ID           string         `json:"id"`
	Title        string         `json:"title"`
	Purpose      string         `json:"purpose"`
	Presenter    string         `json:"presenter"`
	Minutes      int            `json:"minutes"`
	Description  string         `json:"description"`
	Confidential bool           `json:"confidential"`
	Kind         string         `json:"kind,omitempty"`    // "approval" of the previous minutes, "review" of the open actions; "" otherwise
	Started      string         `json:"started,omitempty"` // HH:MM, when the sitting took it up
	Ended        string         `json:"ended,omitempty"`   // HH:MM, when it moved on
	Documents    []string       `json:"documents"`
	Notes        string         `json:"notes"`
	Decisions    []FileDecision `json:"decisions"`
	Items        []FileItem     `json:"items"`
}

// FileDecision is a decision on an item.
type FileDecision struct {
	Text    string `json:"text"`
	Outcome string `json:"outcome"`
	For     int    `json:"for"`
	Against int    `json:"against"`
	Abstain int    `json:"abstain"`
}

// FileAction is an action from the meeting.
type FileAction struct {
	Title     string           `json:"title"`
	Details   string           `json:"details"`
	Owner     string           `json:"owner"`
	Due       string           `json:"due"`
	Status    string           `json:"status"`
	Completed string           `json:"completed"`
	Item      string           `json:"item"`
	Notes     []FileActionNote `json:"notes"`
}

// FileActionNote is a dated progress note.
type FileActionNote struct {
	Date string `json:"date"`
	Text string `json:"text"`
}

// ParseFile reads a meeting file. Errors say where the file is wrong: the
// line, and the field when the JSON decoder knows it.
func ParseFile(data []byte) (*File, error) {
	if len(data) > MaxFileSize {
		return nil, Errorf(EINVALID, "the meeting file is too large (%d MB; at most %d MB)", len(data)>>20, MaxFileSize>>20)
	}
	if !utf8.Valid(data) {
		bad := 0
		for bad < len(data) {
			r, n := utf8.DecodeRune(data[bad:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			bad += n
		}
		return nil, Errorf(EINVALID, "line %d: the meeting file is not UTF-8 text", lineOf(data, int64(bad)))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f File
	if err := dec.Decode(&f); err != nil {
		return nil, jsonError(data, dec, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, Errorf(EINVALID, "line %d: unexpected data after the meeting", lineOf(data, dec.InputOffset()))
	}
	if f.Format != FileFormat {
		return nil, &Error{Code: EINVALID, Field: "format", Message: fmt.Sprintf("must be %q: this is not a Quorum meeting file", FileFormat)}
	}
	if f.Version != FileVersion {
		return nil, &Error{Code: EINVALID, Field: "version", Message: fmt.Sprintf("version %d is not known to this Quorum (it reads version %d)", f.Version, FileVersion)}
	}
	return &f, nil
}

// jsonError words a decoding error with its line and field.
func jsonError(data []byte, dec *json.Decoder, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return Errorf(EINVALID, "line %d: the meeting file is not valid JSON (%s)", lineOf(data, syn.Offset), syn.Error())
	case errors.As(err, &typ):
		return &Error{Code: EINVALID, Field: typ.Field,
			Message: fmt.Sprintf("line %d: expected %s, found %s", lineOf(data, typ.Offset), typeName(typ.Type.Kind().String()), typ.Value)}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return Errorf(EINVALID, "the meeting file is empty or cut short")
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	offset := dec.InputOffset()
	if name, ok := strings.CutPrefix(msg, "unknown field "); ok {
		// The decoder reports unknown fields once the whole value is read:
		// find the first such key for its line.
		if loc := regexp.MustCompile(regexp.QuoteMeta(name) + `\s*:`).FindIndex(data); loc != nil {
			offset = int64(loc[0])
		}
	}
	return Errorf(EINVALID, "line %d: %s", lineOf(data, offset), msg)
}

func typeName(kind string) string {
	switch kind {
	case "int", "int64":
		return "a whole number"
	case "string":
		return "text"
	case "bool", "ptr":
		return "true or false"
	case "slice":
		return "a list"
	case "struct":
		return "an object"
	}
	return kind
}

func lineOf(data []byte, offset int64) int {
	offset = min(max(offset, 0), int64(len(data)))
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

// Marshal writes the file as indented UTF-8 JSON, ending with a newline.
func (f *File) Marshal() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(f)
	return b.Bytes(), err
}

// within prefixes the field of a validation error with where the record
// stands in the file.
func within(prefix string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return &Error{Code: e.Code, Field: prefix + e.Field, Message: e.Message}
	}
	return err
}

// importer carries the state of one import: the file's IDs mapped to the
// database's.
type importer struct {
	s         *Store
	f         *File
	papers    fs.FS
	meeting   Meeting
	people    map[string]*Person
	personIDs map[string]int64
	docs      map[string]*Document
	docData   map[string][]byte
	docItem   map[string]string // document ID → item ID that lists it
	itemIDs   map[string]int64
}

// ImportMeeting adds the meeting a file describes, with everything in it,
// in one transaction: on any error nothing is added. Papers are read from
// the papers file system (the meeting file's folder). People are matched to
// the directory by email, else by exact name; a series unknown by its code
// is created. It returns the new meeting's ID.
func (s *Store) ImportMeeting(ctx context.Context, f *File, papers fs.FS) (int64, error) {
	im := &importer{s: s, f: f, papers: papers,
		people: map[string]*Person{}, personIDs: map[string]int64{}, docs: map[string]*Document{},
		docData: map[string][]byte{}, docItem: map[string]string{}, itemIDs: map[string]int64{}}
	if err := im.check(); err != nil {
		return 0, err
	}
	err := s.write(ctx, func(tx *sql.Tx) error { return im.store(ctx, tx) })
	return im.meeting.ID, err
}

// check validates the whole file and reads its papers before anything is
// written, so that errors name the file's fields.
func (im *importer) check() error {
	fm := im.f.Meeting
	m := &im.meeting
	*m = Meeting{Title: fm.Title, Number: fm.Number, TimeZone: fm.TimeZone, Minutes: fm.Minutes,
		Place: fm.Place, Link: fm.Link, Classification: Classification(fm.Classification), Language: fm.Language,
		PapersDue: Date(fm.PapersDue), Status: Status(fm.Status), Notes: fm.Notes,
		Opened: Clock(fm.Opened), Closed: Clock(fm.Closed), ConvenedOn: Date(fm.ConvenedOn)}
	m.withDefaults()
	if _, err := ParseDate(fm.ConvenedOn); fm.ConvenedOn != "" && err != nil {
		return &Error{Code: EINVALID, Field: "meeting.convened_on", Message: err.Error()}
	}
	if fm.Starts == "" {
		return &Error{Code: EINVALID, Field: "meeting.starts", Message: "must be set"}
	}
	starts, err := time.Parse(time.RFC3339, fm.Starts)
	if err != nil {
		return &Error{Code: EINVALID, Field: "meeting.starts", Message: fmt.Sprintf("%q is not a date and time like 2026-12-03T09:30:00+01:00", fm.Starts)}
	}
	m.Starts = starts
	if err := m.Validate(); err != nil {
		return within("meeting.", err)
	}
	if fm.TimeZone != "" {
		loc, _ := time.LoadLocation(fm.TimeZone)
		m.Starts = starts.In(loc)
	}
	if fm.Series != "" {
		sr := Series{Name: cmp.Or(fm.SeriesName, fm.Series), Code: fm.Series}
		if err := sr.Validate(); err != nil {
			e := err.(*Error)
			field := map[string]string{"name": "meeting.series_name"}[e.Field]
			return &Error{Code: EINVALID, Field: cmp.Or(field, "meeting.series"), Message: e.Message}
		}
	} else if fm.Number != 0 {
		return &Error{Code: EINVALID, Field: "meeting.number", Message: "only a meeting of a series has a number"}
	}
	for i, fp := range im.f.People {
		at := fmt.Sprintf("people[%d].", i)
		if err := uniqueID(at, fp.ID, im.people); err != nil {
			return err
		}
		p := &Person{Name: fp.Name, Title: fp.Title, Organisation: fp.Organisation, Email: fp.Email, Phone: fp.Phone}
		if err := p.Validate(); err != nil {
			return within(at, err)
		}
		im.people[fp.ID] = p
	}
	seen := map[string]bool{}
	for i, fa := range im.f.Attendees {
		at := fmt.Sprintf("attendees[%d].", i)
		if err := im.personRef(at+"person", fa.Person, true); err != nil {
			return err
		}
		if seen[fa.Person] {
			return &Error{Code: EINVALID, Field: at + "person", Message: fmt.Sprintf("%q is already an attendee", fa.Person)}
		}
		seen[fa.Person] = true
		if err := im.personRef(at+"proxy", fa.Proxy, false); err != nil {
			return err
		}
		if _, err := fa.attendee(0, 0); err != nil {
			return within(at, err)
		}
	}
	for i, fd := range im.f.Documents {
		at := fmt.Sprintf("documents[%d].", i)
		if err := uniqueID(at, fd.ID, im.docs); err != nil {
			return err
		}
		d := &Document{Title: fd.Title, Reference: fd.Reference, FileName: path.Base(fd.File), InPack: fd.InPack == nil || *fd.InPack}
		if err := d.Validate(); err != nil {
			return within(at, err)
		}
		data, err := im.readPaper(fd.File)
		if err != nil {
			return &Error{Code: EINVALID, Field: at + "file", Message: err.Error()}
		}
		im.docs[fd.ID], im.docData[fd.ID] = d, data
	}
	if err := im.checkItems("agenda", im.f.Agenda, 0); err != nil {
		return err
	}
	if err := im.checkSitting(); err != nil {
		return err
	}
	for i, fa := range im.f.Actions {
		at := fmt.Sprintf("actions[%d].", i)
		if err := im.personRef(at+"owner", fa.Owner, false); err != nil {
			return err
		}
		if _, ok := im.itemIDs[fa.Item]; fa.Item != "" && !ok {
			return &Error{Code: EINVALID, Field: at + "item", Message: fmt.Sprintf("no agenda item has the id %q", fa.Item)}
		}
		if err := fa.action().Validate(); err != nil {
			return within(at, err)
		}
	}
	return nil
}

// checkSitting checks what the sitting recorded: the arrivals and
// departures (in time order, each naming an item of the agenda, if any)
// and the steps of the validation of the minutes.
func (im *importer) checkSitting() error {
	for i, fa := range im.f.Attendees {
		var last Clock
		if len(fa.Events) > 0 && Presence(fa.Status) != Present {
			return &Error{Code: EINVALID, Field: fmt.Sprintf("attendees[%d].events", i), Message: "only an attendee who was present came in or left"}
		}
		for j, fe := range fa.Events {
			at := fmt.Sprintf("attendees[%d].events[%d].", i, j)
			if k := EventKind(fe.Kind); k != Arrival && k != Departure {
				return &Error{Code: EINVALID, Field: at + "kind", Message: fmt.Sprintf("%q is not %q or %q", fe.Kind, Arrival, Departure)}
			}
			c, err := ParseClock(fe.At)
			if err != nil || c == "" || last.After(c) {
				return &Error{Code: EINVALID, Field: at + "at", Message: fmt.Sprintf("%q is not a time of day (HH:MM) after the one before", fe.At)}
			}
			last = c
			if _, ok := im.itemIDs[fe.Item]; fe.Item != "" && !ok {
				return &Error{Code: EINVALID, Field: at + "item", Message: fmt.Sprintf("no agenda item has the id %q", fe.Item)}
			}
		}
	}
	for i, fs := range im.f.MinutesHistory {
		at := fmt.Sprintf("minutes_history[%d].", i)
		if k := StepKind(fs.Step); !valid(k, []StepKind{Submitted, Approved, Returned, Reopened}) {
			return &Error{Code: EINVALID, Field: at + "step", Message: fmt.Sprintf("%q is not submitted, approved, returned or reopened", fs.Step)}
		}
		if _, err := time.Parse(time.RFC3339, fs.At); err != nil {
			return &Error{Code: EINVALID, Field: at + "at", Message: fmt.Sprintf("%q is not a date and time like 2026-12-03T09:30:00+01:00", fs.At)}
		}
		c := checker{prefix: at}
		c.line("by", fs.By, false)
		c.text("comment", fs.Comment, MaxText, false)
		if c.err != nil {
			return c.err
		}
	}
	return nil
}

func uniqueID[V any](at, id string, ids map[string]V) error {
	_, taken := ids[id]
	switch {
	case id == "":
		return &Error{Code: EINVALID, Field: at + "id", Message: "must be set: other records refer to it"}
	case taken:
		return &Error{Code: EINVALID, Field: at + "id", Message: fmt.Sprintf("%q is used twice", id)}
	}
	return nil
}

func (im *importer) personRef(field, id string, required bool) error {
	if id == "" && !required {
		return nil
	}
	if _, ok := im.people[id]; !ok {
		return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf("no person has the id %q", id)}
	}
	return nil
}

// readPaper reads a paper named by a path relative to the meeting file.
func (im *importer) readPaper(name string) ([]byte, error) {
	if name == "" {
		return nil, errors.New("must name the paper's file")
	}
	if !fs.ValidPath(name) {
		return nil, fmt.Errorf("%q must be a path inside the meeting file's folder, with / between folders", name)
	}
	if im.papers == nil {
		return nil, fmt.Errorf("%s cannot be read: no folder was given for the papers", name)
	}
	f, err := im.papers.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s is missing", name)
	}
	defer f.Close()
	return readPaper(f, name)
}

func (im *importer) checkItems(at string, items []FileItem, level int) error {
	if len(items) > 0 && level >= MaxDepth {
		return &Error{Code: EINVALID, Field: at, Message: fmt.Sprintf("an agenda has at most %d levels", MaxDepth)}
	}
	for i, fi := range items {
		here := fmt.Sprintf("%s[%d]", at, i)
		if fi.ID == "" {
			return &Error{Code: EINVALID, Field: here + ".id", Message: "must be set: other records refer to it"}
		}
		if _, taken := im.itemIDs[fi.ID]; taken {
			return &Error{Code: EINVALID, Field: here + ".id", Message: fmt.Sprintf("%q is used twice", fi.ID)}
		}
		im.itemIDs[fi.ID] = 0
		if err := im.personRef(here+".presenter", fi.Presenter, false); err != nil {
			return err
		}
		if err := fi.item().Validate(); err != nil {
			return within(here+".", err)
		}
		for _, c := range []struct{ name, value string }{{"started", fi.Started}, {"ended", fi.Ended}} {
			if _, err := ParseClock(c.value); err != nil {
				return &Error{Code: EINVALID, Field: here + "." + c.name, Message: err.Error()}
			}
		}
		if fi.Ended != "" && (fi.Started == "" || Clock(fi.Started).After(Clock(fi.Ended))) {
			return &Error{Code: EINVALID, Field: here + ".ended", Message: fmt.Sprintf("an item ends after it started (%s)", cmp.Or(fi.Started, "not started"))}
		}
		if k := ItemKind(fi.Kind); !valid(k, ItemKinds) {
			return &Error{Code: EINVALID, Field: here + ".kind", Message: fmt.Sprintf("%q is not one of %q, %q or none", fi.Kind, ApprovalItem, ReviewItem)}
		}
		for j, d := range fi.Documents {
			field := fmt.Sprintf("%s.documents[%d]", here, j)
			if _, ok := im.docs[d]; !ok {
				return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf("no document has the id %q", d)}
			}
			if other, ok := im.docItem[d]; ok {
				return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf("document %q is already attached to item %q", d, other)}
			}
			im.docItem[d] = fi.ID
		}
		for j, fd := range fi.Decisions {
			if err := fd.decision().Validate(); err != nil {
				return within(fmt.Sprintf("%s.decisions[%d].", here, j), err)
			}
		}
		if err := im.checkItems(here+".items", fi.Items, level+1); err != nil {
			return err
		}
	}
	return nil
}

func (fa FileAttendee) attendee(meetingID, personID int64) (*Attendee, error) {
	a := &Attendee{MeetingID: meetingID, PersonID: personID, Role: Role(fa.Role), Status: Presence(fa.Status),
		Arrived: Clock(fa.Arrived), Left: Clock(fa.Left)}
	if a.Role == "" {
		a.Role = Member
	}
	if a.Status == "" {
		a.Status = Invited
	}
	a.Voting = a.Role == Chair || a.Role == Secretary || a.Role == Member
	if fa.Voting != nil {
		a.Voting = *fa.Voting
	}
	if fa.Proxy != "" && a.Status != Represented {
		return nil, fieldErr("proxy", "only a represented attendee has a proxy")
	}
	if fa.Proxy != "" && fa.Proxy == fa.Person {
		return nil, fieldErr("proxy", "an attendee cannot hold their own proxy")
	}
	return a, a.Validate()
}

func (fi FileItem) item() *AgendaItem {
	it := &AgendaItem{Title: fi.Title, Purpose: Purpose(fi.Purpose), Minutes: fi.Minutes,
		Description: fi.Description, Confidential: fi.Confidential, Notes: fi.Notes, Kind: ItemKind(fi.Kind),
		Started: Clock(fi.Started), Ended: Clock(fi.Ended)}
	if it.Purpose == "" {
		it.Purpose = ForInformation
	}
	return it
}

func (fd FileDecision) decision() *Decision {
	d := &Decision{Text: fd.Text, Outcome: Outcome(fd.Outcome), For: fd.For, Against: fd.Against, Abstain: fd.Abstain}
	if d.Outcome == "" {
		d.Outcome = Adopted
	}
	return d
}

func (fa FileAction) action() *Action {
	a := &Action{Title: fa.Title, Details: fa.Details, Due: Date(fa.Due), Status: ActionStatus(fa.Status),
		Completed: Date(fa.Completed)}
	if a.Status == "" {
		a.Status = ActionOpen
	}
	for _, n := range fa.Notes {
		a.Notes = append(a.Notes, ActionNote{Date: Date(n.Date), Text: n.Text})
	}
	return a
}

// store writes what check validated, inside the import's transaction.
func (im *importer) store(ctx context.Context, tx *sql.Tx) error {
	for _, fp := range im.f.People {
		p := im.people[fp.ID]
		id, err := matchPerson(ctx, tx, p)
		if err != nil {
			return err
		}
		if id == 0 {
			if err := im.s.createPerson(ctx, tx, p); err != nil {
				return err
			}
			id = p.ID
		}
		im.personIDs[fp.ID] = id
	}
	m := &im.meeting
	if code := im.f.Meeting.Series; code != "" {
		id, err := seriesByCode(ctx, tx, code)
		if err != nil {
			return err
		}
		if id == 0 {
			sr := &Series{Name: cmp.Or(im.f.Meeting.SeriesName, code), Code: code}
			if err := im.s.createSeries(ctx, tx, sr); err != nil {
				return err
			}
			id = sr.ID
		}
		m.SeriesID = id
	}
	if err := im.s.createMeeting(ctx, tx, m); err != nil {
		return within("meeting.", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE meetings SET convened_on = ? WHERE id = ?`, m.ConvenedOn, m.ID); err != nil {
		return err
	}
	var added []*Attendee
	for _, fa := range im.f.Attendees {
		a, _ := fa.attendee(m.ID, im.personIDs[fa.Person])
		a.ProxyID = im.personIDs[fa.Proxy]
		if err := addAttendee(ctx, tx, a); err != nil {
			return err
		}
		added = append(added, a)
	}
	if err := im.storeItems(ctx, tx, im.f.Agenda, 0); err != nil {
		return err
	}
	if err := im.storeSitting(ctx, tx, added); err != nil {
		return err
	}
	for _, fd := range im.f.Documents {
		d := im.docs[fd.ID]
		d.MeetingID, d.ItemID = m.ID, im.itemIDs[im.docItem[fd.ID]]
		if err := im.s.attachDocument(ctx, tx, d, im.docData[fd.ID]); err != nil {
			return err
		}
	}
	for _, fa := range im.f.Actions {
		a := fa.action()
		a.MeetingID, a.ItemID, a.OwnerID = m.ID, im.itemIDs[fa.Item], im.personIDs[fa.Owner]
		if err := im.s.createAction(ctx, tx, a); err != nil {
			return err
		}
	}
	return nil
}

// storeSitting stores the arrivals and departures of the attendees added
// (in the file's order) and the validation of the minutes. An imported
// event, undone, leaves the attendee as the file has them.
func (im *importer) storeSitting(ctx context.Context, tx *sql.Tx, added []*Attendee) error {
	for i, fa := range im.f.Attendees {
		a := added[i]
		for _, fe := range fa.Events {
			if _, err := tx.ExecContext(ctx, `INSERT INTO attendance_events (meeting_id, attendee_id, kind, at, item_id,
				prior_status, prior_arrived, prior_left) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				im.meeting.ID, a.ID, fe.Kind, fe.At, nullID(im.itemIDs[fe.Item]), a.Status, a.Arrived, a.Left); err != nil {
				return err
			}
		}
	}
	for _, fs := range im.f.MinutesHistory {
		at, _ := time.Parse(time.RFC3339, fs.At)
		if _, err := tx.ExecContext(ctx, `INSERT INTO minutes_steps (meeting_id, step, by_name, at, comment)
			VALUES (?, ?, ?, ?, ?)`, im.meeting.ID, fs.Step, fs.By, fmtTime(at), fs.Comment); err != nil {
			return err
		}
	}
	return nil
}

func (im *importer) storeItems(ctx context.Context, tx *sql.Tx, items []FileItem, parentID int64) error {
	for _, fi := range items {
		it := fi.item()
		it.MeetingID, it.ParentID, it.PresenterID = im.meeting.ID, parentID, im.personIDs[fi.Presenter]
		if it.Kind == ApprovalItem {
			var err error
			if it.ApprovesID, err = previousMeeting(ctx, tx, &im.meeting); err != nil {
				return err
			}
		}
		if err := addItem(ctx, tx, it); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE agenda_items SET started = ?, ended = ? WHERE id = ?`, it.Started, it.Ended, it.ID); err != nil {
			return err
		}
		im.itemIDs[fi.ID] = it.ID
		for _, fd := range fi.Decisions {
			d := fd.decision()
			d.ItemID = it.ID
			if err := addDecision(ctx, tx, d); err != nil {
				return err
			}
		}
		if err := im.storeItems(ctx, tx, fi.Items, it.ID); err != nil {
			return err
		}
	}
	return nil
}
