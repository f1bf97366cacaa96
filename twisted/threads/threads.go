// Package threads is Twisted's twisted.internet.threads: running blocking
// work on other goroutines and getting its result back on the reactor's
// goroutine as a Deferred (DeferToThread, DeferToThreadPool,
// CallMultipleInThread), and the way back, for code on another goroutine
// that needs the reactor to do something and wait for it
// (BlockingCallFromThread).
//
// Deferreds, and most of Twisted's APIs, belong to the reactor's
// goroutine: a function given to DeferToThread must not touch them, and a
// goroutine of its own hands them work through BlockingCallFromThread or
// the reactor's CallFromThread.
package threads

import (
	"context"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// A ThreadPool runs functions on other goroutines: what DeferToThreadPool
// needs of Twisted's twisted.python.threadpool.ThreadPool. A
// *reactor.Reactor is one (its pool, CallInThread).
type ThreadPool interface {
	CallInThread(f func())
}

// DeferToThreadPool calls f on a goroutine of pool and returns a Deferred
// that fires, on the goroutine of the reactor r, with f's result, or
// fails with its error or panic (Twisted's deferToThreadPool). It is for
// code that keeps its own pool; DeferToThreadPool(r, r, f) runs f on r's
// own pool, as DeferToThread does on the default reactor.
//
// The Deferred fires through r.CallFromThread: if r has stopped by the
// time f returns, it never fires. f must not use Deferreds or the
// reactor's other goroutine-bound APIs (see the package documentation).
func DeferToThreadPool(r reactor.IReactorThreads, pool ThreadPool, f func() (any, error)) *deferred.Deferred {
	d := deferred.New()
	pool.CallInThread(func() {
		done := deferred.Execute(f) // fired here; only its result crosses over
		r.CallFromThread(func() { done.ChainDeferred(d) })
	})
	return d
}

// DeferToThread runs f on a goroutine of the default reactor's pool and
// returns a Deferred that fires with its result or failure on the
// reactor's goroutine (Twisted's deferToThread). For another reactor r,
// use DeferToThreadPool(r, r, f).
func DeferToThread(f func() (any, error)) *deferred.Deferred {
	r := reactor.Default()
	return DeferToThreadPool(r, r, f)
}

// CallMultipleInThread runs the functions fs one after the other on one
// goroutine of the default reactor's pool (Twisted's callMultipleInThread,
// whose (function, args, kwargs) tuples are closures here). For another
// reactor r, call r.CallInThread with a function that calls them.
func CallMultipleInThread(fs []func()) {
	callMultipleInThread(reactor.Default(), fs)
}

func callMultipleInThread(pool ThreadPool, fs []func()) {
	pool.CallInThread(func() {
		for _, f := range fs {
			f()
		}
	})
}

// BlockingCallFromThread runs f on the goroutine of the reactor r and
// waits for its result: if f returns a Deferred, for that Deferred's
// result (Twisted's blockingCallFromThread). It is for a goroutine other
// than the reactor's, one given to CallInThread say. It returns f's
// result, or its failure (a *twisted.Failure: f's error or panic, or the
// failure of its Deferred) as the error.
//
// Where Twisted would wait forever, it returns an error instead: a
// RuntimeError when called on the reactor's own goroutine (which would
// wait for itself), and a ReactorNotRunning error once r has stopped
// (f will not run, or its Deferred will not fire). Before r runs, it waits
// for r to run, as Twisted's does; BlockingCallFromThreadContext bounds
// the wait. A goroutine that drives r through Iterate rather than Run is
// not r's goroutine to this function: called there, it waits for an
// iteration that goroutine can no longer make, as Twisted's does.
func BlockingCallFromThread(r *reactor.Reactor, f func() (any, error)) (any, error) {
	return BlockingCallFromThreadContext(context.Background(), r, f)
}

// BlockingCallFromThreadContext is BlockingCallFromThread with a context:
// if ctx is done first, it returns ctx.Err() at once, and the Deferred f
// returned, if it has not fired, is cancelled on the reactor's goroutine
// (f itself still runs if it had not yet: its result is dropped).
func BlockingCallFromThreadContext(ctx context.Context, r *reactor.Reactor, f func() (any, error)) (any, error) {
	if r.IsInIOThread() {
		return nil, twisted.RuntimeError.New("blockingCallFromThread cannot be called on the reactor's goroutine: it would wait for itself")
	}
	results := make(chan any, 1)
	var d *deferred.Deferred // set and read on the reactor's goroutine
	r.CallFromThread(func() {
		d = deferred.MaybeDeferred(f)
		d.AddBoth(func(result any) (any, error) {
			results <- result
			return nil, nil
		})
	})
	select {
	case result := <-results:
		return outcome(result)
	case <-r.Done():
	case <-ctx.Done():
	}
	// The result may have arrived meanwhile: it wins.
	select {
	case result := <-results:
		return outcome(result)
	default:
	}
	if err := ctx.Err(); err != nil {
		r.CallFromThread(func() {
			if d != nil {
				d.Cancel()
			}
		})
		return nil, err
	}
	return nil, reactor.ReactorNotRunning.New("blockingCallFromThread: the reactor has stopped")
}

func outcome(result any) (any, error) {
	if f, ok := result.(*twisted.Failure); ok {
		return nil, f
	}
	return result, nil
}
