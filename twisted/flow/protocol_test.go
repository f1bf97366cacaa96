package flow_test

import (
	"bytes"
	"errors"
	"log/slog"
	"net"
	"strings"
	"testing"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// protoTransport is an in-memory transport: it records what is written
// and whether the connection was closed. With a peer, Write delivers to
// it at once, inside the call (a transport harsher than Twisted's, which
// never calls a protocol back from inside a write).
type protoTransport struct {
	written []string
	seqs    int // WriteSequence calls
	lost    bool
	peer    protocol.IProtocol
}

func (t *protoTransport) Write(data []byte) {
	t.written = append(t.written, string(data))
	if t.peer != nil {
		t.peer.DataReceived(bytes.Clone(data))
	}
}

func (t *protoTransport) WriteSequence(data [][]byte) {
	t.seqs++
	for _, d := range data {
		t.Write(d)
	}
}

func (t *protoTransport) LoseConnection()   { t.lost = true }
func (t *protoTransport) AbortConnection()  { t.lost = true }
func (t *protoTransport) GetPeer() net.Addr { return nil }
func (t *protoTransport) GetHost() net.Addr { return nil }

// connect makes p's connection on a new protoTransport.
func connect(p protocol.IProtocol) *protoTransport {
	tr := &protoTransport{}
	protocol.MakeConnection(p, tr)
	return tr
}

// protoLog captures what a reactor logs.
func protoLog() (*reactor.Reactor, *bytes.Buffer) {
	var buf bytes.Buffer
	r := reactor.New()
	r.Logger = slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey || a.Key == "traceback" {
				return slog.Attr{}
			}
			return a
		},
	}))
	return r, &buf
}

// echoServer is the docstring's echo server:
//
//	def echoServer(conn):
//	    yield conn
//	    for data in conn:
//	        conn.write(data)
//	        yield conn
func echoServer(conn *flow.Protocol) flow.Generator {
	return func(yield func(any) bool) error {
		if !yield(conn) {
			return nil
		}
		for {
			data, err := conn.Next()
			if err != nil {
				return err
			}
			conn.Write(data)
			if !yield(conn) {
				return nil
			}
		}
	}
}

func TestProtocolEcho(t *testing.T) {
	server := flow.MakeProtocol(echoServer)()
	tr := connect(server)
	assert.Assert(t, is.Len(tr.written, 0))
	server.DataReceived([]byte("hello, "))
	server.DataReceived([]byte("world"))
	assert.DeepEqual(t, tr.written, []string{"hello, ", "world"})
	assert.Assert(t, !tr.lost)
	server.ConnectionLost(reactor.ConnectionDoneFailure())
	// The flow ended with the connection: nothing more to close.
	assert.Assert(t, !tr.lost)
}

// The data is read in the chunks it arrived in, as strings; data that
// arrives before the controller reads is kept for it.
func TestProtocolReadsChunksAsStrings(t *testing.T) {
	var got []any
	var readErr error
	reader := func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			if !yield(flow.Cooperate(1)) { // not reading yet
				return nil
			}
			if !yield(conn) {
				return nil
			}
			for {
				data, err := conn.Next()
				if err != nil {
					readErr = err
					return err
				}
				got = append(got, data)
				if !yield(conn) {
					return nil
				}
			}
		}
	}
	clock := reactor.NewClock()
	p := flow.MakeProtocolOn(clock, reader)()
	tr := connect(p)
	p.DataReceived([]byte("a"))
	p.DataReceived([]byte("bc"))
	assert.Assert(t, is.Len(got, 0))
	clock.Advance(1)
	assert.DeepEqual(t, got, []any{"a", "bc"})
	p.DataReceived([]byte("d"))
	assert.DeepEqual(t, got, []any{"a", "bc", "d"})
	p.ConnectionLost(reactor.ConnectionDoneFailure())
	assert.Assert(t, errors.Is(readErr, twisted.StopIteration))
	assert.Assert(t, is.Len(clock.GetDelayedCalls(), 0))
	assert.Assert(t, !tr.lost)
}

// The results the flow yields are written, each batch in one
// WriteSequence; the end of the flow closes the connection.
func TestProtocolWritesResultsAndCloses(t *testing.T) {
	client := func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			_ = yield("testing") && yield([]byte(" bytes")) && yield(conn)
			return nil
		}
	}
	p := flow.MakeProtocol(client)()
	tr := connect(p)
	assert.DeepEqual(t, tr.written, []string{"testing", " bytes"})
	assert.Equal(t, tr.seqs, 2)
	assert.Assert(t, !tr.lost)
	p.DataReceived([]byte("reply"))
	assert.Assert(t, tr.lost)
}

// A failure of the flow closes the connection and is logged as an
// unhandled error on the protocol's reactor.
func TestProtocolFailureClosesAndLogs(t *testing.T) {
	r, log := protoLog()
	closed := false
	bad := func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			defer func() { closed = true }()
			if !yield(conn) {
				return nil
			}
			data, err := conn.Next()
			if err != nil {
				return err
			}
			return twisted.ValueError.New("bad data: " + data.(string))
		}
	}
	p := flow.MakeProtocolOn(r, bad)()
	tr := connect(p)
	p.DataReceived([]byte("x"))
	assert.Assert(t, tr.lost)
	assert.Assert(t, closed)
	assert.Assert(t, is.Contains(log.String(), `msg="Unhandled Error"`))
	assert.Assert(t, is.Contains(log.String(), "bad data: x"))
	assert.Equal(t, strings.Count(log.String(), "Unhandled Error"), 1)
	// The connection lost afterwards changes nothing.
	p.ConnectionLost(reactor.ConnectionDoneFailure())
	assert.Equal(t, strings.Count(log.String(), "Unhandled Error"), 1)
}

func TestProtocolControllerPanics(t *testing.T) {
	r, log := protoLog()
	p := flow.MakeProtocolOn(r, func(conn *flow.Protocol) flow.Generator {
		panic(twisted.KeyError.New("boom"))
	})()
	tr := connect(p)
	assert.Assert(t, tr.lost)
	assert.Assert(t, is.Contains(log.String(), "KeyError"))
}

// flow.Protocol() without a controller: NotImplementedError.
func TestNewProtocolWithoutController(t *testing.T) {
	r, log := protoLog()
	p := flow.NewProtocol()
	p.Reactor = r
	tr := connect(p)
	assert.Assert(t, tr.lost)
	assert.Assert(t, is.Contains(log.String(), "NotImplementedError"))
}

func TestProtocolBadController(t *testing.T) {
	r, log := protoLog()
	p := flow.NewProtocol()
	p.Reactor = r
	p.Controller = func() flow.Generator { return nil }
	tr := connect(p)
	assert.Assert(t, tr.lost)
	assert.Assert(t, is.Contains(log.String(), "TypeError"))
}

// Write takes a string or a []byte; anything else fails the flow with a
// TypeError, as do results that are neither.
func TestProtocolWriteTypes(t *testing.T) {
	for name, bad := range map[string]func(conn *flow.Protocol) flow.Generator{
		"Write": func(conn *flow.Protocol) flow.Generator {
			return func(yield func(any) bool) error {
				conn.Write("ok")
				conn.Write([]byte("ok"))
				conn.Write(5)
				return nil
			}
		},
		"result": func(conn *flow.Protocol) flow.Generator {
			return func(yield func(any) bool) error {
				_ = yield("ok") && yield(5)
				return nil
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			r, log := protoLog()
			tr := connect(flow.MakeProtocolOn(r, bad)())
			assert.Assert(t, tr.lost)
			assert.Equal(t, tr.written[0], "ok")
			assert.Assert(t, is.Contains(log.String(), "TypeError"))
			assert.Assert(t, is.Contains(log.String(), "not int"))
		})
	}
}

// connectionLost: ConnectionDone finishes the stage; ConnectionLost
// finishes it if FinishOnConnectionLost, else fails it; any other reason
// fails it; a trapped class is a result.
func TestProtocolConnectionLost(t *testing.T) {
	lostFailure := func() *twisted.Failure { return reactor.ConnectionLostFailure(nil) }
	aborted := func() *twisted.Failure { return twisted.NewFailure(reactor.ConnectionAborted.New()) }
	other := func() *twisted.Failure { return twisted.NewFailure(twisted.ValueError.New("x")) }
	cases := []struct {
		name    string
		options []flow.ProtocolOption
		reason  func() *twisted.Failure
		want    any // the last value read: StopIteration, a class, or the failure's class
	}{
		{"done", nil, reactor.ConnectionDoneFailure, twisted.StopIteration},
		{"done, not finishing on lost", []flow.ProtocolOption{flow.FinishOnConnectionLost(false)}, reactor.ConnectionDoneFailure, twisted.StopIteration},
		{"lost", nil, lostFailure, twisted.StopIteration},
		{"aborted", nil, aborted, twisted.StopIteration},
		{"lost, not finishing", []flow.ProtocolOption{flow.FinishOnConnectionLost(false)}, lostFailure, reactor.ConnectionLost},
		{"aborted, not finishing", []flow.ProtocolOption{flow.FinishOnConnectionLost(false)}, aborted, reactor.ConnectionAborted},
		{"other", nil, other, twisted.ValueError},
		{"lost, trapped", []flow.ProtocolOption{flow.FinishOnConnectionLost(false), flow.Trap(reactor.ConnectionLost)}, lostFailure, "trapped"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, log := protoLog()
			var last any
			reader := func(conn *flow.Protocol) flow.Generator {
				return func(yield func(any) bool) error {
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
					}
					return nil
				}
			}
			p := flow.MakeProtocolOn(r, reader, c.options...)()
			connect(p)
			p.DataReceived([]byte("data"))
			p.ConnectionLost(c.reason())
			assert.Equal(t, last, c.want)
			failed := last != twisted.StopIteration && last != "trapped"
			assert.Equal(t, strings.Contains(log.String(), "Unhandled Error"), failed, log.String())
		})
	}
}

// Cooperate pauses the flow on the protocol's reactor; the end of the
// flow cancels a pending pause.
func TestProtocolCooperate(t *testing.T) {
	clock := reactor.NewClock()
	ticker := func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			for i := 0; i < 6; i++ {
				if !yield(string(rune('a'+i))) || !yield(flow.Cooperate(1)) {
					return nil
				}
			}
			return nil
		}
	}
	p := flow.MakeProtocolOn(clock, ticker)()
	tr := connect(p)
	assert.DeepEqual(t, tr.written, []string{"a"})
	clock.Advance(1)
	clock.Advance(1)
	assert.DeepEqual(t, tr.written, []string{"a", "b", "c"})
	assert.Assert(t, is.Len(clock.GetDelayedCalls(), 1))
	// The ticker never reads the connection: losing it resumes the flow
	// (as the original's connectionLost does), which goes on ticking.
	p.ConnectionLost(reactor.ConnectionDoneFailure())
	assert.DeepEqual(t, tr.written, []string{"a", "b", "c", "d"})
	assert.Assert(t, is.Len(clock.GetDelayedCalls(), 2))
	clock.Advance(1) // both pending pauses resume it
	assert.DeepEqual(t, tr.written, []string{"a", "b", "c", "d", "e", "f"})
	clock.Advance(1) // the ticker ends: the pending pause is cancelled
	assert.Assert(t, is.Len(clock.GetDelayedCalls(), 0))
	assert.Assert(t, !tr.lost) // already lost
}

// A controller written as an iterator type (Python's echoServer class of
// test_flow.py) is called through reflection.
type echoIter struct {
	conn  *flow.Protocol
	state int
}

func newEchoIter(conn *flow.Protocol) *echoIter { return &echoIter{conn: conn} }

func (e *echoIter) Next() (any, error) {
	e.state ^= 1
	if e.state == 1 {
		return e.conn, nil
	}
	return e.conn.Next()
}

func TestProtocolIteratorController(t *testing.T) {
	p := flow.NewProtocol()
	p.Controller = newEchoIter
	tr := connect(p)
	p.DataReceived([]byte("one"))
	p.DataReceived([]byte("two"))
	assert.DeepEqual(t, tr.written, []string{"one", "two"})
	p.ConnectionLost(reactor.ConnectionDoneFailure())
}

// Two flow protocols on transports that deliver at once, inside the
// write: the flows wake each other from inside themselves, and the
// exchange still completes.
func TestProtocolSynchronousTransport(t *testing.T) {
	var heard []any
	client := exchangeClient(&heard)
	server := flow.MakeProtocol(echoServer)()
	c := flow.MakeProtocol(client)()
	st, ct := connectSynchronously(server, c)
	assert.DeepEqual(t, heard, []any{"one", "two", "three"})
	assert.Assert(t, ct.lost)
	assert.Assert(t, !st.lost)
	server.ConnectionLost(reactor.ConnectionDoneFailure())
	c.ConnectionLost(reactor.ConnectionDoneFailure())
}

// A flow yielding an instruction that is not a CallLater fails with
// Unsupported.
func TestProtocolUnsupported(t *testing.T) {
	r, log := protoLog()
	type odd struct{ flow.BaseInstruction }
	p := flow.MakeProtocolOn(r, func(conn *flow.Protocol) any {
		return []any{"x", odd{}}
	})()
	tr := connect(p)
	assert.Assert(t, tr.lost)
	assert.Assert(t, is.Contains(log.String(), "Unsupported"))
}

// As in the original, the end of the flow is handled before its results:
// a list controller, whose stage ends with its results, writes nothing.
func TestProtocolListControllerWritesNothing(t *testing.T) {
	p := flow.MakeProtocol(func(conn *flow.Protocol) any { return []any{"never", "written"} })()
	tr := connect(p)
	assert.Assert(t, is.Len(tr.written, 0))
	assert.Assert(t, tr.lost)
}

// A panic out of the flow after a wake-up (a stage of the user's own
// whose Yield panics) fails it as a failure does: the connection is
// closed, the generator closed, the panic logged, rather than escaping
// into the reactor and leaving the connection open.
func TestProtocolStagePanics(t *testing.T) {
	r, log := protoLog()
	closed := false
	p := flow.MakeProtocolOn(r, func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			defer func() { closed = true }()
			yield(&panicky{}) // Cooperate(0), then a panic
			return nil
		}
	})()
	tr := connect(p)
	assert.Assert(t, !tr.lost)
	for i := 0; i < 100 && !tr.lost; i++ {
		r.Iterate(0)
	}
	assert.Assert(t, tr.lost)
	assert.Assert(t, closed)
	assert.Assert(t, is.Contains(log.String(), "KeyError"))
	assert.Equal(t, strings.Count(log.String(), "Unhandled Error"), 1)
}

// exchangeClient is a client flow that writes "one", "two" and "three",
// each after the answer to the one before, appending the answers to
// *heard.
func exchangeClient(heard *[]any) func(*flow.Protocol) flow.Generator {
	return func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			for _, w := range []string{"one", "two", "three"} {
				conn.Write(w)
				if !yield(conn) {
					return nil
				}
				data, err := conn.Next()
				if err != nil {
					return err
				}
				*heard = append(*heard, data)
			}
			return nil
		}
	}
}

// connectSynchronously connects server and client on two protoTransports
// that deliver each write to the other side at once, inside the write,
// and returns the server's transport and the client's.
func connectSynchronously(server, client protocol.IProtocol) (st, ct *protoTransport) {
	st, ct = &protoTransport{}, &protoTransport{}
	protocol.MakeConnection(server, st)
	st.peer = client
	ct.peer = server
	protocol.MakeConnection(client, ct)
	return st, ct
}
