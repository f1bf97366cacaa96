package flow_test

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"strings"
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
	pending := manyConnections
	client := func(i int) func(conn *flow.Protocol) flow.Generator {
		return func(conn *flow.Protocol) flow.Generator {
			return func(yield func(any) bool) error {
				defer func() {
					if pending--; pending == 0 {
						port.StopListening().AddBoth(func(any) (any, error) { return nil, r.Stop() })
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
			}, 30)
		}
	})
	assert.NilError(t, r.Run())
	for i, got := range echoed {
		if got != payload(i, size) {
			t.Fatalf("connection %d: got %d bytes back, not its %d", i, len(got), size)
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
			var port reactor.IListeningPort
			var seen []any
			var last any
			server := func(conn *flow.Protocol) flow.Generator {
				return func(yield func(any) bool) error {
					defer port.StopListening().AddBoth(func(any) (any, error) { return nil, r.Stop() })
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
			port = listenFlow(t, r, server, c.options...)
			peer := make(chan error, 1)
			r.CallWhenRunning(func() {
				r.CallInThread(func() { peer <- resetAfterEcho(port.GetHost().Port) })
			})
			assert.NilError(t, r.Run())
			assert.NilError(t, <-peer)
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
	client := func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			if !yield("ping") || !yield(conn) {
				return nil
			}
			if _, err := conn.Next(); err != nil {
				return err
			}
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
		}, 30)
	})
	assert.NilError(t, r.Run())
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
	got := make(chan []byte, 1)
	r.CallWhenRunning(func() {
		r.CallInThread(func() {
			defer r.CallFromThread(func() {
				port.StopListening().AddBoth(func(any) (any, error) { return nil, r.Stop() })
			})
			c, err := net.Dial("tcp", port.GetHost().String())
			if err != nil {
				got <- nil
				return
			}
			defer c.Close()
			go c.Write(want)
			buf := make([]byte, len(want))
			n := 0
			for n < len(buf) {
				m, err := c.Read(buf[n:])
				if err != nil {
					break
				}
				n += m
			}
			got <- buf[:n]
		})
	})
	assert.NilError(t, r.Run())
	assert.Assert(t, bytes.Equal(<-got, want))
}
