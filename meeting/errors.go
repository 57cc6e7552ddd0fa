package meeting

import (
	"errors"
	"fmt"
)

// Error codes. They say what kind of failure happened so that the window and
// the command line can word it for the user.
const (
	ENOTFOUND = "not_found" // the record does not exist (any more)
	EINVALID  = "invalid"   // the input breaks a rule; Field says where
	ECONFLICT = "conflict"  // the change collides with data already there
	EBUSY     = "busy"      // another program holds the database
	EDAMAGED  = "damaged"   // the database file is damaged or not a Quorum database
	EREADONLY = "read_only" // the store was opened read-only: nothing can be changed
	EINTERNAL = "internal"  // anything else: a bug, a disk error
)

// Error is the error type of the meeting package. Message is a plain
// sentence meant for users; Field, when set, names the offending field in the
// form used by the meeting file (`agenda[2].items[0].minutes`).
type Error struct {
	Code    string
	Field   string
	Message string
}

func (e *Error) Error() string {
	if e.Field != "" {
		return e.Field + ": " + e.Message
	}
	return e.Message
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// fieldErr returns an EINVALID error for one field.
func fieldErr(field, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err if it is (or wraps) an *Error,
// EINTERNAL for any other non-nil error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the user-facing text of err: the message of an *Error
// (with its field), or a generic sentence wrapping anything else.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Error()
	}
	if err == nil {
		return ""
	}
	return "internal error: " + err.Error()
}
