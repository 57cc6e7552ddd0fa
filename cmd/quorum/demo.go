package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"testing/fstest"
	"time"

	"quorum/export"
	"quorum/meeting"
)

// The demo: a French comité de direction with three meetings (approved
// minutes, draft minutes, next week's convened meeting) and an English
// audit committee, a dozen people, PDF papers, decisions and actions.

var demoPeople = []meeting.FilePerson{
	{ID: "cm", Name: "Claire Martin", Title: "Directrice générale des services", Organisation: "Direction générale", Email: "claire.martin@ville-exemple.fr", Phone: "01 23 45 67 00"},
	{ID: "jn", Name: "Jean-Loïc Nguyen", Title: "Secrétaire général", Organisation: "Secrétariat général", Email: "jl.nguyen@ville-exemple.fr"},
	{ID: "al", Name: "Anaïs Lefèvre", Title: "Directrice administrative et financière", Organisation: "DAF", Email: "anais.lefevre@ville-exemple.fr"},
	{ID: "fd", Name: "François Dubœuf", Title: "Directeur des ressources humaines", Organisation: "DRH", Email: "francois.duboeuf@ville-exemple.fr"},
	{ID: "hg", Name: "Hélène Garnier", Title: "Directrice des systèmes d'information", Organisation: "DSI", Email: "helene.garnier@ville-exemple.fr"},
	{ID: "tm", Name: "Thomas Moreau", Title: "Directeur des services techniques", Organisation: "DST", Email: "thomas.moreau@ville-exemple.fr"},
	{ID: "er", Name: "Émilie Rousseau", Title: "Cheffe de cabinet", Organisation: "Cabinet du maire", Email: "emilie.rousseau@ville-exemple.fr"},
	{ID: "kb", Name: "Karim Benali", Title: "Directeur de la communication", Organisation: "Communication", Email: "karim.benali@ville-exemple.fr"},
	{ID: "sl", Name: "Sophie Lambert", Title: "Responsable des affaires juridiques", Organisation: "Affaires juridiques", Email: "sophie.lambert@ville-exemple.fr"},
	{ID: "mv", Name: "Marc-Antoine de La Fontaine-Villeneuve", Title: "Contrôleur de gestion", Organisation: "DAF", Email: "ma.delafontaine@ville-exemple.fr"},
	{ID: "ic", Name: "Inès Carvalho", Title: "Assistante de direction", Organisation: "Direction générale", Email: "ines.carvalho@ville-exemple.fr"},
	{ID: "mo", Name: "Margaret O'Neill", Title: "Chair of the audit committee", Organisation: "Board", Email: "m.oneill@example.org"},
	{ID: "ob", Name: "Oliver Bennett", Title: "Audit partner", Organisation: "Bennett & Partners LLP", Email: "oliver.bennett@example.co.uk"},
}

// codirMembers are the comité's members, chair and secretary first.
var codirMembers = []string{"cm", "jn", "al", "fd", "hg", "tm", "er", "kb", "sl"}

var codirAgenda = []meeting.StandardItem{
	{Title: "Approbation du procès-verbal de la séance précédente", Purpose: meeting.ForDecision, Minutes: 5},
	{Title: "Suivi des actions", Purpose: meeting.ForInformation, Minutes: 10},
	{Title: "Questions diverses", Purpose: meeting.ForInformation, Minutes: 10},
}

func cmdDemo(ctx context.Context, db string, args []string, stdout io.Writer) error {
	db, err := noArguments("demo", db, args)
	if err != nil {
		return err
	}
	return withStore(db, func(st *meeting.Store) error {
		n, err := loadDemo(ctx, st, st.Now())
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "added the demo: %d meetings in %s\n", n, st.Path())
		return nil
	})
}

// loadDemo adds the demo around now and returns how many meetings it added.
func loadDemo(ctx context.Context, st *meeting.Store, now time.Time) (int, error) {
	series, err := st.ListSeries(ctx)
	if err != nil {
		return 0, err
	}
	for _, s := range series {
		if s.Code == "CODIR" {
			return 0, meeting.Errorf(meeting.ECONFLICT, "this database already has the demo (series CODIR)")
		}
	}
	logo, err := demoLogo()
	if err != nil {
		return 0, err
	}
	if err := st.SaveSettings(ctx, meeting.Settings{Organisation: "Ville d'Exemple — Direction générale des services", Logo: logo}); err != nil {
		return 0, err
	}
	ids := map[string]int64{}
	for _, fp := range demoPeople {
		p := &meeting.Person{Name: fp.Name, Title: fp.Title, Organisation: fp.Organisation, Email: fp.Email, Phone: fp.Phone}
		if err := st.CreatePerson(ctx, p); err != nil {
			return 0, err
		}
		ids[fp.ID] = p.ID
	}
	codir := &meeting.Series{Name: "Comité de direction", Code: "CODIR", Place: "Hôtel de ville, salle du conseil",
		NoticeDays: 5, Quorum: meeting.QuorumRule{Percent: 50, Proxies: true}, Agenda: codirAgenda}
	for i, ref := range codirMembers {
		role := []meeting.Role{meeting.Chair, meeting.Secretary}[min(i, 1)]
		if i > 1 {
			role = meeting.Member
		}
		codir.Members = append(codir.Members, meeting.SeriesMember{PersonID: ids[ref], Role: role, Voting: true})
	}
	if err := st.CreateSeries(ctx, codir); err != nil {
		return 0, err
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return 0, err
	}
	// Thursdays at 9:30: eight and four weeks ago, and next week.
	day := now.In(paris)
	day = time.Date(day.Year(), day.Month(), day.Day(), 9, 30, 0, 0, paris)
	day = day.AddDate(0, 0, (int(time.Thursday)-int(day.Weekday())+7)%7+7)
	meetings := []demoMeeting{
		codirMeeting(day.AddDate(0, 0, -56), meeting.MinutesApproved, 1),
		codirMeeting(day.AddDate(0, 0, -28), meeting.MinutesDraft, 2),
		codirMeeting(day, meeting.Convened, 3),
		auditMeeting(day.AddDate(0, 0, 7).Add(4*time.Hour + 30*time.Minute)),
	}
	for _, dm := range meetings {
		papers := fstest.MapFS{}
		for _, p := range dm.papers {
			data, err := export.SamplePaper(p.title, p.ref, p.paragraphs)
			if err != nil {
				return 0, err
			}
			papers[p.path] = &fstest.MapFile{Data: data}
		}
		if _, err := st.ImportMeeting(ctx, &dm.file, papers); err != nil {
			return 0, fmt.Errorf("demo meeting %q: %w", dm.file.Meeting.Title, err)
		}
	}
	return len(meetings), nil
}

type demoPaper struct {
	path, title, ref string
	paragraphs       []string
}

type demoMeeting struct {
	file   meeting.File
	papers []demoPaper
}

func yes() *bool { v := true; return &v }

// codirMeeting builds the n-th demo meeting of the comité.
func codirMeeting(starts time.Time, status meeting.Status, n int) demoMeeting {
	held := status != meeting.Convened
	month := frenchMonths[starts.Month()-1]
	f := meeting.File{Format: meeting.FileFormat, Version: meeting.FileVersion, People: demoPeople,
		Meeting: meeting.FileMeeting{Title: fmt.Sprintf("Comité de direction — %s %d", month, starts.Year()), Series: "CODIR",
			Starts: starts.Format(time.RFC3339), TimeZone: "Europe/Paris", Minutes: 120,
			Place: "Hôtel de ville, salle du conseil", Link: "https://visio.ville-exemple.fr/codir",
			Classification: "restricted", Language: "fr", Status: string(status),
			PapersDue: starts.AddDate(0, 0, -7).Format("2006-01-02")}}
	for i, ref := range codirMembers {
		a := meeting.FileAttendee{Person: ref, Role: "member", Status: "confirmed"}
		switch {
		case i == 0:
			a.Role = "chair"
		case i == 1:
			a.Role = "secretary"
		}
		if held {
			a.Status = "present"
			if ref == "kb" {
				a.Status = "apologies"
			}
			if ref == "sl" {
				a.Status, a.Proxy = "represented", "jn"
			}
		} else if ref == "kb" {
			a.Status = "apologies"
		}
		f.Attendees = append(f.Attendees, a)
	}
	guests := "invited"
	if held {
		guests = "present"
	}
	f.Attendees = append(f.Attendees, meeting.FileAttendee{Person: "mv", Role: "guest", Status: guests},
		meeting.FileAttendee{Person: "ic", Role: "observer", Status: guests})
	prevRef := fmt.Sprintf("CODIR-PV-%02d", n-1)
	papers := []demoPaper{
		{"papers/budget.pdf", "Note de synthèse — exécution budgétaire", fmt.Sprintf("DAF-%d-%02d", starts.Year(), n),
			[]string{"Objet : point d'étape sur l'exécution du budget primitif et perspectives pour l'exercice suivant.",
				"Les dépenses de fonctionnement sont exécutées à 78 % à la fin du mois, soit 12,4 M€ sur 15,9 M€ inscrits. " +
					"Les recettes suivent la prévision ; la dotation globale est notifiée à l'euro près.",
				"Il est proposé au comité de prendre acte de cette exécution et de valider les orientations de la note."}},
		{"papers/rh.pdf", "Plan de formation et lignes directrices de gestion", fmt.Sprintf("DRH-%d-%02d", starts.Year(), n),
			[]string{"Le plan de formation couvre 412 agents ; l'effort porte sur la prévention des risques et le numérique.",
				"Le comité est invité à émettre un avis avant la consultation du comité social territorial."}},
	}
	f.Documents = []meeting.FileDocument{
		{ID: "budget", Title: papers[0].title, Reference: papers[0].ref, File: papers[0].path, InPack: yes()},
		{ID: "rh", Title: papers[1].title, Reference: papers[1].ref, File: papers[1].path, InPack: yes()},
	}
	items := []meeting.FileItem{
		{ID: "pv", Title: "Approbation du procès-verbal de la séance précédente", Purpose: "decision", Presenter: "cm", Minutes: 5},
		{ID: "actions", Title: "Suivi des actions", Purpose: "information", Presenter: "jn", Minutes: 10},
		{ID: "budget", Title: "Exécution budgétaire et orientations", Purpose: "decision", Presenter: "al", Minutes: 30,
			Description: "Point d'étape trimestriel.", Documents: []string{"budget"}, Items: []meeting.FileItem{
				{ID: "budget.1", Title: "Section de fonctionnement", Purpose: "information", Presenter: "mv", Minutes: 15},
				{ID: "budget.2", Title: "Programme pluriannuel d'investissement", Purpose: "decision", Presenter: "al", Minutes: 20, Confidential: true},
			}},
		{ID: "rh", Title: "Ressources humaines : plan de formation", Purpose: "discussion", Presenter: "fd", Minutes: 20, Documents: []string{"rh"}},
		{ID: "si", Title: "Sécurité des systèmes d'information — incident du mois et plan d'action", Purpose: "information", Presenter: "hg", Minutes: 15, Confidential: true},
		{ID: "qd", Title: "Questions diverses", Purpose: "information", Minutes: 5},
	}
	if n > 1 {
		papers = append(papers, demoPaper{"papers/pv.pdf", fmt.Sprintf("Procès-verbal de la séance n° %d", n-1), prevRef,
			[]string{"Étaient présents les membres du comité de direction. Le quorum est atteint.",
				"L'ordre du jour étant épuisé, la séance est levée à 11 h 40."}})
		f.Documents = append(f.Documents, meeting.FileDocument{ID: "pv", Title: papers[2].title, Reference: prevRef, File: papers[2].path, InPack: yes()})
		items[0].Documents = []string{"pv"}
		items[0].Kind, items[1].Kind = "approval", "review"
	}
	if held {
		f.Meeting.Opened, f.Meeting.Closed = "09:35", "11:40"
		items[0].Decisions = []meeting.FileDecision{{Text: "Le procès-verbal de la séance précédente est approuvé sans modification.", Outcome: "adopted", For: 8, Against: 0, Abstain: 0}}
		items[2].Notes = "La directrice financière présente l'exécution. Le comité relève la hausse des fluides (+ 14 %)."
		items[2].Items[1].Decisions = []meeting.FileDecision{{Text: "L'opération « gymnase Jean-Moulin » est reportée à l'exercice suivant.", Outcome: "deferred"}}
		items[3].Decisions = []meeting.FileDecision{{Text: "Avis favorable au plan de formation.", Outcome: "adopted", For: 7, Against: 1, Abstain: 0}}
		items[4].Notes = "Incident maîtrisé ; aucune donnée personnelle exposée."
		f.Actions = codirActions(starts, n)
	}
	f.Agenda = items
	return demoMeeting{file: f, papers: papers}
}

// codirActions are the actions decided at the n-th meeting: the first
// meeting's are mostly done by now, the second's are still running.
func codirActions(starts time.Time, n int) []meeting.FileAction {
	day := func(days int) string { return starts.AddDate(0, 0, days).Format("2006-01-02") }
	pv := meeting.FileAction{Title: "Diffuser le procès-verbal aux membres", Owner: "jn", Due: day(7), Status: "done", Completed: day(5), Item: "pv"}
	if n == 1 {
		return []meeting.FileAction{pv,
			{Title: "Chiffrer le report du gymnase Jean-Moulin", Details: "Deux scénarios : report simple, phasage sur deux exercices.",
				Owner: "al", Due: day(21), Status: "done", Completed: day(20), Item: "budget.2",
				Notes: []meeting.FileActionNote{{Date: day(10), Text: "Premier chiffrage reçu des services techniques."}}},
			{Title: "Organiser l'exercice de gestion de crise cyber", Owner: "hg", Due: day(21), Status: "done", Completed: day(24), Item: "si"},
			{Title: "Présenter le plan de formation au comité social territorial", Owner: "fd", Due: day(45), Status: "in-progress", Item: "rh",
				Notes: []meeting.FileActionNote{{Date: day(30), Text: "Inscrit à l'ordre du jour du CST de décembre."}}},
		}
	}
	return []meeting.FileAction{pv,
		{Title: "Arbitrer le phasage du gymnase Jean-Moulin", Details: "Sur la base des deux scénarios chiffrés par la DAF.",
			Owner: "cm", Due: day(28), Status: "open", Item: "budget.2"},
		{Title: "Restituer l'exercice de crise cyber au comité", Owner: "hg", Due: day(14), Status: "in-progress", Item: "si",
			Notes: []meeting.FileActionNote{{Date: day(9), Text: "Retour d'expérience en cours de rédaction."}}},
		{Title: "Publier le plan de formation sur l'intranet", Owner: "kb", Due: day(42), Status: "open", Item: "rh"},
		{Title: "Mettre à jour le règlement intérieur du comité", Details: "Intégrer la visioconférence et le vote à distance.",
			Owner: "sl", Due: day(60), Status: "open"},
	}
}

// demoLogo draws the demo town's emblem: a blue shield with three white
// bands.
func demoLogo() ([]byte, error) {
	const w, h = 120, 140
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	blue, white := color.RGBA{0x1f, 0x3a, 0x93, 0xff}, color.RGBA{0xff, 0xff, 0xff, 0xff}
	for y := range h {
		// The shield narrows to a point in its lower third.
		half := w / 2
		if y > h*2/3 {
			half = half * (h - y) / (h / 3)
		}
		for x := w/2 - half; x < w/2+half; x++ {
			c := blue
			if band := y * 7 / h; band == 1 || band == 3 || band == 5 {
				c = white
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	err := png.Encode(&b, img)
	return b.Bytes(), err
}

var frenchMonths = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// auditMeeting builds the English one-off meeting of the demo.
func auditMeeting(starts time.Time) demoMeeting {
	f := meeting.File{Format: meeting.FileFormat, Version: meeting.FileVersion, People: demoPeople,
		Meeting: meeting.FileMeeting{Title: "Audit and Risk Committee", Starts: starts.Format(time.RFC3339), TimeZone: "Europe/Paris",
			Minutes: 90, Place: "Town hall, committee room 2", Classification: "confidential", Language: "en", Status: "draft"},
		Attendees: []meeting.FileAttendee{
			{Person: "mo", Role: "chair", Status: "confirmed"},
			{Person: "ic", Role: "secretary", Status: "confirmed"},
			{Person: "al", Role: "member", Status: "invited"},
			{Person: "sl", Role: "member", Status: "invited"},
			{Person: "ob", Role: "guest", Status: "confirmed"},
		},
		Documents: []meeting.FileDocument{{ID: "plan", Title: "External audit plan", Reference: "ARC-2027-01", File: "papers/audit-plan.pdf", InPack: yes()}},
		Agenda: []meeting.FileItem{
			{ID: "1", Title: "Apologies and declarations of interest", Purpose: "information", Presenter: "mo", Minutes: 5},
			{ID: "2", Title: "External audit plan", Purpose: "decision", Presenter: "ob", Minutes: 30, Documents: []string{"plan"}},
			{ID: "3", Title: "Risk register: top ten risks", Purpose: "discussion", Presenter: "al", Minutes: 40, Confidential: true},
			{ID: "4", Title: "Any other business", Purpose: "information", Minutes: 10},
		},
	}
	return demoMeeting{file: f, papers: []demoPaper{{"papers/audit-plan.pdf", "External audit plan", "ARC-2027-01",
		[]string{"This plan sets out the scope, timing and fees (€48,000) of the external audit.",
			"The committee is asked to approve the plan."}}}}
}
