//go:build linux || darwin || freebsd || netbsd || openbsd

package paper

import "syscall"

// reserve maps size bytes of zeroed memory outside Go's heap; the system
// gives it pages only as they are touched. Should mapping fail, it takes
// the block from Go's heap.
func reserve(size uint64) []byte {
	block, err := syscall.Mmap(-1, 0, int(size), syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return make([]byte, size)
	}
	return block
}

// unreserve unmaps a block that reserve mapped.
func unreserve(block []byte) {
	// Munmap refuses, harmlessly, a block that it did not map.
	syscall.Munmap(block)
}
