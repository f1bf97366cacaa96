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

// add registers m, unless the reactor has stopped; it reports whether it
// did.
func (n *netState) add(m any) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.closed {
		return false
	}
	switch m := m.(type) {
	case *Port:
		if n.ports == nil {
			n.ports = map[*Port]struct{}{}
		}
		n.ports[m] = struct{}{}
	case *tcpConn:
		if n.conns == nil {
			n.conns = map[*tcpConn]struct{}{}
		}
		n.conns[m] = struct{}{}
	case *Connector:
		if n.connectors == nil {
			n.connectors = map[*Connector]struct{}{}
		}
		n.connectors[m] = struct{}{}
	}
	return true
}

func (n *netState) remove(m any) {
	n.mu.Lock()
	defer n.mu.Unlock()
	switch m := m.(type) {
	case *Port:
		delete(n.ports, m)
	case *tcpConn:
		delete(n.conns, m)
	case *Connector:
		delete(n.connectors, m)
	}
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

// go runs f on a goroutine Run waits for when the reactor stops.
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
