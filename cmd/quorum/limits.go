package main

import (
	"os"
	"strconv"

	"quorum/meeting"
)

// setPaperLimit sets the largest paper Quorum keeps: flagMB when the
// --max-paper-mb flag is given (not 0), else $QUORUM_MAX_PAPER_MB, else
// the default.
func setPaperLimit(flagMB int64) error {
	mb, from := flagMB, "--max-paper-mb"
	if mb == 0 {
		env := os.Getenv("QUORUM_MAX_PAPER_MB")
		if env == "" {
			return meeting.SetMaxPaperBytes(0)
		}
		n, err := strconv.ParseInt(env, 10, 64)
		if err != nil {
			return usagef("QUORUM_MAX_PAPER_MB: %q is not a whole number of megabytes", env)
		}
		mb, from = n, "QUORUM_MAX_PAPER_MB"
	}
	if mb <= 0 || mb > meeting.MaxPaperBytesLimit>>20 {
		return usagef("%s: the largest paper must be between 1 and %d MB", from, meeting.MaxPaperBytesLimit>>20)
	}
	return meeting.SetMaxPaperBytes(mb << 20)
}
