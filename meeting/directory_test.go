package meeting

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Headers as the mail clients write them (first lines of real exports).
const (
	outlookEN = "\"First Name\",\"Middle Name\",\"Last Name\",\"Title\",\"Suffix\",\"Company\",\"Department\",\"Job Title\"," +
		"\"Business Phone\",\"Mobile Phone\",\"E-mail Address\",\"E-mail 2 Address\"\r\n" +
		"\"Claire\",\"\",\"Martin\",\"Mrs.\",\"\",\"Ville d'Exemple\",\"DRH\",\"Directrice\",\"+33 1 23 45 67 89\",\"\",\"claire.martin@example.org\",\"\"\r\n" +
		"\"Søren\",\"\",\"Ødegård\",\"Mr.\",\"\",\"Cabinet Ødegård & Fils\",\"\",\"\",\"\",\"+45 12 34 56 78\",\"\",\"soren@example.dk\"\r\n"
	outlookFR = "Prénom;Deuxième prénom;Nom;Titre;Suffixe;Société;Service;Fonction;Téléphone (bureau);Adresse de messagerie\r\n" +
		"Jean-Loïc;;Nguyễn;M.;;Ville d'Exemple;SG;Secrétaire général;;jl.nguyen@example.org\r\n"
	thunderbirdEN = "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,Home Phone," +
		"Fax Number,Pager Number,Mobile Number,Job Title,Department,Organization\n" +
		"Anaïs,Lefèvre,Anaïs Lefèvre,,,anais@perso.example,,,,,,06 12 34 56 78,\"Directrice, finances\",,DAF\n"
	thunderbirdFR = "Prénom,Nom de famille,Nom à afficher,Surnom,Adresse électronique principale,Adresse électronique secondaire," +
		"Tél. professionnel,Profession,Société\n" +
		"Émilie,Dubois-Œhler,,,emilie@example.fr,,01 02 03 04 05,Juriste,Préfecture\n"
	google = "First Name,Middle Name,Last Name,Nickname,File As,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value," +
		"Organization Name,Organization Title,Organization Department\n" +
		"Marc,,Lévy,,,* Work,marc.levy@example.org ::: marc@perso.example,Mobile,+33 6 00 00 00 00,Mairie,Adjoint,\n" +
		",,,,,,,,,,,\n" +
		"\"Multi\nLine\",,Name,,,,\"\",,,\"Org \"\"quoted\"\"\",,\n"
)

func TestParsePeopleCSV(t *testing.T) {
	for _, tc := range []struct {
		name string
		data string
		want []Person
	}{
		{"outlook en", outlookEN, []Person{
			{Name: "Claire Martin", Title: "Directrice", Organisation: "Ville d'Exemple", Email: "claire.martin@example.org", Phone: "+33 1 23 45 67 89"},
			{Name: "Søren Ødegård", Organisation: "Cabinet Ødegård & Fils", Email: "soren@example.dk", Phone: "+45 12 34 56 78"}}},
		{"outlook fr, semicolons, BOM", "\uFEFF" + outlookFR, []Person{
			{Name: "Jean-Loïc Nguyễn", Title: "Secrétaire général", Organisation: "Ville d'Exemple", Email: "jl.nguyen@example.org"}}},
		{"thunderbird en", thunderbirdEN, []Person{
			{Name: "Anaïs Lefèvre", Title: "Directrice, finances", Organisation: "DAF", Email: "anais@perso.example", Phone: "06 12 34 56 78"}}},
		{"thunderbird fr", thunderbirdFR, []Person{
			{Name: "Émilie Dubois-Œhler", Title: "Juriste", Organisation: "Préfecture", Email: "emilie@example.fr", Phone: "01 02 03 04 05"}}},
		{"google", google, []Person{
			{Name: "Marc Lévy", Title: "Adjoint", Organisation: "Mairie", Email: "marc.levy@example.org", Phone: "+33 6 00 00 00 00"},
			{Name: "Multi Line Name", Organisation: `Org "quoted"`}}},
		{"plain french list, tabs", "Nom\tCourriel\tFonction\nPaul Durand\tpaul@example.fr\tDGS\n", []Person{
			{Name: "Paul Durand", Title: "DGS", Email: "paul@example.fr"}}},
		{"header only", "Name,Email\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParsePeopleCSV([]byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestParsePeopleCSVEncodings(t *testing.T) {
	want := []Person{{Name: "Jean-Loïc Nguyễn", Title: "Secrétaire général", Organisation: "Ville d'Exemple", Email: "jl.nguyen@example.org"}}
	// Outlook on Windows writes the ANSI code page: no ễ there.
	ansi, err := charmap.Windows1252.NewEncoder().String(strings.ReplaceAll(outlookFR, "ễ", "e"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParsePeopleCSV([]byte(ansi))
	if err != nil || len(got) != 1 || got[0].Name != "Jean-Loïc Nguyen" || got[0].Title != "Secrétaire général" {
		t.Errorf("Windows-1252: got %+v, %v", got, err)
	}
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range outlookFR {
		utf16 = append(utf16, byte(r), byte(r>>8)) // every rune of the sample is in the BMP
	}
	if got, err := ParsePeopleCSV(utf16); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("UTF-16: got %+v, %v", got, err)
	}
}

func TestParsePeopleCSVErrors(t *testing.T) {
	for data, want := range map[string]string{
		"":                       "empty",
		"Colour,Size\nred,big\n": "no column for names or email",
	} {
		_, err := ParsePeopleCSV([]byte(data))
		if ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want an EINVALID error saying %q", data, err, want)
		}
	}
}

const vcards = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Martin;Claire;;Mme;\r\nFN:Claire Martin\r\nORG:Ville d'Exemple;DRH\r\n" +
	"TITLE:Directrice\\, ressources humaines\r\nEMAIL;TYPE=INTERNET,HOME:claire@perso.example\r\n" +
	"EMAIL;TYPE=INTERNET,WORK,pref:claire.martin@example.org\r\nTEL;TYPE=CELL:06 00 00 00 00\r\n" +
	"TEL;TYPE=WORK,VOICE:+33 1 23 45 67 89\r\nNOTE:a very long note that was folded by the client at seventy-fi\r\n" +
	" ve characters\r\nEND:VCARD\r\n" +
	// 4.0, a folded name, a tel: URI, grouped properties.
	"BEGIN:VCARD\nVERSION:4.0\nFN:Jean-Loïc Ng\n uyễn\nitem1.EMAIL;PREF=1:jl.nguyen@example.org\n" +
	"TEL;VALUE=uri;TYPE=\"work,voice\":tel:+33-1-00-00-00-00\nEND:VCARD\n" +
	// 2.1 with quoted-printable, no FN.
	"BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ode=C3=A9gard;S=C3=B8ren=\n;;;\n" +
	"EMAIL;INTERNET;PREF:soren@example.dk\nORG:Cabinet =C3=98 (not encoded)\nEND:VCARD\n" +
	// An empty card, then one that never ends.
	"BEGIN:VCARD\nVERSION:3.0\nEND:VCARD\nBEGIN:VCARD\nFN:Half\n"

func TestParseVCard(t *testing.T) {
	got, err := ParsePeople([]byte(vcards))
	if err != nil {
		t.Fatal(err)
	}
	want := []Person{
		{Name: "Claire Martin", Title: "Directrice, ressources humaines", Organisation: "Ville d'Exemple",
			Email: "claire.martin@example.org", Phone: "+33 1 23 45 67 89"},
		{Name: "Jean-Loïc Nguyễn", Email: "jl.nguyen@example.org", Phone: "+33-1-00-00-00-00"},
		{Name: "Søren Odeégard", Organisation: "Cabinet =C3=98 (not encoded)", Email: "soren@example.dk"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestImportPeople(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	claire := &Person{Name: "Claire MARTIN", Email: "Claire.Martin@Example.org", Title: "DRH"}
	paul := &Person{Name: "Paul Durand"}
	for _, p := range []*Person{claire, paul} {
		if err := s.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	people, err := ParsePeopleCSV([]byte(outlookEN + "\"Paul\",\"\",\"Durand\",\"\",\"\",\"Mairie\",\"\",\"\",\"\",\"\",\"paul@example.fr\",\"\"\r\n" +
		"\"\",\"\",\"\",\"\",\"\",\"Nameless\",\"\",\"\",\"\",\"\",\"x@example.fr\",\"\"\r\n" +
		"\"Bad\",\"\",\"Mail\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"not-an-address\",\"\"\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	people = append(people, people[0]) // twice in the file
	res, err := s.ImportPeople(ctx, people)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 1 || res.Updated != 2 || res.Unchanged != 1 || len(res.Skipped) != 2 {
		t.Fatalf("got %+v, want 1 added (Søren), 2 updated (Claire, Paul), 1 unchanged (Claire again), 2 skipped", res)
	}
	if s := res.Skipped[0]; s.Index != 4 || !strings.Contains(s.Reason, "name: must not be empty") || s.Person.Email != "x@example.fr" {
		t.Errorf("first skipped: %+v", s)
	}
	if s := res.Skipped[1]; s.Index != 5 || !strings.Contains(s.Reason, `"not-an-address" is not an email address`) {
		t.Errorf("second skipped: %+v", s)
	}
	got, _ := s.GetPerson(ctx, claire.ID)
	want := Person{ID: claire.ID, Name: "Claire MARTIN", Email: "Claire.Martin@Example.org", Title: "Directrice",
		Organisation: "Ville d'Exemple", Phone: "+33 1 23 45 67 89"}
	if *got != want {
		t.Errorf("Claire: got %+v, want %+v (name and email kept, the rest taken)", *got, want)
	}
	got, _ = s.GetPerson(ctx, paul.ID)
	if got.Email != "paul@example.fr" || got.Organisation != "Mairie" {
		t.Errorf("Paul, matched by name, got %+v", *got)
	}
	all, _ := s.ListPeople(ctx, "")
	if len(all) != 3 {
		t.Errorf("the directory has %d people, want 3", len(all))
	}
}

// TestImportPeopleAllOrNothing: a failure half-way leaves the directory as
// it was.
func TestImportPeopleAllOrNothing(t *testing.T) {
	s := newStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.ImportPeople(ctx, []Person{{Name: "A"}, {Name: "B"}}); err == nil {
		t.Fatal("an import with a cancelled context succeeded")
	}
	all, _ := s.ListPeople(context.Background(), "")
	if len(all) != 0 {
		t.Errorf("the failed import left %d people", len(all))
	}
}

// checkParsed holds for whatever a parser returns: no empty entry, every
// field valid UTF-8 on one line.
func checkParsed(t *testing.T, people []Person) {
	for _, p := range people {
		if p == (Person{}) {
			t.Fatal("an empty entry")
		}
		for _, f := range []string{p.Name, p.Title, p.Organisation, p.Email, p.Phone} {
			if !utf8.ValidString(f) || strings.ContainsAny(f, "\r\n") {
				t.Fatalf("field %q is not one line of UTF-8", f)
			}
		}
	}
}

func FuzzPeopleCSV(f *testing.F) {
	for _, s := range []string{outlookEN, outlookFR, thunderbirdEN, thunderbirdFR, google, "Nom\n\"", "\xff\xfeN\x00", ";;;\n;"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		people, err := ParsePeopleCSV(data)
		if err != nil && ErrorCode(err) != EINVALID {
			t.Fatalf("error of code %s: %v", ErrorCode(err), err)
		}
		checkParsed(t, people)
	})
}

func FuzzVCard(f *testing.F) {
	for _, s := range []string{vcards, "BEGIN:VCARD\nN:;;;\nEND:VCARD", "BEGIN:VCARD\nFN;ENCODING=QUOTED-PRINTABLE:=\n=\nEND:VCARD",
		"BEGIN:VCARD\nEMAIL;\"x:y\":a\nEND:VCARD"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParsed(t, ParseVCard(data))
	})
}

// BenchmarkImportPeople imports 2,000 contacts into an empty directory,
// then the same file again (every contact matched).
func BenchmarkImportPeople(b *testing.B) {
	var csv strings.Builder
	csv.WriteString("First Name,Last Name,E-mail Address,Company,Job Title\n")
	for i := range 2000 {
		fmt.Fprintf(&csv, "Prénom%d,Nom%d,p%d@example.org,Société %d,Fonction\n", i, i, i, i%40)
	}
	people, err := ParsePeopleCSV([]byte(csv.String()))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), "q.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for range 2 {
			if res, err := s.ImportPeople(context.Background(), people); err != nil || len(res.Skipped) > 0 {
				b.Fatal(res, err)
			}
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}
