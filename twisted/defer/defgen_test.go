package deferred

import (
	"errors"
	"fmt"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

func TestDeferredGeneratorWaits(t *testing.T) {
	d1 := New()
	var trace []string
	d := DeferredGenerator(func(yield func(any) bool) error {
		x := WaitForDeferred(d1)
		if _, err := x.GetResult(); !errors.Is(err, twisted.AttributeError) {
			t.Errorf("GetResult before the yield: %v", err)
		}
		trace = append(trace, "before")
		yield(x)
		v, err := x.GetResult()
		trace = append(trace, fmt.Sprint("got ", v, " ", err))
		yield("last")
		return nil
	})
	if fmt.Sprint(trace) != "[before]" || d.Called() {
		t.Fatal(trace, d)
	}
	d1.Callback(7)
	if got := successResultOf(t, d); got != "last" {
		t.Fatal(got)
	}
	if fmt.Sprint(trace) != "[before got 7 <nil>]" {
		t.Fatal(trace)
	}
	if d1.Result() != nil {
		t.Fatalf("the awaited Deferred's result is %v, want None", d1.Result())
	}
}

func TestDeferredGeneratorResults(t *testing.T) {
	tests := []struct {
		name string
		g    func(yield func(any) bool) error
		want string // the Deferred's result as Repr prints it, or its failure's class and message
	}{
		{"nothing", func(func(any) bool) error { return nil }, "None"},
		{"lastValue", func(yield func(any) bool) error {
			yield(1)
			yield(2)
			return nil
		}, "2"},
		{"waiterLast", func(yield func(any) bool) error {
			yield(1)
			yield(WaitForDeferred(Succeed(2)))
			return nil
		}, "None"},
		{"failureLast", func(yield func(any) bool) error {
			yield(twisted.NewFailure(twisted.ValueError.New("v")))
			return nil
		}, "ValueError: v"},
		{"error", func(yield func(any) bool) error {
			yield(1)
			return twisted.KeyError.New("k")
		}, "KeyError: 'k'"},
		{"panic", func(yield func(any) bool) error {
			yield(1)
			zero := 0
			_ = 1 / zero
			return nil
		}, "ZeroDivisionError: integer division or modulo by zero"},
		{"failedWait", func(yield func(any) bool) error {
			x := WaitForDeferred(Fail(twisted.KeyError.New("k")))
			yield(x)
			_, err := x.GetResult()
			return err
		}, "KeyError: 'k'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got any
			DeferredGenerator(tt.g).AddBoth(func(r any) (any, error) { got = r; return nil, nil })
			s := twisted.Repr(got)
			if f, ok := got.(*twisted.Failure); ok {
				s = f.Type.Name() + ": " + f.GetErrorMessage()
			}
			if s != tt.want {
				t.Fatalf("got %s, want %s", s, tt.want)
			}
		})
	}
}

// Yielding a Deferred instead of a Waiter for it fails the Deferred with
// TypeError and stops the generator, before the first wait (as Twisted) and
// after it (where Twisted loses the failure).
func TestDeferredGeneratorYieldsDeferred(t *testing.T) {
	for _, afterWait := range []bool{false, true} {
		t.Run(fmt.Sprint("afterWait=", afterWait), func(t *testing.T) {
			first := New()
			var after []bool
			d := DeferredGenerator(func(yield func(any) bool) error {
				if afterWait {
					yield(WaitForDeferred(first))
				}
				after = append(after, yield(New()))
				after = append(after, yield("ignored"))
				return nil
			})
			if afterWait {
				noResult(t, d)
				first.Callback(nil)
			}
			f := failureResultOf(t, d, twisted.TypeError)
			if got := f.GetErrorMessage(); got != errYieldedDeferred {
				t.Fatal(got)
			}
			if fmt.Sprint(after) != "[false false]" {
				t.Fatalf("yields returned %v", after)
			}
		})
	}
}

func TestWaitForDeferredNil(t *testing.T) {
	defer func() {
		f := twisted.FailureFromPanic(recover())
		if f.Check(twisted.TypeError) == nil || f.GetErrorMessage() != "You must give waitForDeferred a Deferred. You gave it None." {
			t.Fatal(f)
		}
	}()
	WaitForDeferred(nil)
}

func TestDeferredGeneratorZeroWaiter(t *testing.T) {
	d := DeferredGenerator(func(yield func(any) bool) error {
		yield(new(Waiter))
		return nil
	})
	failureResultOf(t, d, twisted.TypeError)
}

// Many waits for Deferreds that already have results, and many plain
// values, run in a loop: no stack growth (test_defgen's testStackUsage).
func TestDeferredGeneratorStackUsage(t *testing.T) {
	d := DeferredGenerator(func(yield func(any) bool) error {
		for range 100_000 {
			x := WaitForDeferred(Succeed(1))
			yield(x)
			if _, err := x.GetResult(); err != nil {
				return err
			}
			yield(1)
		}
		yield(0)
		return nil
	})
	if got := successResultOf(t, d); got != 0 {
		t.Fatal(got)
	}
}

// Cancelling the Deferred fails it at once (it has no canceller); the
// generator goes on waiting, and its eventual result is dropped.
func TestDeferredGeneratorCancel(t *testing.T) {
	inner := New()
	resumed := false
	d := DeferredGenerator(func(yield func(any) bool) error {
		yield(WaitForDeferred(inner))
		resumed = true
		yield("late")
		return nil
	})
	d.Cancel()
	failureResultOf(t, d, CancelledError)
	if inner.Called() {
		t.Fatal("the awaited Deferred was cancelled")
	}
	inner.Callback(1) // must not panic AlreadyCalledError
	if !resumed {
		t.Fatal("generator not resumed")
	}
	if inner.Result() != nil {
		t.Fatalf("inner result %v", inner.Result())
	}
}

// A generator that fails after its Deferred was cancelled: its failure is
// dropped with the late result, and not logged, as Twisted 22.4 does (run
// live: the errback on the cancelled Deferred is the one its cancellation
// suppresses; "outer errback: CancelledError" and no log, even after
// collection).
func TestDeferredGeneratorCancelThenFail(t *testing.T) {
	c := captureUnhandled(t, "late failure")
	func() {
		inner := New()
		d := DeferredGenerator(func(yield func(any) bool) error {
			w := WaitForDeferred(inner)
			yield(w)
			if _, err := w.GetResult(); err != nil {
				return err
			}
			return twisted.ValueError.New("late failure")
		})
		d.Cancel()
		failureResultOf(t, d, CancelledError)
		inner.Callback(1) // must not panic AlreadyCalledError
	}()
	c.none(t)
}

// A yield that escapes its generator and is called after it returned
// panics rather than corrupting the finished Deferred.
func TestDeferredGeneratorEscapedYield(t *testing.T) {
	var escaped func(any) bool
	d := DeferredGenerator(func(yield func(any) bool) error {
		escaped = yield
		return nil
	})
	successResultOf(t, d)
	defer func() {
		if recover() == nil {
			t.Fatal("no panic")
		}
	}()
	escaped(1)
}
