package reactor

import (
	"slices"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twistedflow/twistedflow/internal/leakcheck"
)

func slicesSort(s []string) { slices.Sort(s) }

// Work runs off the reactor goroutine and reports back with
// CallFromThread (testWakeUp).
func TestCallInThread(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	result := 0
	r.CallWhenRunning(func() {
		r.CallInThread(func() {
			v := 6 * 7
			r.CallFromThread(func() { result = v; mustStop(t, r) })
		})
	})
	run(t, r)
	if result != 42 {
		t.Errorf("result = %d, want 42", result)
	}
}

// With a pool of one, work runs in the order it was given.
func TestCallInThreadFIFO(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	r.SuggestThreadPoolSize(1)
	var mu sync.Mutex
	var got []int
	for i := range 20 {
		r.CallInThread(func() { mu.Lock(); got = append(got, i); mu.Unlock() })
	}
	r.CallWhenRunning(func() { mustStop(t, r) })
	run(t, r) // waits for the queued work
	if diff := cmp.Diff(slices.Collect(func(yield func(int) bool) {
		for i := range 20 {
			yield(i)
		}
	}), got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// No more goroutines than the pool size run work at once; the rest waits.
func TestCallInThreadBounded(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	r.SuggestThreadPoolSize(2)
	started := make(chan int)
	release := make(chan struct{})
	for i := range 5 {
		r.CallInThread(func() { started <- i; <-release })
	}
	var workers, queued int
	r.CallWhenRunning(func() {
		receive(t, started, "the first work to start")
		receive(t, started, "the second work to start")
		r.q.Mu.Lock()
		workers, queued = r.pool.workers, len(r.pool.queue)-r.pool.head
		r.q.Mu.Unlock()
		r.SuggestThreadPoolSize(3) // starts one more for the queued work
		receive(t, started, "the third work to start, with the pool's size raised")
		close(release)
		receive(t, started, "the fourth work to start")
		receive(t, started, "the fifth work to start")
		mustStop(t, r)
	})
	run(t, r)
	if workers != 2 || queued != 3 {
		t.Errorf("with 2 running: %d workers, %d queued; want 2, 3", workers, queued)
	}
}

// Stopping waits for the work given, then drops what comes after.
func TestCallInThreadAfterStop(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	var mu sync.Mutex
	done := 0
	for range 30 {
		r.CallInThread(func() { mu.Lock(); done++; mu.Unlock() })
	}
	r.CallWhenRunning(func() { mustStop(t, r) })
	run(t, r)
	if done != 30 {
		t.Fatalf("%d of 30 done when Run returned", done)
	}
	r.CallInThread(func() { t.Error("work given after stop ran") })
	r.q.Mu.Lock()
	workers, queued := r.pool.workers, len(r.pool.queue)-r.pool.head
	r.q.Mu.Unlock()
	if workers != 0 || queued != 0 {
		t.Errorf("after stop: %d workers, %d queued", workers, queued)
	}
}

func TestSuggestThreadPoolSizeNegative(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("SuggestThreadPoolSize(-1) did not panic")
		}
	}()
	New().SuggestThreadPoolSize(-1)
}
