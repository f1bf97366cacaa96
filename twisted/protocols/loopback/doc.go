// Package loopback is twisted.protocols.loopback: it connects a server
// protocol and a client protocol in memory, for testing protocols without
// a network.
//
// LoopbackAsync makes the connection and moves the data each side writes
// to the other side's DataReceived, in rounds (never from inside Write,
// as no real transport re-enters the protocol): the first runs before
// LoopbackAsync returns and rounds repeat while a side wrote something;
// once neither has, the next write schedules a round a reactor turn
// later. This goes on until one side calls LoseConnection; then both sides get ConnectionLost
// with a ConnectionDone failure and the returned Deferred fires with nil.
// LoopbackAsyncOn does the same on a given reactor, or on a
// reactor.Clock, so that a test drives the connection deterministically
// with Advance(0).
package loopback
