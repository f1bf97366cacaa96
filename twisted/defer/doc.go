// Package deferred is Twisted's twisted.internet.defer: the Deferred, a
// promise of a result that is not there yet, with the chain of callbacks
// that will process it, and the tools built on it (DeferredList,
// GatherResults, Race, InlineCallbacks, DeferredLock, DeferredSemaphore,
// DeferredQueue). The package is named deferred because defer is a Go
// keyword; its import path ends in twisted/defer.
//
// # Callbacks
//
// A Deferred holds a chain of (callback, errback) pairs. When the Deferred
// fires (Callback or Errback), each pair in turn receives the current
// result: the callback when it is a success, the errback when it is a
// *twisted.Failure. What the callback or errback returns becomes the new
// current result:
//
//   - (v, nil) with v an ordinary value: v goes on down the callback path;
//   - (v, nil) with v a *twisted.Failure, or (_, err) with err non-nil:
//     the failure (err wrapped by twisted.NewFailure, which keeps an
//     existing Failure as it is) goes on down the errback path;
//   - a panic: it is recovered and becomes a Failure (twisted.FailureFromPanic),
//     as Python turns a raised exception into one. f.Trap inside an errback
//     therefore passes the same failure on when it does not match;
//   - (d2, nil) with d2 a *Deferred: the chain pauses until d2 has a
//     result, and then goes on with it (d2's own chain is left with None).
//
// The callback and errback types are
//
//	func(result any) (any, error)            // callbacks, AddBoth
//	func(f *twisted.Failure) (any, error)    // errbacks
//
// Python's extra callback arguments (addCallback(f, a, b=c)) port to Go
// closures; see the Deferreds section of PORTING.md.
//
// # Running the chain
//
// The chain runs iteratively, as Twisted's _runCallbacks: a callback that
// returns a Deferred which fires later, or Deferreds chained 100,000
// deep, do not grow the Go stack. A callback added to a Deferred that has
// already fired (and is not paused or waiting) runs at once, inside
// AddCallback.
//
// # Concurrency
//
// As in Twisted, a Deferred belongs to one thread at a time: all calls on a
// Deferred (and on the Deferreds chained to it) must come from one
// goroutine at a time, normally the reactor's; to fire a Deferred from
// another goroutine, hand the call to the reactor (CallFromThread). The
// package-level settings (SetDebugging, SetLogger) are safe from any
// goroutine.
//
// # Unhandled errors
//
// A Deferred whose chain ends on a failure that no errback consumed, and
// that becomes unreachable, is logged as Twisted does when such a Deferred
// is garbage collected: two error records to the package logger
// (SetLogger, slog.Default by default), "Unhandled error in Deferred:" and
// then the failure with its traceback (under the message "", or
// "(debug: ...)" with the stacks SetDebugging or SetDebug recorded). Add a
// final errback, or consume the error, to silence it. The report comes
// from a cleanup (runtime.AddCleanup) on a small record the Deferred points
// to, so it runs on the runtime's cleanup goroutine some time after a
// garbage collection.
//
// Unlike Python's collector, Go's runs no cleanup for an object that its
// own cleanup's argument reaches: a failure whose value refers back to
// its Deferred (an error that holds a request that holds the Deferred,
// say) is never reported, and keeps that Deferred alive. Consume such
// failures explicitly.
package deferred
