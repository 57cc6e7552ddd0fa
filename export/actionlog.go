package export

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"quorum/meeting"
)

// ActionScope is what an action log covers: the actions of one meeting or
// of a whole series.
type ActionScope struct {
	Title          string    // the meeting's or the series' name
	Date           time.Time // the meeting's start; zero for a series
	Reference      string    // CODIR-12-ACTIONS, CODIR-ACTIONS
	Language       string    // "fr" or "en"
	Classification meeting.Classification
	Settings       meeting.Settings
	Actions        []*meeting.Action
}

// MeetingActions is the scope of a meeting's action log.
func MeetingActions(r *meeting.Record) ActionScope {
	return ActionScope{Title: r.Meeting.Title, Date: r.Meeting.Starts, Reference: reference(r.Meeting, wordsFor(r.Meeting.Language), kindActions),
		Language: r.Meeting.Language, Classification: r.Meeting.Classification, Settings: r.Settings, Actions: r.Actions}
}

// SeriesActions is the scope of a series' action log.
func SeriesActions(s *meeting.Series, actions []*meeting.Action, settings meeting.Settings, lang string) ActionScope {
	return ActionScope{Title: s.Name, Reference: s.Code + "-ACTIONS", Language: lang, Classification: meeting.Internal,
		Settings: settings, Actions: actions}
}

// ListedActions is the scope of a list of actions chosen otherwise than
// by meeting or series (the Actions view's filters, across series): title
// says which they are; the reference is ACTIONS.
func ListedActions(title string, actions []*meeting.Action, lang string) ActionScope {
	return ActionScope{Title: title, Reference: "ACTIONS", Language: lang, Classification: meeting.Internal, Actions: actions}
}

// ActionLog writes the action log (relevé des actions): the actions of a
// scope grouped by status, or by owner, each with its origin, due date and
// latest progress note; overdue ones stand out in red, those due within a
// week in amber, finished ones in blue.
func ActionLog(w io.Writer, scope ActionScope, byOwner bool, o Options) error {
	words := wordsFor(cmp.Or(o.Language, scope.Language))
	now := o.now()
	d := newDoc(docSpec{words: words, title: words.actionLog, reference: scope.Reference,
		organisation: scope.Settings.Organisation, logo: scope.Settings.Logo,
		headerRight: scope.Title + "\n" + fmt.Sprintf(words.asOf, words.shortDate(now)), classification: scope.Classification,
		created: now})
	d.pdf.AddPage()
	grouping := words.byStatus
	if byOwner {
		grouping = words.byOwner
	}
	detail := fmt.Sprintf(words.asOf, words.longDate(now)) + " — " + grouping
	if !scope.Date.IsZero() {
		detail = words.longDate(scope.Date) + "\n" + detail
	}
	d.title(words.actionLog, scope.Title, detail)
	log := actionLog{doc: d, today: meeting.DateOf(now)}
	if len(scope.Actions) == 0 {
		d.para(words.noActions, "I", grey)
		return d.write(w)
	}
	for _, g := range log.groups(scope.Actions, byOwner) {
		d.heading(g.name + " — " + fmt.Sprintf(words.count, len(g.actions)))
		log.appendTable(g.actions)
	}
	return d.write(w)
}

type actionLog struct {
	*doc
	today meeting.Date
}

type actionGroup struct {
	name    string
	actions []*meeting.Action
}

// groups sorts actions into groups: by status in the order of their life,
// or by owner's name (those without an owner last).
func (l actionLog) groups(actions []*meeting.Action, byOwner bool) []actionGroup {
	w := l.w
	var groups []actionGroup
	if !byOwner {
		for _, st := range meeting.ActionStatuses {
			g := actionGroup{name: w.actionStatuses[st]}
			for _, a := range actions {
				if a.Status == st {
					g.actions = append(g.actions, a)
				}
			}
			if len(g.actions) > 0 {
				groups = append(groups, g)
			}
		}
		return groups
	}
	byName := map[string][]*meeting.Action{}
	for _, a := range actions {
		byName[a.OwnerName] = append(byName[a.OwnerName], a)
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	col := w.collator()
	slices.SortFunc(names, func(a, b string) int {
		if (a == "") != (b == "") {
			return strings.Compare(b, a) // no owner last
		}
		return col.CompareString(a, b)
	})
	for _, n := range names {
		groups = append(groups, actionGroup{name: cmp.Or(n, w.noOwner), actions: byName[n]})
	}
	return groups
}

func (l actionLog) appendTable(actions []*meeting.Action) {
	w := l.w
	var rows [][]cell
	for _, a := range actions {
		what := cell{parts: []part{{text: a.Title, style: "B"}}}
		if a.Details != "" {
			what.parts = append(what.parts, part{text: a.Details, size: smallSize + 1})
		}
		if n := len(a.Notes); n > 0 {
			note := a.Notes[n-1]
			what.parts = append(what.parts, part{text: w.dateOf(note.Date) + w.colon + note.Text, style: "I", colour: grey, size: smallSize + 1})
		}
		due := cell{parts: []part{{text: cmp.Or(w.dateOf(a.Due), w.noDue)}}}
		status := cell{parts: []part{{text: w.actionStatuses[a.Status]}}}
		switch a.RAG(l.today) {
		case meeting.Red:
			due.parts = []part{{text: w.dateOf(a.Due), style: "B", colour: red}, {text: w.overdue, style: "B", colour: red, size: smallSize + 1}}
		case meeting.Amber:
			due.parts = []part{{text: w.dateOf(a.Due), style: "B", colour: amber}, {text: w.life().dueSoon, colour: amber, size: smallSize + 1}}
		case meeting.Blue:
			status.parts[0].colour = blue
		}
		if a.Completed != "" {
			status.parts = append(status.parts, part{text: w.dateOf(a.Completed), colour: blue})
		}
		rows = append(rows, []cell{what, text(cmp.Or(a.OwnerName, "—"), ""), text(l.origin(a), ""), due, status})
	}
	l.table(table{cols: []column{{head: w.action, width: 37}, {head: w.owner, width: 16}, {head: w.origin, width: 21},
		{head: w.due, width: 13}, {head: w.status, width: 13}}, borders: true}, rows)
}

// origin names the meeting and item an action came from.
func (l actionLog) origin(a *meeting.Action) string {
	if a.MeetingID == 0 {
		return "—"
	}
	s := a.MeetingTitle
	if a.SeriesCode != "" {
		s = fmt.Sprintf("%s n° %d", a.SeriesCode, a.MeetingNumber)
	}
	s += "\n" + l.w.shortDate(a.MeetingStarts)
	if a.ItemTitle != "" {
		s += "\n" + a.ItemTitle
	}
	return s
}
