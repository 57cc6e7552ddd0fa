# Quorum: a desktop app to prepare meetings.
#
#   make build   build bin/quorum (installs the system packages Fyne needs)
#   make run     build, then open the window on the default database
#   make test    gofmt check, go vet and the tests (what CI runs)
#   make crash-test  kill a writer 200 times, then a pack export 200 times; check nothing is lost
#   make fuzz    each fuzz target for 30 s (FUZZTIME=5m for longer)
#   make bench   the performance bench, written to bench/results.txt (README: Speed)
#   make bench-pack  a pack of 40 papers (~1,000 pages) against qpdf's plain merge
#   make bench-search  search over 5,000 meetings (p95-ms: the 95th percentile)
#   make document-images  first pages of each printed document, for the README
#   make e2e     drive the real window under Xvfb: new meeting, two items, a paper, its agenda PDF
#   make screenshots  the window's main screens in French and English, for the README
#   make dist    what a user installs: dist/Quorum.tar.xz (Linux) and dist/Quorum.exe (Windows)
#   make clean   remove what the build left

GO ?= go

# Debian packages to build the GUI: cgo, OpenGL and X11 for Fyne's driver.
BUILD_PKGS := gcc libc6-dev pkg-config libgl-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev

# Debian packages the tests use: PDF tools, and a virtual X display to
# drive and screenshot the real window.
TEST_PKGS := poppler-utils qpdf xvfb libgl1-mesa-dri xdotool imagemagick

# The real clients that read the notice and spreadsheets in the tests:
# ical.js (node, from npm) for the .ics, Python's email package for the
# .eml, LibreOffice for the .xlsx.
CLIENT_PKGS := nodejs python3 libreoffice-calc-nogui
ICALJS := export/testdata/icaljs

# The ci build tag gives Fyne's software driver: tests need no cgo or X.
TEST_TAGS := ci

.PHONY: e2e all deps deps-test deps-screens deps-dist build run test fmt vet bench bench-pack crash-test document-images screenshots dist clean bench-search

all: build

deps:
	@bash .ci/apt-ensure $(BUILD_PKGS)

deps-test:
	@bash .ci/apt-ensure $(TEST_PKGS) $(CLIENT_PKGS)
	@command -v npm >/dev/null || bash .ci/apt-ensure npm
	@test -d $(ICALJS)/node_modules/ical.js || npm install --prefix $(ICALJS) --no-audit --no-fund --no-package-lock

# A virtual display, the window finder and ImageMagick, to run and
# photograph the real window.
deps-screens: deps
	@bash .ci/apt-ensure xvfb libgl1-mesa-dri xdotool imagemagick

# mingw-w64 cross-compiles the Windows .exe (cgo for OpenGL).
deps-dist: deps
	@bash .ci/apt-ensure gcc-mingw-w64-x86-64

build: deps
	$(GO) build -o bin/quorum ./cmd/quorum

run: build
	./bin/quorum

test: deps-test fmt vet
	$(GO) test -tags $(TEST_TAGS) -count=1 ./...

# Fuzz targets, as package:Target. A finding fails the run; its input is
# written to the package's testdata/fuzz/Target, where it stays as a
# regression case once fixed.
FUZZTIME ?= 30s
FUZZ_TARGETS := meeting:FuzzImportMeeting export/paper:FuzzExamine export:FuzzPackImage

.PHONY: fuzz
fuzz:
	@set -e; for target in $(FUZZ_TARGETS); do \
		pkg=$${target%%:*}; name=$${target#*:}; \
		echo "fuzz: $$name in ./$$pkg for $(FUZZTIME)"; \
		$(GO) test -tags $(TEST_TAGS) -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./$$pkg/; \
	done

# fmt fails, listing them, when some files are not gofmt-formatted.
fmt:
	@files="$$(gofmt -l .)"; \
	if [ -n "$$files" ]; then \
		echo "These files need gofmt -w:"; echo "$$files"; exit 1; \
	fi

vet:
	$(GO) vet -tags $(TEST_TAGS) ./...

# The bench's database (5,000 meetings …) is generated at the first run
# and kept in the temporary folder. Every benchmark of ./bench/ runs, then
# the pack against qpdf (which needs the shared PDF corpus).
BENCH_OUT := bench/results.txt

bench: deps-test
	@echo "Quorum bench, $$(date -u '+%Y-%m-%d %H:%M UTC'), $$(nproc) cores, load average $$(cut -d' ' -f1-3 /proc/loadavg) at the start" > $(BENCH_OUT).tmp
	QUORUM_BENCH=1 $(GO) test -tags $(TEST_TAGS) -count=1 -run '^TestGeneratedDatabase$$' -bench . -benchmem ./bench/ >> $(BENCH_OUT).tmp \
		|| { cat $(BENCH_OUT).tmp; exit 1; }
	$(GO) test -tags $(TEST_TAGS) -count=1 -run '^$$' -bench '^BenchmarkPack$$' -benchtime 3x ./export/ >> $(BENCH_OUT).tmp \
		|| { cat $(BENCH_OUT).tmp; exit 1; }
	mv $(BENCH_OUT).tmp $(BENCH_OUT)
	@cat $(BENCH_OUT)

# The crash tests at full length (make test runs 15 and 10 kills).
CRASH_KILLS ?= 200
crash-test:
	QUORUM_CRASH_KILLS=$(CRASH_KILLS) $(GO) test -tags $(TEST_TAGS) -count=1 -timeout 60m -v \
		-run '^(TestCrashSafety|TestPackExportCrash)$$' ./meeting/ ./cmd/quorum/

# Needs the shared PDF corpus beside the repository (../shared/pdf-corpus).
bench-pack: deps-test
	$(GO) test -tags $(TEST_TAGS) -run '^$$' -bench BenchmarkPack -benchtime 3x ./export/

bench-search:
	$(GO) test -tags $(TEST_TAGS) -run '^$$' -bench BenchmarkSearch5000 -benchtime 400x ./meeting/

# One page of each printed document of the demo, as the README shows them.
DOCS := assets/screenshots
document-images: build deps-test
	rm -rf tmp-docs && mkdir -p tmp-docs $(DOCS)
	./bin/quorum --db tmp-docs/demo.db demo
	./bin/quorum --db tmp-docs/demo.db export agenda --meeting 3 --out tmp-docs/agenda.pdf
	./bin/quorum --db tmp-docs/demo.db export pack --meeting 3 --out tmp-docs/pack.pdf
	./bin/quorum --db tmp-docs/demo.db export minutes --meeting 2 --lang en --out tmp-docs/minutes.pdf
	./bin/quorum --db tmp-docs/demo.db export actions --series CODIR --out tmp-docs/actions.pdf
	./bin/quorum --db tmp-docs/demo.db export attendance --meeting 3 --out tmp-docs/attendance.pdf
	pdftoppm -png -r 60 -singlefile tmp-docs/agenda.pdf $(DOCS)/agenda-fr
	pdftoppm -png -r 60 -singlefile -f 4 tmp-docs/pack.pdf $(DOCS)/pack-contents-fr
	pdftoppm -png -r 60 -singlefile tmp-docs/minutes.pdf $(DOCS)/minutes-en
	pdftoppm -png -r 60 -singlefile tmp-docs/actions.pdf $(DOCS)/actions-fr
	pdftoppm -png -r 60 -singlefile tmp-docs/attendance.pdf $(DOCS)/attendance-fr
	rm -rf tmp-docs

e2e: build deps-screens deps-test
	bash .ci/e2e

# The main screens of the demo's next meeting, in French and in English,
# photographed from the real window under a virtual display
# (QUORUM_SCREENSHOTS makes the binary tour its screens and close); then,
# on a fresh demo, a sitting and the validation of the minutes played by
# .ci/screens.steps (QUORUM_SCRIPT).
SHOTS := assets/screenshots/window
XVFB := xvfb-run -a -s "-screen 0 1180x760x24"
screenshots: build deps-screens
	rm -rf screenshots-tmp && mkdir -p screenshots-tmp $(SHOTS)
	./bin/quorum --db screenshots-tmp/demo.db demo
	for l in fr en; do \
		XDG_CONFIG_HOME=$$PWD/screenshots-tmp/config-$$l LANGUAGE=$$l LC_ALL=$$( [ $$l = fr ] && echo fr_FR.UTF-8 || echo en_GB.UTF-8 ) \
		FYNE_THEME=light QUORUM_SCREENSHOTS=screenshots-tmp/$$l QUORUM_TOUR_MEETING=3 \
		$(XVFB) ./bin/quorum --db screenshots-tmp/demo.db || exit 1; \
		./bin/quorum --db screenshots-tmp/life-$$l.db demo && cp .ci/screens.steps screenshots-tmp/$$l/steps; \
		XDG_CONFIG_HOME=$$PWD/screenshots-tmp/config-$$l LANGUAGE=$$l LC_ALL=$$( [ $$l = fr ] && echo fr_FR.UTF-8 || echo en_GB.UTF-8 ) \
		FYNE_THEME=light QUORUM_SCRIPT=screenshots-tmp/$$l/steps \
		$(XVFB) ./bin/quorum --db screenshots-tmp/life-$$l.db || exit 1; \
		for f in screenshots-tmp/$$l/*.png; do cp $$f $(SHOTS)/$$(basename $$f .png)-$$l.png; done; \
	done
	rm -rf screenshots-tmp

# fyne package reads FyneApp.toml beside the main package and rewrites
# it: it gets a copy, removed afterwards, so the tree stays clean. The
# tool is installed at a fixed version into bin/ (never as a go.mod tool:
# that would upgrade Fyne); built once for this machine, it can then run
# with CC set to the Windows cross-compiler.
FYNE := bin/fyne
$(FYNE):
	GOBIN=$(CURDIR)/bin $(GO) install fyne.io/tools/cmd/fyne@v1.7.4

dist: deps-dist $(FYNE)
	rm -rf dist && mkdir -p dist
	cp FyneApp.toml cmd/quorum/FyneApp.toml
	cd cmd/quorum && $(FYNE) package -os linux --release --icon ../../assets/icon.png
	cd cmd/quorum && CC=x86_64-w64-mingw32-gcc $(FYNE) package -os windows --release --icon ../../assets/icon.png
	mv cmd/quorum/Quorum.tar.xz cmd/quorum/Quorum.exe dist/
	rm -f cmd/quorum/FyneApp.toml
	ls -l dist

clean:
	rm -rf bin dist screenshots-tmp
