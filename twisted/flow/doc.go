// Package flow is Twisted's twisted.flow (Clark Evans, 2003): asynchronous
// data flows using generators.
//
// The basic idea of flow is that whenever you require data from a
// producer, you yield the producer. If the producer is ready, you call its
// Next to fetch the incoming data. Otherwise, the underlying controller
// suspends the operation to try again later.
//
// For example, here is a simple printer which consumes items from its
// source by printing them. To get a new item, it first yields the source
// and then calls Next:
//
//	func printer(source any) flow.Generator {
//		return func(yield func(any) bool) error {
//			src := flow.Wrap(source)
//			for {
//				if !yield(src) {
//					return nil
//				}
//				v, err := src.Next()
//				if err != nil {
//					return err // StopIteration: the source ended
//				}
//				fmt.Println(v)
//			}
//		}
//	}
//
//	someFlowSource := []any{"one", flow.Cooperate(1), "two"}
//	d := flow.Deferred(printer(someFlowSource))
//	d.AddCallback(func(any) (any, error) { return nil, reactor.Default().Stop() })
//	reactor.Default().Run()
//
// Three names of the package appear here:
//
//   - Wrap converts many data sources, such as lists, generators, iterators
//     and Deferreds, into a Stage: a special instruction object. Here a
//     simple list is wrapped.
//   - Deferred is a controller which runs the stage passed to it,
//     aggregating all results into a list which is passed to the Deferred's
//     callback. Here the list is empty, and the callback stops the reactor
//     once the printing has finished.
//   - Cooperate is a special instruction which the controller handles: here
//     the flow pauses for one second between "one" and "two".
//
// # Instructions
//
// Most values of the package are an [Instruction]: either a [CallLater] or a
// [Stage]. A stage wraps some sort of producer, from a simple string to a
// [Callback]. Some stages are built by functions ([Map], [Zip], [Concurrent],
// [Merge], [Filter], [LineBreak], Callback, Threaded); the others (strings,
// lists, iterators, generators, Deferreds) by [Wrap]. Stages can yield other
// stages to build a processing chain, results which are returned to the
// previous stage, or a CallLater instruction which suspends the whole
// operation.
//
// CallLater instructions pass up the call stack to the top level, the
// controller. The controller returns control, but registers itself to be
// called later; once called again, it resumes the top-level stage, which
// resumes the chain. [Cooperate] is the CallLater that simply resumes the
// chain at a later time; Callback, Deferreds and Threaded have their own,
// which resume the flow once they have something.
//
// # Generators
//
// A Python generator ports to a [Generator], a range-over-func function
// driven with iter.Pull: `yield x` becomes `if !yield(x) { return nil }`,
// a raise becomes returning an error, and the end of a source
// (StopIteration from Next) is returned as it is, ending the generator
// cleanly as Python 2 does. The twisted.flow section of PORTING.md shows
// each Python form beside its Go one. [BlockStage.All] runs simple chains
// (Map, Filter and LineBreak over a generator, an iterator or a list)
// without iter.Pull, and [Deferred] and a flow [Protocol] run them on
// one coroutine, which switches to the reactor only when the flow
// suspends; a Protocol's chain can start from its own connection.
//
// Each folds the explicit protocol (yield the stage, call Next, end at
// StopIteration) into a range loop, with the same calls in the same
// order; the printer above is
//
//	func printer(source any) flow.Generator {
//		return func(yield func(any) bool) error {
//			for v, err := range flow.Each(yield, source) {
//				if err != nil {
//					return err
//				}
//				fmt.Println(v)
//			}
//			return nil
//		}
//	}
//
// # Typed values
//
// [Typed] reads a flow's values as a Go type, without type assertions: a
// value of another type is a TypeError naming both types in Python's
// terms. Typed[T](flow.Block(src).All()) ranges over a [Block],
// EachOf[T](yield, src) is Each inside a generator, and ResultsOf[T]
// types the results a flow.Deferred fires with.
//
// Typed stages carry T from end to end: Values(seq) is a source over an
// iter.Seq[T], [MapOf] and [FilterOf] the typed Map and Filter. Ranged over
// with their own All they run as Go iterators, no value boxed (several
// times faster than Block over the same Map and Filter); used as a Stage
// anywhere else they are those Map and Filter stages.
//
//	odd := func(i int) (bool, error) { return i%2 != 0, nil }
//	plus := func(i int) (int, error) { return i + 1, nil }
//	for v, err := range flow.FilterOf(odd, flow.MapOf(plus, flow.Values(seq))).All() {
//		...
//	}
//
// # Channels and readers
//
// A receive channel (chan T or <-chan T, any T) gives its values as they
// arrive, and ends when it is closed; the flow takes a value off the
// channel only when it asks for one, so a value it does not ask for stays
// in the channel for another receiver. A nil channel is Python's None:
// Wrap fails with ValueError. Closing the flow leaves the channel open: it
// is its sender's.
//
// An io.Reader gives its lines, as Python's iteration of a file: each
// line with its "\n", the last one without if the data does not end with
// one. An error from Read after part of a line gives that part as a line,
// then the error as the stage's failure (io.EOF is the end). A panic in
// Read is the stage's failure. Wrap's trap classes apply: a failure of
// one of them is a value. A line is held whole until its newline, as
// Python's file iteration holds it: a reader that never sends one grows
// it without bound.
//
// Under Block, the flow waits for them in Block's goroutine ([BlockContext]'s
// context ends the wait). Under flow.Deferred (or another controller on a
// [*reactor.Reactor]) the reactor is never blocked: what is there already
// (values in the channel's buffer, lines in the reader's) is taken at
// once, and for the rest the stage has one goroutine of its own (not one
// per value, and not one of the reactor's thread pool, which it would hold
// for as long as it waits), which waits for one value at a time and hands
// it to the reactor's goroutine. Under a controller without goroutines (a
// [*reactor.Clock]), a wait fails the flow with RuntimeError. Block waits
// for one source at a time: a channel or reader among the branches of a
// Merge or Concurrent fails the flow with [Unsupported] there, as a Callback
// does.
//
// The stage is closed with its flow (it ends, fails or is cancelled) and
// by its reactor's shutdown: the wait on a channel ends at once, and an
// io.Reader that is also an io.Closer is closed, which ends a Read under
// way for a pipe, a connection or a file the runtime polls. A Read that
// cannot be interrupted (a reader that is no io.Closer, or whose Close
// does not end a Read) keeps the stage's goroutine until it returns; what
// it returns is then dropped.
//
// # Controllers
//
// Block runs a flow in the calling goroutine, sleeping through Cooperate;
// Deferred (and [DeferredOn]) runs it on a reactor and fires a Deferred
// with its results. A controller closes its flow when it ends: suspended
// generators return (their deferred calls run) and threads stop. The
// controllers share one scheduler of wake-ups, which serves Cooperate on
// the controller's own reactor, binds a Threaded stage made without one to
// it, and registers the flow with a *reactor.Reactor, whose shutdown
// (Stop) ends it: a flow.Deferred is cancelled (its Deferred fails with
// [deferred.CancelledError]), a flow protocol closed after its connection
// is lost, a Threaded thread stopped.
//
// # Web pages
//
// Pages written as flows (twisted.flow.web's Resource) are in package
// github.com/twistedflow/twistedflow/twisted/flow/web, as Twisted's
// flow.py leaves web.py out: a flow that serves no page does not import
// net/http.
//
// # Database queries
//
// QueryIterator (twisted.flow.threads's) is in package
// github.com/twistedflow/twistedflow/twisted/flow/threads, beside a
// Threaded of that module's name, as Twisted's flow.py leaves threads.py
// out: a flow that reads no database does not import database/sql.
// [Threaded] itself is here, as every controller waits on it.
//
// # Concurrency
//
// A flow belongs to one goroutine: the one running Block, or the reactor's
// for Deferred. Callback's producer methods must be called from there;
// Threaded is the way in from other goroutines.
package flow
