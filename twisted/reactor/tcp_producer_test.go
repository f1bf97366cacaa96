package reactor

import (
	"fmt"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// stallSize is more than loopback's socket buffers hold, with the
// reader's receive buffer cut down: the writer cannot send it all while
// the peer does not read.
const stallSize = 32 << 20

// pushProducer records the calls a transport makes on it.
type pushProducer struct {
	events   []string
	onResume func()
}

func (p *pushProducer) PauseProducing() { p.events = append(p.events, "pause") }
func (p *pushProducer) ResumeProducing() {
	p.events = append(p.events, "resume")
	if p.onResume != nil {
		p.onResume()
	}
}
func (p *pushProducer) StopProducing() { p.events = append(p.events, "stop") }

// stallServer registers a streaming producer and writes stallSize bytes
// at once, to a peer that does not read.
type stallServer struct {
	protocol.Protocol
	producer *pushProducer
}

func (s *stallServer) ConnectionMade() {
	s.Transport.(protocol.IConsumer).RegisterProducer(s.producer, true)
	s.Transport.Write(make([]byte, stallSize))
}

// TestStalledPeer: a peer that does not read never blocks the reactor.
// The server's Write returns at once and, past 64 KiB unsent, pauses the
// registered streaming producer; meanwhile another connection echoes
// through the same reactor. Once the peer reads everything, the producer
// is resumed, as Twisted's doWrite resumes it when its buffer empties.
func TestStalledPeer(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	producer := &pushProducer{}
	stalled := &stallServer{producer: producer}
	accepted := 0
	port := listen(t, r, serverFactory(func() protocol.IProtocol {
		if accepted++; accepted == 1 {
			return stalled
		}
		return &echo{}
	}))
	raw := dialRaw(t, port.GetHost().Port, 4096) // accepted first: dialled before Run

	var whileStalled []string
	drained := make(chan int64, 1)
	producer.onResume = func() {
		stalled.Transport.LoseConnection()
		port.StopListening().AddCallback(func(any) (any, error) {
			stop(r)
			return nil, nil
		})
	}
	draining := false
	client := &sender{payload: []byte("still serving"), done: func(*sender) {
		draining = true
		whileStalled = append(whileStalled, producer.events...)
		go func() { // the peer reads at last
			n, _ := io.Copy(io.Discard, raw)
			raw.Close()
			drained <- n
		}()
	}}
	r.CallWhenRunning(func() {
		r.ConnectTCP("127.0.0.1", port.GetHost().Port, newClientFactory(func() protocol.IProtocol { return client }), 5)
	})
	run(t, r)

	if !draining {
		t.Fatal("the client never ended; the stalled peer never read")
	}
	if n := <-drained; n != stallSize {
		t.Errorf("the stalled peer read %d bytes, want %d", n, stallSize)
	}
	if string(client.got) != "still serving" {
		t.Errorf("the other connection got %q back while the peer stalled", client.got)
	}
	if diff := cmp.Diff([]string{"pause"}, whileStalled); diff != "" {
		t.Errorf("producer events while the peer stalled (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"pause", "resume", "stop"}, producer.events); diff != "" {
		t.Errorf("producer events (-want +got):\n%s", diff)
	}
}

// pullServer registers a pull producer that writes one line each time
// it is asked, lines times, then closes the connection.
type pullServer struct {
	protocol.Protocol
	lines, asked int
	lost         func()
}

func (s *pullServer) ConnectionMade() {
	s.Transport.(protocol.IConsumer).RegisterProducer(s, false)
}

func (s *pullServer) ResumeProducing() {
	s.asked++
	if s.asked > s.lines {
		return
	}
	s.Transport.Write(fmt.Appendf(nil, "line %d\n", s.asked))
	if s.asked == s.lines {
		s.Transport.(protocol.IConsumer).UnregisterProducer()
		s.Transport.LoseConnection()
	}
}

func (s *pullServer) StopProducing() {}

func (s *pullServer) ConnectionLost(*twisted.Failure) { s.lost() }

// TestPullProducer: a pull producer is asked for more each time all it
// wrote has been sent (at once when registered), as Twisted's doWrite
// asks when its buffer empties: whether a write went straight to the
// kernel or through the writer, the producer is asked again.
func TestPullProducer(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	const lines = 200
	server := &pullServer{lines: lines, lost: func() { stop(r) }}
	port := listen(t, r, serverFactory(func() protocol.IProtocol { return server }))
	raw := dialRaw(t, port.GetHost().Port, 0)
	got := readAllThenClose(raw)
	run(t, r)
	port.StopListening()

	var want []byte
	for i := 1; i <= lines; i++ {
		want = fmt.Appendf(want, "line %d\n", i)
	}
	if diff := cmp.Diff(string(want), string(<-got)); diff != "" {
		t.Errorf("the peer read (-want +got):\n%s", diff)
	}
	if server.asked != lines {
		t.Errorf("the producer was asked %d times, want %d", server.asked, lines)
	}
}
