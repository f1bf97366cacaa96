// Package sysevent is Twisted's twisted.internet.base._ThreePhaseEvent:
// the triggers of one system event ("startup", "shutdown" or any other
// name), run in three phases when the event fires. Package reactor builds
// its system event triggers (AddSystemEventTrigger) on it; it is internal
// so that the conformance suite can transcribe ThreePhaseEventTests, which
// look inside it, without it being part of the public API.
package sysevent

import (
	"reflect"
	"slices"
	"sync"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// A Trigger is Python's (callable, args, kwargs) triple: Tuple{callable,
// Tuple{args...}, map[string]any{}}. The callable is a Go function: a
// func() any, func() or func() *deferred.Deferred is called directly, any
// other function through reflection with the arguments.
type Trigger = twisted.Tuple

// A Handle is what AddTrigger returns and RemoveTrigger takes: Python's
// (phase, callable, args, kwargs) handle, with the triple kept whole. A
// handle names the very trigger AddTrigger added (Go functions cannot be
// compared, so two triggers of the same function and arguments are told
// apart, where Python's list.remove takes the first equal one).
type Handle struct {
	Phase   string
	Trigger Trigger
}

// A ThreePhaseEvent is the collection of triggers of one event, invoked
// as a group in the order before, during, after.
//
// Firing takes each trigger off its list in constant time; RemoveTrigger,
// like Python's list.remove, is linear in the number of triggers of the
// phase, so code that registers many short-lived triggers (one per
// connection, say) does better to keep its own set behind one trigger.
//
// Before, During and After are the triggers of each phase, in the order
// they run; FinishedBefore is the before-phase triggers already run while
// the event is in its before phase (State "BEFORE"); State is "BASE"
// otherwise. They are exported for the tests that look at them, as
// Python's attributes are, and are to be read only on the goroutine that
// fires the event. AddTrigger and RemoveTrigger are safe from any
// goroutine; the triggers run on the goroutine that calls FireEvent (or
// that fires the last Deferred a before-phase trigger returned), with no
// lock held, so they may add and remove triggers.
type ThreePhaseEvent struct {
	Before, During, After []Trigger
	FinishedBefore        []Trigger
	State                 string

	// Log receives the failure of a trigger that panics (Python's
	// log.err()); the other triggers still run.
	Log func(*twisted.Failure)

	mu sync.Mutex
}

// New returns an event with no triggers, in the state "BASE".
func New(log func(*twisted.Failure)) *ThreePhaseEvent {
	return &ThreePhaseEvent{State: "BASE", Log: log}
}

// phase returns the list of phase, or nil and false for an invalid phase.
func (e *ThreePhaseEvent) phase(name string) (*[]Trigger, bool) {
	switch name {
	case "before":
		return &e.Before, true
	case "during":
		return &e.During, true
	case "after":
		return &e.After, true
	}
	return nil, false
}

// AddTrigger adds callable, to be called with args, to phase ("before",
// "during" or "after"), and returns the handle RemoveTrigger takes. It
// panics with KeyError("invalid phase") for any other phase.
func (e *ThreePhaseEvent) AddTrigger(phase string, callable any, args ...any) Handle {
	e.mu.Lock()
	defer e.mu.Unlock()
	list, ok := e.phase(phase)
	if !ok {
		panic(twisted.KeyError.New("invalid phase"))
	}
	t := Trigger{callable, twisted.Tuple(append([]any{}, args...)), map[string]any{}}
	*list = append(*list, t)
	return Handle{Phase: phase, Trigger: t}
}

// RemoveTrigger removes the trigger h names, so that it does not run. It
// returns a ValueError if h is not a handle AddTrigger returned ("invalid
// trigger handle") or names a trigger already removed or run
// ("list.remove(x): x not in list"), and a KeyError("invalid phase") if
// its phase is not one of the three.
//
// While the before phase runs, removing a before-phase trigger that has
// already run changes nothing and returns a DeprecationWarning error,
// Twisted's warning "Removing already-fired system event triggers will
// raise an exception in a future version of Twisted."
func (e *ThreePhaseEvent) RemoveTrigger(h Handle) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.State == "BEFORE" && h.Phase == "before" && h.Trigger != nil && index(e.FinishedBefore, h.Trigger) >= 0 {
		return twisted.DeprecationWarning.New("Removing already-fired system event triggers will raise an " +
			"exception in a future version of Twisted.")
	}
	if len(h.Trigger) != 3 {
		return twisted.ValueError.New("invalid trigger handle")
	}
	list, ok := e.phase(h.Phase)
	if !ok {
		return twisted.KeyError.New("invalid phase")
	}
	i := index(*list, h.Trigger)
	if i < 0 {
		return twisted.ValueError.New("list.remove(x): x not in list")
	}
	*list = slices.Delete(*list, i, i+1)
	return nil
}

// index returns where t is in list (the same triple, not an equal one),
// or -1.
func index(list []Trigger, t Trigger) int {
	return slices.IndexFunc(list, func(u Trigger) bool { return len(u) == 3 && &u[0] == &t[0] })
}

// FireEvent calls the triggers: the before phase's, in order, including
// those they add; then, once every Deferred they returned has fired, the
// during phase's and the after phase's. Each trigger runs once: it is
// taken off its list as it runs. A trigger that panics is logged and the
// others still run; a failed Deferred does not stop the event either (its
// failure stays in it, unhandled).
func (e *ThreePhaseEvent) FireEvent() {
	e.mu.Lock()
	e.State = "BEFORE"
	e.FinishedBefore = []Trigger{}
	var results []*deferred.Deferred
	for len(e.Before) > 0 {
		t := pop(&e.Before)
		e.FinishedBefore = append(e.FinishedBefore, t)
		e.mu.Unlock()
		if d, ok := e.call(t).(*deferred.Deferred); ok && d != nil {
			results = append(results, d)
		}
		e.mu.Lock()
	}
	e.mu.Unlock()
	deferred.DeferredList(results).AddCallback(func(any) (any, error) {
		e.continueFiring()
		return nil, nil
	})
}

// continueFiring calls the during and after phase triggers.
func (e *ThreePhaseEvent) continueFiring() {
	e.mu.Lock()
	e.State = "BASE"
	e.FinishedBefore = []Trigger{}
	for _, list := range []*[]Trigger{&e.During, &e.After} {
		for len(*list) > 0 {
			t := pop(list)
			e.mu.Unlock()
			e.call(t)
			e.mu.Lock()
		}
	}
	e.mu.Unlock()
}

// pop takes the first trigger off *list, in constant time.
func pop(list *[]Trigger) Trigger {
	t := (*list)[0]
	(*list)[0] = nil
	*list = (*list)[1:]
	return t
}

// call calls the trigger t, logging a panic, and returns its result.
func (e *ThreePhaseEvent) call(t Trigger) (result any) {
	defer func() {
		if v := recover(); v != nil {
			result = nil
			if e.Log != nil {
				e.Log(twisted.FailureFromPanic(v))
			}
		}
	}()
	args := t[1].(twisted.Tuple)
	if len(args) == 0 {
		switch f := t[0].(type) {
		case func() any:
			return f()
		case func():
			f()
			return nil
		case func() *deferred.Deferred:
			return f()
		}
	}
	return callReflect(t[0], args)
}

// callReflect calls f with args as Python calls a callable: a wrong
// number of arguments, or a value that is not a function, panics with a
// TypeError.
func callReflect(f any, args []any) any {
	fv := reflect.ValueOf(f)
	if !fv.IsValid() || fv.Kind() == reflect.Func && fv.IsNil() {
		panic(twisted.TypeError.New("'NoneType' object is not callable"))
	}
	if fv.Kind() != reflect.Func {
		panic(twisted.TypeError.New("'" + fv.Type().String() + "' object is not callable"))
	}
	ft := fv.Type()
	if len(args) != ft.NumIn() && !(ft.IsVariadic() && len(args) >= ft.NumIn()-1) {
		panic(twisted.TypeError.New("trigger takes " + twisted.Repr(ft.NumIn()) + " positional arguments but " +
			twisted.Repr(len(args)) + " were given"))
	}
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		var pt reflect.Type
		if ft.IsVariadic() && i >= ft.NumIn()-1 {
			pt = ft.In(ft.NumIn() - 1).Elem()
		} else {
			pt = ft.In(i)
		}
		if a == nil {
			in[i] = reflect.Zero(pt)
		} else {
			in[i] = reflect.ValueOf(a)
		}
	}
	out := fv.Call(in)
	if len(out) == 0 {
		return nil
	}
	return out[0].Interface()
}
