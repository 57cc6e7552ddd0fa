package main

import (
	"os"
	"strconv"
	"time"

	"quorum/meeting"
	"quorum/ui"
)

// started is when the process started, as near as Go code can tell: the
// first-frame figure is measured from it.
var started = time.Now()

// openWindow opens the window on st. Two environment variables serve
// checks and documentation: QUORUM_TIMING=1 prints how long the first
// frame took; QUORUM_SCREENSHOTS=DIR captures each main screen of meeting
// QUORUM_TOUR_MEETING (default 1) into DIR and closes the window;
// QUORUM_SCRIPT=FILE drives the window through the steps of FILE.
func openWindow(st *meeting.Store) error {
	tour, _ := strconv.ParseInt(os.Getenv("QUORUM_TOUR_MEETING"), 10, 64)
	if tour == 0 {
		tour = 1
	}
	return ui.Run(st, ui.Options{
		Started:     started,
		Timing:      os.Getenv("QUORUM_TIMING") != "",
		Screenshots: os.Getenv("QUORUM_SCREENSHOTS"),
		TourMeeting: tour,
		Script:      os.Getenv("QUORUM_SCRIPT"),
	})
}
