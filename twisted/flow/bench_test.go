package flow_test

import (
	"iter"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// The flows measured are those of testdata/bench/bench.py, which gives
// the original's figures (BENCHMARKS.md, "## flow"). Each op is one item.

func count(n int) flow.Generator {
	return func(yield func(any) bool) error {
		for i := range n {
			if !yield(i) {
				return nil
			}
		}
		return nil
	}
}

type counter struct{ i, n int }

func (c *counter) Next() (any, error) {
	i := c.i
	if i >= c.n {
		return nil, twisted.StopIteration.New()
	}
	c.i = i + 1
	return i, nil
}

func plus(args ...any) (any, error) { return args[0].(int) + 1, nil }
func odd(v any) (bool, error)       { return v.(int)&1 != 0, nil }

// perItem reports the items per second of wall time, and the process's
// CPU time per item, which varies less on a loaded machine.
func perItem(b *testing.B, start time.Time, cpu time.Duration) {
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "items/s")
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/item")
}

// cpuTime returns the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func blockFilterMap(b *testing.B, source any) {
	b.ReportAllocs()
	start, cpu := time.Now(), cpuTime()
	n := 0
	for _, err := range flow.Block(flow.Filter(odd, flow.Map(plus, source))).All() {
		if err != nil {
			b.Fatal(err)
		}
		n++
	}
	perItem(b, start, cpu)
	if n != (b.N+1)/2 {
		b.Fatalf("%d items, want %d", n, (b.N+1)/2)
	}
}

// BenchmarkBlockFilterMap is Block(Filter(odd, Map(plus, gen))) over a
// Generator.
func BenchmarkBlockFilterMap(b *testing.B) { blockFilterMap(b, count(b.N)) }

// BenchmarkBlockFilterMapIterator is the same flow over an Iterator.
func BenchmarkBlockFilterMapIterator(b *testing.B) { blockFilterMap(b, &counter{n: b.N}) }

// BenchmarkBlockFilterMapNext is BenchmarkBlockFilterMap consumed with
// Next: the pull protocol, one coroutine switch pair per generator value.
func BenchmarkBlockFilterMapNext(b *testing.B) {
	b.ReportAllocs()
	start, cpu := time.Now(), cpuTime()
	blk := flow.Block(flow.Filter(odd, flow.Map(plus, count(b.N))))
	n := 0
	for {
		if _, err := blk.Next(); err != nil {
			break
		}
		n++
	}
	perItem(b, start, cpu)
	if n != (b.N+1)/2 {
		b.Fatalf("%d items, want %d", n, (b.N+1)/2)
	}
}

// BenchmarkPullBaseline is the bare iter.Pull loop over the same
// generator, with the same plus and odd calls: the cost of Go's
// coroutine switch that a generator stage cannot avoid.
func BenchmarkPullBaseline(b *testing.B) {
	b.ReportAllocs()
	start, cpu := time.Now(), cpuTime()
	gen := count(b.N)
	next, stop := iter.Pull(func(yield func(any) bool) { _ = gen(yield) })
	defer stop()
	n := 0
	for {
		v, ok := next()
		if !ok {
			break
		}
		v, _ = plus(v)
		if keep, _ := odd(v); keep {
			n++
		}
	}
	perItem(b, start, cpu)
	if n != (b.N+1)/2 {
		b.Fatalf("%d items, want %d", n, (b.N+1)/2)
	}
}

// BenchmarkIteratorBaseline is the work BenchmarkBlockFilterMapIterator
// asks for, done by hand without a flow: the same counter's Next through
// the Iterator interface (boxing i), plus called through a function value
// with a fresh one-item args slice (as Map must: the function may keep
// it), boxing i+1, and odd. It is the floor of that benchmark.
func BenchmarkIteratorBaseline(b *testing.B) {
	b.ReportAllocs()
	start, cpu := time.Now(), cpuTime()
	var it flow.Iterator = &counter{n: b.N}
	fn, test := plusFunc, oddFunc
	n := 0
	for {
		v, err := it.Next()
		if err != nil {
			break
		}
		x, _ := fn(v)
		if keep, _ := test(x); keep {
			n++
		}
	}
	perItem(b, start, cpu)
	if n != (b.N+1)/2 {
		b.Fatalf("%d items, want %d", n, (b.N+1)/2)
	}
}

// plusFunc and oddFunc are plus and odd as function values the compiler
// cannot see through, as Map and Filter hold them: the args escape.
var (
	plusFunc = plus
	oddFunc  = odd
)

func cooperating(m int) flow.Generator {
	return func(yield func(any) bool) error {
		for i := range m {
			if i%100 == 0 && !yield(flow.Cooperate(0)) {
				return nil
			}
			if !yield(i) {
				return nil
			}
		}
		return nil
	}
}

func cooperatingList(m int) []any {
	l := make([]any, 0, m+m/100)
	for i := range m {
		if i%100 == 0 {
			l = append(l, flow.Cooperate(0))
		}
		l = append(l, i)
	}
	return l
}

// BenchmarkDeferredCooperate runs flow.Deferred over a list of 20,000
// items with a Cooperate every 100, on a real reactor; one op is one
// flow.
func BenchmarkDeferredCooperate(b *testing.B) {
	deferredCooperate(b, func() any { return cooperatingList(20000) })
}

// BenchmarkDeferredCooperateGenerator is the same flow from a Generator.
func BenchmarkDeferredCooperateGenerator(b *testing.B) {
	deferredCooperate(b, func() any { return cooperating(20000) })
}

// BenchmarkDeferredFilterMap is Filter(odd, Map(plus, gen)) of
// BenchmarkBlockFilterMap under flow.Deferred, the generator cooperating
// every 100 items as in BenchmarkDeferredCooperateGenerator: the chain
// runs in push mode on one coroutine, and switches to the reactor only at
// the Cooperates. One op is one flow of 20,000 source items.
func BenchmarkDeferredFilterMap(b *testing.B) {
	deferredCooperateN(b, 10000, func() any { return flow.Filter(odd, flow.Map(plus, cooperating(20000))) })
}

func deferredCooperate(b *testing.B, source func() any) {
	deferredCooperateN(b, 20000, source)
}

// deferredCooperateN runs the flows of source, each of 20,000 source
// items and m results, one after the other on a real reactor.
func deferredCooperateN(b *testing.B, m int, source func() any) {
	const items = 20000
	b.ReportAllocs()
	r := reactor.New()
	cpu := cpuTime()
	var run func(left int)
	run = func(left int) {
		b.StopTimer()
		src := source()
		b.StartTimer()
		d := flow.DeferredOn(r, src)
		d.AddCallback(func(res any) (any, error) {
			if n := len(res.([]any)); n != m {
				b.Errorf("%d results", n)
			}
			if left > 1 {
				run(left - 1)
				return nil, nil
			}
			return nil, r.Stop()
		})
	}
	r.CallWhenRunning(func() { run(b.N) })
	if err := r.Run(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N*items)/b.Elapsed().Seconds(), "items/s")
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N*items), "cpu-ns/item")
}

// BenchmarkDeferredCooperateBaseline is the work of
// BenchmarkDeferredCooperateGenerator done by hand without a flow: the
// same generator run as a coroutine (iter.Pull) that appends its values
// to a list (append's growth) and switches back only at a Cooperate, for
// which a CallLater(0) on the same reactor resumes it. It is the floor of
// that benchmark.
func BenchmarkDeferredCooperateBaseline(b *testing.B) {
	const m = 20000
	b.ReportAllocs()
	r := reactor.New()
	cpu := cpuTime()
	var run func(left int)
	run = func(left int) {
		gen := cooperating(m)
		var res []any
		next, stop := iter.Pull(func(yield func(any) bool) {
			_ = gen(func(v any) bool {
				if _, ok := v.(*flow.CooperateInstruction); ok {
					return yield(v)
				}
				res = append(res, v)
				return true
			})
		})
		var step func()
		step = func() {
			v, ok := next()
			if ok {
				r.CallLater(v.(*flow.CooperateInstruction).Timeout, step)
				return
			}
			stop()
			if len(res) != m {
				b.Errorf("%d results", len(res))
			}
			if left > 1 {
				run(left - 1)
			} else {
				_ = r.Stop()
			}
		}
		step()
	}
	r.CallWhenRunning(func() { run(b.N) })
	if err := r.Run(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N*m)/b.Elapsed().Seconds(), "items/s")
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N*m), "cpu-ns/item")
}

// BenchmarkSuspendedFlows suspends 50,000 flows at a Cooperate under one
// reactor and reports the memory each holds (heap and stacks, bytes/flow),
// beside two floors measured in the same run: the same generator
// suspended at its first yield in a bare iter.Pull coroutine
// (floor-bytes), and that coroutine with what a flow.Deferred cannot do
// without besides, its Deferred and its wake-up on the reactor's queue
// (held-bytes). x-floor is bytes/flow over floor-bytes.
//
// Each is measured in a process that already holds 50,000 suspended
// coroutines, and nothing ends before the last measurement: the runtime
// sizes a new goroutine's stack from the stacks its last collection
// scanned, and reuses the goroutines that have ended, so that a batch
// measured alone, after whatever ran before, is given 4 KiB stacks, or
// none of its goroutines' memory, depending on what that was.
func BenchmarkSuspendedFlows(b *testing.B) {
	const n = 50000
	r := reactor.New() // not running: the flows stay suspended
	noop := func() {}
	for range b.N {
		stops := make([]func(), 0, 3*n)
		pull := func() {
			gen := cooperating(1000)
			next, stop := iter.Pull(func(yield func(any) bool) { _ = gen(yield) })
			next()
			stops = append(stops, stop)
		}
		calls := make([]*reactor.DelayedCall, n)
		ds := make([]*deferred.Deferred, n)
		flows := make([]*deferred.Deferred, n)

		suspendedBytes(n, func(int) { pull() }) // the process's 50,000 coroutines
		floor := suspendedBytes(n, func(int) { pull() })
		held := suspendedBytes(n, func(i int) {
			pull()
			ds[i] = deferred.New()
			calls[i] = r.CallLater(0, noop)
		})
		perFlow := suspendedBytes(n, func(i int) { flows[i] = flow.DeferredOn(r, cooperating(1000)) })
		b.ReportMetric(perFlow, "bytes/flow")
		b.ReportMetric(floor, "floor-bytes")
		b.ReportMetric(held, "held-bytes")
		b.ReportMetric(perFlow/floor, "x-floor")

		for _, stop := range stops {
			stop()
		}
		for i := range n {
			_ = calls[i].Cancel()
			ds[i].Callback(nil)
			flows[i].AddErrback(func(*twisted.Failure) (any, error) { return nil, nil })
			flows[i].Cancel()
		}
	}
}

// suspendedBytes returns the memory (heap and stacks) that each of the n
// things that suspend makes holds.
func suspendedBytes(n int, suspend func(i int)) float64 {
	runtime.GC()
	before := inUse()
	for i := range n {
		suspend(i)
	}
	runtime.GC()
	return float64(inUse()-before) / float64(n)
}

func inUse() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse + m.StackInuse
}

// BenchmarkTypedBlockFilterMap is BenchmarkBlockFilterMap's work, typed:
// FilterOf(odd, MapOf(plus, Values(count))) ranged over with All, no
// value boxed.
func BenchmarkTypedBlockFilterMap(b *testing.B) {
	b.ReportAllocs()
	start, cpu := time.Now(), cpuTime()
	n := b.N
	seq := func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
	plusT := func(i int) (int, error) { return i + 1, nil }
	oddT := func(i int) (bool, error) { return i&1 != 0, nil }
	got := 0
	for _, err := range flow.FilterOf(oddT, flow.MapOf(plusT, flow.Values(seq))).All() {
		if err != nil {
			b.Fatal(err)
		}
		got++
	}
	perItem(b, start, cpu)
	if got != (b.N+1)/2 {
		b.Fatalf("%d items, want %d", got, (b.N+1)/2)
	}
}
