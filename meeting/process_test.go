package meeting

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The tests here start this test binary again as a second process, which
// runs TestHelperProcess with QUORUM_HELPER saying what to do.

// helper returns the command that runs the helper role on the database db.
func helper(role, db string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), "QUORUM_HELPER="+role, "QUORUM_HELPER_DB="+db)
	cmd.Stderr = os.Stderr
	return cmd
}

// TestHelperProcess is not a test: it is the second process of the tests
// below.
func TestHelperProcess(t *testing.T) {
	role, db := os.Getenv("QUORUM_HELPER"), os.Getenv("QUORUM_HELPER_DB")
	if role == "" {
		t.Skip("the second process of other tests")
	}
	var err error
	switch role {
	case "lock": // hold the lock until killed
		if _, err = LockDatabase(db); err == nil {
			fmt.Println("locked")
			time.Sleep(time.Hour)
		}
	case "people": // write people, one transaction each
		err = writePeople(db, "child", 300)
	case "crash": // write until killed
		err = crashWriter(db, os.Stdout)
	default:
		err = fmt.Errorf("unknown helper role %q", role)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

func writePeople(db, who string, n int) error {
	s, err := Open(db)
	if err != nil {
		return err
	}
	defer s.Close()
	for i := range n {
		if err := s.CreatePerson(context.Background(), &Person{Name: fmt.Sprintf("%s %d", who, i)}); err != nil {
			return fmt.Errorf("%s %d: %w", who, i, err)
		}
	}
	return nil
}

// TestLockDiesWithItsProcess: a window's lock keeps others out, and goes
// when the window's process is killed.
func TestLockDiesWithItsProcess(t *testing.T) {
	db := filepath.Join(t.TempDir(), "quorum.db")
	cmd := helper("lock", db)
	out, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	line, _ := bufio.NewReader(out).ReadString('\n')
	if line != "locked\n" {
		cmd.Process.Kill()
		t.Fatalf("helper says %q", line)
	}
	_, err = LockDatabase(db)
	wantErr(t, err, EBUSY, "")
	_, err = OpenExclusive(db)
	wantErr(t, err, EBUSY, "")
	_, err = Restore(bg, db, db, time.Now())
	wantErr(t, err, EBUSY, "")
	// The fallback of a second window: read-only.
	filled(t, db, 1)
	r, err := OpenReadOnly(db)
	must(t, err)
	wantErr(t, r.CreatePerson(bg, &Person{Name: "x"}), EREADONLY, "")
	must(t, r.Close())

	must(t, cmd.Process.Kill())
	cmd.Wait()
	release, err := LockDatabase(db)
	must(t, err)
	release()
}

// TestTwoProcessesWrite: a command writing while a window (another
// process) writes too loses nothing and damages nothing.
func TestTwoProcessesWrite(t *testing.T) {
	db := filepath.Join(t.TempDir(), "quorum.db")
	filled(t, db, 0)
	cmd := helper("people", db)
	must(t, cmd.Start())
	errParent := writePeople(db, "parent", 300)
	must(t, cmd.Wait())
	must(t, errParent)
	if problems, err := CheckFile(bg, db); err != nil {
		t.Fatalf("%v %v", problems, err)
	}
	got := peopleIn(t, db)
	if len(got) != 600 {
		t.Fatalf("%d people, want 600", len(got))
	}
	for _, who := range []string{"child", "parent"} {
		for i := range 300 {
			if _, found := slices.BinarySearch(got, fmt.Sprintf("%s %d", who, i)); !found {
				t.Errorf("%s %d is missing", who, i)
			}
		}
	}
}

// crashWriter does real store operations on db, one after another, until
// it is killed (or for a minute), and writes one line to out after each has committed:
//
//	person ID | meeting ID | item ID | attendee ID | action ID | note ACTION NOTE
//	paper ID SHA256 | rev MEETING N | item ID TITLE
//	deleting item ID TITLE | deleted item ID TITLE
//
// ("deleting" comes before the deletion: from then on the item may be gone.
// Items are told apart by their unique titles, for SQLite gives the ID of
// a deleted last item to the next one.)
func crashWriter(db string, out io.Writer) error {
	ctx := context.Background()
	s, err := Open(db)
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), uint64(os.Getpid())))
	var people, meetings, actions []int64
	var items []*AgendaItem
	// Killed within a second or two by its test: a writer left alone (its
	// test was stopped) stops by itself.
	for end := time.Now().Add(time.Minute); time.Now().Before(end); {
		var line string
		var err error
		switch op := r.IntN(10); {
		case op == 0 || len(people) == 0:
			p := &Person{Name: fmt.Sprintf("Personne %d é", r.Int())}
			if err = s.CreatePerson(ctx, p); err == nil {
				people = append(people, p.ID)
				line = fmt.Sprintf("person %d", p.ID)
			}
		case op == 1 || len(meetings) == 0:
			m := &Meeting{Title: "Comité " + strconv.Itoa(r.Int()), Starts: time.Now(), Minutes: 60}
			if err = s.CreateMeeting(ctx, m); err == nil {
				meetings = append(meetings, m.ID)
				line = fmt.Sprintf("meeting %d", m.ID)
			}
		case op == 2:
			it := &AgendaItem{MeetingID: pick(r, meetings), Title: fmt.Sprintf("Point-%d", r.Int()), Purpose: ForDecision, Minutes: 5}
			if err = s.AddItem(ctx, it); err == nil {
				items = append(items, it)
				line = fmt.Sprintf("item %d %s", it.ID, it.Title)
			}
		case op == 3:
			a := &Attendee{MeetingID: pick(r, meetings), PersonID: people[len(people)-1], Role: Member, Status: Invited}
			if err = s.AddAttendee(ctx, a); ErrorCode(err) == ECONFLICT {
				err = nil // already invited
			} else if err == nil {
				line = fmt.Sprintf("attendee %d", a.ID)
			}
		case op == 4:
			data := make([]byte, 1000+r.IntN(60000))
			for i := range data {
				data[i] = byte(r.Uint32())
			}
			d := &Document{MeetingID: pick(r, meetings), Title: "Annexe", FileName: "annexe.bin"}
			if err = s.AttachDocument(ctx, d, data); err == nil {
				line = fmt.Sprintf("paper %d %s", d.ID, d.SHA256)
			}
		case op == 5:
			a := &Action{MeetingID: pick(r, meetings), Title: "Relancer", OwnerID: pick(r, people), Status: ActionOpen}
			if err = s.CreateAction(ctx, a); err == nil {
				actions = append(actions, a.ID)
				line = fmt.Sprintf("action %d", a.ID)
			}
		case op == 6 && len(actions) > 0:
			n := &ActionNote{Text: "Fait en partie"}
			id := pick(r, actions)
			if err = s.AddActionNote(ctx, id, n); err == nil {
				line = fmt.Sprintf("note %d %d", id, n.ID)
			}
		case op == 7:
			var m *Meeting
			if m, err = s.GetMeeting(ctx, pick(r, meetings)); err == nil {
				rev, _ := strconv.Atoi(strings.TrimPrefix(m.Notes, "rev "))
				m.Notes = fmt.Sprintf("rev %d", rev+1)
				if err = s.UpdateMeeting(ctx, m); err == nil {
					line = fmt.Sprintf("rev %d %d", m.ID, rev+1)
				}
			}
		case op == 8 && len(items) > 0:
			it := items[len(items)-1]
			items = items[:len(items)-1]
			if _, err = fmt.Fprintf(out, "deleting item %d %s\n", it.ID, it.Title); err != nil {
				return err
			}
			if err = s.DeleteItem(ctx, it.ID); err == nil {
				line = fmt.Sprintf("deleted item %d %s", it.ID, it.Title)
			}
		}
		if err != nil {
			return err
		}
		if line != "" {
			if _, err := io.WriteString(out, line+"\n"); err != nil {
				return err
			}
		}
	}
	return s.Close()
}

func pick(r *rand.Rand, ids []int64) int64 { return ids[r.IntN(len(ids))] }

// crashKills is how many times the crash tests kill their writer:
// QUORUM_CRASH_KILLS, else a short run.
func crashKills(t *testing.T) int {
	if s := os.Getenv("QUORUM_CRASH_KILLS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("QUORUM_CRASH_KILLS=%q", s)
		}
		return n
	}
	return 15
}

// committed is what the crash writer reported as committed, across its
// runs.
type committed struct {
	ids     map[string]map[int64]bool // table → IDs
	deleted map[string]bool           // titles of deleted items
	papers  map[int64]string          // ID → SHA-256
	revs    map[int64]int             // meeting → highest rev
	ops     int
}

func (c *committed) add(t *testing.T, line string) {
	f := strings.Fields(line)
	id := func(i int) int64 {
		n, err := strconv.ParseInt(f[i], 10, 64)
		if err != nil {
			t.Fatalf("helper line %q", line)
		}
		return n
	}
	table := map[string]string{"person": "people", "meeting": "meetings", "item": "agenda_items",
		"attendee": "attendees", "action": "actions", "note": "action_notes", "paper": "documents"}[f[0]]
	switch {
	case f[0] == "deleting":
		delete(c.ids["agenda_items"], id(2))
		return
	case f[0] == "deleted":
		c.deleted[f[3]] = true
	case f[0] == "rev":
		c.revs[id(1)] = max(c.revs[id(1)], int(id(2)))
	case f[0] == "note":
		c.ids[table][id(2)] = true
	case table != "":
		c.ids[table][id(1)] = true
		if f[0] == "paper" {
			c.papers[id(1)] = f[2]
		}
	default:
		t.Fatalf("helper line %q", line)
	}
	c.ops++
}

// check opens the database as the next start of Quorum would, checks its
// integrity and that everything reported committed is there.
func (c *committed) check(t *testing.T, db string, newPapers []int64) {
	t.Helper()
	s := openAt(t, db)
	defer s.Close()
	problems, err := findProblems(bg, s.rdb, false)
	if err != nil || len(problems) > 0 {
		t.Fatalf("integrity after a kill: %v %v", problems, err)
	}
	for table, want := range c.ids {
		have := column[int64](t, s, "SELECT id FROM "+table)
		for id := range want {
			if !have[id] {
				t.Errorf("%s %d was reported committed but is missing", table, id)
			}
		}
	}
	for title := range column[string](t, s, "SELECT title FROM agenda_items") {
		if c.deleted[title] {
			t.Errorf("item %s was reported deleted but is there", title)
		}
	}
	for id, rev := range c.revs {
		m, err := s.GetMeeting(bg, id)
		must(t, err)
		if got, _ := strconv.Atoi(strings.TrimPrefix(m.Notes, "rev ")); got < rev {
			t.Errorf("meeting %d: %q, but rev %d was reported committed", id, m.Notes, rev)
		}
	}
	for _, id := range newPapers {
		data, err := s.DocumentData(bg, id)
		must(t, err)
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:]) != c.papers[id] {
			t.Errorf("paper %d: content differs from what was committed", id)
		}
	}
}

// column returns the set of values a query gives.
func column[T comparable](t *testing.T, s *Store, query string) map[T]bool {
	t.Helper()
	rows, err := s.rdb.Query(query)
	must(t, err)
	defer rows.Close()
	have := map[T]bool{}
	for rows.Next() {
		var v T
		must(t, rows.Scan(&v))
		have[v] = true
	}
	must(t, rows.Err())
	return have
}

// TestCrashSafety kills a writer doing real store operations at random
// moments and checks after each kill that the database is sound and holds
// every operation reported committed. make crash-test runs it 200 times.
func TestCrashSafety(t *testing.T) {
	db := filepath.Join(t.TempDir(), "quorum.db")
	kills := crashKills(t)
	c := &committed{ids: map[string]map[int64]bool{}, deleted: map[string]bool{}, papers: map[int64]string{}, revs: map[int64]int{}}
	for _, table := range []string{"people", "meetings", "agenda_items", "attendees", "actions", "action_notes", "documents"} {
		c.ids[table] = map[int64]bool{}
	}
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	start := time.Now()
	survived := 0
	for range kills {
		cmd := helper("crash", db)
		var out bytes.Buffer
		cmd.Stdout = &out
		must(t, cmd.Start())
		time.Sleep(time.Duration(10+r.IntN(300)) * time.Millisecond)
		must(t, cmd.Process.Kill()) // SIGKILL on Unix
		err := cmd.Wait()
		if ended := cmd.ProcessState; ended.Success() || (runtime.GOOS != "windows" && ended.ExitCode() != -1) {
			t.Fatalf("the writer ended on its own: %v", err)
		}
		// Only whole lines were reported; a line cut by the kill was not.
		text := out.String()
		text = text[:strings.LastIndexByte(text, '\n')+1]
		var newPapers []int64
		for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
			if line == "" {
				continue
			}
			c.add(t, line)
			if f := strings.Fields(line); f[0] == "paper" {
				id, _ := strconv.ParseInt(f[1], 10, 64)
				newPapers = append(newPapers, id)
			}
		}
		c.check(t, db, newPapers)
		if t.Failed() {
			break
		}
		survived++
	}
	t.Logf("crash safety: %d of %d kills survived, %d committed operations checked (%d papers), database sound after each; %s",
		survived, kills, c.ops, len(c.papers), time.Since(start).Round(time.Second))
}
