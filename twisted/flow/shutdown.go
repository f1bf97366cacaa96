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
//   - a flow.Deferred's Deferred is cancelled: its generators are closed
//     (their yield returns false, their deferred calls run), its pending
//     wake-ups are cancelled, and the Deferred fails with
//     deferred.CancelledError (Twisted leaves it unfired as the process
//     exits; a Go program goes on after Run);
//   - a flow protocol's flow is closed in the same way, and its
//     connection lost;
//   - a Threaded stage's thread stops before its next item, and the
//     context of an IterableContext source is cancelled.
//
// A Clock has no shutdown: flows run on one are not registered.

// A shutdowner is what a reactor's shutdown ends.
type shutdowner interface{ shutdown() }

// openFlows is the registry of one reactor: what runs on it and must end
// when it shuts down.
type openFlows struct {
	mu   sync.Mutex
	open map[shutdowner]uint64 // in the order registered
	seq  uint64
	shut bool // the reactor has shut down: what starts now ends at once
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
		reg = &openFlows{open: map[shutdowner]uint64{}}
		registries[key] = reg
		runtime.AddCleanup(r, func(key weak.Pointer[reactor.Reactor]) {
			registriesMu.Lock()
			delete(registries, key)
			registriesMu.Unlock()
		}, key)
		hookShutdown(r, reg)
	}
	return reg
}

// register adds f to clock's registry, and returns the registry (nil for
// a clock without one). If the reactor has shut down already, f is not
// added: it is ended at once.
func register(clock any, f shutdowner) *openFlows {
	reg := registryOf(clock)
	if reg == nil {
		return nil
	}
	reg.mu.Lock()
	if reg.shut {
		reg.mu.Unlock()
		f.shutdown()
		return nil
	}
	reg.seq++
	reg.open[f] = reg.seq
	reg.mu.Unlock()
	return reg
}

// remove drops f from the registry; reg may be nil.
func (reg *openFlows) remove(f shutdowner) {
	if reg == nil {
		return
	}
	reg.mu.Lock()
	delete(reg.open, f)
	reg.mu.Unlock()
}

// shutdown ends everything registered, in the order registered, on r's
// goroutine. A panic in one (a Close of the user's) is logged as an
// unhandled error, and the others are still ended.
func (reg *openFlows) shutdown(r *reactor.Reactor) {
	type entry struct {
		f   shutdowner
		seq uint64
	}
	reg.mu.Lock()
	reg.shut = true
	open := make([]entry, 0, len(reg.open))
	for f, seq := range reg.open {
		open = append(open, entry{f, seq})
	}
	clear(reg.open)
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

// hookShutdown makes r's shutdown end what reg holds: a before-shutdown
// trigger, which runs while the reactor still runs and its connections are
// open, before the reactor waits for its threads.
func hookShutdown(r *reactor.Reactor, reg *openFlows) {
	r.AddSystemEventTrigger("before", "shutdown", func() any {
		reg.shutdown(r)
		return nil
	})
}
