package meeting

import (
	"errors"
	"os"
	"sync"
)

// LockDatabase takes the lock that says one Quorum window writes to the
// database at path: the file path+".lock" beside it, locked by the
// operating system, so the lock goes with the process even when it is
// killed. While another process (or another LockDatabase in this one)
// holds it, LockDatabase fails with an EBUSY error. release unlocks it; the
// lock file stays, empty, for the next window.
func LockDatabase(path string) (release func(), err error) {
	if path == "" {
		return nil, Errorf(EINVALID, "no database path given")
	}
	f, err := os.OpenFile(path+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, Errorf(EINTERNAL, "cannot lock the database %s: %v", path, errors.Unwrap(err))
	}
	locked, err := tryLock(f)
	if err != nil || !locked {
		f.Close()
		if err != nil {
			return nil, Errorf(EINTERNAL, "cannot lock the database %s: %v", path, err)
		}
		return nil, Errorf(EBUSY, "another Quorum window is already using the database %s", path)
	}
	var once sync.Once
	return func() { once.Do(func() { f.Close() }) }, nil
}
