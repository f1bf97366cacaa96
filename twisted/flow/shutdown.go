package flow

import (
	"cmp"
	"runtime"
	"slices"
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
type shutdownPhase int

const (
	beforeShutdown shutdownPhase = iota
	afterShutdown
)

// openFlows is the registry of one reactor: what runs on it and must end
// when it shuts down, by phase.
type openFlows struct {
	mu   sync.Mutex
	open [2]map[shutdowner]uint64 // in the order registered
	seq  uint64
	shut [2]bool // the phase has run: what starts now ends at once
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
func registryOf(clock any) *openFlows {
	r, ok := clock.(*reactor.Reactor)
	if !ok || r == nil {
		return nil
	}
	key := weak.Make(r)
	registriesMu.Lock()
	defer registriesMu.Unlock()
	reg := registries[key]
	if reg == nil {
		reg = &openFlows{open: [2]map[shutdowner]uint64{{}, {}}}
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

// register adds f to clock's registry, to be ended in phase, and returns
// the registry (nil for a clock without one). If the phase has run
// already, f is not added: it is ended at once.
func register(clock any, f shutdowner, phase shutdownPhase) *openFlows {
	reg := registryOf(clock)
	if reg == nil {
		return nil
	}
	reg.mu.Lock()
	if reg.shut[phase] {
		reg.mu.Unlock()
		f.shutdown()
		return nil
	}
	reg.seq++
	reg.open[phase][f] = reg.seq
	reg.mu.Unlock()
	return reg
}

// remove drops f from the registry; reg may be nil.
func (reg *openFlows) remove(f shutdowner) {
	if reg == nil {
		return
	}
	reg.mu.Lock()
	delete(reg.open[beforeShutdown], f)
	delete(reg.open[afterShutdown], f)
	reg.mu.Unlock()
}

// shutdown ends everything registered for phase, in the order
// registered, on r's goroutine. A panic in one (a Close of the user's) is
// logged as an unhandled error, and the others are still ended.
func (reg *openFlows) shutdown(r *reactor.Reactor, phase shutdownPhase) {
	type entry struct {
		f   shutdowner
		seq uint64
	}
	reg.mu.Lock()
	reg.shut[phase] = true
	open := make([]entry, 0, len(reg.open[phase]))
	for f, seq := range reg.open[phase] {
		open = append(open, entry{f, seq})
	}
	clear(reg.open[phase])
	reg.mu.Unlock()
	slices.SortFunc(open, func(a, b entry) int { return cmp.Compare(a.seq, b.seq) })
	for _, e := range open {
		shutdownOne(r, e.f)
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
