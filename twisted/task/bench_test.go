package task

import (
	"syscall"
	"testing"
	"time"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// The Python anchors for these benchmarks are testdata/bench/task_bench.py,
// the same workloads on python3-twisted's task.Clock.

const (
	benchTasks = 100
	benchSteps = 100
)

// benchCooperator runs benchTasks tasks of benchSteps steps each to the
// end on a Cooperator driven by a Clock, with the default 10 ms slices:
// b.N runs of benchTasks*benchSteps units of work.
func benchCooperator(b *testing.B, makeTask func() Iterator) {
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		clock := NewClock()
		c := NewCooperator(WithClock(clock))
		done := 0
		for range benchTasks {
			c.Coiterate(makeTask()).AddCallback(func(any) (any, error) { done++; return nil, nil })
		}
		for done < benchTasks {
			clock.Advance(1)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchTasks*benchSteps), "ns/step")
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N*benchTasks*benchSteps), "cpu-ns/step")
}

// reportCPU reports the process's CPU time per op since cpu, which varies
// less than wall time on a loaded machine.
func reportCPU(b *testing.B, cpu time.Duration) {
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

// cpuTime returns the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkCooperatorSeq: tasks written as Go iterator functions (FromSeq,
// a coroutine switch per step), as Python generators.
func BenchmarkCooperatorSeq(b *testing.B) {
	benchCooperator(b, func() Iterator {
		return FromSeq(func(yield func(any) bool) {
			for i := range benchSteps {
				if !yield(i) {
					return
				}
			}
		})
	})
}

// BenchmarkCooperatorNext: tasks written as Next methods (IteratorFunc).
func BenchmarkCooperatorNext(b *testing.B) {
	benchCooperator(b, func() Iterator {
		i := 0
		return IteratorFunc(func() (any, error) {
			if i == benchSteps {
				return nil, twisted.StopIteration.New()
			}
			i++
			return i, nil
		})
	})
}

// BenchmarkCooperatorDeferred: every step yields an already-fired
// Deferred, which pauses and resumes the task.
func BenchmarkCooperatorDeferred(b *testing.B) {
	benchCooperator(b, func() Iterator {
		return FromSeq(func(yield func(any) bool) {
			for i := range benchSteps {
				if !yield(deferred.Succeed(i)) {
					return
				}
			}
		})
	})
}

// BenchmarkLoopingCall: one LoopingCall on a Clock, b.N calls.
func BenchmarkLoopingCall(b *testing.B) {
	b.ReportAllocs()
	clock := NewClock()
	n := 0
	lc := NewLoopingCall(func() (any, error) { n++; return nil, nil })
	lc.Clock = clock
	lc.Start(0.1, false)
	cpu := cpuTime()
	for b.Loop() {
		clock.Advance(0.1)
	}
	reportCPU(b, cpu)
	lc.Stop()
	if n == 0 {
		b.Fatal("no calls")
	}
}

// BenchmarkDeferLater: b.N DeferLaters on a Clock, fired by one Advance per
// thousand.
func BenchmarkDeferLater(b *testing.B) {
	b.ReportAllocs()
	clock := NewClock()
	f := func() (any, error) { return nil, nil }
	i := 0
	cpu := cpuTime()
	for b.Loop() {
		DeferLater(clock, 1, f)
		if i++; i%1000 == 0 {
			clock.Advance(1)
		}
	}
	clock.Advance(1)
	reportCPU(b, cpu)
}
