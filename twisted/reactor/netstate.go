package reactor

import (
	"net"
	"sync"
)

// netState is what the reactor knows of its network activity: the ports,
// connections and connection attempts to tear down when it stops, and the
// goroutines serving them, which Run waits for.
type netState struct {
	mu         sync.Mutex
	ports      map[*Port]struct{}
	conns      map[*tcpConn]struct{}
	connectors map[*Connector]struct{}
	held       map[net.Conn]struct{} // on their way to the reactor goroutine
	wg         sync.WaitGroup
	closed     bool // the reactor has stopped: no new port, connection or attempt
}

// trackPort adds p to the ports to stop when the reactor stops (add
// true), unless the reactor has stopped already, or removes it (add
// false); it reports whether p is now tracked as asked. As net/http's
// Server.trackListener and trackConn, one typed method per kind.
func (n *netState) trackPort(p *Port, add bool) bool { return track(n, &n.ports, p, add) }

// trackConn is trackPort for a connection, lost when the reactor stops.
func (n *netState) trackConn(c *tcpConn, add bool) bool { return track(n, &n.conns, c, add) }

// trackConnector is trackPort for a connection attempt, failed when the
// reactor stops.
func (n *netState) trackConnector(c *Connector, add bool) bool {
	return track(n, &n.connectors, c, add)
}

// track adds m to the set (making it if need be) unless the reactor has
// stopped, or removes it from the set; it reports false only for an add
// refused because the reactor has stopped.
func track[T comparable](n *netState, set *map[T]struct{}, m T, add bool) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	if !add {
		delete(*set, m)
		return true
	}
	if n.closed {
		return false
	}
	if *set == nil {
		*set = map[T]struct{}{}
	}
	(*set)[m] = struct{}{}
	return true
}

// hold keeps c, accepted or dialled on a goroutine, until the reactor
// goroutine releases it, so that a reactor stopping before it does still
// closes it. It reports false, and c must be closed, if the reactor has
// stopped.
func (n *netState) hold(c net.Conn) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.closed {
		return false
	}
	if n.held == nil {
		n.held = map[net.Conn]struct{}{}
	}
	n.held[c] = struct{}{}
	return true
}

// release takes c over from hold, on the reactor goroutine; it reports
// false if c was closed meanwhile.
func (n *netState) release(c net.Conn) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	_, ok := n.held[c]
	delete(n.held, c)
	return ok
}

// goroutine runs f on a goroutine of its own, which the reactor's
// shutdown (disconnectAll) waits for.
func (n *netState) goroutine(f func()) {
	n.wg.Add(1)
	go func() {
		defer n.wg.Done()
		f()
	}()
}

// disconnectAll is the reactor's shutdown of its network, run on the
// reactor goroutine once the loop has stopped (Twisted's disconnectAll,
// a "during shutdown" trigger): each connection is lost with a
// ConnectionLost failure, each attempt to connect fails, each port stops
// listening; then it waits for their goroutines to end, so that a
// stopped reactor leaves neither goroutines nor file descriptors.
func (r *Reactor) disconnectAll() {
	n := &r.net
	for {
		n.mu.Lock()
		var conns []*tcpConn
		for c := range n.conns {
			conns = append(conns, c)
		}
		var connectors []*Connector
		for c := range n.connectors {
			connectors = append(connectors, c)
		}
		var ports []*Port
		for p := range n.ports {
			ports = append(ports, p)
		}
		empty := len(conns)+len(connectors)+len(ports) == 0
		n.closed = true
		n.mu.Unlock()
		if empty {
			break
		}
		for _, c := range conns {
			c.connectionLost(ConnectionLostFailure(nil))
		}
		for _, c := range connectors {
			c.shutdown()
		}
		for _, p := range ports {
			p.shutdown()
		}
	}
	r.net.wg.Wait()
	// Connections accepted or dialled whose hand-over never ran.
	n.mu.Lock()
	defer n.mu.Unlock()
	for c := range n.held {
		c.Close()
	}
	n.held = nil
}
