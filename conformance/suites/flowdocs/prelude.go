package flowdocs

import (
	"iter"
	"sync"
	"time"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// This file is testdata/prelude.py in Go, and the few Python builtins the
// examples use.

// WATCHDOG is how long a scenario's reactor may run before the watchdog
// stops it.
const WATCHDOG = 5

// prelude returns the scenario's reactor (Python's global one: each
// scenario has its own, since scenarios run in parallel) with the
// prelude's watchdog scheduled on it: it ends a scenario whose
// reactor.run() never returns, as the original's does where a flow
// finishes before the reactor runs (printFlow's reactor.stop() then fails
// with ReactorNotRunning into the Deferred, and nothing stops the
// reactor).
func prelude(t *conformance.T) *reactor.Reactor {
	r := reactor.New()
	watchdog := func() {
		t.Printf("watchdog: the reactor was still running after %d seconds; stopping it", WATCHDOG)
		r.Stop()
	}
	r.CallLater(WATCHDOG, watchdog)
	return r
}

// printFlow is the wrap() docstring's ("save this function, it is used
// everwhere"), on the scenario's reactor.
func printFlow(t *conformance.T, reactor *reactor.Reactor, source any) {
	printer := func(source any) flow.Generator {
		return func(yield func(any) bool) error {
			source := flow.Wrap(source)
			for {
				if !yield(source) {
					return nil
				}
				v, err := source.Next()
				if err != nil {
					return err // StopIteration ends the generator
				}
				t.Print(v)
			}
		}
	}
	d := flow.DeferredOn(reactor, printer(source))
	t.Cleanup(func() {
		// Go only: a flow still suspended when the scenario ends (its
		// reactor stopped by the watchdog) is closed, as Python's garbage
		// collector closes its generator.
		if !d.Called() {
			d.Cancel()
			d.AddErrback(func(*twisted.Failure) (any, error) { return nil, nil })
		}
	})
	d.AddCallback(func(any) (any, error) { return nil, reactor.Stop() })
	if err := reactor.Run(); err != nil { // reactor.run() raises
		// Go only: close the flow left waiting (Python's garbage
		// collector closes its generator), its failure handled.
		d.Cancel()
		d.AddErrback(func(*twisted.Failure) (any, error) { return nil, nil })
		twisted.NewFailure(err).RaiseException()
	}
}

// stopped reports whether err is StopIteration: the end of a Python for
// loop over a stage.
func stopped(err error) bool { return twisted.ClassOf(err) == twisted.StopIteration }

// list is Python's list(x) of a Block: it raises (panics with) the flow's
// failure.
func list(b *flow.BlockStage) []any {
	out, err := b.List()
	if err != nil {
		twisted.NewFailure(err).RaiseException()
	}
	if out == nil {
		out = []any{}
	}
	return out
}

// collect is Python's list() of an iterator.
func collect(it flow.Iterator) []any {
	out := []any{}
	for {
		v, err := it.Next()
		if stopped(err) {
			return out
		}
		if err != nil {
			twisted.NewFailure(err).RaiseException()
		}
		out = append(out, v)
	}
}

// collectSeq is Python's list() of a generator.
func collectSeq(seq iter.Seq[any]) []any {
	out := []any{}
	for v := range seq {
		out = append(out, v)
	}
	return out
}

// pyRange is Python 2's range(n).
func pyRange(n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// named is a Callback with the name attribute the example sets on it
// (a.name = 'a').
type named struct {
	*flow.CallbackStage
	name string
}

// threadLog is the threads examples' log, appended to from the producing
// thread and the reactor (Python's list.append, atomic under the GIL).
type threadLog struct {
	mu    sync.Mutex
	lines []string
}

func (l *threadLog) append(s string) {
	l.mu.Lock()
	l.lines = append(l.lines, s)
	l.mu.Unlock()
}

// appendAfter does do, then appends s, as one step: no line is appended in
// between. It is for an action whose effect another thread logs, where the
// Python's order holds only because that thread cannot see the effect
// before the line: in Go the server sees a closed connection at once (and
// cancels the page), while the Python page goes on until the client's
// line is logged and its Deferred fired. do must not wait for the thread
// that logs the effect (it would wait on this log's lock).
func (l *threadLog) appendAfter(do func(), s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	do()
	l.lines = append(l.lines, s)
}

// startingWith is [l for l in log if l.startswith(prefix)].
func (l *threadLog) startingWith(prefix string) []any {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := []any{}
	for _, s := range l.lines {
		if len(s) >= len(prefix) && s[:len(prefix)] == prefix {
			out = append(out, s)
		}
	}
	return out
}

// sleep is Python's time.sleep, the examples' own blocking pause (in a
// producing thread), not a wait for a condition.
func sleep(seconds float64) { time.Sleep(time.Duration(seconds * float64(time.Second))) }
