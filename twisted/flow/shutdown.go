package flow

import (
	"runtime"
	"sync"
	"weak"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// What the reactor's shutdown does to flows: every flow.Deferred
// controller (web pages included), flow protocol and Threaded stage that
// runs on a *reactor.Reactor is registered with it while it runs, and
// the reactor's shutdown ends them all, so that no goroutine of theirs
// outlives Run:
//
//   - before shutdown (while the reactor still runs), a flow.Deferred's
//     Deferred is cancelled: its generators are closed (their yield
//     returns false, their deferred calls run), its pending wake-ups are
//     cancelled, and the Deferred fails with deferred.CancelledError
//     (Twisted leaves it unfired as the process exits; a Go program goes
//     on after Run);
//   - before shutdown too, a Threaded stage's thread is asked to stop
//     before its next item, and the context of an IterableContext source
//     is cancelled, so that the reactor's wait for its threads ends;
//   - a flow protocol sees its connection lost, as in Twisted, when the
//     reactor tears the network down (during shutdown); after shutdown, a
//     flow protocol still running (it was not reading its connection) is
//     closed as a flow.Deferred is.
//
// A Clock has no shutdown: flows run on one are not registered.

// A shutdowner is what a reactor's shutdown ends.
type shutdowner interface{ shutdown() }

// A shutdownPhase is when a shutdowner is ended: before the reactor's
// shutdown, or after it.
type shutdownPhase uint8

const (
	beforeShutdown shutdownPhase = iota
	afterShutdown
)

// openFlows is the registry of one reactor: what runs on it and must end
// when it shuts down, by phase, each a list in the order registered.
type openFlows struct {
	mu   sync.Mutex
	open [2]registration // each list's sentinel
	shut [2]bool         // the phase has run: what starts now ends at once
}

// A registration is a flow's place in its reactor's registry: a link of
// an intrusive list, so that registering allocates nothing. It does not
// keep its registry: remove finds it through the reactor, which its
// owner keeps anyway (8 B that take a suspended flow.Deferred's runner a
// size class down).
type registration struct {
	prev, next *registration // under the registry's mu; nil once unlinked
	f          shutdowner
}

var (
	registriesMu sync.Mutex
	// registries maps each reactor to its registry. The key is weak, and
	// the entry removed when the reactor is collected, so that a reactor
	// which never runs does not stay alive for its registry's sake.
	registries = map[weak.Pointer[reactor.Reactor]]*openFlows{}
)

// registryOf returns the registry of clock, made on first use, or nil if
// clock is not a *reactor.Reactor.
func registryOf(clock any) *openFlows { return registryFor(clock, true) }

// registryFor returns the registry of clock, made if create is set and
// it has none, or nil if clock is not a *reactor.Reactor.
func registryFor(clock any, create bool) *openFlows {
	r, ok := clock.(*reactor.Reactor)
	if !ok || r == nil {
		return nil
	}
	key := weak.Make(r)
	registriesMu.Lock()
	defer registriesMu.Unlock()
	reg := registries[key]
	if reg == nil && create {
		reg = &openFlows{}
		for i := range reg.open {
			reg.open[i].prev, reg.open[i].next = &reg.open[i], &reg.open[i]
		}
		select {
		case <-r.Done():
			// Shut down before any flow ran on it: its triggers have
			// fired, and what starts now ends at once.
			reg.shut = [2]bool{true, true}
		default:
		}
		registries[key] = reg
		runtime.AddCleanup(r, func(key weak.Pointer[reactor.Reactor]) {
			registriesMu.Lock()
			delete(registries, key)
			registriesMu.Unlock()
		}, key)
		// Triggers run on the reactor's goroutine: the before-shutdown
		// one while the reactor still runs, the after-shutdown one once
		// the network is torn down and the threads have ended.
		r.AddSystemEventTrigger("before", "shutdown", func() any {
			reg.shutdown(r, beforeShutdown)
			return nil
		})
		r.AddSystemEventTrigger("after", "shutdown", func() any {
			reg.shutdown(r, afterShutdown)
			return nil
		})
	}
	return reg
}

// register links e, for f, into clock's registry, to be ended in phase
// (nothing for a clock without one). If the phase has run already, f is
// not linked: it is ended at once.
func register(clock any, e *registration, f shutdowner, phase shutdownPhase) {
	reg := registryOf(clock)
	if reg == nil {
		return
	}
	reg.mu.Lock()
	if reg.shut[phase] {
		reg.mu.Unlock()
		f.shutdown()
		return
	}
	head := &reg.open[phase]
	e.f = f
	e.prev, e.next = head.prev, head
	head.prev.next = e
	head.prev = e
	reg.mu.Unlock()
}

// remove unlinks e from the registry of clock, the clock register was
// given, if it is linked.
func (e *registration) remove(clock any) {
	reg := registryFor(clock, false)
	if reg == nil {
		return
	}
	reg.mu.Lock()
	if e.next != nil {
		e.prev.next, e.next.prev = e.next, e.prev
		e.prev, e.next = nil, nil
	}
	reg.mu.Unlock()
}

// shutdown ends everything registered for phase, in the order
// registered, on r's goroutine. A panic in one (a Close of the user's) is
// logged as an unhandled error, and the others are still ended.
func (reg *openFlows) shutdown(r *reactor.Reactor, phase shutdownPhase) {
	reg.mu.Lock()
	reg.shut[phase] = true
	head := &reg.open[phase]
	var open []shutdowner
	for e := head.next; e != head; {
		next := e.next
		open = append(open, e.f)
		e.prev, e.next = nil, nil
		e = next
	}
	head.prev, head.next = head, head
	reg.mu.Unlock()
	for _, f := range open {
		shutdownOne(r, f)
	}
}

// shutdownOne ends f, logging a panic as the reactor logs one.
func shutdownOne(r *reactor.Reactor, f shutdowner) {
	defer func() {
		if v := recover(); v != nil {
			logUnhandled(loggerOf(r), twisted.FailureFromPanic(v))
		}
	}()
	f.shutdown()
}
