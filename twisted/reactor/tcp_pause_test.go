package reactor

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// toggler pauses and resumes its transport's reading in every way a
// producer chain does: inside DataReceived, from a later call while a
// chunk may be on its way, and several times over before a chunk held
// for ResumeProducing is delivered. It records what it receives.
type toggler struct {
	protocol.Protocol
	r               *Reactor
	got             []byte
	chunks          int
	paused          bool
	dataWhilePaused int
	lost            *twisted.Failure
}

func (p *toggler) tr() protocol.IPushProducer { return p.Transport.(protocol.IPushProducer) }

func (p *toggler) pause() {
	p.paused = true
	p.tr().PauseProducing()
}

func (p *toggler) resume() {
	p.paused = false
	p.tr().ResumeProducing()
}

func (p *toggler) DataReceived(data []byte) {
	if p.paused {
		p.dataWhilePaused++
	}
	p.got = append(p.got, data...)
	p.chunks++
	switch p.chunks % 4 {
	case 0: // paused inside DataReceived, resumed on the next iteration
		p.pause()
		p.r.CallLater(0, p.resume)
	case 1: // paused later, while the next chunk may be on its way
		p.r.CallLater(0, func() {
			p.pause()
			p.r.CallLater(0, func() {
				p.resume()
				p.pause() // again, before a held chunk is delivered
				p.r.CallLater(0, p.resume)
			})
		})
	case 2: // paused and resumed inside DataReceived
		p.pause()
		p.resume()
	}
}

func (p *toggler) ConnectionLost(reason *twisted.Failure) {
	p.lost = reason
	stop(p.r)
}

// TestPauseResumeInterleavings: however the protocol pauses and resumes
// the transport's reading, no data is delivered while it is paused, and
// every byte the peer sent arrives once, in order, before the end of the
// connection; a resume never goes unanswered (the transport reads on
// after each, or the test would never end).
func TestPauseResumeInterleavings(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	server := &toggler{r: r}
	port := listen(t, r, serverFactory(func() protocol.IProtocol { return server }))
	var want bytes.Buffer
	for i := range 200000 {
		fmt.Fprintf(&want, "line %d\n", i)
	}
	raw := dialRaw(t, port.GetHost().Port, 0)
	go func() {
		raw.Write(want.Bytes())
		raw.CloseWrite()
	}()
	run(t, r)
	port.StopListening()
	raw.Close()
	if !bytes.Equal(server.got, want.Bytes()) {
		t.Errorf("received %d bytes in %d chunks, want the %d sent, in order", len(server.got), server.chunks, want.Len())
	}
	if server.dataWhilePaused != 0 {
		t.Errorf("%d chunks delivered while paused", server.dataWhilePaused)
	}
	if server.lost.Check(ConnectionDone) == nil {
		t.Errorf("lost with %v", server.lost)
	}
}
