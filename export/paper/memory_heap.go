//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package paper

// reserve allocates size bytes in Go's heap, where a large block comes
// straight from the system and, as a mapping would, takes room only as it
// is touched, unless Go reuses memory that it had freed.
func reserve(size uint64) []byte { return make([]byte, size) }

func unreserve([]byte) {}
