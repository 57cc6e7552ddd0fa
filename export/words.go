package export

import (
	"fmt"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"quorum/meeting"
)

// words are the labels of printed documents in one language.
type words struct {
	lang string

	notice, draftNotice, agenda, minutes, publicMinutes, actionLog, attendanceSheet string

	date, place, link, chair, secretary, papersDue, series, sitting, duration                           string
	reference, version, status, preparedBy, printed                                                     string
	draft, final, approved, cancelled                                                                   string
	watermark, page, intentionallyBlank                                                                 string
	invited, members, guests, observers                                                                 string
	name, function, role, signature, proxy                                                              string
	number, item, purpose, start, minutesShort, presenter, papers, total                                string
	overrun, confidentialItem, publicNote, paperRef                                                     string
	present, apologies, represented, absent, inAttendance, proxyTo                                      string
	opened, closed, closingLine, noItems, noActions, noAttendees                                        string
	decision, votes, actionsOfItem, owner, due, origin, latestNote, overdue                             string
	byStatus, byOwner, noOwner, noDue, asOf, signedChair, signedSecretary                               string
	notRecorded, arrivedAt, leftAt, otherActions, count, attendance, colon                              string
	pack, contents, itemNumber, copyOf, otherPapers, pageCol, cannotPrint, cannotRead, reason, original string
	imageOf, notExamined, emptyPaper, latePaper, unreadable, noPapers, packPage, action                 string
	purposes                                                                                            map[meeting.Purpose]string
	outcomes                                                                                            map[meeting.Outcome]string
	roles                                                                                               map[meeting.Role]string
	actionStatuses                                                                                      map[meeting.ActionStatus]string
	classifications                                                                                     map[meeting.Classification]string
	weekdays, months                                                                                    []string
}

var french = words{
	lang:   "fr",
	notice: "Convocation et ordre du jour", draftNotice: "Projet d'ordre du jour", agenda: "Ordre du jour",
	minutes: "Procès-verbal", publicMinutes: "Procès-verbal — version publique",
	actionLog: "Relevé des actions", attendanceSheet: "Feuille d'émargement",
	date: "Date", place: "Lieu", link: "Visioconférence", chair: "Présidence de séance", secretary: "Secrétariat de séance",
	papersDue: "Remise des documents", series: "Instance", sitting: "Séance n° %d", duration: "Durée prévue",
	reference: "Référence", version: "Version", status: "État", preparedBy: "Préparé par", printed: "Imprimé le %s",
	draft: "Projet", final: "Définitif", approved: "Approuvé", cancelled: "Séance annulée",
	watermark: "PROJET", page: "Page %d sur %s", intentionallyBlank: "Page laissée blanche intentionnellement",
	invited: "Personnes convoquées", members: "Membres", guests: "Invités", observers: "Observateurs",
	name: "Nom", function: "Fonction", role: "Qualité", signature: "Signature", proxy: "Pouvoir donné à",
	number: "N°", item: "Point", purpose: "Objet", start: "Heure", minutesShort: "Durée",
	presenter: "Rapporteur : %s", papers: "Documents", total: "Durée totale : %s pour une séance de %s",
	overrun: "dépassement de %s", confidentialItem: "huis clos",
	publicNote: "Version publique : les points examinés à huis clos n'y figurent pas.",
	paperRef:   "réf. %s", present: "Présents", apologies: "Excusés", represented: "Représentés",
	absent: "Absents", inAttendance: "Assistaient également", proxyTo: "pouvoir à %s",
	opened: "La séance est ouverte à %s.", closed: "Séance levée à %s",
	closingLine: "L'ordre du jour étant épuisé, la séance est levée à %s.",
	noItems:     "L'ordre du jour ne comporte encore aucun point.", noActions: "Aucune action.",
	noAttendees: "Aucune personne n'est encore convoquée.",
	decision:    "Décision", votes: "pour : %d, contre : %d, abstention : %d", actionsOfItem: "Actions",
	owner: "Responsable", due: "Échéance", origin: "Origine", latestNote: "Dernier point d'avancement",
	overdue: "en retard", byStatus: "par état", byOwner: "par responsable", noOwner: "Sans responsable",
	noDue: "—", asOf: "Situation au %s", signedChair: "La présidence de séance", signedSecretary: "Le secrétariat de séance",
	notRecorded: "Présence non renseignée", arrivedAt: "arrivée à %s", leftAt: "départ à %s",
	otherActions: "Autres actions", count: "%d action(s)", attendance: "Présences", colon: " : ",
	pack: "Dossier de séance", contents: "Sommaire", itemNumber: "Point %s", copyOf: "Exemplaire de %s — n° %d/%d",
	otherPapers: "Autres documents", pageCol: "Page",
	cannotPrint: "Ce document ne peut pas être imprimé dans le dossier", cannotRead: "Ce document n'a pas pu être lu",
	reason: "Motif : %s", original: "Fichier d'origine : %s (%s)", imageOf: "Image : %s",
	notExamined: "le document n'a pas encore été vérifié", emptyPaper: "le fichier est vide",
	latePaper: "remis après la date limite (%s)", unreadable: "illisible", noPapers: "Le dossier ne comporte aucun document.", action: "Action", packPage: "p. %d du dossier",
	purposes: map[meeting.Purpose]string{meeting.ForInformation: "Information", meeting.ForDiscussion: "Débat", meeting.ForDecision: "Décision"},
	outcomes: map[meeting.Outcome]string{meeting.Adopted: "Adopté", meeting.Rejected: "Rejeté", meeting.Deferred: "Reporté", meeting.Noted: "Pris acte"},
	roles: map[meeting.Role]string{meeting.Chair: "Président(e)", meeting.Secretary: "Secrétaire", meeting.Member: "Membre",
		meeting.Guest: "Invité(e)", meeting.Observer: "Observateur"},
	actionStatuses: map[meeting.ActionStatus]string{meeting.ActionOpen: "À faire", meeting.ActionInProgress: "En cours",
		meeting.ActionDone: "Fait", meeting.ActionCancelled: "Abandonné"},
	classifications: map[meeting.Classification]string{meeting.Internal: "Usage interne", meeting.Restricted: "Diffusion restreinte",
		meeting.Confidential: "Confidentiel", meeting.Secret: "Secret"},
	weekdays: []string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
	months:   []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
}

var english = words{
	lang:   "en",
	notice: "Notice of meeting and agenda", draftNotice: "Draft agenda", agenda: "Agenda",
	minutes: "Minutes", publicMinutes: "Minutes — public version",
	actionLog: "Action log", attendanceSheet: "Attendance sheet",
	date: "Date", place: "Place", link: "Video link", chair: "Chair", secretary: "Secretary",
	papersDue: "Papers due", series: "Committee", sitting: "Meeting no. %d", duration: "Planned duration",
	reference: "Reference", version: "Version", status: "Status", preparedBy: "Prepared by", printed: "Printed on %s",
	draft: "Draft", final: "Final", approved: "Approved", cancelled: "Meeting cancelled",
	watermark: "DRAFT", page: "Page %d of %s", intentionallyBlank: "This page is intentionally blank",
	invited: "Invited", members: "Members", guests: "Guests", observers: "Observers",
	name: "Name", function: "Position", role: "Role", signature: "Signature", proxy: "Proxy given to",
	number: "No.", item: "Item", purpose: "Purpose", start: "Time", minutesShort: "Length",
	presenter: "Presented by %s", papers: "Papers", total: "Total time: %s for a meeting of %s",
	overrun: "overrun of %s", confidentialItem: "closed session",
	publicNote: "Public version: items taken in closed session are not included.",
	paperRef:   "ref. %s", present: "Present", apologies: "Apologies", represented: "Represented",
	absent: "Absent", inAttendance: "In attendance", proxyTo: "proxy to %s",
	opened: "The meeting opened at %s.", closed: "Closed at %s",
	closingLine: "There being no further business, the meeting closed at %s.",
	noItems:     "The agenda has no items yet.", noActions: "No actions.",
	noAttendees: "Nobody has been invited yet.",
	decision:    "Decision", votes: "for: %d, against: %d, abstain: %d", actionsOfItem: "Actions",
	owner: "Owner", due: "Due", origin: "Origin", latestNote: "Latest progress",
	overdue: "overdue", byStatus: "by status", byOwner: "by owner", noOwner: "No owner",
	noDue: "—", asOf: "As of %s", signedChair: "Chair", signedSecretary: "Secretary",
	notRecorded: "Attendance not recorded", arrivedAt: "arrived at %s", leftAt: "left at %s",
	otherActions: "Other actions", count: "%d action(s)", attendance: "Attendance", colon: ": ",
	pack: "Briefing pack", contents: "Contents", itemNumber: "Item %s", copyOf: "Copy for %s — no. %d of %d",
	otherPapers: "Other papers", pageCol: "Page",
	cannotPrint: "This paper cannot be printed in the pack", cannotRead: "This paper could not be read",
	reason: "Reason: %s", original: "Original file: %s (%s)", imageOf: "Image: %s",
	notExamined: "the paper has not been checked yet", emptyPaper: "the file is empty",
	latePaper: "arrived after the deadline (%s)", unreadable: "unreadable", noPapers: "The pack holds no papers.", action: "Action", packPage: "pack p. %d",
	purposes: map[meeting.Purpose]string{meeting.ForInformation: "Information", meeting.ForDiscussion: "Discussion", meeting.ForDecision: "Decision"},
	outcomes: map[meeting.Outcome]string{meeting.Adopted: "Adopted", meeting.Rejected: "Rejected", meeting.Deferred: "Deferred", meeting.Noted: "Noted"},
	roles: map[meeting.Role]string{meeting.Chair: "Chair", meeting.Secretary: "Secretary", meeting.Member: "Member",
		meeting.Guest: "Guest", meeting.Observer: "Observer"},
	actionStatuses: map[meeting.ActionStatus]string{meeting.ActionOpen: "Open", meeting.ActionInProgress: "In progress",
		meeting.ActionDone: "Done", meeting.ActionCancelled: "Cancelled"},
	classifications: map[meeting.Classification]string{meeting.Internal: "Internal", meeting.Restricted: "Restricted",
		meeting.Confidential: "Confidential", meeting.Secret: "Secret"},
	weekdays: []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
	months:   []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// wordsFor returns the labels of a language ("fr" or "en"; French otherwise).
func wordsFor(lang string) *words {
	if lang == "en" {
		return &english
	}
	return &french
}

// longDate writes a day as each language writes it: « jeudi 3 décembre
// 2026 », « 1er mars », "Thursday 3 December 2026".
func (w *words) longDate(t time.Time) string {
	day := fmt.Sprint(t.Day())
	if w.lang == "fr" && t.Day() == 1 {
		day = "1er"
	}
	return fmt.Sprintf("%s %s %s %d", w.weekdays[t.Weekday()], day, w.months[t.Month()-1], t.Year())
}

// shortDate writes a day as 03/12/2026 (both languages, day first).
func (w *words) shortDate(t time.Time) string { return t.Format("02/01/2006") }

// clock writes a time of day: « 9 h 30 », « 10 h » in French, "09:30" in English.
func (w *words) clock(t time.Time) string {
	if w.lang != "fr" {
		return t.Format("15:04")
	}
	if t.Minute() == 0 {
		return fmt.Sprintf("%d h", t.Hour())
	}
	return fmt.Sprintf("%d h %02d", t.Hour(), t.Minute())
}

// clockOf writes a stored HH:MM time of day.
func (w *words) clockOf(c meeting.Clock) string {
	t, err := time.Parse(meeting.ClockLayout, string(c))
	if err != nil {
		return string(c)
	}
	return w.clock(t)
}

// dateOf writes a stored day, or "" for none.
func (w *words) dateOf(d meeting.Date) string {
	if d == "" {
		return ""
	}
	return w.shortDate(d.Time())
}

// span writes a length of time: « 1 h 30 », « 45 min ».
func (w *words) span(minutes int) string {
	switch {
	case minutes < 60:
		return fmt.Sprintf("%d min", minutes)
	case minutes%60 == 0:
		return fmt.Sprintf("%d h", minutes/60)
	case w.lang == "fr":
		return fmt.Sprintf("%d h %02d", minutes/60, minutes%60)
	}
	return fmt.Sprintf("%d h %02d min", minutes/60, minutes%60)
}

// collator sorts names as the language does (Émilie with the E's).
func (w *words) collator() *collate.Collator {
	tag := language.French
	if w.lang == "en" {
		tag = language.BritishEnglish
	}
	return collate.New(tag, collate.IgnoreCase)
}
