package reactor

import (
	"container/heap"
	"math/rand/v2"
	"testing"
	"time"
)

// randomDelays returns n delays spread over [0, span) seconds, the same
// ones on every run.
func randomDelays(n int, span float64) []float64 {
	rng := rand.New(rand.NewPCG(1, 2))
	delays := make([]float64, n)
	for i := range delays {
		delays[i] = rng.Float64() * span
	}
	return delays
}

// BenchmarkClock20k schedules 20,000 calls with random delays on a Clock
// and advances past them all (testdata/bench/clock20k.py is the Python).
func BenchmarkClock20k(b *testing.B) {
	delays := randomDelays(20000, 1000)
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		c := NewClock()
		fired := 0
		f := func() { fired++ }
		for _, d := range delays {
			c.CallLater(d, f)
		}
		c.Advance(1000)
		if fired != len(delays) {
			b.Fatalf("%d of %d fired", fired, len(delays))
		}
	}
	reportPerTimer(b, 20000, cpuTime()-cpu)
}

// floorEntry and floorHeap are the least a heap of timers needs: keys held
// inline, no handle per timer, no lock. They are the floor
// BenchmarkClock20k is measured against.
type floorEntry struct {
	at  float64
	seq int64
	f   func()
}

type floorHeap []floorEntry

func (h floorHeap) Len() int { return len(h) }
func (h floorHeap) Less(i, j int) bool {
	return h[i].at < h[j].at || h[i].at == h[j].at && h[i].seq < h[j].seq
}
func (h floorHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *floorHeap) Push(x any)   { *h = append(*h, x.(floorEntry)) }
func (h *floorHeap) Pop() (x any) { x, *h = (*h)[len(*h)-1], (*h)[:len(*h)-1]; return x }

// BenchmarkHeapFloor20k does what BenchmarkClock20k does with a bare
// container/heap: push 20,000 timers, pop and call them in order. It
// pushes with append and heap.Fix, and pops with heap.Fix, as heap.Push
// and heap.Pop would allocate to box each entry.
func BenchmarkHeapFloor20k(b *testing.B) {
	delays := randomDelays(20000, 1000)
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		var h floorHeap
		fired := 0
		f := func() { fired++ }
		for i, d := range delays {
			h = append(h, floorEntry{at: d, seq: int64(i), f: f})
			heap.Fix(&h, len(h)-1)
		}
		for len(h) > 0 && h[0].at <= 1000 {
			e := h[0]
			h[0] = h[len(h)-1]
			h = h[:len(h)-1]
			if len(h) > 0 {
				heap.Fix(&h, 0)
			}
			e.f()
		}
		if fired != len(delays) {
			b.Fatalf("%d of %d fired", fired, len(delays))
		}
	}
	reportPerTimer(b, 20000, cpuTime()-cpu)
}

// BenchmarkReactorTimers schedules 200,000 calls with random delays under
// a millisecond on a real Reactor and runs it until they have all fired
// (testdata/bench/reactor200k.py is the Python).
func BenchmarkReactorTimers(b *testing.B) {
	const n = 200000
	delays := randomDelays(n, 0.001)
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		r := New()
		fired := 0
		f := func() {
			fired++
			if fired == n {
				r.Stop()
			}
		}
		r.CallWhenRunning(func() {
			for _, d := range delays {
				r.CallLater(d, f)
			}
		})
		if err := r.Run(); err != nil {
			b.Fatal(err)
		}
	}
	reportPerTimer(b, n, cpuTime()-cpu)
}

// reportPerTimer reports the wall and CPU time per timer of a benchmark
// whose every iteration handles timers timers.
func reportPerTimer(b *testing.B, timers int, cpu time.Duration) {
	reportPer(b, timers, "timer", cpu)
}

// reportPer reports the wall and CPU time per unit of a benchmark whose
// every iteration handles n units.
func reportPer(b *testing.B, n int, unit string, cpu time.Duration) {
	total := float64(b.N) * float64(n)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/total, "ns/"+unit)
	b.ReportMetric(float64(cpu.Nanoseconds())/total, "cpu-ns/"+unit)
}

// BenchmarkCallFromThread hands 100,000 calls to a running Reactor from
// another goroutine, one CallFromThread each (testdata/bench/
// callfromthread100k.py is the Python).
func BenchmarkCallFromThread(b *testing.B) {
	const n = 100000
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		r := New()
		count := 0
		f := func() {
			count++
			if count == n {
				r.Stop()
			}
		}
		done := make(chan struct{})
		r.CallWhenRunning(func() {
			go func() {
				defer close(done)
				for range n {
					r.CallFromThread(f)
				}
			}()
		})
		if err := r.Run(); err != nil {
			b.Fatal(err)
		}
		<-done
	}
	reportPer(b, n, "call", cpuTime()-cpu)
}

// BenchmarkCallLaterPingPong is the reactor alone under a Cooperate(0): a
// call that schedules itself again with CallLater(0), b.N times in one
// Run, each a turn of the loop (runUntilCurrent, the end-of-iteration
// writes, the wait that does not wait). flow.Deferred's
// BenchmarkDeferredCooperate makes 200 such round trips per flow.
func BenchmarkCallLaterPingPong(b *testing.B) {
	b.ReportAllocs()
	r := New()
	r.NoSignalHandlers = true
	left := b.N
	var ping func()
	ping = func() {
		if left--; left <= 0 {
			_ = r.Stop()
			return
		}
		r.CallLater(0, ping)
	}
	cpu := cpuTime()
	b.ResetTimer()
	r.CallWhenRunning(ping)
	if err := r.Run(); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	reportPer(b, 1, "turn", cpuTime()-cpu)
}
