# Quorum: a desktop app to prepare meetings.
#
#   make build   build bin/quorum (installs the system packages Fyne needs)
#   make run     build, then open the window on the default database
#   make test    gofmt check, go vet and the tests (what CI runs)
#   make bench   the benchmarks
#   make bench-pack  a pack of 40 papers (~1,000 pages) against qpdf's plain merge
#   make document-images  first pages of each printed document, for the README
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

.PHONY: all deps deps-test build run test fmt vet bench bench-pack document-images clean

all: build

deps:
	@bash .ci/apt-ensure $(BUILD_PKGS)

deps-test:
	@bash .ci/apt-ensure $(TEST_PKGS) $(CLIENT_PKGS)
	@command -v npm >/dev/null || bash .ci/apt-ensure npm
	@test -d $(ICALJS)/node_modules/ical.js || npm install --prefix $(ICALJS) --no-audit --no-fund --no-package-lock

build: deps
	$(GO) build -o bin/quorum ./cmd/quorum

run: build
	./bin/quorum

test: deps-test fmt vet
	$(GO) test -tags $(TEST_TAGS) -count=1 ./...

# fmt fails, listing them, when some files are not gofmt-formatted.
fmt:
	@files="$$(gofmt -l .)"; \
	if [ -n "$$files" ]; then \
		echo "These files need gofmt -w:"; echo "$$files"; exit 1; \
	fi

vet:
	$(GO) vet -tags $(TEST_TAGS) ./...

bench:
	$(GO) test -tags $(TEST_TAGS) -run '^$$' -bench . -benchmem ./...

# Needs the shared PDF corpus beside the repository (../shared/pdf-corpus).
bench-pack: deps-test
	$(GO) test -tags $(TEST_TAGS) -run '^$$' -bench BenchmarkPack -benchtime 3x ./export/

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

clean:
	rm -rf bin
