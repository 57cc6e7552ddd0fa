// Package meeting is Quorum's domain: series of meetings, meetings with their
// attendees, agenda, papers, decisions and actions; the rules that number and
// time an agenda and move a meeting through its life; the SQLite store that
// keeps them; and the meeting file that carries one meeting in and out.
package meeting

import "time"

// Classification says who may read a meeting's records.
type Classification string

// The classifications, from the most open to the most closed.
const (
	Public       Classification = "public"
	Internal     Classification = "internal"
	Restricted   Classification = "restricted"
	Confidential Classification = "confidential"
	Secret       Classification = "secret"
)

// Classifications lists every classification in order, for pickers.
var Classifications = []Classification{Public, Internal, Restricted, Confidential, Secret}

// Status is where a meeting stands in its life.
type Status string

// The statuses of a meeting.
const (
	Draft            Status = "draft"
	Convened         Status = "convened"
	Held             Status = "held"
	MinutesDraft     Status = "minutes-draft"
	MinutesSubmitted Status = "minutes-submitted" // submitted for validation
	MinutesApproved  Status = "minutes-approved"  // locked until reopened
	Cancelled        Status = "cancelled"
)

// Statuses lists every status in the order a meeting goes through them.
var Statuses = []Status{Draft, Convened, Held, MinutesDraft, MinutesSubmitted, MinutesApproved, Cancelled}

// Role is the part a person plays in one meeting.
type Role string

// The roles of an attendee.
const (
	Chair     Role = "chair"
	Secretary Role = "secretary"
	Member    Role = "member"
	Guest     Role = "guest"
	Observer  Role = "observer"
)

// Roles lists every role, for pickers.
var Roles = []Role{Chair, Secretary, Member, Guest, Observer}

// Presence is an attendee's status: invited before the meeting, then
// whether they came.
type Presence string

// The presence statuses of an attendee.
const (
	Invited     Presence = "invited"
	Confirmed   Presence = "confirmed"
	Present     Presence = "present"
	Apologies   Presence = "apologies"
	Absent      Presence = "absent"
	Represented Presence = "represented"
)

// Presences lists every presence status, for pickers.
var Presences = []Presence{Invited, Confirmed, Present, Apologies, Absent, Represented}

// Purpose says what the meeting is asked to do with an agenda item.
type Purpose string

// The purposes of an agenda item.
const (
	ForInformation Purpose = "information"
	ForDiscussion  Purpose = "discussion"
	ForDecision    Purpose = "decision"
)

// Purposes lists every purpose, for pickers.
var Purposes = []Purpose{ForInformation, ForDiscussion, ForDecision}

// Outcome is what became of a proposed decision.
type Outcome string

// The outcomes of a decision.
const (
	Adopted  Outcome = "adopted"
	Rejected Outcome = "rejected"
	Deferred Outcome = "deferred"
	Noted    Outcome = "noted"
)

// Outcomes lists every outcome, for pickers.
var Outcomes = []Outcome{Adopted, Rejected, Deferred, Noted}

// ActionStatus is where an action stands.
type ActionStatus string

// The statuses of an action.
const (
	ActionOpen       ActionStatus = "open"
	ActionInProgress ActionStatus = "in-progress"
	ActionDone       ActionStatus = "done"
	ActionCancelled  ActionStatus = "cancelled"
)

// ActionStatuses lists every action status, for pickers.
var ActionStatuses = []ActionStatus{ActionOpen, ActionInProgress, ActionDone, ActionCancelled}

// Languages are the languages a meeting's documents can be written in.
var Languages = []string{"fr", "en"}

// Series is a committee or recurring meeting: CODIR, the board, a works
// council. Its meetings are numbered 1, 2, 3 … within it.
type Series struct {
	ID         int64
	Name       string
	Code       string // short code, unique: "CODIR"
	Place      string // default place of its meetings
	NoticeDays int    // notice period in clear days
	Quorum     QuorumRule
	Members    []SeriesMember // default members, in order
	Agenda     []StandardItem // standard agenda, in order
}

// QuorumRule says how many voting members must be there for a meeting of a
// series to decide. A zero rule means no quorum is required.
type QuorumRule struct {
	Percent int  // share of voting members, in percent (50: half); 0 if unused
	Count   int  // fixed number of voting members; 0 if unused
	Proxies bool // members represented by a proxy count as there
}

// SeriesMember is one default member of a series.
type SeriesMember struct {
	PersonID int64
	Name     string // the person's name, filled when read
	Role     Role
	Voting   bool
}

// StandardItem is one item of a series' standard agenda.
type StandardItem struct {
	Title   string
	Purpose Purpose
	Minutes int
}

// Meeting is one sitting of a series, or a one-off meeting.
type Meeting struct {
	ID             int64
	SeriesID       int64  // 0: not part of a series
	SeriesCode     string // filled when read
	Number         int    // number within the series; 0: none
	Title          string
	Starts         time.Time // in the meeting's time zone
	TimeZone       string    // IANA name ("Europe/Paris"); "": Starts' fixed offset
	Minutes        int       // planned duration
	Place          string
	Link           string // video link
	Classification Classification
	Language       string // "fr" or "en": the language of its documents
	PapersDue      Date
	Status         Status
	Notes          string
	Opened         Clock // when the chair opened the sitting, local time
	Closed         Clock // when the chair closed it
	ConvenedOn     Date  // the day it last became convened; set by SetMeetingStatus
	Created        time.Time
	Updated        time.Time
}

// Ends returns the planned end of the meeting.
func (m *Meeting) Ends() time.Time { return m.Starts.Add(time.Duration(m.Minutes) * time.Minute) }

// Person is an entry of the directory.
type Person struct {
	ID           int64
	Name         string
	Title        string // job title
	Organisation string
	Email        string
	Phone        string
}

// Attendee is a person in one meeting.
type Attendee struct {
	ID        int64
	MeetingID int64
	PersonID  int64
	Person    Person // filled when read
	Role      Role
	Voting    bool
	Status    Presence
	ProxyID   int64  // who holds their proxy when Status is Represented
	ProxyName string // filled when read
	Arrived   Clock
	Left      Clock
	Events    []AttendanceEvent // arrivals and departures during the sitting, filled when read
}

// EventKind says whether someone came in or went out.
type EventKind string

// The kinds of attendance event.
const (
	Arrival   EventKind = "arrival"
	Departure EventKind = "departure"
)

// AttendanceEvent is an arrival or departure during the sitting, with the
// item then under discussion.
type AttendanceEvent struct {
	ID         int64
	MeetingID  int64
	AttendeeID int64
	Name       string // the attendee's name, filled when read
	Kind       EventKind
	At         Clock
	ItemID     int64 // the item under discussion; 0: none (before the first, between items)
}

// AgendaItem is one item of a meeting's agenda, with its sub-items.
type AgendaItem struct {
	ID            int64
	MeetingID     int64
	ParentID      int64 // 0 for a top-level item
	Title         string
	Purpose       Purpose
	PresenterID   int64
	PresenterName string // filled when read
	Minutes       int    // time allotted to the item itself, sub-items apart
	Description   string
	Confidential  bool
	Notes         string // minutes notes
	Started       Clock  // when the meeting took it up (live mode)
	Ended         Clock  // when it moved on
	Kind          ItemKind
	ApprovesID    int64 // for an ApprovalItem: the meeting whose minutes it approves
	Decisions     []Decision
	Items         []*AgendaItem // sub-items, in order

	// Computed by the domain when the agenda is read.
	Number string    // "1", "2.1" …
	Level  int       // 0 for top-level items
	Start  time.Time // planned start
}

// ItemKind marks the items Quorum adds itself to follow up the previous
// meeting of a series.
type ItemKind string

// The kinds of agenda item.
const (
	OrdinaryItem ItemKind = ""
	ApprovalItem ItemKind = "approval" // approval of the previous meeting's minutes
	ReviewItem   ItemKind = "review"   // review of the series' open actions
)

// ItemKinds lists every kind of item.
var ItemKinds = []ItemKind{OrdinaryItem, ApprovalItem, ReviewItem}

// Decision is a decision taken (or not) on an agenda item.
type Decision struct {
	ID      int64
	ItemID  int64
	Text    string
	Outcome Outcome
	For     int
	Against int
	Abstain int
}

// Document is a paper attached to a meeting or to one of its items. Its
// bytes are kept in the database, once per distinct content.
type Document struct {
	ID        int64
	MeetingID int64
	ItemID    int64 // 0: attached to the meeting itself
	Title     string
	Reference string
	FileName  string // the original file name
	MediaType string
	Size      int64
	SHA256    string // hex
	InPack    bool
	Added     time.Time

	// What Quorum learnt of its content when it was attached (see
	// Examination); filled when read.
	Examined bool
	Kind     PaperKind
	Pages    int    // page count; 0: unknown
	Problem  string // why it cannot be printed as it is; "" when fine
}

// PaperKind is what a paper is, as far as printing it goes.
type PaperKind string

// The kinds of paper.
const (
	PDFPaper   PaperKind = "pdf"   // printed page for page
	ImagePaper PaperKind = "image" // printed one image per page
	OtherPaper PaperKind = "other" // a Word or Excel file: named on a page of its own
)

// Examination is what Quorum learnt of a paper's content when it was
// attached: what it is, how many pages it has, what is wrong with it, and
// a clean copy (decrypted, repaired) to merge into briefing packs.
type Examination struct {
	Kind    PaperKind
	Pages   int
	Problem string
	Print   []byte // nil when the content prints as it is, or not at all
}

// Action is something someone must do, usually decided in a meeting.
type Action struct {
	ID            int64
	MeetingID     int64 // origin meeting; 0: none
	ItemID        int64 // origin item; 0: none
	Title         string
	Details       string
	OwnerID       int64
	OwnerName     string // filled when read
	Due           Date
	Status        ActionStatus
	Completed     Date
	Notes         []ActionNote // progress notes, oldest first
	MeetingTitle  string       // filled when read
	MeetingStarts time.Time    // filled when read
	SeriesCode    string       // filled when read
	MeetingNumber int          // filled when read
	ItemTitle     string       // filled when read
}

// ActionNote is a dated progress note on an action.
type ActionNote struct {
	ID   int64
	Date Date
	Text string
}
