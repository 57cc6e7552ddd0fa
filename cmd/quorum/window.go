package main

import (
	"errors"
	"os"
	"strconv"
	"time"

	"quorum/meeting"
	"quorum/ui"
)

// started is when the process started, as near as Go code can tell: the
// first-frame figure is measured from it.
var started = time.Now()

// openWindow opens the window on the database at path (the default one
// if ""). Two environment variables serve checks and documentation:
// QUORUM_TIMING=1 prints how long the first frame took;
// QUORUM_SCREENSHOTS=DIR captures each main screen of meeting
// QUORUM_TOUR_MEETING (default 1) into DIR and closes the window;
// QUORUM_SCRIPT=FILE drives the window through the steps of FILE.
func openWindow(path string) error {
	if path == "" {
		path = defaultDB()
	}
	st, err := openForWindow(path)
	if err != nil {
		return err
	}
	tour, _ := strconv.ParseInt(os.Getenv("QUORUM_TOUR_MEETING"), 10, 64)
	if tour == 0 {
		tour = 1
	}
	err = ui.Run(st, ui.Options{
		Started:     started,
		Timing:      os.Getenv("QUORUM_TIMING") != "",
		Screenshots: os.Getenv("QUORUM_SCREENSHOTS"),
		TourMeeting: tour,
		Script:      os.Getenv("QUORUM_SCRIPT"),
		Open:        openForWindow,
	})
	return errors.Join(err, st.Close())
}

// openForWindow opens a database for a window: locked for it alone, or,
// when another Quorum window holds it, read-only (the window says so).
func openForWindow(path string) (*meeting.Store, error) {
	st, err := meeting.OpenExclusive(path)
	if meeting.ErrorCode(err) == meeting.EBUSY {
		return meeting.OpenReadOnly(path)
	}
	return st, err
}
