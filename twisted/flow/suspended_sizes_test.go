package flow

import (
	"testing"
	"unsafe"
)

// TestSuspendedFlowObjectSizes keeps what a suspended flow.Deferred over
// a bare generator holds within the allocator's size classes that
// BenchmarkSuspendedFlows' 1.2x-the-floor figure rests on (BENCHMARKS.md,
// "A suspended flow's memory"): a field added to one of these objects
// that takes it past its class costs every suspended flow 16 B or more,
// as one bool beside a pointer once did to genPull (48 -> 64 B).
func TestSuspendedFlowObjectSizes(t *testing.T) {
	for _, c := range []struct {
		name      string
		size, max uintptr
	}{
		{"runner", unsafe.Sizeof(runner{}), 144},
		{"iterStage and its genIter (one allocation)", unsafe.Sizeof(iterStage{}) + unsafe.Sizeof(genIter{}), 112},
		{"genPull", unsafe.Sizeof(genPull{}), 48},
	} {
		if c.size > c.max {
			t.Errorf("%s is %d B, over its %d B class", c.name, c.size, c.max)
		}
	}
}
