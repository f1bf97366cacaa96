package reactor

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// closingServer runs then on ConnectionMade and stops the reactor once the
// connection is lost.
type closingServer struct {
	protocol.Protocol
	then func(s *closingServer)
	lost func()
}

func (s *closingServer) ConnectionMade()                 { s.then(s) }
func (s *closingServer) ConnectionLost(*twisted.Failure) { s.lost() }

// xProducer is a pull producer writing "x" each time it is asked, n
// times, then unregistering.
type xProducer struct {
	t     protocol.ITransport
	n     int
	asked int
}

func (p *xProducer) ResumeProducing() {
	p.asked++
	if p.asked > p.n {
		return
	}
	p.t.Write([]byte("x"))
	if p.asked == p.n {
		p.t.(protocol.IConsumer).UnregisterProducer()
	}
}

func (p *xProducer) StopProducing() {}

// serveOnce serves one raw connection with server's behaviour, and
// returns what the peer read until the connection closed.
func serveOnce(t *testing.T, then func(s *closingServer)) string {
	t.Helper()
	r := New()
	server := &closingServer{then: then, lost: func() { stop(r) }}
	port := listen(t, r, serverFactory(func() protocol.IProtocol { return server }))
	got := readAllThenClose(dialRaw(t, port.GetHost().Port, 0))
	run(t, r)
	return string(<-got)
}

// TestLoseConnectionWaitsForProducer: with a pull producer registered,
// LoseConnection closes once the producer is unregistered, after all it
// wrote, as Twisted's doWrite asks the producer for more rather than
// closing.
func TestLoseConnectionWaitsForProducer(t *testing.T) {
	leakcheck.Check(t)
	got := serveOnce(t, func(s *closingServer) {
		s.Transport.(protocol.IConsumer).RegisterProducer(&xProducer{t: s.Transport, n: 5}, false)
		s.Transport.LoseConnection()
	})
	if diff := cmp.Diff("xxxxx", got); diff != "" {
		t.Errorf("the peer read (-want +got):\n%s", diff)
	}
}

// TestWriteAfterLoseConnection: what is written after LoseConnection,
// before the connection closes, is sent, as in Twisted.
func TestWriteAfterLoseConnection(t *testing.T) {
	leakcheck.Check(t)
	got := serveOnce(t, func(s *closingServer) {
		s.Transport.Write([]byte("a"))
		s.Transport.LoseConnection()
		s.Transport.Write([]byte("b"))
		s.Transport.WriteSequence([][]byte{[]byte("c"), []byte("d")})
	})
	if got != "abcd" {
		t.Errorf("the peer read %q, want \"abcd\"", got)
	}
}

// chunkRecorder records the chunks its DataReceived gets.
type chunkRecorder struct {
	protocol.Protocol
	got []string
}

func (c *chunkRecorder) DataReceived(data []byte) { c.got = append(c.got, string(data)) }

// TestPauseHoldsChunkHandedOver: a chunk the reader handed to the reactor
// before a PauseProducing made elsewhere than in DataReceived is not
// delivered while paused, and the reader is not let go on; ResumeProducing
// delivers it from the reactor's next iteration.
func TestPauseHoldsChunkHandedOver(t *testing.T) {
	r := New()
	p := &chunkRecorder{}
	c := &tcpConn{r: r, proto: p, ack: make(chan struct{}, 1), done: make(chan struct{})}
	c.PauseProducing()
	c.dataReceived([]byte("late")) // as the reader's hand-over, queued before the pause, runs
	if len(p.got) != 0 || len(c.ack) != 0 {
		t.Fatalf("while paused: delivered %q, reader let go on: %v", p.got, len(c.ack) != 0)
	}
	c.ResumeProducing()
	if len(p.got) != 0 {
		t.Fatalf("delivered from inside ResumeProducing: %q", p.got)
	}
	r.Iterate(0)
	if !cmp.Equal(p.got, []string{"late"}) || len(c.ack) != 1 {
		t.Fatalf("after ResumeProducing: delivered %q, reader let go on: %v", p.got, len(c.ack) != 0)
	}
}
