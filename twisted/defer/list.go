package deferred

import (
	"fmt"
	"slices"

	"github.com/twistedflow/twistedflow/twisted"
)

// SUCCESS and FAILURE are the first members of the (success, result) pairs
// of a DeferredList's result, as Twisted's defer.SUCCESS and defer.FAILURE.
const (
	SUCCESS = true
	FAILURE = false
)

// A DeferredListOption is one of DeferredList's keyword flags; combine them
// by passing several.
type DeferredListOption uint8

const (
	// FireOnOneCallback makes the list fire as soon as one Deferred in it
	// succeeds, with the pair twisted.Tuple{result, index}, without waiting
	// for the others. An empty list then never fires.
	FireOnOneCallback DeferredListOption = 1 << iota
	// FireOnOneErrback makes the list fail as soon as one Deferred in it
	// fails, with a FirstError failure (value *FirstErrorValue) wrapping
	// that failure and its index.
	FireOnOneErrback
	// ConsumeErrors turns the failures of the Deferreds in the list into
	// None results once the list has seen them, so that errbacks added to
	// those Deferreds later do not see them, nor are they logged as
	// unhandled. It does not stop FireOnOneErrback.
	ConsumeErrors
)

// FirstError is the class of the failure of a [DeferredList] with
// [FireOnOneErrback] (and of [GatherResults]) when a Deferred in it fails. The
// failure's Value is a *FirstErrorValue.
var FirstError = twisted.NewClass("twisted.internet.defer.FirstError", twisted.Exception)

// FirstErrorValue is an instance of FirstError: the first failure of a
// Deferred in a DeferredList with FireOnOneErrback, and that Deferred's
// index in the list.
type FirstErrorValue struct {
	SubFailure *twisted.Failure
	Index      int
}

// Error returns Python's str: FirstError[#index, str(subFailure)].
func (e *FirstErrorValue) Error() string {
	return fmt.Sprintf("FirstError[#%d, %s]", e.Index, twisted.Str(e.SubFailure))
}

// PyRepr returns Python's repr: FirstError[#index, repr(subFailure.value)].
func (e *FirstErrorValue) PyRepr() string {
	return fmt.Sprintf("FirstError[#%d, %s]", e.Index, twisted.Repr(e.SubFailure.Value))
}

// PythonClass returns FirstError.
func (e *FirstErrorValue) PythonClass() *twisted.Class { return FirstError }

// Equal reports whether e and other have the same sub-failure and index,
// as FirstError's comparison in Twisted (go-cmp uses it too).
func (e *FirstErrorValue) Equal(other *FirstErrorValue) bool {
	return other != nil && e.SubFailure == other.SubFailure && e.Index == other.Index
}

// DeferredList collects the results of several Deferreds: DeferredList(ds,
// fireOnOneCallback=..., fireOnOneErrback=..., consumeErrors=...). It
// returns a Deferred that fires once all of ds have fired, with a []any of
// twisted.Tuple{success bool, result} pairs in the order of ds (result a
// *twisted.Failure where success is false): Python prints it as
// [(True, 1), (False, <twisted.python.failure.Failure ...>)]. An empty ds
// fires at once with an empty list. The options change when and how it
// fires; see [DeferredListOption].
//
// DeferredList works by adding a callback pair to each of ds, so callbacks
// added to them before change what the list sees, and the list's pair
// passes each result on unchanged (unless ConsumeErrors) to callbacks added
// after.
//
// Cancelling the returned Deferred before it fires cancels every Deferred
// in ds (a panic in one of their cancellers is logged and does not stop the
// others), and does nothing else: the list fires as its Deferreds do.
// Cancelling it after it fired does nothing.
//
// A nil in ds panics with a TypeError naming its index ("DeferredList:
// sequence item 1: expected Deferred instance, NoneType found"), before
// any callback is added. (Twisted 22.4 raises AttributeError, 'NoneType'
// object has no attribute 'addCallbacks', after adding its callbacks to
// the Deferreds before it.)
func DeferredList(ds []*Deferred, opts ...DeferredListOption) *Deferred {
	checkList("DeferredList", ds)
	flags := listOptions("DeferredList.__init__", opts, FireOnOneCallback|FireOnOneErrback|ConsumeErrors)
	return newList(ds, flags, false)
}

// optionNames are the keyword arguments the options stand for.
var optionNames = map[DeferredListOption]string{
	FireOnOneCallback: "fireOnOneCallback",
	FireOnOneErrback:  "fireOnOneErrback",
	ConsumeErrors:     "consumeErrors",
}

// listOptions combines opts, panicking with Python's TypeError for a
// keyword argument the function does not take if one of them is not in
// allowed: "gatherResults() got an unexpected keyword argument
// 'fireOnOneCallback'" (a value that is no option at all is named
// DeferredListOption(n)).
func listOptions(function string, opts []DeferredListOption, allowed DeferredListOption) DeferredListOption {
	var flags DeferredListOption
	for _, o := range opts {
		if bad := o &^ allowed; bad != 0 {
			bit := bad & -bad
			name, ok := optionNames[bit]
			if ok {
				name = "'" + name + "'"
			} else {
				name = fmt.Sprintf("DeferredListOption(%d)", bad)
			}
			panic(twisted.TypeError.New(function + "() got an unexpected keyword argument " + name))
		}
		flags |= o
	}
	return flags
}

// checkList panics with a TypeError if one of ds is nil, naming the first
// such index as Python's str.join names a bad item: "DeferredList:
// sequence item 1: expected Deferred instance, NoneType found". Twisted
// 22.4 raises AttributeError ('NoneType' object has no attribute
// 'addCallbacks') after adding its callbacks to the Deferreds before it.
func checkList(function string, ds []*Deferred) {
	for i, d := range ds {
		if d == nil {
			panic(twisted.TypeError.New(fmt.Sprintf("%s: sequence item %d: expected Deferred instance, NoneType found", function, i)))
		}
	}
}

// listState is what a DeferredList keeps: its own Deferred, its entries
// and the results so far, in one allocation.
type listState struct {
	dl Deferred
	// entries has one entry per Deferred of the list, in its order: the
	// list's copy of ds, and the handler its pair on that Deferred runs.
	entries  []listEntry
	results  []any
	finished int
	flags    DeferredListOption
	// gather makes results the bare results (GatherResults) rather than
	// the (success, result) pairs, which then need not be built.
	gather bool
	// pairs backs the pairs' two-item Tuples, two slots per Deferred.
	pairs []any
}

// A listEntry is a DeferredList's pair on one of its Deferreds (Twisted's
// cbDeferred with its index bound), held in link.rest: the pair knows its
// list and index through the entry, with no function made per Deferred. A
// Deferred given twice has two pairs, each with its own entry.
type listEntry struct {
	st    *listState
	d     *Deferred
	index int
}

// newList returns the Deferred of a DeferredList over ds.
func newList(ds []*Deferred, flags DeferredListOption, gather bool) *Deferred {
	st := &listState{flags: flags, gather: gather}
	if gather {
		st.results = make([]any, len(ds))
	} else {
		// The results and the slots of their pairs, in one allocation.
		all := make([]any, 3*len(ds))
		st.results, st.pairs = all[:len(ds):len(ds)], all[len(ds):]
	}
	st.entries = make([]listEntry, len(ds))
	for i, d := range ds {
		st.entries[i] = listEntry{st: st, d: d, index: i}
	}
	dl := &st.dl
	if debugging.Load() {
		dl.debugInfo().setCreator()
	}
	dl.canceller = st.cancel
	dl.flags |= flagList
	if len(ds) == 0 && flags&FireOnOneCallback == 0 {
		dl.Callback(st.results)
	}
	for i := range st.entries {
		// One handler for both outcomes, as Twisted's DeferredList
		// passes cbDeferred as callback and errback.
		e := &st.entries[i]
		e.d.add(link{rest: e})
	}
	return dl
}

// cancel cancels every Deferred of the list (DeferredList.cancel).
func (st *listState) cancel(*Deferred) {
	for _, e := range st.entries {
		cancelLogging(e.d)
	}
}

// fired records the result of the list's Deferred at e.index, fires the
// list when it is time, and passes the result on (DeferredList._cbDeferred).
func (e *listEntry) fired(result any) (any, error) {
	st, index := e.st, e.index
	f, failed := result.(*twisted.Failure)
	if st.gather {
		st.results[index] = result
	} else {
		pair := twisted.Tuple(st.pairs[2*index : 2*index+2 : 2*index+2])
		pair[0], pair[1] = !failed, result
		st.results[index] = pair
	}
	st.finished++
	dl := &st.dl
	if !dl.called {
		switch {
		case !failed && st.flags&FireOnOneCallback != 0:
			dl.Callback(twisted.Tuple{result, index})
		case failed && st.flags&FireOnOneErrback != 0:
			dl.Errback(&FirstErrorValue{SubFailure: f, Index: index})
		case st.finished == len(st.results):
			dl.Callback(st.results)
		}
	}
	if failed && st.flags&ConsumeErrors != 0 {
		return nil, nil
	}
	return result, nil
}

// cancelLogging cancels d, logging a panic of its canceller instead of
// letting it through.
func cancelLogging(d *Deferred) {
	defer func() {
		if v := recover(); v != nil {
			logFailure("Exception raised from user supplied canceller", twisted.FailureFromPanic(v))
		}
	}()
	d.Cancel()
}

// GatherResults returns a Deferred that fires with a []any of the results
// of ds once they have all succeeded, or fails with a FirstError (value
// *FirstErrorValue) as soon as one fails: gatherResults(ds,
// consumeErrors). It is DeferredList(ds, FireOnOneErrback) with the
// (success, result) pairs reduced to the results (without building the
// pairs). The only option it takes is ConsumeErrors: another panics with
// Python's TypeError for gatherResults' unexpected keyword argument. Cancelling it cancels
// ds, as for DeferredList. A nil in ds panics as in DeferredList.
func GatherResults(ds []*Deferred, opts ...DeferredListOption) *Deferred {
	checkList("GatherResults", ds)
	flags := FireOnOneErrback | listOptions("gatherResults", opts, ConsumeErrors)
	return newList(ds, flags, true)
}

// FailureGroup is the class of the failure of Race when every Deferred
// fails. The failure's Value is a *FailureGroupValue.
var FailureGroup = twisted.NewClass("twisted.internet.defer.FailureGroup", twisted.Exception)

// FailureGroupValue is an instance of FailureGroup: the failures of all the
// Deferreds given to Race, in their order.
type FailureGroupValue struct {
	Failures []*twisted.Failure
}

// Error returns the class's name, FailureGroup: Python's str of one,
// which has no arguments, is "" (PyStr).
func (e *FailureGroupValue) Error() string { return "FailureGroup" }

// PyStr returns Python's str of a FailureGroup: "".
func (e *FailureGroupValue) PyStr() string { return "" }

// PyRepr returns Python's repr: FailureGroup().
func (e *FailureGroupValue) PyRepr() string { return "FailureGroup()" }

// PythonClass returns FailureGroup.
func (e *FailureGroupValue) PythonClass() *twisted.Class { return FailureGroup }

// Race returns a Deferred that fires with twisted.Tuple{index, result} for
// the first of ds to succeed, and cancels all the others: race(ds). If all
// of ds fail, it fails with a FailureGroup (value *FailureGroupValue) of
// their failures in the order of ds. An empty ds never fires. Cancelling
// the returned Deferred cancels all of ds.
//
// The winner is not cancelled: its caller still uses it. A result that
// another of ds delivers after being cancelled goes nowhere. A nil in ds
// panics as in DeferredList.
func Race(ds []*Deferred) *Deferred {
	checkList("Race", ds)
	toCancel := slices.Clone(ds)
	var winner *Deferred
	finalResult := NewWithCanceller(func(*Deferred) {
		for _, d := range toCancel {
			d.Cancel()
		}
	})
	failures := make([]*twisted.Failure, len(toCancel))
	failed := 0
	for i, d := range toCancel {
		d.AddCallbacks(func(r any) (any, error) {
			if winner == nil {
				winner = toCancel[i]
				for _, other := range toCancel {
					if other != winner {
						other.Cancel()
					}
				}
				finalResult.Callback(twisted.Tuple{i, r})
			}
			return nil, nil
		}, func(f *twisted.Failure) (any, error) {
			failures[i] = f
			failed++
			if failed == len(toCancel) {
				finalResult.Errback(&FailureGroupValue{Failures: failures})
			}
			return nil, nil
		})
	}
	return finalResult
}
