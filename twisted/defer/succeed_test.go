package deferred

import (
	"fmt"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

func TestSucceedFail(t *testing.T) {
	var l []any
	Succeed("success").AddCallback(appendTo(&l))
	if twisted.Repr(l) != "['success']" {
		t.Fatal(l)
	}
	d := Succeed("success")
	if !d.Called() || d.Result() != "success" {
		t.Fatal(d)
	}
	f := failureResultOf(t, Fail(GenericError.New("fail")), GenericError)
	if f.GetErrorMessage() != "fail" {
		t.Fatal(f)
	}
}

func TestMaybeDeferred(t *testing.T) {
	result := new(int)
	if got := successResultOf(t, MaybeDeferred(func() (any, error) { return result, nil })); got != result {
		t.Fatal(got)
	}
	plusFive := func(x int) int { return x + 5 }
	if got := successResultOf(t, MaybeDeferred(func() (any, error) { return plusFive(10), nil })); got != 15 {
		t.Fatal(got)
	}
	expected := twisted.ValueError.New("that value is unacceptable")
	f := failureResultOf(t, MaybeDeferred(func() (any, error) { panic(expected) }))
	if f.Value != expected {
		t.Fatal(f)
	}
	f = failureResultOf(t, MaybeDeferred(func() (any, error) { return nil, expected }))
	if f.Value != expected {
		t.Fatal(f)
	}
	ef := twisted.NewFailure(twisted.TypeError.New("cannot concatenate 'str' and 'int' objects"))
	if got := failureResultOf(t, MaybeDeferred(func() (any, error) { return ef, nil })); got != ef {
		t.Fatal(got)
	}

	d1 := New()
	d2 := MaybeDeferred(func() (any, error) { return d1, nil })
	if d2 != d1 {
		t.Fatal("Deferred not passed through")
	}
	d1.Callback("Success")
	if got := successResultOf(t, d2); got != "Success" {
		t.Fatal(got)
	}
}

func TestExecute(t *testing.T) {
	if got := successResultOf(t, Execute(func() (any, error) { return 7, nil })); got != 7 {
		t.Fatal(got)
	}
	failureResultOf(t, Execute(func() (any, error) { return nil, twisted.KeyError.New() }), twisted.KeyError)
	failureResultOf(t, Execute(func() (any, error) { panic("boom") }), twisted.Exception)
}

func TestLogError(t *testing.T) {
	c := captureUnhandled(t, "logError")
	f := twisted.NewFailure(twisted.RuntimeError.New("logError"))
	res, err := LogError(f)
	if res != nil || err != f {
		t.Fatal(res, err)
	}
	select {
	case r := <-c.records:
		if r.Message != "" || attr(r, "traceback") == "" {
			t.Fatal(r.Message)
		}
	default:
		t.Fatal("not logged")
	}
}

func Example() {
	// A Deferred stands for a result that is not there yet; callbacks
	// process it once it is.
	d := New()
	d.AddCallback(func(result any) (any, error) {
		fmt.Println("got", result)
		return result.(int) * 2, nil
	})
	d.AddCallback(func(result any) (any, error) {
		// Returning an error switches to the errback path.
		return nil, twisted.ValueError.Errorf("%d is too big", result)
	})
	d.AddErrback(func(f *twisted.Failure) (any, error) {
		fmt.Println("error:", f)
		f.Trap(twisted.ValueError) // anything else would go on failing
		return "recovered", nil
	})
	d.AddBoth(func(result any) (any, error) {
		fmt.Println("finally", twisted.Repr(result))
		return nil, nil
	})
	d.Callback(21)
	// Output:
	// got 21
	// error: ValueError: 42 is too big
	// finally 'recovered'
}

func ExampleDeferred_AddCallback_chaining() {
	// A callback that returns a Deferred pauses the chain until that
	// Deferred has a result, and the chain goes on with it.
	inner := New()
	outer := Succeed("request")
	outer.AddCallback(func(any) (any, error) { return inner, nil })
	outer.AddCallback(func(result any) (any, error) {
		fmt.Println("outer got", twisted.Repr(result))
		return nil, nil
	})
	fmt.Println("waiting:", outer.Paused() > 0)
	inner.Callback("response")
	// Output:
	// waiting: true
	// outer got 'response'
}

func ExampleDeferredList() {
	d1, d2 := New(), New()
	dl := DeferredList([]*Deferred{d1, d2}, ConsumeErrors)
	dl.AddCallback(func(results any) (any, error) {
		fmt.Println(twisted.Repr(results))
		return nil, nil
	})
	d2.Errback(twisted.KeyError.New("k"))
	d1.Callback(1)
	// Output: [(True, 1), (False, <twisted.python.failure.Failure builtins.KeyError: 'k'>)]
}

func ExampleGatherResults() {
	d := GatherResults([]*Deferred{Succeed(1), Succeed(2)})
	d.AddCallback(func(results any) (any, error) {
		fmt.Println(twisted.Repr(results))
		return nil, nil
	})
	// Output: [1, 2]
}

func ExampleDeferred_Cancel() {
	d := NewWithCanceller(func(d *Deferred) {
		fmt.Println("stopping the operation")
	})
	d.AddErrback(func(f *twisted.Failure) (any, error) {
		fmt.Println(f.Type.QualName())
		return nil, nil
	})
	d.Cancel()
	// Output:
	// stopping the operation
	// twisted.internet.defer.CancelledError
}

func ExampleDeferredQueue() {
	q := NewDeferredQueue(NoLimit, NoLimit)
	d, _ := q.Get()
	d.AddCallback(func(obj any) (any, error) {
		fmt.Println("got", obj)
		return nil, nil
	})
	q.Put("first")
	// Output: got first
}
