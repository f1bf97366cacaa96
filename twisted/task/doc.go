// Package task is Twisted's twisted.internet.task: scheduling utilities
// that stand beside the reactor.
//
//   - LoopingCall calls a function repeatedly, every interval seconds,
//     waiting for the Deferred it returns before scheduling the next call,
//     and skipping the intervals that passed while it was busy
//     (NewLoopingCallWithCount tells the function how many it skipped).
//   - DeferLater calls a function after a delay and returns a Deferred of
//     its result, which can be cancelled.
//   - Cooperator runs many long tasks in small steps: each task is an
//     Iterator, one step per Next, and the Cooperator shares its time
//     slices (10 ms by default) between the tasks, pausing a task while a
//     Deferred it yielded is pending. Cooperate and Coiterate use a
//     process-wide Cooperator on the default reactor.
//   - Clock is the deterministic IReactorTime that tests drive by hand
//     (reactor.Clock under its Twisted name).
//   - React runs a reactor until the Deferred of a main function fires and
//     returns the exit status.
//
// As in Twisted, these types are not safe for concurrent use: a
// LoopingCall, a Cooperator and its tasks belong to the goroutine that
// runs their reactor (or drives their Clock). Other goroutines hand work
// over with the reactor's CallFromThread.
//
// Python raises AssertionError where these APIs are misused (starting a
// LoopingCall twice, stopping one that is not running, a negative
// interval); the Go methods panic there, with the same exception, as
// time.NewTicker panics on a bad interval. Errors that are part of the
// protocol, such as pausing a finished CooperativeTask, are returned.
package task
