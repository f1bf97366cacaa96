package deferred

import (
	"fmt"
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

func catch(*twisted.Failure) (any, error) { return nil, nil }

func fakeCallbackCanceller(d *Deferred) { d.Callback("Callback Result") }

func TestDeferredList(t *testing.T) {
	defr1, defr2, defr3 := New(), New(), New()
	dl := DeferredList([]*Deferred{defr1, defr2, defr3})
	var result []any
	dl.AddCallback(func(r any) (any, error) { result = r.([]any); return nil, nil })
	defr1.Callback("1")
	defr2.AddErrback(catch)
	defr2.Errback(GenericError.New("2"))
	defr3.Callback("3")
	want := "[(True, '1'), (False, <twisted.python.failure.Failure __main__.GenericError: 2>), (True, '3')]"
	if got := twisted.Repr(result); got != want {
		t.Fatalf("got %s\nwant %s", got, want)
	}
	if f := result[1].(twisted.Tuple)[1].(*twisted.Failure); f.GetErrorMessage() != "2" {
		t.Fatal(f)
	}
}

func TestEmptyDeferredList(t *testing.T) {
	var l []any
	DeferredList(nil).AddCallback(appendTo(&l))
	if twisted.Repr(l) != "[[]]" {
		t.Fatal(twisted.Repr(l))
	}
	l = nil
	DeferredList(nil, FireOnOneCallback).AddCallback(appendTo(&l))
	if len(l) != 0 {
		t.Fatal(l)
	}
}

func TestDeferredListFireOnOneCallback(t *testing.T) {
	d1, d2 := New(), New()
	var l []any
	DeferredList([]*Deferred{d1, d2}, FireOnOneCallback).AddCallback(appendTo(&l))
	d2.Callback("two")
	if twisted.Repr(l) != "[('two', 1)]" {
		t.Fatal(twisted.Repr(l))
	}
	d1.Callback("one")
	if len(l) != 1 || d1.Result() != "one" {
		t.Fatal(l, d1.Result())
	}
}

func TestDeferredListFireOnOneError(t *testing.T) {
	defr1, defr2, defr3 := New(), New(), New()
	dl := DeferredList([]*Deferred{defr1, defr2, defr3}, FireOnOneErrback)
	var fs []*twisted.Failure
	dl.AddErrback(appendFailure(&fs))
	defr2.AddErrback(catch)
	defr1.Callback("1")
	if len(fs) != 0 {
		t.Fatal("early")
	}
	defr2.Errback(GenericError.New("from def2"))
	if len(fs) != 1 || fs[0].Check(FirstError) == nil {
		t.Fatal(fs)
	}
	fe := fs[0].Value.(*FirstErrorValue)
	if fe.SubFailure.Type != GenericError || twisted.Repr(fe.SubFailure.Value.(*twisted.Error).Args) != "('from def2',)" || fe.Index != 1 {
		t.Fatal(fe)
	}
	if got := twisted.Repr(fe); got != "FirstError[#1, GenericError('from def2',)]" {
		t.Fatal(got)
	}
}

func TestDeferredListConsumeErrors(t *testing.T) {
	for _, consume := range []bool{false, true} {
		d1 := New()
		var opts []DeferredListOption
		if consume {
			opts = append(opts, ConsumeErrors)
		}
		dl := DeferredList([]*Deferred{d1}, opts...)
		var trapped []*twisted.Failure
		d1.AddErrback(appendFailure(&trapped))
		var lists []any
		dl.AddCallback(appendTo(&lists))
		d1.Errback(GenericError.New("Bang"))
		if consume != (len(trapped) == 0) || len(lists) != 1 {
			t.Fatal(consume, trapped, lists)
		}
		first := lists[0].([]any)[0].(twisted.Tuple)
		if first[0] != false || first[1].(*twisted.Failure).GetErrorMessage() != "Bang" {
			t.Fatal(first)
		}
	}
}

func TestDeferredListAlreadyFired(t *testing.T) {
	d1, d2 := New(), New()
	d1.Errback(GenericError.New("Bang"))
	var fs []*twisted.Failure
	DeferredList([]*Deferred{d1, d2}, FireOnOneErrback).AddErrback(appendFailure(&fs))
	if len(fs) != 1 {
		t.Fatal(fs)
	}
	d1.AddErrback(catch)

	d1, d2 = New(), New()
	d1.Errback(GenericError.New("Bang"))
	d2.Callback(2)
	var l []any
	DeferredList([]*Deferred{d1, d2}).AddCallback(appendTo(&l))
	if len(l) != 1 {
		t.Fatal(l)
	}
	d1.AddErrback(catch)
}

func TestCancelDeferredList(t *testing.T) {
	one, two := New(), New()
	args := []*Deferred{one, two}
	dl := DeferredList(args)
	three := New()
	args = append(args, three)
	_ = args
	dl.Cancel()
	failureResultOf(t, one, CancelledError)
	failureResultOf(t, two, CancelledError)
	noResult(t, three)
	if r := successResultOf(t, dl).([]any); len(r) != 2 {
		t.Fatal(r)
	}

	one, two = NewWithCanceller(fakeCallbackCanceller), New()
	dl = DeferredList([]*Deferred{one, two})
	dl.Cancel()
	failureResultOf(t, two, CancelledError)
	r := successResultOf(t, dl).([]any)
	if p := r[0].(twisted.Tuple); p[0] != true || p[1] != "Callback Result" {
		t.Fatal(p)
	}
	if p := r[1].(twisted.Tuple); p[0] != false || p[1].(*twisted.Failure).Check(CancelledError) == nil {
		t.Fatal(p)
	}
}

func TestCancelDeferredListFireOnOne(t *testing.T) {
	one, two := New(), New()
	dl := DeferredList([]*Deferred{one, two}, FireOnOneCallback)
	dl.Cancel()
	failureResultOf(t, one, CancelledError)
	failureResultOf(t, two, CancelledError)
	// All failed: with FireOnOneCallback the list still fires with the pairs.
	if r := successResultOf(t, dl).([]any); len(r) != 2 || r[0].(twisted.Tuple)[0] != false {
		t.Fatal(r)
	}

	one, two = NewWithCanceller(fakeCallbackCanceller), New()
	dl = DeferredList([]*Deferred{one, two}, FireOnOneCallback)
	dl.Cancel()
	failureResultOf(t, two, CancelledError)
	if got := twisted.Repr(successResultOf(t, dl)); got != "('Callback Result', 0)" {
		t.Fatal(got)
	}

	one, two = New(), New()
	dl = DeferredList([]*Deferred{one, two}, FireOnOneErrback)
	dl.Cancel()
	failureResultOf(t, one, CancelledError)
	failureResultOf(t, two, CancelledError)
	f := failureResultOf(t, dl, FirstError)
	if f.Value.(*FirstErrorValue).SubFailure.Check(CancelledError) == nil {
		t.Fatal(f)
	}

	one, two = NewWithCanceller(fakeCallbackCanceller), NewWithCanceller(fakeCallbackCanceller)
	dl = DeferredList([]*Deferred{one, two}, FireOnOneErrback)
	dl.Cancel()
	if got := twisted.Repr(successResultOf(t, dl)); got != "[(True, 'Callback Result'), (True, 'Callback Result')]" {
		t.Fatal(got)
	}
}

func TestCancelFiredDeferredList(t *testing.T) {
	one, two := New(), New()
	dl := DeferredList([]*Deferred{one, two}, FireOnOneCallback)
	one.Callback(nil)
	dl.Cancel()
	noResult(t, two)

	one, two = New(), New()
	dl = DeferredList([]*Deferred{one, two}, FireOnOneErrback)
	one.Errback(GenericError.New("test"))
	dl.Cancel()
	noResult(t, two)
	failureResultOf(t, one, GenericError)
	failureResultOf(t, dl, FirstError)
}

func TestCancelDeferredListWithException(t *testing.T) {
	c := captureUnhandled(t, "test")
	one := NewWithCanceller(func(*Deferred) { panic(twisted.RuntimeError.New("test")) })
	two := New()
	dl := DeferredList([]*Deferred{one, two})
	dl.Cancel()
	failureResultOf(t, two, CancelledError)
	select {
	case r := <-c.records:
		if r.Message != "Exception raised from user supplied canceller" {
			t.Fatal(r.Message)
		}
	default:
		t.Fatal("canceller's panic not logged")
	}
}

func TestGatherResults(t *testing.T) {
	var l []any
	GatherResults([]*Deferred{Succeed(1), Succeed(2)}).AddCallback(appendTo(&l))
	if twisted.Repr(l) != "[[1, 2]]" {
		t.Fatal(twisted.Repr(l))
	}
	var fs []*twisted.Failure
	ds := []*Deferred{Succeed(1), Fail(twisted.ValueError.New())}
	GatherResults(ds).AddErrback(appendFailure(&fs))
	if len(fs) != 1 {
		t.Fatal(fs)
	}
	ds[1].AddErrback(catch)

	dgood, dbad := Succeed(1), Fail(twisted.RuntimeError.New("oh noes"))
	d := GatherResults([]*Deferred{dgood, dbad}, ConsumeErrors)
	var unconsumed, gathered []*twisted.Failure
	dbad.AddErrback(appendFailure(&unconsumed))
	d.AddErrback(appendFailure(&gathered))
	if len(unconsumed) != 0 || len(gathered) != 1 ||
		gathered[0].Value.(*FirstErrorValue).SubFailure.Check(twisted.RuntimeError) == nil {
		t.Fatal(unconsumed, gathered)
	}
}

func TestGatherResultsTakesOnlyConsumeErrors(t *testing.T) {
	// gatherResults has no fireOnOneCallback: Python 3.11 raises
	// TypeError "gatherResults() got an unexpected keyword argument
	// 'fireOnOneCallback'", before adding any callback.
	one := New()
	e := mustPanicClass(t, twisted.TypeError, func() { GatherResults([]*Deferred{one}, ConsumeErrors|FireOnOneCallback) })
	if e.PyStr() != "gatherResults() got an unexpected keyword argument 'fireOnOneCallback'" {
		t.Fatal(e.PyStr())
	}
	e = mustPanicClass(t, twisted.TypeError, func() { DeferredList([]*Deferred{one}, 1<<6) })
	if e.PyStr() != "DeferredList.__init__() got an unexpected keyword argument DeferredListOption(64)" {
		t.Fatal(e.PyStr())
	}
	one.Errback(twisted.ValueError.New())
	failureResultOf(t, one, twisted.ValueError) // not consumed: no list took it
}

func TestCancelGatherResults(t *testing.T) {
	one, two := New(), New()
	r := GatherResults([]*Deferred{one, two})
	r.Cancel()
	failureResultOf(t, one, CancelledError)
	failureResultOf(t, two, CancelledError)
	f := failureResultOf(t, r, FirstError)
	if f.Value.(*FirstErrorValue).SubFailure.Check(CancelledError) == nil {
		t.Fatal(f)
	}

	one, two = NewWithCanceller(fakeCallbackCanceller), NewWithCanceller(fakeCallbackCanceller)
	r = GatherResults([]*Deferred{one, two})
	r.Cancel()
	if got := twisted.Repr(successResultOf(t, r)); got != "['Callback Result', 'Callback Result']" {
		t.Fatal(got)
	}
}

// raceState makes n Deferreds that count their cancellations.
func raceState(n int) ([]int, []*Deferred) {
	cancelled := make([]int, n)
	ds := make([]*Deferred, n)
	for i := range ds {
		ds[i] = NewWithCanceller(func(*Deferred) { cancelled[i]++ })
	}
	return cancelled, ds
}

func TestRace(t *testing.T) {
	for before := range 4 {
		for after := range 4 {
			cancelled, ds := raceState(before + 1 + after)
			r := Race(ds)
			expected := new(int)
			ds[before].Callback(expected)
			got := successResultOf(t, r).(twisted.Tuple)
			if got[0] != before || got[1] != expected {
				t.Fatal(got)
			}
			for i, n := range cancelled {
				if want := 1 - b2i(i == before); n != want {
					t.Fatalf("%d/%d: cancelled %v", before, after, cancelled)
				}
			}

			cancelled, ds = raceState(before + 1 + after)
			f := twisted.NewFailure(twisted.Exception.New("The test demands failures."))
			r = Race(ds)
			for _, d := range ds {
				d.Errback(f)
			}
			fg := failureResultOf(t, r, FailureGroup).Value.(*FailureGroupValue)
			if len(fg.Failures) != len(ds) {
				t.Fatal(fg)
			}
			for i, g := range fg.Failures {
				if g != f || cancelled[i] != 0 {
					t.Fatal(fg, cancelled)
				}
			}

			// A result after cancellation goes nowhere (and logs nothing).
			plain := make([]*Deferred, before+2+after)
			for i := range plain {
				plain[i] = New()
			}
			r = Race(plain)
			plain[before].Callback(nil)
			plain[before+1].Callback(nil)
			successResultOf(t, r)
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestRaceResultFromCancel(t *testing.T) {
	winner := New()
	ds := []*Deferred{winner, NewWithCanceller(func(d *Deferred) { d.Callback(new(int)) })}
	r := Race(ds)
	expected := new(int)
	winner.Callback(expected)
	if got := successResultOf(t, r).(twisted.Tuple); got[0] != 0 || got[1] != expected {
		t.Fatal(got)
	}
}

func TestRaceCancel(t *testing.T) {
	for n := 1; n <= 3; n++ {
		cancelled, ds := raceState(n)
		r := Race(ds)
		r.Cancel()
		for _, c := range cancelled {
			if c != 1 {
				t.Fatal(cancelled)
			}
		}
		failureResultOf(t, r, FailureGroup)
	}
}

func TestFirstErrorStrings(t *testing.T) {
	f := twisted.NewFailure(twisted.ValueError.New("some text"))
	e := &FirstErrorValue{SubFailure: f, Index: 3}
	if got := twisted.Repr(e); got != "FirstError[#3, ValueError('some text',)]" {
		t.Fatal(got)
	}
	// str(FirstError) holds str(subFailure), its brief traceback.
	if got := e.Error(); !strings.HasPrefix(got, "FirstError[#3, [Failure instance: Traceback: <class 'ValueError'>: some text\n") ||
		!strings.HasSuffix(got, "TestFirstErrorStrings\n]]") {
		t.Fatal(got)
	}
}

func TestFailureGroupStrings(t *testing.T) {
	f := failureResultOf(t, Race([]*Deferred{Fail(twisted.KeyError.New("k"))}), FailureGroup)
	if got := twisted.Repr(f.Value); got != "FailureGroup()" || f.GetErrorMessage() != "" {
		t.Fatal(got, f.GetErrorMessage())
	}
}

func TestDeferredListRepr(t *testing.T) {
	dl := DeferredList(nil)
	if got, want := twisted.Repr(dl), fmt.Sprintf("<DeferredList at %p current result: []>", dl); got != want {
		t.Fatal(got)
	}
}

func TestFirstErrorEqual(t *testing.T) {
	f1 := twisted.NewFailure(twisted.ZeroDivisionError.New())
	f2 := twisted.NewFailure(twisted.ValueError.New("bar"))
	one := &FirstErrorValue{f1, 13}
	anotherOne := &FirstErrorValue{f1, 13}
	another := &FirstErrorValue{f2, 9}
	if !one.Equal(anotherOne) || one.Equal(another) || one.Equal(nil) {
		t.Fatal("Equal")
	}
}
