// Package loopback is twisted.protocols.loopback: it connects a server
// protocol and a client protocol in memory, for testing protocols without
// a network.
//
// LoopbackAsync makes the connection and moves the data each side writes
// to the other side's DataReceived, a reactor turn after it is written
// (never from inside Write, as no real transport re-enters the protocol),
// until one side calls LoseConnection; then both sides get ConnectionLost
// with a ConnectionDone failure and the returned Deferred fires with nil.
// LoopbackAsyncOn does the same on a given reactor, or on a
// reactor.Clock, so that a test drives the connection deterministically
// with Advance(0).
package loopback
