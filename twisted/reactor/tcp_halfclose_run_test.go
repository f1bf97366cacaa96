package reactor

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// The harness of the half-close scenarios (tcp_halfclose_scenarios_test.go):
// the Go twin of testdata/halfclose.py. A scenario serves one connection
// with a protocol recording its events to a peer on a plain socket with a
// 4 KiB receive buffer; its events and what its peer read are compared
// with the Python's, in testdata/halfclose.golden.jsonl.

// halfCloseGolden is one line of testdata/halfclose.golden.jsonl.
type halfCloseGolden struct {
	Scenario string   `json:"scenario"`
	Events   []string `json:"events"`
	Peer     []string `json:"peer"`
}

func readHalfCloseGoldens(t *testing.T) []halfCloseGolden {
	t.Helper()
	f, err := os.Open("testdata/halfclose.golden.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []halfCloseGolden
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var g halfCloseGolden
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		out = append(out, g)
	}
	return out
}

// hcAction is something a scenario does when an event comes, on the
// reactor goroutine.
type hcAction func(s *hcRun)

// hcScenario is a scenario: whether its protocol is half-closeable, what
// its peer does, and what the protocol does on each event ("made",
// "data", "readLost", "writeLost", "resume" (of its producer), "quiet").
type hcScenario struct {
	halfCloseable bool
	peer          func(s *hcRun, c *net.TCPConn)
	on            map[string]hcAction
}

// hcRun is a scenario's run. Its fields are the reactor goroutine's but
// for peerLog, the peer's until it ends, and the channels.
type hcRun struct {
	r       *Reactor
	sc      hcScenario
	t       protocol.ITCPTransport
	conn    *tcpConn
	events  []string
	lost    bool
	peerLog []string
	// lostCh is closed when the protocol is lost; signal carries what
	// an action tells the peer.
	lostCh chan struct{}
	signal chan struct{}
}

func (s *hcRun) ev(format string, args ...any) {
	s.events = append(s.events, fmt.Sprintf(format, args...))
}

func (s *hcRun) on(what string) {
	if a := s.sc.on[what]; a != nil {
		a(s)
	}
}

// quiet is the Python's "nothing happens for a while", made
// deterministic: on the reactor's next turn, if nothing has happened
// since (every call already handed to the reactor has run), it records
// "quiet" and runs the scenario's "quiet" action.
func (s *hcRun) quiet() {
	n := len(s.events)
	s.r.CallFromThread(func() {
		if len(s.events) == n && !s.lost {
			s.ev("quiet")
			s.on("quiet")
		}
	})
}

// hcRecorder is the scenarios' protocol that is not half-closeable.
type hcRecorder struct {
	protocol.Protocol
	s *hcRun
}

func (p *hcRecorder) ConnectionMade() {
	p.s.t = p.Transport.(protocol.ITCPTransport)
	p.s.conn = p.Transport.(*tcpConn)
	p.s.on("made")
}

func (p *hcRecorder) DataReceived(data []byte) {
	p.s.ev("data %d", len(data))
	p.s.on("data")
}

func (p *hcRecorder) ConnectionLost(reason *twisted.Failure) {
	p.s.ev("connectionLost %s", reason.Type.Name())
	p.s.lost = true
	close(p.s.lostCh)
}

// hcProtocol is the scenarios' half-closeable protocol.
type hcProtocol struct{ hcRecorder }

var _ protocol.IHalfCloseableProtocol = (*hcProtocol)(nil)

func (p *hcProtocol) ReadConnectionLost() {
	p.s.ev("readConnectionLost")
	p.s.on("readLost")
}

func (p *hcProtocol) WriteConnectionLost() {
	p.s.ev("writeConnectionLost")
	p.s.on("writeLost")
}

// hcProducer is a streaming producer recording its calls.
type hcProducer struct{ s *hcRun }

func (p hcProducer) PauseProducing()  { p.s.ev("pauseProducing") }
func (p hcProducer) ResumeProducing() { p.s.ev("resumeProducing"); p.s.on("resume") }
func (p hcProducer) StopProducing()   { p.s.ev("stopProducing") }

// runHalfClose runs sc on a reactor of its own until its protocol is lost
// and its peer done; it returns the run and what the reactor logged.
func runHalfClose(t *testing.T, sc hcScenario) (*hcRun, string) {
	r := New()
	var log bytes.Buffer
	r.Logger = slog.New(slog.NewTextHandler(&log, nil))
	s := &hcRun{r: r, sc: sc, lostCh: make(chan struct{}), signal: make(chan struct{}, 1)}
	port := listen(t, r, serverFactory(func() protocol.IProtocol {
		if sc.halfCloseable {
			return &hcProtocol{hcRecorder{s: s}}
		}
		return &hcRecorder{s: s}
	}))
	c := dialRaw(t, port.GetHost().Port, 4096)
	// A scenario that never loses its connection fails rather than hangs.
	hung := time.AfterFunc(time.Minute, func() {
		r.CallFromThread(func() {
			s.ev("TIMEOUT")
			if s.conn != nil {
				s.conn.AbortConnection()
			}
		})
	})
	defer hung.Stop()
	go func() {
		sc.peer(s, c)
		c.Close()
		<-s.lostCh
		r.CallFromThread(func() {
			port.StopListening().AddBoth(func(any) (any, error) {
				stop(r)
				return nil, nil
			})
		})
	}()
	run(t, r)
	return s, log.String()
}

// readAll reads c to its end and logs it as the Python's peer does.
func (s *hcRun) readAll(c *net.TCPConn) {
	var n int
	var tail []byte
	buf := make([]byte, 1<<16)
	for {
		k, err := c.Read(buf)
		n += k
		tail = append(tail, buf[:k]...)
		tail = tail[max(0, len(tail)-8):]
		if errors.Is(err, io.EOF) {
			s.peerLog = append(s.peerLog, fmt.Sprintf("read %d ending %s, EOF", n, tail))
			return
		}
		if errors.Is(err, syscall.ECONNRESET) {
			s.peerLog = append(s.peerLog, "error ConnectionResetError")
			return
		}
		if err != nil {
			s.peerLog = append(s.peerLog, "error "+err.Error())
			return
		}
	}
}

// onReactor runs f on the reactor goroutine and waits for it, as the
// Python's in_reactor.
func (s *hcRun) onReactor(f func()) {
	done := make(chan struct{})
	s.r.CallFromThread(func() {
		defer close(done)
		f()
	})
	<-done
}

// resumeOnceHeld resumes the transport's reading, paused by the
// scenario when connected, once the transport holds what the peer sent (a
// chunk, or the end): the Python waits a while instead. It looks again on
// each of the reactor's turns (the connection may not even be made yet);
// if anything else happens meanwhile (a delivery despite the pause), it
// resumes at once, and the events show it.
func (s *hcRun) resumeOnceHeld() {
	var look func()
	look = func() {
		if s.conn == nil || s.conn.held == nil && s.conn.heldEnd == nil && len(s.events) == 1 {
			s.r.CallFromThread(look)
			return
		}
		s.ev("resume")
		s.conn.ResumeProducing()
	}
	s.r.CallFromThread(look)
}
