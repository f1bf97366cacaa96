package deferred

import (
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

func increment(r any) (any, error) { return r.(int) + 1, nil }

// BenchmarkDeferredCallbacks10 creates a Deferred, adds 10 callbacks and
// fires it. Python anchor (same work, Twisted 22.4, CPython 3.11): see
// BENCHMARKS.md.
func BenchmarkDeferredCallbacks10(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		d := New()
		for range 10 {
			d.AddCallback(increment)
		}
		d.Callback(0)
		if d.Result() != 10 {
			b.Fatal(d.Result())
		}
	}
}

// BenchmarkSucceedAddCallback is the common fast path: a callback added to
// a Deferred that has already fired.
func BenchmarkSucceedAddCallback(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Succeed(1).AddCallback(increment)
	}
}

// BenchmarkErrbackPath fires a failure through a callback and an errback.
func BenchmarkErrbackPath(b *testing.B) {
	b.ReportAllocs()
	f := twisted.NewFailure(twisted.KeyError.New("k"))
	for b.Loop() {
		d := New()
		d.AddCallback(increment)
		d.AddErrback(func(*twisted.Failure) (any, error) { return 0, nil })
		d.Callback(f)
	}
}

// BenchmarkChain100 waits through a chain of 100 Deferreds returned by
// callbacks.
func BenchmarkChain100(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		last := New()
		d := last
		for range 99 {
			next := d
			d = New().AddCallback(func(any) (any, error) { return next, nil })
			d.Callback(nil)
		}
		last.Callback(1)
	}
}

// BenchmarkInlineCallbacks10 runs an InlineCallbacks function that awaits
// ten Deferreds: five already fired, five fired while it waits.
func BenchmarkInlineCallbacks10(b *testing.B) {
	b.ReportAllocs()
	pending := make([]*Deferred, 5)
	for b.Loop() {
		for i := range pending {
			pending[i] = New()
		}
		d := InlineCallbacks(func(await Await) (any, error) {
			sum := 0
			for i := range 5 {
				v, _ := await(Succeed(i))
				sum += v.(int)
				v, _ = await(pending[i])
				sum += v.(int)
			}
			return sum, nil
		})
		for i, p := range pending {
			p.Callback(i)
		}
		if d.Result() != 20 {
			b.Fatal(d.Result())
		}
	}
}

// BenchmarkGatherResults10 gathers ten Deferreds and fires them one by one.
func BenchmarkGatherResults10(b *testing.B) {
	b.ReportAllocs()
	ds := make([]*Deferred, 10)
	for b.Loop() {
		for i := range ds {
			ds[i] = New()
		}
		g := GatherResults(ds)
		for i, d := range ds {
			d.Callback(i)
		}
		if r := g.Result().([]any); len(r) != 10 || r[9] != 9 {
			b.Fatal(g.Result())
		}
	}
}

// BenchmarkDeferredList10 is BenchmarkGatherResults10 with DeferredList:
// its result is the ten (success, result) pairs.
func BenchmarkDeferredList10(b *testing.B) {
	b.ReportAllocs()
	ds := make([]*Deferred, 10)
	for b.Loop() {
		for i := range ds {
			ds[i] = New()
		}
		dl := DeferredList(ds)
		for i, d := range ds {
			d.Callback(i)
		}
		if r := dl.Result().([]any); len(r) != 10 || r[9].(twisted.Tuple)[1] != 9 {
			b.Fatal(dl.Result())
		}
	}
}

// BenchmarkTenDeferreds is the floor of BenchmarkGatherResults10: the ten
// Deferreds it makes, each fired, without the list.
func BenchmarkTenDeferreds(b *testing.B) {
	b.ReportAllocs()
	ds := make([]*Deferred, 10)
	for b.Loop() {
		for i := range ds {
			ds[i] = New()
		}
		for i, d := range ds {
			d.Callback(i)
		}
	}
}

// allocSink keeps BenchmarkTenAllocations' objects on the heap.
var allocSink [10]any

// BenchmarkTenAllocations is the allocator's part of that floor: ten bare
// objects holding pointers, of a Deferred's size (112 bytes), of its
// former size (128 bytes) and of smaller ones, down to 32 bytes, the least a Deferred could be (its
// result and one pointer). GatherResults10's target is not far above what
// ten allocations of any of these sizes cost on its own.
func BenchmarkTenAllocations(b *testing.B) {
	b.Run("128B", tenAllocations[[8]any])
	b.Run("112B", tenAllocations[[7]any])
	b.Run("64B", tenAllocations[[4]any])
	b.Run("32B", tenAllocations[[2]any])
}

func tenAllocations[T any](b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for i := range allocSink {
			allocSink[i] = new(T)
		}
	}
}

// BenchmarkChainDepth builds chains of 1,000 and 1,000,000 Deferreds,
// each one's callback returning the next, and fires each from the
// innermost. It reports the cost per link, which should not grow much
// with the chain's length (issue 20: at most 2× from 1,000 to 1,000,000),
// and the stack depth (frames) at the outermost callback, which must not
// depend on the length at all (TestBoundedStackDepth checks that;
// Twisted's test_boundedStackDepth is the original).
func BenchmarkChainDepth(b *testing.B) {
	for _, n := range chainLengths {
		b.Run(n.name, func(b *testing.B) { chainDepth(b, n.links) })
	}
}

// chainLengths are the lengths of BenchmarkChainDepth's chains and of its
// floor's.
var chainLengths = []struct {
	name  string
	links int
}{{"1k", 1_000}, {"1M", 1_000_000}}

func chainDepth(b *testing.B, n int) {
	b.ReportAllocs()
	ds := make([]*Deferred, n)
	var frames int
	for b.Loop() {
		for i := range ds {
			ds[i] = New()
		}
		for i := range n - 1 {
			next := ds[i+1]
			ds[i].AddCallback(func(any) (any, error) { return next, nil })
		}
		ds[0].AddCallback(func(r any) (any, error) { frames = stackDepth(); return r, nil })
		for _, d := range ds[:n-1] {
			d.Callback(nil)
		}
		ds[n-1].Callback("deep")
		if ds[0].Result() != "deep" {
			b.Fatal(ds[0].Result())
		}
	}
	clear(ds)
	b.ReportMetric(float64(frames), "frames")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/link")
}

// plainLink is BenchmarkChainDepthFloor's link: a result, and the function
// that gives the next link.
type plainLink struct {
	result any
	next   func() *plainLink
}

// BenchmarkChainDepthFloor is BenchmarkChainDepth's work in plain Go, its
// floor: the same number of objects of the same kinds (a link and a
// closure capturing the next), each link's function returning the next,
// the result carried back from the innermost by a loop. Its cost per link
// grows with the chain's length too, from the caches and the collector's
// marking of a large live heap: BenchmarkChainDepth's growth is measured
// against this one's.
func BenchmarkChainDepthFloor(b *testing.B) {
	for _, n := range chainLengths {
		b.Run(n.name, func(b *testing.B) { chainDepthFloor(b, n.links) })
	}
}

func chainDepthFloor(b *testing.B, n int) {
	b.ReportAllocs()
	ls := make([]*plainLink, n)
	var waiting []*plainLink
	for b.Loop() {
		for i := range ls {
			ls[i] = new(plainLink)
		}
		for i := range n - 1 {
			next := ls[i+1]
			ls[i].next = func() *plainLink { return next }
		}
		// Walk down to the innermost link, as the callbacks do, keeping
		// the links to come back to, as runCallbacks' stack does.
		waiting = waiting[:0]
		for l := ls[0]; l != nil; {
			waiting = append(waiting, l)
			if l.next == nil {
				break
			}
			l = l.next()
		}
		waiting[len(waiting)-1].result = "deep"
		for i := len(waiting) - 1; i > 0; i-- {
			waiting[i-1].result, waiting[i].result = waiting[i].result, nil
		}
		if ls[0].result != "deep" {
			b.Fatal(ls[0].result)
		}
	}
	clear(ls)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/link")
}
