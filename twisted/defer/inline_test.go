package deferred

import (
	"fmt"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

func TestInlineCallbacksReturn(t *testing.T) {
	d1, d2 := New(), New()
	var trace []string
	d := InlineCallbacks(func(await Await) (any, error) {
		trace = append(trace, "start")
		x, err := await(d1)
		trace = append(trace, fmt.Sprint("got ", x, err))
		y, err := await(d2)
		trace = append(trace, fmt.Sprint("got ", y, err))
		return x.(int) + y.(int), nil
	})
	if fmt.Sprint(trace) != "[start]" || d.Called() {
		t.Fatal(trace)
	}
	d1.Callback(1)
	if len(trace) != 2 || d.Called() {
		t.Fatal(trace)
	}
	d2.Callback(2)
	if got := successResultOf(t, d); got != 3 {
		t.Fatal(got)
	}
	if d1.Result() != nil || d2.Result() != nil {
		t.Fatal("awaited results not consumed")
	}
}

func TestInlineCallbacksSynchronous(t *testing.T) {
	// Awaiting Deferreds that already have results runs straight through,
	// without recursion, many times over.
	d := InlineCallbacks(func(await Await) (any, error) {
		sum := 0
		for i := range 100_000 {
			v, err := await(Succeed(i))
			if err != nil {
				return nil, err
			}
			sum += v.(int)
		}
		none, _ := await(nil)
		return []any{sum, none}, nil
	})
	if got := twisted.Repr(successResultOf(t, d)); got != "[4999950000, None]" {
		t.Fatal(got)
	}
}

func TestInlineCallbacksFailures(t *testing.T) {
	tests := []struct {
		name string
		body func(await Await) (any, error)
		want *twisted.Class
	}{
		{"return error", func(Await) (any, error) { return nil, twisted.KeyError.New("k") }, twisted.KeyError},
		{"panic", func(Await) (any, error) { panic(twisted.ValueError.New("v")) }, twisted.ValueError},
		{"runtime error", func(Await) (any, error) {
			var s []int
			i := len(s) + 3
			return s[i], nil
		}, twisted.IndexError},
		{"return Failure", func(Await) (any, error) {
			return twisted.NewFailure(twisted.IndexError.New()), nil
		}, twisted.IndexError},
		{"awaited failure propagated", func(await Await) (any, error) {
			_, err := await(Fail(twisted.ZeroDivisionError.New("z")))
			return nil, err
		}, twisted.ZeroDivisionError},
		{"awaited failure re-raised by Trap", func(await Await) (any, error) {
			_, err := await(Fail(twisted.ZeroDivisionError.New("z")))
			err.(*twisted.Failure).Trap(twisted.KeyError)
			return "not reached", nil
		}, twisted.ZeroDivisionError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			failureResultOf(t, InlineCallbacks(tt.body), tt.want)
		})
	}
}

func TestInlineCallbacksCatch(t *testing.T) {
	later := New()
	d := InlineCallbacks(func(await Await) (any, error) {
		_, err := await(later)
		if f, ok := err.(*twisted.Failure); ok && f.Check(twisted.KeyError) != nil {
			return "caught " + f.GetErrorMessage(), nil
		}
		return nil, err
	})
	later.Errback(twisted.KeyError.New("k"))
	if got := successResultOf(t, d); got != "caught 'k'" {
		t.Fatal(got)
	}
}

func TestInlineCallbacksCancel(t *testing.T) {
	cancelled := 0
	awaited := NewWithCanceller(func(*Deferred) { cancelled++ })
	var seen error
	d := InlineCallbacks(func(await Await) (any, error) {
		_, err := await(awaited)
		seen = err
		return nil, err
	})
	d.Cancel()
	if cancelled != 1 {
		t.Fatal("awaited not cancelled")
	}
	if f, ok := seen.(*twisted.Failure); !ok || f.Type != CancelledError {
		t.Fatal(seen)
	}
	failureResultOf(t, d, CancelledError)
}

func TestInlineCallbacksCancelSuppressed(t *testing.T) {
	// The function catches the cancellation, awaits something else, and
	// returns: the cancelled Deferred fires with that.
	first, second := New(), New()
	d := InlineCallbacks(func(await Await) (any, error) {
		if _, err := await(first); err == nil {
			return "not cancelled", nil
		}
		v, err := await(second)
		return fmt.Sprint("after cancel: ", v), err
	})
	d.Cancel()
	noResult(t, second)
	if !d.Called() || d.Paused() != 1 {
		t.Fatalf("%v should wait on the function", d)
	}
	second.Callback("second")
	if got := successResultOf(t, d); got != "after cancel: second" {
		t.Fatal(got)
	}
}

func TestInlineCallbacksCancelTwice(t *testing.T) {
	first, second := New(), New()
	d := InlineCallbacks(func(await Await) (any, error) {
		await(first)
		return await(second)
	})
	d.Cancel() // first is cancelled, the function goes on to await second
	noResult(t, second)
	d.Cancel() // d waits on the function, whose await of second is cancelled
	failureResultOf(t, d, CancelledError)
}

func TestInlineCallbacksCancelByCanceller(t *testing.T) {
	// The awaited Deferred's canceller fires it with a result: the function
	// goes on with it.
	awaited := NewWithCanceller(func(d *Deferred) { d.Callback("stopped early") })
	d := InlineCallbacks(func(await Await) (any, error) { return await(awaited) })
	d.Cancel()
	if got := successResultOf(t, d); got != "stopped early" {
		t.Fatal(got)
	}
}

func TestInlineCallbacksNested(t *testing.T) {
	inner := New()
	d := InlineCallbacks(func(await Await) (any, error) {
		v, err := await(InlineCallbacks(func(await Await) (any, error) {
			v, err := await(inner)
			return fmt.Sprint("inner ", v), err
		}))
		return fmt.Sprint("outer ", v), err
	})
	inner.Callback(1)
	if got := successResultOf(t, d); got != "outer inner 1" {
		t.Fatal(got)
	}
}

func ExampleInlineCallbacks() {
	request := New()
	d := InlineCallbacks(func(await Await) (any, error) {
		thing, err := await(request)
		if err != nil {
			return nil, err
		}
		if thing == "I love Twisted" {
			return "TWISTED IS GREAT!", nil
		}
		return nil, twisted.Exception.New("DESTROY ALL LIFE")
	})
	d.AddCallback(func(result any) (any, error) {
		fmt.Println(result)
		return nil, nil
	})
	request.Callback("I love Twisted")
	// Output: TWISTED IS GREAT!
}

func TestInlineCallbacksResumedFromAnother(t *testing.T) {
	// B's body fires the Deferred that A awaits: A resumes inside B's
	// coroutine and runs to its end before B goes on.
	x := New()
	var trace []string
	a := InlineCallbacks(func(await Await) (any, error) {
		v, _ := await(x)
		trace = append(trace, fmt.Sprint("A got ", v))
		return "A done", nil
	})
	b := InlineCallbacks(func(await Await) (any, error) {
		trace = append(trace, "B fires x")
		x.Callback(1)
		trace = append(trace, "B after")
		return await(a)
	})
	if got := fmt.Sprint(trace); got != "[B fires x A got 1 B after]" {
		t.Fatal(got)
	}
	if got := successResultOf(t, b); got != "A done" {
		t.Fatal(got)
	}
}
