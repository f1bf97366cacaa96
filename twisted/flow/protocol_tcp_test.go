package flow_test

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync/atomic"
	"testing"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// listenFlow serves controller on a free port of 127.0.0.1.
func listenFlow(t testing.TB, r *reactor.Reactor, controller any, options ...flow.ProtocolOption) reactor.IListeningPort {
	t.Helper()
	port, err := r.ListenTCP(0, &protocol.ServerFactory{Protocol: flow.MakeProtocolOn(r, controller, options...)}, reactor.Interface("127.0.0.1"))
	if err != nil {
		t.Fatal(err)
	}
	return port
}

// payload is connection i's data: distinct for each connection, so that
// a mix-up between connections shows.
func payload(i, size int) string {
	var b strings.Builder
	for b.Len() < size {
		fmt.Fprintf(&b, "<%d:%d>", i, b.Len())
	}
	return b.String()[:size]
}

// Many connections at once, each echoing through a flow protocol on
// loopback TCP, with flow protocols as clients: every byte comes back, in
// order, on its own connection; no goroutine or descriptor is left.
func TestProtocolManyConnectionsTCP(t *testing.T) {
	leakcheck.Check(t)
	const size = 10000
	r := reactor.New()
	port := listenFlow(t, r, echoServer)

	echoed := make([]string, manyConnections)
	pending, received := manyConnections, 0
	w := newTCPRun(r, port, func() string {
		return fmt.Sprintf("%d of %d clients not ended, %d of %d bytes echoed", pending, manyConnections, received, manyConnections*size)
	})
	const endedAll = "every client's end"
	client := func(i int) func(conn *flow.Protocol) flow.Generator {
		return func(conn *flow.Protocol) flow.Generator {
			return func(yield func(any) bool) error {
				defer func() {
					if pending--; pending == 0 {
						w.stop(endedAll)
					}
				}()
				data := payload(i, size)
				// In pieces of varied sizes, as results and with Write.
				for j, n := 0, 1; j < len(data); j, n = j+n, n*3+1 {
					piece := data[j:min(j+n, len(data))]
					if n%2 == 0 {
						conn.Write(piece)
					} else if !yield(piece) {
						return nil
					}
				}
				var got strings.Builder
				for got.Len() < size {
					if !yield(conn) {
						return nil
					}
					chunk, err := conn.Next()
					if err != nil {
						return err
					}
					got.WriteString(chunk.(string))
					received += len(chunk.(string))
				}
				echoed[i] = got.String()
				return nil
			}
		}
	}
	r.CallWhenRunning(func() {
		for i := range manyConnections {
			r.ConnectTCP("127.0.0.1", port.GetHost().Port, &protocol.ClientFactory{
				Factory: protocol.Factory{Protocol: flow.MakeProtocolOn(r, client(i))},
				OnConnectionFailed: func(_ protocol.IConnector, reason *twisted.Failure) {
					w.stop(fmt.Sprintf("connection %d failing: %s", i, reason.GetErrorMessage()))
				},
			}, 30)
		}
	})
	w.run(t)
	assert.Equal(t, w.ended, endedAll, "%v", w)
	for i, got := range echoed {
		if got != payload(i, size) {
			t.Fatalf("connection %d: got %d bytes back, not its %d; %v", i, len(got), size, w)
		}
	}
}

// resetAfterEcho connects to port, writes "hello", reads the echo, then
// resets the connection (SO_LINGER 0: an RST, not a FIN).
func resetAfterEcho(port int) error {
	c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return err
	}
	if _, err := c.Write([]byte("hello")); err != nil {
		return err
	}
	buf := make([]byte, 5)
	if _, err := c.Read(buf); err != nil {
		return err
	}
	c.(*net.TCPConn).SetLinger(0)
	return c.Close()
}

// A peer that resets the connection mid-stream: the flow reading it
// finishes (FinishOnConnectionLost, the default), or sees the
// ConnectionLost failure; an untrapped failure is logged, a trapped one
// read as its class. Nothing is left behind.
func TestProtocolPeerResetsTCP(t *testing.T) {
	cases := []struct {
		name    string
		options []flow.ProtocolOption
		want    any
		logged  bool
	}{
		{"finishes", nil, twisted.StopIteration, false},
		{"fails", []flow.ProtocolOption{flow.FinishOnConnectionLost(false)}, reactor.ConnectionLost, true},
		{"trapped", []flow.ProtocolOption{flow.FinishOnConnectionLost(false), flow.Trap(reactor.ConnectionLost)}, "trapped", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			leakcheck.Check(t)
			r, log := protoLog()
			var w *tcpRun
			var seen []any
			var last any
			const endedServer = "the server flow's end"
			server := func(conn *flow.Protocol) flow.Generator {
				return func(yield func(any) bool) error {
					defer w.stop(endedServer)
					for yield(conn) {
						data, err := conn.Next()
						if err != nil {
							last = twisted.ClassOf(err)
							return err
						}
						if data == reactor.ConnectionLost {
							last = "trapped"
							return nil
						}
						seen = append(seen, data)
						conn.Write(data)
					}
					return nil
				}
			}
			port := listenFlow(t, r, server, c.options...)
			var peerDone atomic.Bool
			w = newTCPRun(r, port, func() string {
				return fmt.Sprintf("the server flow saw %v, last %v; the peer done %v", seen, last, peerDone.Load())
			})
			peer := make(chan error, 1)
			r.CallWhenRunning(func() {
				r.CallInThread(func() {
					err := resetAfterEcho(port.GetHost().Port)
					peerDone.Store(true)
					if err != nil {
						w.stopFromThread("the peer: " + err.Error())
					}
					peer <- err
				})
			})
			w.run(t)
			assert.NilError(t, <-peer, "%v", w)
			assert.Equal(t, w.ended, endedServer, "%v", w)
			assert.DeepEqual(t, seen, []any{"hello"})
			assert.Equal(t, last, c.want)
			assert.Equal(t, strings.Contains(log.String(), "Unhandled Error"), c.logged, log.String())
			if c.logged {
				assert.Assert(t, is.Contains(log.String(), "ConnectionLost"))
			}
		})
	}
}

// The reactor stopping loses the connections it holds: a flow protocol
// waiting on its connection then finishes, and nothing is left behind.
func TestProtocolReactorStopTCP(t *testing.T) {
	leakcheck.Check(t)
	r := reactor.New()
	var ended []error
	server := func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			for yield(conn) {
				data, err := conn.Next()
				if err != nil {
					ended = append(ended, err)
					return err
				}
				conn.Write(data)
			}
			return nil
		}
	}
	port := listenFlow(t, r, server)
	echoed := false
	w := newTCPRun(r, port, func() string {
		return fmt.Sprintf("the client echoed %v; ended %v", echoed, ended)
	})
	const endedClient = "the client's stop"
	client := func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			if !yield("ping") || !yield(conn) {
				return nil
			}
			if _, err := conn.Next(); err != nil {
				return err
			}
			echoed = true
			w.ended = endedClient
			r.Stop() // with both connections open
			for yield(conn) {
				if _, err := conn.Next(); err != nil {
					ended = append(ended, err)
					return err
				}
			}
			return nil
		}
	}
	r.CallWhenRunning(func() {
		r.ConnectTCP("127.0.0.1", port.GetHost().Port, &protocol.ClientFactory{
			Factory: protocol.Factory{Protocol: flow.MakeProtocolOn(r, client)},
			OnConnectionFailed: func(_ protocol.IConnector, reason *twisted.Failure) {
				w.stop("the client's connection failing: " + reason.GetErrorMessage())
			},
		}, 30)
	})
	w.run(t)
	assert.Equal(t, w.ended, endedClient, "%v", w)
	assert.Equal(t, len(ended), 2)
	for _, err := range ended {
		assert.Assert(t, errors.Is(err, twisted.StopIteration), err)
	}
}

// The benchmark's echo, checked: what the client streams comes back whole.
func TestProtocolEchoStreamTCP(t *testing.T) {
	leakcheck.Check(t)
	r := reactor.New()
	port := listenFlow(t, r, echoServer)
	want := bytes.Repeat([]byte(payload(7, 100000)), 10)
	var read atomic.Int64
	w := newTCPRun(r, port, func() string {
		return fmt.Sprintf("the peer read %d of %d bytes", read.Load(), len(want))
	})
	got := make(chan []byte, 1)
	r.CallWhenRunning(func() {
		r.CallInThread(func() {
			c, err := net.Dial("tcp", port.GetHost().String())
			if err != nil {
				got <- nil
				w.stopFromThread("the peer's dial: " + err.Error())
				return
			}
			defer c.Close()
			go c.Write(want)
			got <- readN(countedConn{c, &read}, len(want))
			w.stopFromThread(endedByPeer)
		})
	})
	w.run(t)
	assert.Equal(t, w.ended, endedByPeer, "%v", w)
	assert.Assert(t, bytes.Equal(<-got, want), "%v", w)
}
