// Package reactor is Twisted's event loop (twisted.internet.reactor) and
// its deterministic stand-in for tests (twisted.internet.task.Clock).
//
// A Reactor runs every callback on one goroutine, the one that calls Run:
// calls scheduled with CallLater when they fall due, calls handed over from
// other goroutines with CallFromThread, and the calls registered with
// CallWhenRunning once it starts (see AddSystemEventTrigger for the
// startup and shutdown events and their triggers). Code ported from
// Twisted keeps its single-threaded reasoning: no callback runs at the
// same time as another.
// Blocking work goes to CallInThread, which runs it on a small pool of
// goroutines, as Twisted's thread pool does.
//
// The usual shape of a program, or of a test, is
//
//	r := reactor.New()
//	r.CallWhenRunning(func() {
//		// ... start the work; some callback eventually calls r.Stop()
//	})
//	r.Run()
//
// A Clock schedules the same DelayedCalls against a time that only moves
// when Advance is called, so that code written against IReactorTime can be
// tested without waiting.
//
// Times are float64 seconds, as in Twisted. Seconds on a Reactor is wall
// clock time (seconds since the Unix epoch, like Python's time.time), but it
// is measured with Go's monotonic clock from the reactor's creation, so
// that scheduling is not disturbed when the system clock is set.
//
// # Half-close
//
// A TCP peer can shut down its sending side and go on reading (nc -N,
// shutdown(SHUT_WR)). As in Twisted, a protocol that implements
// protocol.IHalfCloseableProtocol is then told (ReadConnectionLost), and
// what it writes afterwards is all sent, until it calls LoseConnection;
// any other protocol loses its connection with ConnectionDone there,
// dropping what it wrote and was not yet sent. The other way round, a
// connection's transport is a protocol.ITCPTransport, whose
// LoseWriteConnection shuts down our sending side once everything written
// has been sent, then calls WriteConnectionLost. The order of the calls
// and the reasons are Twisted 22.4's (testdata/halfclose.py).
//
// # Differences from Twisted
//
// The observable behaviour is Twisted's, with these deliberate exceptions:
//
//   - Calls due at the same time on a Reactor run in the order they were
//     scheduled (a call moved by Reset or Delay is placed as on a Clock);
//     Twisted's heapq leaves that order unspecified. On a Clock the order
//     is exactly Twisted's, Reset and Delay included.
//   - CallLater, CallFromThread, CallInThread, Stop and the DelayedCall
//     methods are safe from any goroutine; in Twisted only callFromThread
//     is thread-safe.
//   - A DelayedCall lets go of its function once it has run (Twisted only
//     does so on cancel), so String no longer names it.
//   - The pool's goroutines end as soon as there is no work, where
//     Twisted's thread pool keeps its idle threads until the reactor stops.
//   - A system event trigger is identified by its own TriggerID: two
//     triggers of the same function are told apart, where Twisted's
//     handles compare equal and removing one removes the first.
//   - After the first SIGINT or SIGTERM, Run's handlers are removed, so a
//     second signal during a shutdown that waits ends the process; Twisted
//     logs ReactorNotRunning and goes on waiting (see Run).
//   - A producer unregistered while LoseWriteConnection waits for it lets
//     the half-close happen then, as its docstring says; Twisted 22.4
//     waits for another write.
//
// Errors are Python exceptions (*twisted.Error) of the classes Twisted's
// twisted.internet.error declares: AlreadyCalled, AlreadyCancelled,
// ReactorNotRunning, ReactorAlreadyRunning, ReactorNotRestartable.
package reactor
