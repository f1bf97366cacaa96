// Package protocol is twisted.internet.protocol and the interfaces of
// twisted.internet.interfaces that a connection needs: a Protocol reacts
// to the events of one connection (it is made, data arrives, it is lost),
// a transport is the connection it writes to, and a Factory builds a
// Protocol for each connection a port accepts or a connector makes.
//
// Package reactor connects them over TCP (Reactor.ListenTCP, ConnectTCP);
// package protocols/loopback connects two protocols in memory, for tests.
// Every protocol method is called on the reactor goroutine, one at a
// time, as in Twisted.
//
// A protocol that implements IHalfCloseableProtocol is told when its peer
// stops sending, and keeps its connection open for writing; the
// reactor's transports are ITCPTransports, whose LoseWriteConnection
// closes the protocol's own sending half.
//
// Go has no virtual methods on embedded structs, so Twisted's
// makeConnection is split: the IProtocol method MakeConnection only
// attaches the transport, and the function MakeConnection(p, t) — what
// a reactor, a loopback or a test calls — attaches it and then calls
// ConnectionMade, as Twisted's makeConnection does.
package protocol
