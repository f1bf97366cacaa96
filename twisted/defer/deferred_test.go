package deferred

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"github.com/twistedflow/twistedflow/twisted"
)

func appendTo(l *[]any) func(any) (any, error) {
	return func(v any) (any, error) { *l = append(*l, v); return nil, nil }
}

func appendFailure(l *[]*twisted.Failure) func(*twisted.Failure) (any, error) {
	return func(f *twisted.Failure) (any, error) { *l = append(*l, f); return nil, nil }
}

// mustPanicClass runs f and returns the *twisted.Error it panics with,
// failing the test unless its class is class.
func mustPanicClass(t *testing.T, class *twisted.Class, f func()) (e *twisted.Error) {
	t.Helper()
	defer func() {
		t.Helper()
		v := recover()
		err, ok := v.(*twisted.Error)
		if !ok || err.Class != class {
			t.Fatalf("panic %#v, want a %s", v, class.Name())
		}
		e = err
	}()
	f()
	return nil
}

var GenericError = twisted.NewClass("GenericError", nil)

func TestCallbackOrder(t *testing.T) {
	d := New()
	var trace []string
	d.AddCallback(func(r any) (any, error) {
		trace = append(trace, fmt.Sprint("cb1 ", r))
		return r.(int) + 1, nil
	})
	d.AddErrback(func(f *twisted.Failure) (any, error) {
		trace = append(trace, "eb-skipped")
		return nil, nil
	})
	d.AddBoth(func(r any) (any, error) {
		trace = append(trace, fmt.Sprint("both ", r))
		return nil, GenericError.New("boom")
	})
	d.AddCallbacks(func(r any) (any, error) {
		trace = append(trace, "cb-skipped")
		return r, nil
	}, func(f *twisted.Failure) (any, error) {
		trace = append(trace, "eb "+f.Error())
		return "recovered", nil
	})
	d.AddCallback(func(r any) (any, error) {
		trace = append(trace, fmt.Sprint("cb2 ", r))
		return r, nil
	})
	if d.Called() {
		t.Fatal("Called before Callback")
	}
	d.Callback(1)
	want := []string{"cb1 1", "both 2", "eb GenericError: boom", "cb2 recovered"}
	if fmt.Sprint(trace) != fmt.Sprint(want) {
		t.Fatalf("trace %q, want %q", trace, want)
	}
	if !d.Called() || d.Result() != "recovered" {
		t.Fatalf("Called %v Result %v", d.Called(), d.Result())
	}
	// A callback added after firing runs at once.
	var l []any
	d.AddCallback(appendTo(&l))
	if twisted.Repr(l) != "['recovered']" || d.Result() != nil {
		t.Fatalf("late callback saw %s, result now %v", twisted.Repr(l), d.Result())
	}
}

func TestFailurePaths(t *testing.T) {
	boom := GenericError.New("boom")
	tests := []struct {
		name string
		cb   func(any) (any, error)
		want *twisted.Class
	}{
		{"return error", func(any) (any, error) { return nil, boom }, GenericError},
		{"error wins over value", func(any) (any, error) { return 1, boom }, GenericError},
		{"return Failure", func(any) (any, error) { return twisted.NewFailure(twisted.RuntimeError.New()), nil }, twisted.RuntimeError},
		{"panic error", func(any) (any, error) { panic(twisted.KeyError.New("k")) }, twisted.KeyError},
		{"panic string", func(any) (any, error) { panic("oops") }, twisted.Exception},
		{"runtime error", func(r any) (any, error) { return 1 / r.(int), nil }, twisted.ZeroDivisionError},
		{"go error", func(any) (any, error) { return nil, errors.New("plain") }, twisted.Exception},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fs []*twisted.Failure
			d := New().AddCallback(tt.cb).AddErrback(appendFailure(&fs))
			d.Callback(0)
			if len(fs) != 1 || fs[0].Type != tt.want {
				t.Fatalf("failures %v, want one %s", fs, tt.want.Name())
			}
			if d.Result() != nil {
				t.Fatalf("result after errback %v, want None", d.Result())
			}
		})
	}
}

func TestReturnedFailureIsKept(t *testing.T) {
	rte := twisted.NewFailure(twisted.RuntimeError.New())
	var fs []*twisted.Failure
	d := New()
	d.AddCallback(func(any) (any, error) { return rte, nil })
	d.AddCallback(func(any) (any, error) { t.Error("callback ran on failure"); return nil, nil })
	d.AddErrback(appendFailure(&fs))
	d.Callback(6)
	if len(fs) != 1 || fs[0] != rte {
		t.Fatalf("got %v, want the very failure returned", fs)
	}
}

func TestTrapPassesSameFailure(t *testing.T) {
	var fs []*twisted.Failure
	d := New()
	d.AddErrback(func(f *twisted.Failure) (any, error) {
		f.Trap(twisted.KeyError)
		return "trapped", nil
	})
	d.AddErrback(appendFailure(&fs))
	orig := twisted.NewFailure(twisted.ValueError.New("v"))
	d.Errback(orig)
	if len(fs) != 1 || fs[0] != orig {
		t.Fatalf("got %v, want the original failure", fs)
	}

	d = New()
	d.AddErrback(func(f *twisted.Failure) (any, error) {
		f.Trap(twisted.LookupError)
		return "trapped", nil
	})
	d.Errback(twisted.KeyError.New("k"))
	if d.Result() != "trapped" {
		t.Fatalf("result %v, want 'trapped'", d.Result())
	}
}

func TestCallbackWithFailureIsErrback(t *testing.T) {
	var fs []*twisted.Failure
	f := twisted.NewFailure(GenericError.New())
	New().AddErrback(appendFailure(&fs)).Callback(f)
	if len(fs) != 1 || fs[0] != f {
		t.Fatalf("got %v", fs)
	}
	// A plain error passed to Callback is a value, as in Python.
	var l []any
	err := GenericError.New("x")
	New().AddCallback(appendTo(&l)).Callback(err)
	if len(l) != 1 || l[0] != err {
		t.Fatalf("got %v", l)
	}
}

func TestErrbackNil(t *testing.T) {
	mustPanicClass(t, twisted.NoCurrentExceptionError, func() { New().Errback(nil) })
}

func TestAlreadyCalled(t *testing.T) {
	fire := map[string]func(*Deferred){
		"C": func(d *Deferred) { d.Callback("hello") },
		"E": func(d *Deferred) { d.Errback(twisted.RuntimeError.New()) },
	}
	for _, first := range []string{"C", "E"} {
		for _, second := range []string{"C", "E"} {
			t.Run(first+second, func(t *testing.T) {
				d := New().AddCallbacks(func(any) (any, error) { return nil, nil },
					func(*twisted.Failure) (any, error) { return nil, nil })
				fire[first](d)
				e := mustPanicClass(t, AlreadyCalledError, func() { fire[second](d) })
				if len(e.Args) != 0 {
					t.Fatalf("args %v, want none without debugging", e.Args)
				}
			})
		}
	}
}

func callOnce(d *Deferred)  { d.Callback("hello") }
func callTwice(d *Deferred) { d.Callback("twice") }

func TestAlreadyCalledDebug(t *testing.T) {
	SetDebugging(true)
	defer SetDebugging(false)
	d := New()
	callOnce(d)
	e := mustPanicClass(t, AlreadyCalledError, func() { callTwice(d) })
	msg := e.Args[0].(string)
	count := func(kind, fn string) int {
		n := 0
		for _, line := range strings.Split(msg, "\n") {
			if strings.HasPrefix(line, " "+kind+":") && strings.HasSuffix(line, "."+fn) {
				n++
			}
		}
		return n
	}
	if !strings.HasPrefix(msg, "\n C: Deferred was created:\n") {
		t.Errorf("message %q", msg)
	}
	for _, c := range []struct {
		kind, fn string
		want     int
	}{{"C", "TestAlreadyCalledDebug", 1}, {"C", "callOnce", 0}, {"C", "callTwice", 0},
		{"I", "callOnce", 1}, {"I", "callTwice", 0}} {
		if got := count(c.kind, c.fn); got != c.want {
			t.Errorf("%s lines ending in %s: %d, want %d\n%s", c.kind, c.fn, got, c.want, msg)
		}
	}
}

func TestSwitchDebugging(t *testing.T) {
	defer SetDebugging(false)
	SetDebugging(false)
	d := New()
	d.AddBoth(func(any) (any, error) { return nil, nil })
	SetDebugging(true)
	d.Callback(nil)

	SetDebugging(false)
	d = New()
	d.Callback(nil)
	SetDebugging(true)
	d.AddBoth(func(any) (any, error) { return nil, nil })
}

func TestPause(t *testing.T) {
	var fs []*twisted.Failure
	d := Fail(GenericError.New("fail"))
	d.Pause()
	d.AddErrback(appendFailure(&fs))
	if len(fs) != 0 {
		t.Fatal("errback ran while paused")
	}
	d.Unpause()
	if len(fs) != 1 || fs[0].GetErrorMessage() != "fail" {
		t.Fatalf("got %v", fs)
	}

	// Unpause before the result: nothing runs.
	var l []any
	d = New()
	d.Pause()
	d.AddCallback(appendTo(&l))
	d.Unpause()
	if len(l) != 0 || d.Paused() != 0 {
		t.Fatal("ran without result")
	}
	d.Callback(1)
	if len(l) != 1 {
		t.Fatal("did not run")
	}
}

func TestUnpauseUnpaused(t *testing.T) {
	// As in Twisted: the count goes negative and the Deferred is then
	// paused until a Pause brings it back to zero.
	var l []any
	d := New()
	d.Unpause()
	if d.Paused() != -1 {
		t.Fatalf("Paused %d", d.Paused())
	}
	d.AddCallback(appendTo(&l))
	d.Callback(1)
	if len(l) != 0 {
		t.Fatal("ran with a negative pause count")
	}
	d.Pause()
	if len(l) != 0 {
		t.Fatal("Pause ran the callbacks")
	}
	d.AddCallback(appendTo(&l))
	if len(l) != 2 {
		t.Fatalf("got %v after the count returned to zero", l)
	}
}

func TestCallbackReturnsDeferred(t *testing.T) {
	var l []any
	d1, d2 := New(), New()
	d2.Pause()
	d1.AddCallback(func(any) (any, error) { return d2, nil })
	d1.AddCallback(appendTo(&l))
	d1.Callback(1)
	if len(l) != 0 || d1.Result() != d2 || d1.Paused() != 1 {
		t.Fatal("did not wait")
	}
	if got := d1.String(); got != fmt.Sprintf("<Deferred at %p waiting on Deferred at %p>", d1, d2) {
		t.Fatalf("String %s", got)
	}
	d2.Callback(2)
	if len(l) != 0 {
		t.Fatal("ran while d2 paused")
	}
	d2.Unpause()
	if twisted.Repr(l) != "[2]" || d2.Result() != nil {
		t.Fatalf("got %s, d2 result %v", twisted.Repr(l), d2.Result())
	}
}

func TestErrbackReturnsDeferred(t *testing.T) {
	var l []any
	d, d2 := New(), New()
	d.AddErrback(func(*twisted.Failure) (any, error) { return d2, nil }).AddCallback(appendTo(&l))
	d.Errback(twisted.ValueError.New())
	if len(l) != 0 {
		t.Fatal("no wait")
	}
	d2.Callback("result")
	if twisted.Repr(l) != "['result']" {
		t.Fatal(l)
	}
}

func TestChainedPausedDeferredWithResult(t *testing.T) {
	expected := new(int)
	paused := New()
	paused.Callback(expected)
	paused.Pause()
	chained := New()
	chained.AddCallback(func(any) (any, error) { return paused, nil })
	chained.Callback(nil)
	var l []any
	chained.AddCallback(appendTo(&l))
	if len(l) != 0 {
		t.Fatal("ran")
	}
	paused.Unpause()
	if len(l) != 1 || l[0] != expected {
		t.Fatal(l)
	}
}

func TestPausedDeferredChained(t *testing.T) {
	first, second := New(), New()
	first.AddCallback(func(any) (any, error) { return second, nil })
	first.Callback(nil)
	first.Pause()
	second.Callback(nil)
	var l []any
	second.AddCallback(appendTo(&l))
	if twisted.Repr(l) != "[None]" {
		t.Fatal(l)
	}
}

func TestInnerCallbacksPreserved(t *testing.T) {
	var results []any
	var fs []*twisted.Failure
	inner := New()
	cb := func(result any) (any, error) {
		results = append(results, twisted.Tuple{"start-of-cb", result})
		d := Succeed("inner")
		d.AddCallback(func(any) (any, error) {
			results = append(results, twisted.Tuple{"firstCallback", "inner"})
			return inner, nil
		}).AddCallback(func(r any) (any, error) {
			results = append(results, twisted.Tuple{"secondCallback", r})
			return strings.Repeat(r.(string), 2), nil
		})
		d.AddErrback(appendFailure(&fs))
		return d, nil
	}
	outer := Succeed("outer")
	outer.AddCallback(cb)
	inner.Callback("orange")
	outer.AddCallback(func(r any) (any, error) { results = append(results, r); return nil, nil })
	inner.AddErrback(appendFailure(&fs))
	outer.AddErrback(appendFailure(&fs))
	want := "[('start-of-cb', 'outer'), ('firstCallback', 'inner'), ('secondCallback', 'orange'), 'orangeorange']"
	if len(fs) != 0 || twisted.Repr(results) != want {
		t.Fatalf("got %s %v", twisted.Repr(results), fs)
	}
}

func TestReentrantCallbacks(t *testing.T) {
	d := New()
	var called []int
	d.AddCallback(func(any) (any, error) {
		called = append(called, 1)
		d.AddCallback(func(any) (any, error) { called = append(called, 3); return nil, nil })
		if len(called) != 1 {
			t.Error("added callback ran at once")
		}
		return nil, nil
	})
	d.AddCallback(func(any) (any, error) { called = append(called, 2); return nil, nil })
	d.Callback(nil)
	if fmt.Sprint(called) != "[1 2 3]" {
		t.Fatal(called)
	}

	d = New()
	d.AddCallback(func(any) (any, error) {
		d.AddCallback(func(any) (any, error) { return nil, twisted.Exception.New("callback raised exception") })
		return nil, nil
	})
	d.Callback(nil)
	var fs []*twisted.Failure
	d.AddErrback(appendFailure(&fs))
	if len(fs) != 1 || fs[0].GetErrorMessage() != "callback raised exception" {
		t.Fatal(fs)
	}
}

func TestImplicitChains(t *testing.T) {
	// synchronous: first's result moves to second, first keeps None.
	result := new(int)
	first := Succeed(result)
	second := New()
	second.AddCallback(func(any) (any, error) { return first, nil })
	second.Callback(nil)
	var l []any
	first.AddCallback(appendTo(&l))
	second.AddCallback(appendTo(&l))
	if len(l) != 2 || l[0] != nil || l[1] != result {
		t.Fatal(l)
	}

	// asynchronous error chain.
	first, second = New(), New()
	second.AddCallback(func(any) (any, error) { return first, nil })
	second.Callback(nil)
	var fs []*twisted.Failure
	second.AddErrback(appendFailure(&fs))
	var firstResult, secondResult []any
	first.AddCallback(appendTo(&firstResult))
	second.AddCallback(appendTo(&secondResult))
	first.Errback(twisted.RuntimeError.New("First Deferred's Failure"))
	if len(fs) != 1 || fs[0].Check(twisted.RuntimeError) == nil || twisted.Repr(firstResult) != "[None]" || len(secondResult) != 1 {
		t.Fatal(fs, firstResult, secondResult)
	}

	// transitive.
	first, second = New(), New()
	second.AddCallback(func(any) (any, error) { return first, nil })
	third := New()
	third.AddCallback(func(any) (any, error) { return second, nil })
	var thirdResult []any
	third.AddCallback(appendTo(&thirdResult))
	second.Callback(nil)
	third.Callback(nil)
	if len(thirdResult) != 0 {
		t.Fatal("early")
	}
	first.Callback(result)
	if len(thirdResult) != 1 || thirdResult[0] != result {
		t.Fatal(thirdResult)
	}
}

func TestResultOfDeferredResultOfDeferredOfFiredDeferredCalled(t *testing.T) {
	first, second, third := New(), New(), New()
	first.AddCallback(func(any) (any, error) { return second, nil })
	second.AddCallback(func(any) (any, error) { return third, nil })
	second.Callback(nil)
	first.Callback(nil)
	third.Callback(nil)
	var l []any
	second.AddCallback(appendTo(&l))
	if twisted.Repr(l) != "[None]" {
		t.Fatal(l)
	}
}

func TestCircularChain(t *testing.T) {
	d := New()
	d.AddCallback(func(any) (any, error) { return d, nil })
	d.Callback("foo")
	f, ok := d.Result().(*twisted.Failure)
	if !ok || f.Check(twisted.DeprecationWarning) == nil || !strings.Contains(f.GetErrorMessage(), "Callback returned the Deferred it was attached to") {
		t.Fatalf("result %v", d.Result())
	}
	d.AddErrback(func(*twisted.Failure) (any, error) { return nil, nil })
}

func TestChainDeferred(t *testing.T) {
	a, b := New(), New()
	b.ChainDeferred(a)
	if a.ChainedTo() != b {
		t.Fatal("chain not recorded")
	}
	if got := a.String(); got != fmt.Sprintf("<Deferred at %p waiting on Deferred at %p>", a, b) {
		t.Fatal(got)
	}
	var l []any
	a.AddCallback(appendTo(&l))
	b.Callback("x")
	if a.ChainedTo() != nil || twisted.Repr(l) != "['x']" || b.Result() != nil {
		t.Fatal(a.ChainedTo(), l, b.Result())
	}

	a, b = New(), New()
	b.ChainDeferred(a)
	var fs []*twisted.Failure
	a.AddErrback(appendFailure(&fs))
	b.Errback(GenericError.New())
	if len(fs) != 1 || b.Result() != nil {
		t.Fatal(fs)
	}

	// An implicit chain is recorded too.
	a, b = New(), New()
	a.AddCallback(func(any) (any, error) { return b, nil })
	a.Callback(nil)
	if a.ChainedTo() != b {
		t.Fatal("implicit chain not recorded")
	}
}

func TestRepr(t *testing.T) {
	d := New()
	if got, want := twisted.Repr(d), fmt.Sprintf("<Deferred at %p>", d); got != want {
		t.Errorf("got %s want %s", got, want)
	}
	d.Callback("orange")
	if got, want := d.String(), fmt.Sprintf("<Deferred at %p current result: 'orange'>", d); got != want {
		t.Errorf("got %s want %s", got, want)
	}
}

// stackDepth returns the number of frames on the caller's stack, however
// deep it is. It counts them into an array on its own stack, and only for
// a deeper stack into a buffer it doubles until they fit: a shallow
// stack costs no allocation (TestStackDepth).
func stackDepth() int {
	var shallow [64]uintptr
	pcs := shallow[:]
	for {
		if n := runtime.Callers(0, pcs); n < len(pcs) {
			return n
		}
		pcs = make([]uintptr, 2*len(pcs))
	}
}

func TestBoundedStackDepth(t *testing.T) {
	chainDeferreds := func(howMany int) int {
		var stack []int
		top := New()
		inners := make([]*Deferred, howMany)
		for i := range inners {
			inners[i] = New()
		}
		last := New()
		inner := inners[howMany-1]
		top.AddCallback(func(any) (any, error) { return inner, nil })
		top.AddCallback(func(any) (any, error) { stack = append(stack, stackDepth()); return nil, nil })
		for i := howMany - 2; i >= 0; i-- {
			newInner := inners[i]
			inner.AddCallback(func(any) (any, error) { return newInner, nil })
			inner = newInner
		}
		inner.AddCallback(func(any) (any, error) { return last, nil })
		top.Callback(nil)
		for _, d := range inners {
			d.Callback(nil)
		}
		if len(stack) != 0 {
			t.Fatal("recorded early")
		}
		last.Callback(nil)
		return stack[0]
	}
	if a, b := chainDeferreds(1), chainDeferreds(2); a != b {
		t.Fatalf("depth %d for 1, %d for 2", a, b)
	}
	if a, b := chainDeferreds(1), chainDeferreds(100_000); a != b {
		t.Fatalf("depth %d for 1, %d for 100000", a, b)
	}
}

func TestLongChainOfFiredDeferreds(t *testing.T) {
	// A Deferred returned by a callback, returned by a callback... 100,000
	// deep and all waiting, then fired from the innermost.
	const n = 100_000
	ds := make([]*Deferred, n)
	for i := range ds {
		ds[i] = New()
	}
	for i := 0; i < n-1; i++ {
		next := ds[i+1]
		ds[i].AddCallback(func(any) (any, error) { return next, nil })
	}
	var l []any
	ds[0].AddCallback(appendTo(&l))
	for i := 0; i < n-1; i++ {
		ds[i].Callback(nil)
	}
	ds[n-1].Callback("deep")
	if twisted.Repr(l) != "['deep']" {
		t.Fatal(l)
	}
}

func TestDeferredsOnSeveralGoroutines(t *testing.T) {
	// Each goroutine uses its own Deferreds; the package state they share
	// (pools, settings, logger) must be race-free.
	done := make(chan int)
	for g := range 4 {
		go func() {
			sum := 0
			for i := range 200 {
				d := New()
				for range 5 {
					d.AddCallback(increment)
				}
				d.AddErrback(catch)
				if i%50 == 0 {
					SetDebugging(g%2 == 0)
				}
				d.Callback(i)
				sum += d.Result().(int)
			}
			done <- sum
		}()
	}
	for range 4 {
		if got := <-done; got != 200*199/2+200*5 {
			t.Errorf("sum %d", got)
		}
	}
	SetDebugging(false)
}

func TestNilResults(t *testing.T) {
	// A nil *Deferred or *twisted.Failure returned by a callback is None.
	var l []any
	d := New()
	d.AddCallback(func(any) (any, error) { return (*Deferred)(nil), nil })
	d.AddCallback(appendTo(&l))
	d.AddCallback(func(any) (any, error) { return (*twisted.Failure)(nil), nil })
	d.AddCallback(appendTo(&l))
	d.Callback(1)
	if len(l) != 2 || l[0] != nil || l[1] != nil {
		t.Fatalf("%#v", l)
	}
	if got := successResultOf(t, MaybeDeferred(func() (any, error) { return (*Deferred)(nil), nil })); got != nil {
		t.Fatal(got)
	}
}

func TestDeferredSize(t *testing.T) {
	// One allocation of 112 bytes per Deferred (BENCHMARKS.md).
	if size := unsafe.Sizeof(Deferred{}); size != 112 {
		t.Fatalf("Deferred is %d bytes", size)
	}
}
