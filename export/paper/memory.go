package paper

import (
	"sync"

	"github.com/tetratelabs/wazero/experimental"
)

// memories gives PDFium instances their memory. Each instance gets, from
// the start, its whole allowance reserved in one block, in which it grows
// in place: the runtime's default copies the memory at each growth, and
// holds old and new copies at once, twice the limit or more.
//
// The watchdog's Kill frees an instance's memory while PDFium may still run
// in it for a moment; so Free does nothing, and release returns the blocks
// to the system once the caller knows that no instance runs.
type memories struct {
	mu   sync.Mutex
	held []*linearMemory
	peak uint64 // largest size in bytes that an instance has reached since release
}

var _ experimental.MemoryAllocator = (*memories)(nil)

// Allocate implements experimental.MemoryAllocator.
func (m *memories) Allocate(_, limit uint64) experimental.LinearMemory {
	lm := &linearMemory{owner: m, block: reserve(limit)}
	m.mu.Lock()
	m.held = append(m.held, lm)
	m.mu.Unlock()
	return lm
}

// release returns every block to the system, and says the largest size an
// instance reached. Call it only when no instance can run.
func (m *memories) release() (peak uint64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, lm := range m.held {
		unreserve(lm.block)
	}
	m.held = nil
	peak, m.peak = m.peak, 0
	return peak
}

// linearMemory is one instance's memory: the first size bytes of block.
type linearMemory struct {
	owner *memories
	block []byte
}

// Reallocate implements experimental.LinearMemory.
func (lm *linearMemory) Reallocate(size uint64) []byte {
	if size > uint64(len(lm.block)) {
		return nil
	}
	lm.owner.mu.Lock()
	lm.owner.peak = max(lm.owner.peak, size)
	lm.owner.mu.Unlock()
	return lm.block[:size:size]
}

// Free implements experimental.LinearMemory: see memories.
func (lm *linearMemory) Free() {}
