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
