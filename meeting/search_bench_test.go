package meeting

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// benchWords is the vocabulary of the scaled database's texts.
var benchWords = strings.Fields(`réunion comité direction budget prévisionnel exercice rapport annuel
	activité ressources humaines recrutement formation plan pluriannuel investissement travaux voirie
	bâtiment école crèche médiathèque piscine gymnase marché public attribution délibération subvention
	association convention partenariat département région préfecture contrôle légalité trésorerie
	décision modificative compte administratif gestion dette emprunt taux fiscalité taxe foncière
	urbanisme permis construire lotissement enquête publique environnement déchets collecte tri
	énergie éclairage chauffage rénovation thermique sécurité incendie accessibilité handicap
	personnel astreinte télétravail organigramme évaluation entretien protocole égalité santé
	prévention risques psychosociaux élections représentants syndicats dialogue social calendrier
	numérique logiciel messagerie cybersécurité sauvegarde archives courrier communication site
	journal événement cérémonie jumelage culture patrimoine église château musée tourisme office`)

// benchText returns n words drawn from the vocabulary.
func benchText(r *rand.Rand, n int) string {
	words := make([]string, n)
	for i := range words {
		words[i] = benchWords[r.IntN(len(benchWords))]
	}
	return strings.Join(words, " ")
}

// scaledStore fills a database with meetings meetings of 5 series over
// the years, each with 8 items (notes and descriptions), 3 decisions, 3
// actions with a note and 2 papers; and 300 people.
func scaledStore(b *testing.B, meetings int) *Store {
	s := benchStore(b)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 2))
	var people []int64
	var series []int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		for i := range 300 {
			p := &Person{Name: fmt.Sprintf("%s %d", benchText(r, 2), i), Title: benchText(r, 3), Organisation: benchText(r, 2)}
			if err := s.createPerson(ctx, tx, p); err != nil {
				return err
			}
			people = append(people, p.ID)
		}
		for _, code := range []string{"CODIR", "CA", "CSE", "CT", "BUREAU"} {
			sr := &Series{Name: "Instance " + code, Code: code}
			if err := s.createSeries(ctx, tx, sr); err != nil {
				return err
			}
			series = append(series, sr.ID)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Date(2005, 1, 3, 9, 30, 0, 0, time.UTC)
	for batch := 0; batch < meetings; batch += 500 {
		err := s.write(ctx, func(tx *sql.Tx) error {
			for i := batch; i < min(batch+500, meetings); i++ {
				m := &Meeting{SeriesID: series[i%len(series)], Title: "Séance " + benchText(r, 3), Starts: start.Add(time.Duration(i) * 26 * time.Hour),
					Place: benchText(r, 2), Notes: benchText(r, 20), Classification: Internal, Language: "fr", Status: Held}
				if err := s.createMeeting(ctx, tx, m); err != nil {
					return err
				}
				for j := range 8 {
					it := &AgendaItem{MeetingID: m.ID, Title: benchText(r, 4), Purpose: ForDecision, Description: benchText(r, 25), Notes: benchText(r, 80)}
					if err := addItem(ctx, tx, it); err != nil {
						return err
					}
					if j < 3 {
						if err := addDecision(ctx, tx, &Decision{ItemID: it.ID, Text: benchText(r, 15), Outcome: Adopted}); err != nil {
							return err
						}
						a := &Action{ItemID: it.ID, Title: benchText(r, 6), Details: benchText(r, 15), Status: ActionOpen,
							OwnerID: people[r.IntN(len(people))], Notes: []ActionNote{{Date: "2026-01-01", Text: benchText(r, 10)}}}
						if err := s.createAction(ctx, tx, a); err != nil {
							return err
						}
					}
					if j < 2 {
						d := &Document{MeetingID: m.ID, ItemID: it.ID, Title: benchText(r, 5), FileName: "annexe.pdf"}
						if err := s.attachDocument(ctx, tx, d, []byte(fmt.Sprint(i, j))); err != nil {
							return err
						}
					}
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkSearch5000 searches a database of 5,000 meetings with what a
// user types, letter by letter included, and reports the 95th percentile.
func BenchmarkSearch5000(b *testing.B) {
	s := scaledStore(b, benchMeetings)
	ctx := context.Background()
	queries := []string{"r", "re", "reu", "reun", "réunion", "budget", "budget prev", "Budget prévisionnel",
		"cybersecurite", "marche public attribution", "prefecture controle", "c", "co", "com", "comite direction",
		"rapport annuel d", "taxe fonciere", "zzz", `"plan" -(AND`, "école crèche"}
	var times []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		q := queries[i%len(queries)]
		t0 := time.Now()
		if _, err := s.Search(ctx, q, 20); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t0))
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "max-ms")
}

// benchMeetings is the size of the scaled database.
var benchMeetings = 5000
