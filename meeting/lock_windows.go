//go:build windows

package meeting

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// tryLock takes an exclusive lock on f without waiting; it reports false
// when another open file holds it. Closing f (or the end of the process)
// releases it. The locked byte lies far beyond any data, because Windows
// forbids others to read or write locked bytes, and clear of the bytes
// SQLite itself locks (at 1 GB).
func tryLock(f *os.File) (bool, error) {
	ol := windows.Overlapped{Offset: 0xfffffff0, OffsetHigh: 0x7fffffff}
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) || errors.Is(err, windows.ERROR_IO_PENDING) {
		return false, nil
	}
	return err == nil, err
}
