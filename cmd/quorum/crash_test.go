package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// TestHelperProcess is not a test: it is the second process of
// TestPackExportCrash, which exports a pack again and again until killed.
func TestHelperProcess(t *testing.T) {
	args := os.Getenv("QUORUM_HELPER_ARGS")
	if args == "" {
		t.Skip("the second process of other tests")
	}
	// Killed within 1.5 s by its test: one left alone (its test was
	// stopped) stops by itself.
	for end := time.Now().Add(time.Minute); time.Now().Before(end); {
		if code := run(context.Background(), strings.Split(args, "\n"), io.Discard, os.Stderr); code != 0 {
			os.Exit(code)
		}
		fmt.Println("wrote")
	}
	os.Exit(0)
}

// checkPDF checks that path is a whole, readable PDF of pages pages.
func checkPDF(t *testing.T, path string, pages int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(bytes.TrimRight(data, "\r\n"), []byte("%%EOF")) {
		t.Fatalf("%s is cut short (%d bytes)", path, len(data))
	}
	ctx, err := api.ReadAndValidate(bytes.NewReader(data), model.NewDefaultConfiguration())
	if err != nil {
		t.Fatalf("%s is not a valid PDF: %v", path, err)
	}
	if ctx.PageCount != pages {
		t.Fatalf("%s has %d pages, want %d", path, ctx.PageCount, pages)
	}
}

// TestPackExportCrash kills `quorum export pack` at random moments: the
// destination is then either absent or a whole pack, never part of one,
// and the temporary files of killed exports go at the next export.
// QUORUM_CRASH_KILLS sets the number of kills (make crash-test: 200).
func TestPackExportCrash(t *testing.T) {
	kills := 10
	if s := os.Getenv("QUORUM_CRASH_KILLS"); s != "" {
		var err error
		if kills, err = strconv.Atoi(s); err != nil {
			t.Fatalf("QUORUM_CRASH_KILLS=%q", s)
		}
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errOut := quorum(t, "--db", db, "demo"); code != 0 {
		t.Fatal(errOut)
	}
	// A first export examines the papers and gives the pack's length.
	ref := filepath.Join(dir, "ref.pdf")
	args := []string{"--db", db, "export", "pack", "--meeting", "3", "--out"}
	if code, _, errOut := quorum(t, append(args, ref)...); code != 0 {
		t.Fatal(errOut)
	}
	refCtx, err := api.ReadContextFile(ref)
	if err != nil {
		t.Fatal(err)
	}
	pages := refCtx.PageCount

	out := filepath.Join(dir, "out", "dossier.pdf")
	if err := os.MkdirAll(filepath.Dir(out), 0o700); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 2))
	written, present, leftovers := 0, 0, 0
	for range kills {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), "QUORUM_HELPER_ARGS="+strings.Join(append(args, out), "\n"))
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(r.IntN(1500)) * time.Millisecond)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		if ended := cmd.ProcessState; ended.Success() || (runtime.GOOS != "windows" && ended.ExitCode() != -1) {
			t.Fatalf("the export ended on its own: %v\n%s", err, stderr.Bytes())
		}
		written += strings.Count(stdout.String(), "wrote\n")
		if _, err := os.Stat(out); err == nil {
			present++
			checkPDF(t, out, pages)
		} else if !os.IsNotExist(err) {
			t.Fatal(err)
		}
		parts, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".dossier.pdf.*.part"))
		leftovers = max(leftovers, len(parts))
	}
	// The next export removes what the killed ones left.
	if code, _, errOut := quorum(t, append(args, out)...); code != 0 {
		t.Fatal(errOut)
	}
	checkPDF(t, out, pages)
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("after a whole export the folder holds %d files, want the pack alone", len(entries))
	}
	t.Logf("pack export: %d kills, %d packs written before them, the destination whole or absent after each (present %d times); at most %d temporary file(s) left by a kill, removed by the next export",
		kills, written, present, leftovers)
}
