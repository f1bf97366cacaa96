package reactor

import (
	"github.com/twistedflow/twistedflow/internal/sysevent"
	"github.com/twistedflow/twistedflow/twisted"
)

// A TriggerID identifies a trigger AddSystemEventTrigger added, for
// RemoveSystemEventTrigger: Twisted's (eventType, (phase, callable, args,
// kwargs)) handle. The zero TriggerID identifies no trigger (Python's
// None).
type TriggerID struct {
	// EventType and Phase are the event and the phase the trigger was
	// added to.
	EventType, Phase string

	trigger *sysevent.Trigger // a pointer, so that a TriggerID is comparable
}

// AddSystemEventTrigger adds f to the triggers that run when the system
// event eventType fires, in phase "before", "during" or "after", and
// returns the ID that RemoveSystemEventTrigger takes (Twisted's
// IReactorCore.addSystemEventTrigger). Arguments travel in f's closure,
// where Python passes *args.
//
// The reactor fires "startup" when Run starts it and "shutdown" when Stop
// stops it; FireSystemEvent fires any event. When an event fires, its
// before-phase triggers run in the order added (with those they add);
// then, once every *deferred.Deferred they returned has fired, the
// during-phase triggers, then the after-phase ones. A trigger runs once.
// f's result is ignored unless it is a *deferred.Deferred returned by a
// before-phase trigger: that delays the rest of the event, so a
// before-shutdown trigger can make the reactor wait for an orderly close.
// A trigger that panics is logged (see Reactor.Logger) and the others
// still run.
//
// The reactor's own work is done by during-phase triggers, added by New:
// at startup, Running becomes true and the pool starts (and the signal
// handlers are installed, see NoSignalHandlers); at shutdown, the loop
// stops (Running becomes false, Done is closed), the network is torn down
// (connections lost, ports closed) and the pool's work is waited for.
// So a before-shutdown trigger runs while the reactor still runs, its
// connections open; an after-shutdown trigger, once they are closed.
// CallWhenRunning's calls are after-startup triggers.
//
// Adding a trigger takes constant time, and so does running it; removing
// one is linear in the number of triggers of its phase, as in Twisted, so
// code with many short-lived registrations (one per connection, say)
// keeps a set of its own behind a single trigger.
//
// AddSystemEventTrigger panics with a KeyError("invalid phase") for any
// other phase, and with an AssertionError for a nil f, as Twisted's
// assert callable(callable). It and RemoveSystemEventTrigger are safe to
// call from any goroutine; triggers run on the goroutine that fires the
// event (the reactor's, for startup and shutdown).
func (r *Reactor) AddSystemEventTrigger(phase, eventType string, f func() any) TriggerID {
	if f == nil {
		panic(twisted.AssertionError.New("None is not callable"))
	}
	h := r.event(eventType).AddTrigger(phase, f)
	return TriggerID{EventType: eventType, Phase: h.Phase, trigger: &h.Trigger}
}

// RemoveSystemEventTrigger removes the trigger id identifies, so that it
// does not run (Twisted's IReactorCore.removeSystemEventTrigger). It
// returns a TypeError for the zero TriggerID; a KeyError if no trigger was
// ever added for id's event, or id's phase is not one of the three; a
// ValueError if the trigger has run or been removed already. While the
// before phase of its event runs, removing a before-phase trigger that has
// already run changes nothing and returns a DeprecationWarning, as
// Twisted warns.
func (r *Reactor) RemoveSystemEventTrigger(id TriggerID) error {
	if id == (TriggerID{}) {
		return twisted.TypeError.New("cannot unpack non-iterable NoneType object")
	}
	r.eventsMu.Lock()
	e := r.events[id.EventType]
	r.eventsMu.Unlock()
	if e == nil {
		return twisted.KeyError.New(id.EventType)
	}
	var t sysevent.Trigger
	if id.trigger != nil {
		t = *id.trigger
	}
	return e.RemoveTrigger(sysevent.Handle{Phase: id.Phase, Trigger: t})
}

// FireSystemEvent fires the system event eventType: it runs its triggers
// as AddSystemEventTrigger describes, on the calling goroutine (Twisted's
// IReactorCore.fireSystemEvent). An event with no triggers does nothing.
// Run and Stop fire "startup" and "shutdown"; firing them otherwise does
// their work (firing "shutdown" stops the loop).
func (r *Reactor) FireSystemEvent(eventType string) {
	r.eventsMu.Lock()
	e := r.events[eventType]
	r.eventsMu.Unlock()
	if e != nil {
		e.FireEvent()
	}
}

// event returns the event eventType, made if need be.
func (r *Reactor) event(eventType string) *sysevent.ThreePhaseEvent {
	r.eventsMu.Lock()
	defer r.eventsMu.Unlock()
	e := r.events[eventType]
	if e == nil {
		if r.events == nil {
			r.events = map[string]*sysevent.ThreePhaseEvent{}
		}
		e = sysevent.New(r.logFailure)
		r.events[eventType] = e
	}
	return e
}

// addInternalTrigger adds one of the reactor's own triggers.
func (r *Reactor) addInternalTrigger(phase, eventType string, f func()) TriggerID {
	return r.AddSystemEventTrigger(phase, eventType, func() any { f(); return nil })
}
