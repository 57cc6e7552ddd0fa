package meeting

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"mime/quotedprintable"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// MaxDirectoryFile bounds a contacts file to import.
const MaxDirectoryFile = 20 << 20

// ParsePeople reads a contacts file: a vCard file (it starts with
// BEGIN:VCARD) or else a CSV file exported by a mail client.
func ParsePeople(data []byte) ([]Person, error) {
	text := decodeText(data)
	if strings.HasPrefix(strings.ToUpper(strings.TrimSpace(text)), "BEGIN:VCARD") {
		return parseVCard(text), nil
	}
	return parsePeopleCSV(text)
}

// ParsePeopleCSV reads the contacts a mail client exports as CSV (Outlook,
// Thunderbird, Google Contacts, in French or English, or any file with a
// header row naming its columns). Columns are found by their header; the
// separator (comma, semicolon or tab) by the header row. The text may be
// UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.
func ParsePeopleCSV(data []byte) ([]Person, error) { return parsePeopleCSV(decodeText(data)) }

// ParseVCard reads the contacts of a vCard file (versions 2.1, 3.0 and
// 4.0): FN or N, EMAIL, ORG, TITLE and TEL.
func ParseVCard(data []byte) []Person { return parseVCard(decodeText(data)) }

// decodeText turns a file's bytes into text: UTF-16 with its BOM, UTF-8
// (its BOM dropped), else Windows-1252, the code page Outlook writes on a
// French or English Windows.
func decodeText(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		text, _, err := transform.Bytes(xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder(), data)
		if err == nil {
			return string(text)
		}
	case utf8.Valid(data):
		return strings.TrimPrefix(string(data), "\uFEFF")
	}
	text, _ := charmap.Windows1252.NewDecoder().Bytes(data) // never fails: every byte is a character
	return string(text)
}

// field is one piece of a directory entry a contacts file may give.
type field int

const (
	fullName field = iota
	firstName
	middleName
	lastName
	email
	phone
	organisation
	jobTitle
	fieldCount
)

// headers lists, for each field, the column headers that give it in the
// order they are preferred, normalised by headerKey. A row takes each field
// from the first of its columns that is not empty. "Title" alone is a job
// title only in files that have no "Job Title" (in Outlook's it is Mr, Mrs).
var headers = [fieldCount][]string{
	fullName: {"display name", "full name", "name", "nom complet", "nom a afficher", "nom affiche", "nom et prenom",
		"prenom et nom"},
	firstName:  {"first name", "given name", "prenom"},
	middleName: {"middle name", "additional name", "deuxieme prenom", "autre prenom", "second prenom"},
	lastName:   {"last name", "family name", "surname", "nom de famille"},
	email: {"e mail address", "email address", "primary email", "e mail 1 value", "email 1 value", "e mail", "email",
		"adresse de messagerie", "adresse electronique principale", "adresse electronique", "adresse e mail", "courriel",
		"mail", "e mail 1 valeur", "e mail 2 address", "e mail 2 value", "secondary email", "adresse de messagerie 2",
		"adresse electronique secondaire", "e mail 3 address"},
	phone: {"business phone", "work phone", "company main phone", "primary phone", "mobile phone", "mobile number",
		"phone 1 value", "phone", "telephone", "telephone bureau", "tel professionnel", "telephone professionnel",
		"telephone 1 valeur", "telephone mobile", "portable", "mobile", "tel portable", "home phone"},
	organisation: {"company", "organization", "organisation", "organization name", "organization 1 name", "societe",
		"entreprise", "organisme", "organisation 1 nom", "organisation nom"},
	jobTitle: {"job title", "organization title", "organization 1 title", "fonction", "profession", "poste",
		"intitule du poste", "titre du poste", "organisation 1 titre", "organisation titre", "title", "titre"},
}

// headerKey normalises a column header: lower case, accents and
// punctuation gone, single spaces ("E-mail Address" → "e mail address",
// « Téléphone (bureau) » → "telephone bureau").
func headerKey(h string) string {
	h, _, _ = transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), h)
	h = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return ' '
	}, h)
	return strings.Join(strings.Fields(h), " ")
}

// columns maps each field to the columns that give it, preferred first.
func columns(header []string) [fieldCount][]int {
	keys := make([]string, len(header))
	for i, h := range header {
		keys[i] = headerKey(h)
	}
	has := func(k string) bool {
		for _, key := range keys {
			if key == k {
				return true
			}
		}
		return false
	}
	var cols [fieldCount][]int
	for f, names := range headers {
		for _, name := range names {
			if (name == "title" || name == "titre") && (has("job title") || has("suffix") || has("suffixe")) {
				continue // Outlook's courtesy title
			}
			for i, k := range keys {
				if k == name {
					cols[f] = append(cols[f], i)
				}
			}
		}
	}
	// « Nom » is the family name beside a « Prénom », else the whole name.
	for i, k := range keys {
		if k == "nom" {
			if len(cols[firstName]) > 0 {
				cols[lastName] = append(cols[lastName], i)
			} else {
				cols[fullName] = append(cols[fullName], i)
			}
		}
	}
	return cols
}

// separator guesses a CSV file's separator from its header row: the one
// of comma, semicolon and tab found most often outside quotes.
func separator(text string) rune {
	counts := map[rune]int{}
	quoted := false
	for _, r := range text {
		if r == '"' {
			quoted = !quoted
		}
		if !quoted && (r == '\n' || r == '\r') {
			break
		}
		if !quoted {
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

func parsePeopleCSV(text string) ([]Person, error) {
	rd := csv.NewReader(strings.NewReader(text))
	rd.Comma = separator(text)
	rd.FieldsPerRecord = -1
	rd.LazyQuotes = true
	header, err := rd.Read()
	if errors.Is(err, io.EOF) {
		return nil, Errorf(EINVALID, "the contacts file is empty")
	}
	if err != nil {
		return nil, Errorf(EINVALID, "the contacts file is not a CSV file: %v", err)
	}
	cols := columns(header)
	if len(cols[fullName])+len(cols[firstName])+len(cols[lastName])+len(cols[email]) == 0 {
		return nil, Errorf(EINVALID, "the contacts file has no column for names or email addresses (its first line should name its columns, e.g. Name, E-mail Address)")
	}
	var people []Person
	for {
		row, err := rd.Read()
		if errors.Is(err, io.EOF) {
			return people, nil
		}
		if err != nil {
			return nil, Errorf(EINVALID, "the contacts file cannot be read: %v", err)
		}
		var v [fieldCount]string
		for f := range fieldCount {
			for _, i := range cols[f] {
				if i < len(row) {
					if v[f] = clean(row[i]); v[f] != "" {
						break
					}
				}
			}
		}
		p := Person{Name: v[fullName], Email: firstEmail(v[email]), Phone: v[phone], Organisation: v[organisation], Title: v[jobTitle]}
		if p.Name == "" {
			p.Name = joinNonEmpty(v[firstName], v[middleName], v[lastName])
		}
		if p != (Person{}) {
			people = append(people, p)
		}
	}
}

// clean makes a value fit on one line: line breaks and control characters
// become spaces, runs of spaces one.
func clean(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
}

// firstEmail keeps the first of several addresses ("a@x ::: b@y", as
// Google writes them).
func firstEmail(s string) string {
	s, _, _ = strings.Cut(s, ":::")
	s = strings.TrimSpace(s)
	if len(s) > 7 && strings.EqualFold(s[:7], "mailto:") {
		s = s[7:]
	}
	return s
}

func joinNonEmpty(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " ")
}

// vcardLine is one property of a vCard: NAME;PARAM=VALUE:value.
type vcardLine struct {
	name   string
	params map[string][]string // upper-case names; values as written
	value  string
}

func (l vcardLine) has(param, value string) bool {
	for _, v := range l.params[param] {
		for _, one := range strings.Split(v, ",") {
			if strings.EqualFold(one, value) {
				return true
			}
		}
	}
	return false
}

// preferred reports whether a vCard property is marked as the preferred
// one (TYPE=pref in 3.0, PREF=1 in 4.0, a bare PREF in 2.1).
func (l vcardLine) preferred() bool {
	return l.has("TYPE", "pref") || l.has("PREF", "1") || l.has("TYPE", "PREF")
}

// unfoldVCard joins folded lines (a line break followed by a space or a
// tab) and the soft line breaks of quoted-printable values (2.1).
func unfoldVCard(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	type logical struct {
		parts []string
		qp    bool // its value is quoted-printable
	}
	var lines []*logical
	for _, raw := range strings.Split(text, "\n") {
		var last *logical
		if len(lines) > 0 {
			last = lines[len(lines)-1]
		}
		switch {
		case last != nil && (strings.HasPrefix(raw, " ") || strings.HasPrefix(raw, "\t")):
			last.parts = append(last.parts, raw[1:])
		case last != nil && last.qp && strings.HasSuffix(last.parts[len(last.parts)-1], "="):
			i := len(last.parts) - 1
			last.parts[i] = strings.TrimSuffix(last.parts[i], "=")
			last.parts = append(last.parts, raw)
		default:
			head, _, _ := cutUnquoted(raw, ':')
			lines = append(lines, &logical{parts: []string{raw}, qp: strings.Contains(strings.ToUpper(head), "QUOTED-PRINTABLE")})
		}
	}
	joined := make([]string, len(lines))
	for i, l := range lines {
		joined[i] = strings.Join(l.parts, "")
	}
	return joined
}

// parseVCardLine splits a content line; ok is false for a line that is not
// a property.
func parseVCardLine(s string) (l vcardLine, ok bool) {
	head, value, found := cutUnquoted(s, ':')
	if !found {
		return l, false
	}
	parts := splitUnquoted(head, ';')
	name := strings.ToUpper(strings.TrimSpace(parts[0]))
	if _, after, grouped := strings.Cut(name, "."); grouped {
		name = after // item1.EMAIL
	}
	l = vcardLine{name: name, params: map[string][]string{}, value: value}
	for _, p := range parts[1:] {
		k, v, hasValue := strings.Cut(p, "=")
		k = strings.ToUpper(strings.TrimSpace(k))
		if !hasValue { // 2.1: EMAIL;INTERNET;PREF
			k, v = "TYPE", k
		}
		l.params[k] = append(l.params[k], strings.Trim(v, `"`))
	}
	if l.has("ENCODING", "QUOTED-PRINTABLE") || l.has("TYPE", "QUOTED-PRINTABLE") {
		if b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(l.value))); err == nil {
			l.value = string(b)
			if !utf8.ValidString(l.value) {
				l.value = decodeText(b)
			}
		}
	}
	return l, true
}

// cutUnquoted cuts s at the first sep outside double quotes.
func cutUnquoted(s string, sep byte) (before, after string, found bool) {
	quoted := false
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '"':
			quoted = !quoted
		case s[i] == sep && !quoted:
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

func splitUnquoted(s string, sep byte) []string {
	var parts []string
	for {
		before, after, found := cutUnquoted(s, sep)
		parts = append(parts, before)
		if !found {
			return parts
		}
		s = after
	}
}

// vcardValues splits a structured value (N, ORG) at unescaped semicolons
// and unescapes each part.
func vcardValues(s string) []string {
	var parts []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s):
			i++
			switch s[i] {
			case 'n', 'N':
				b.WriteByte(' ')
			default:
				b.WriteByte(s[i])
			}
		case s[i] == ';':
			parts = append(parts, clean(b.String()))
			b.Reset()
		default:
			b.WriteByte(s[i])
		}
	}
	return append(parts, clean(b.String()))
}

func vcardText(s string) string { return strings.Join(vcardValues(s), ";") }

func parseVCard(text string) []Person {
	var people []Person
	var card []vcardLine
	inCard := false
	for _, raw := range unfoldVCard(text) {
		l, ok := parseVCardLine(raw)
		switch {
		case !ok:
		case l.name == "BEGIN" && strings.EqualFold(strings.TrimSpace(l.value), "VCARD"):
			inCard, card = true, nil
		case l.name == "END" && strings.EqualFold(strings.TrimSpace(l.value), "VCARD"):
			if p := vcardPerson(card); inCard && p != (Person{}) {
				people = append(people, p)
			}
			inCard = false
		case inCard:
			card = append(card, l)
		}
	}
	return people
}

// vcardPerson makes a directory entry of a card's properties: its name
// from FN (else N), its preferred email, work phone (else preferred,
// else first), first ORG unit and TITLE.
func vcardPerson(card []vcardLine) Person {
	var p Person
	var structured string
	pick := func(name string, better ...func(vcardLine) bool) string {
		found, rank := "", len(better)+1
		for _, l := range card {
			if l.name != name {
				continue
			}
			r := len(better)
			for i, b := range better {
				if b(l) {
					r = i
					break
				}
			}
			if v := clean(vcardText(l.value)); v != "" && r < rank {
				found, rank = v, r
			}
		}
		return found
	}
	pref := vcardLine.preferred
	work := func(l vcardLine) bool { return l.has("TYPE", "work") }
	p.Name = pick("FN")
	for _, l := range card {
		if l.name == "N" && structured == "" {
			n := append(vcardValues(l.value), "", "", "", "", "")
			structured = joinNonEmpty(n[3], n[1], n[2], n[0], n[4]) // prefix given additional family suffix
		}
	}
	if p.Name == "" {
		p.Name = structured
	}
	p.Email = firstEmail(pick("EMAIL", pref, work))
	p.Phone = strings.TrimPrefix(pick("TEL", work, pref), "tel:")
	for _, l := range card {
		if l.name == "ORG" && p.Organisation == "" {
			p.Organisation = vcardValues(l.value)[0]
		}
	}
	p.Title = pick("TITLE")
	return p
}
