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
	flags := listOptions("DeferredList.__init__", opts, FireOnOneCallback|FireOnOneErrback|ConsumeErrors)
	return newList("DeferredList", ds, flags, false)
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
			panic(nilItem(function, i))
		}
	}
}

// nilItem is checkList's TypeError for the nil at index i of ds.
func nilItem(function string, i int) *twisted.Error {
	return twisted.TypeError.New(fmt.Sprintf("%s: sequence item %d: expected Deferred instance, NoneType found", function, i))
}

// listState is what a DeferredList keeps: its own Deferred, its slots,
// its copy of its Deferreds and the count of results so far. For a list
// of up to 16 Deferreds the copy is in the same allocation (see
// allocList); the slots never are, so that a result list held after the
// list's Deferred is dropped keeps neither that Deferred nor its last
// result alive, and a failure its chain ended on is reported as it goes
// (Twisted's DeferredList holds its resultList, not the other way round).
//
// Until the list's Deferred fires, its result field holds the list's
// state (Result hides it), so that Cancel finds the Deferreds to cancel
// without a function made per list.
type listState struct {
	dl Deferred
	// slots holds the results in the order of the Deferreds (the list
	// the Deferred fires with) and, for a DeferredList, the (success,
	// result) pairs, two slots each, that those results are. See
	// gatherSlot and pairSlot.
	slots []any
	// copies is the list's copy of its Deferreds, for Cancel, cleared as
	// the list fires.
	copies []*Deferred
	// finished counts the results so far. The fields are small so that
	// they take one word.
	finished int32
	flags    DeferredListOption
	// gather makes the results the bare results (GatherResults) rather
	// than the (success, result) pairs, which then need not be built.
	gather bool
}

// n returns the number of Deferreds in the list.
func (st *listState) n() int { return len(st.copies) }

// A smallList is the state of a list of a few Deferreds with its copy of
// its Deferreds (an array C) in the same allocation: one object fewer to
// allocate, clear and trace.
type smallList[C any] struct {
	listState
	c C
}

// state returns x's listState, with copies in x's array.
func (x *smallList[C]) state(copies []*Deferred) *listState {
	x.copies = copies
	return &x.listState
}

// allocList returns the state of a list of n Deferreds, with its slots:
// one per Deferred (GatherResults) or three (DeferredList: the result
// and its pair). Up to 16 Deferreds the state and its copy of the
// Deferreds are one smallList, whose array is one of a few sizes (a size
// per 16 or so bytes of the allocator's size classes would save little
// more); past that, the copy is an allocation of its own.
func allocList(n int, gather bool) *listState {
	var st *listState
	switch {
	case n <= 2:
		x := new(smallList[[2]*Deferred])
		st = x.state(x.c[:n])
	case n <= 4:
		x := new(smallList[[4]*Deferred])
		st = x.state(x.c[:n])
	case n <= 6:
		x := new(smallList[[6]*Deferred])
		st = x.state(x.c[:n])
	case n <= 8:
		x := new(smallList[[8]*Deferred])
		st = x.state(x.c[:n])
	case n <= 10:
		x := new(smallList[[10]*Deferred])
		st = x.state(x.c[:n])
	case n <= 12:
		x := new(smallList[[12]*Deferred])
		st = x.state(x.c[:n])
	case n <= 16:
		x := new(smallList[[16]*Deferred])
		st = x.state(x.c[:n])
	default:
		st = &listState{copies: make([]*Deferred, n)}
	}
	perDeferred := 3
	if gather {
		perDeferred = 1
	}
	st.slots = make([]any, perDeferred*n)
	return st
}

// A gatherSlot is GatherResults' pair on one of its Deferreds (Twisted's
// cbDeferred with its index bound), held in link.rest: the slot of the
// result list that the Deferred's result goes to, which holds the list's
// state until then. The pair knows its list and slot without a function
// made per Deferred, and a Deferred given twice has two pairs, each with
// its own slot.
type gatherSlot *any

// A pairSlot is a DeferredList's pair on one of its Deferreds: the
// (success, result) pair in the result list for that Deferred, whose
// first item holds the list's state until the Deferred fires. See
// gatherSlot.
type pairSlot *[2]any

// newList returns the Deferred of a DeferredList over ds, for function
// (DeferredList or GatherResults), which has checked its options. It
// panics as checkList does if one of ds is nil, as it copies them.
func newList(function string, ds []*Deferred, flags DeferredListOption, gather bool) *Deferred {
	n := len(ds)
	st := allocList(n, gather)
	st.flags, st.gather = flags, gather
	for i, d := range ds {
		if d == nil {
			panic(nilItem(function, i))
		}
		st.copies[i] = d
	}
	results := st.slots[:n:n]
	dl := &st.dl
	if debugging.Load() {
		dl.debugInfo().setCreator()
	}
	dl.flags |= flagList
	dl.result = st
	if n == 0 && flags&FireOnOneCallback == 0 {
		dl.Callback(results)
	}
	for i, d := range ds {
		// One handler for both outcomes, as Twisted's DeferredList
		// passes cbDeferred as callback and errback.
		var l link
		if gather {
			results[i] = st
			l.rest = gatherSlot(&results[i])
		} else {
			pair := (*[2]any)(st.slots[n+2*i:])
			pair[0] = st
			results[i] = twisted.Tuple(pair[:])
			l.rest = pairSlot(pair)
		}
		if !d.pushWaiting(l) {
			d.add(l)
		}
	}
	return dl
}

// forgetCopies clears the list's copy of its Deferreds once the list
// fires: the list's Deferred, which its user may keep, must not keep them
// alive.
func (st *listState) forgetCopies() { clear(st.copies) }

// cancel cancels every Deferred of the list (DeferredList.cancel), even
// once the list has fired because of the first ones cancelled (as the
// loop in Twisted goes on), from a copy of the list's copy, which the
// list forgets as it fires.
func (st *listState) cancel() {
	for _, d := range slices.Clone(st.copies) {
		cancelLogging(d)
	}
}

// gatherRecorded records the result of one of GatherResults' Deferreds
// in its slot (see gatherSlot), counts it, and reports whether the list
// must go on to fire (see fire): for a failure or the last result. It is
// small enough to be inlined where pairs run: most results only count.
// (A GatherResults list never has FireOnOneCallback.)
func gatherRecorded(slot gatherSlot, result any) (st *listState, more bool) {
	st = (*slot).(*listState)
	*slot = result
	st.finished++
	_, failed := result.(*twisted.Failure)
	return st, failed || int(st.finished) == st.n()
}

// pairRecorded records the outcome of one of a DeferredList's Deferreds
// in its pair (see pairSlot), counts it, and reports whether the list must
// go on to fire (see fire): for a failure, a list with FireOnOneCallback
// or the last result.
func pairRecorded(pair pairSlot, result any) (st *listState, more bool) {
	st = pair[0].(*listState)
	_, failed := result.(*twisted.Failure)
	pair[0], pair[1] = !failed, result
	st.finished++
	return st, failed || st.flags&FireOnOneCallback != 0 || int(st.finished) == st.n()
}

// fire follows gatherRecorded or pairRecorded for the results they say
// need it, slot the one just recorded: it fires the list, unless it has
// fired, for the first success with FireOnOneCallback, the first failure
// with FireOnOneErrback or the last result (DeferredList._cbDeferred), and
// reports whether the Deferred's chain goes on with None (a failure the
// list consumes) rather than the result.
func (st *listState) fire(slot *any, result any) (consumed bool) {
	f, failed := result.(*twisted.Failure)
	dl := &st.dl
	if !dl.called {
		switch {
		case !failed && st.flags&FireOnOneCallback != 0:
			st.forgetCopies()
			dl.Callback(twisted.Tuple{result, st.index(slot)})
		case failed && st.flags&FireOnOneErrback != 0:
			st.forgetCopies()
			dl.Errback(&FirstErrorValue{SubFailure: f, Index: st.index(slot)})
		case int(st.finished) == st.n():
			st.forgetCopies()
			n := st.n()
			dl.Callback(st.slots[:n:n])
		}
	}
	return failed && st.flags&ConsumeErrors != 0
}

// index returns the index in the list of the Deferred whose slot is slot.
// A search, but only for the one result that fires the list on its own.
func (st *listState) index(slot *any) int {
	n := st.n()
	step, first := 1, 0
	if !st.gather {
		step, first = 2, n
	}
	for i := range n {
		if &st.slots[first+step*i] == slot {
			return i
		}
	}
	panic("deferred: a list's slot is not in its list")
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
	flags := FireOnOneErrback | listOptions("gatherResults", opts, ConsumeErrors)
	return newList("GatherResults", ds, flags, true)
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
