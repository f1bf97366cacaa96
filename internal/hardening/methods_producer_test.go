package hardening

import (
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// panickyProducer is a producer whose method panicIn panics, from its
// panicFrom-th call on (the first is 1); its ResumeProducing writes a
// byte to consumer.
type panickyProducer struct {
	panicIn   string
	panicFrom int
	calls     int
	consumer  protocol.ITransport
}

func (p *panickyProducer) call(m string) {
	if p.panicIn != m {
		return
	}
	if p.calls++; p.calls >= p.panicFrom {
		panic(boom)
	}
}

func (p *panickyProducer) PauseProducing() { p.call("PauseProducing") }

func (p *panickyProducer) ResumeProducing() {
	p.call("ResumeProducing")
	p.consumer.Write([]byte("x"))
}

func (p *panickyProducer) StopProducing() { p.call("StopProducing") }

// producerProto registers producer with its transport once connected,
// then writes write bytes and closes wrote; its ConnectionLost reason goes to lost.
type producerProto struct {
	protocol.Protocol
	producer  *panickyProducer
	streaming bool
	write     int
	wrote     chan struct{}
	lost      chan *twisted.Failure
}

func (p *producerProto) ConnectionMade() {
	p.producer.consumer = p.Transport
	p.Transport.(protocol.IConsumer).RegisterProducer(p.producer, p.streaming)
	chunk := make([]byte, 4<<10)
	for range p.write / len(chunk) {
		p.Transport.Write(chunk)
	}
	close(p.wrote)
}

func (p *producerProto) ConnectionLost(reason *twisted.Failure) {
	p.Protocol.ConnectionLost(reason)
	p.lost <- reason
}

// produceOverTCP serves one producerProto on a real reactor; a client
// connects, waits until the protocol has written (so that what it wrote
// beyond the kernel's buffers waits in the transport's), half-closes if
// closeWrite, and reads to the end. It returns
// the protocol's ConnectionLost reason and what the reactor logged.
func produceOverTCP(t *testing.T, proto *producerProto, closeWrite bool) (*twisted.Failure, string) {
	log := &lockedLog{}
	r := reactor.New()
	r.Logger = newTextLogger(log)
	proto.lost, proto.wrote = make(chan *twisted.Failure, 1), make(chan struct{})
	factory := &protocol.ServerFactory{Protocol: func() protocol.IProtocol { return proto }}
	port, err := r.ListenTCP(0, factory, reactor.Interface("127.0.0.1"))
	assert.NilError(t, err)
	ran := make(chan error, 1)
	go func() { ran <- r.Run() }()
	defer func() {
		r.CallFromThread(func() { _ = r.Stop() })
		assert.NilError(t, <-ran)
	}()
	c, err := net.Dial("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port.GetHost().Port)))
	assert.NilError(t, err)
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(10 * time.Second)) // a hang fails, not waits forever
	select {
	case <-proto.wrote:
	case <-time.After(10 * time.Second):
		t.Fatal("the protocol never wrote")
	}
	if closeWrite {
		_ = c.(*net.TCPConn).CloseWrite()
	}
	_, err = io.Copy(io.Discard, c)
	assert.Assert(t, err == nil || !strings.Contains(err.Error(), "timeout"), "the connection was left open: %v", err)
	select {
	case reason := <-proto.lost:
		return reason, log.String()
	case <-time.After(10 * time.Second):
		t.Fatal("the protocol's ConnectionLost was never called")
		return nil, ""
	}
}

func init() {
	// Twisted's transport.write calls pauseProducing once its buffer is
	// full; the exception leaves write, here called from connectionMade,
	// so the reactor logs it and drops the connection. The Go transport's
	// Write does not panic (its callers are many, and some the library's):
	// it logs the panic and loses the connection with it, the end Twisted
	// comes to when write is called from a protocol's method.
	userMethodRows["protocol.IPushProducer.PauseProducing"] = func(t *testing.T) {
		reason, log := produceOverTCP(t, &producerProto{
			producer:  &panickyProducer{panicIn: "PauseProducing", panicFrom: 1},
			streaming: true, write: 16 << 20,
		}, false)
		assertBoom(t, reason)
		assert.Assert(t, is.Contains(log, "boom"), "the panic was not logged")
	}
	// Twisted's doWrite resumes a paused push producer once its buffer is
	// sent: the exception leaves doWrite, and the reactor logs it and
	// loses the connection with it.
	userMethodRows["protocol.IPushProducer.ResumeProducing"] = func(t *testing.T) {
		reason, log := produceOverTCP(t, &producerProto{
			producer:  &panickyProducer{panicIn: "ResumeProducing", panicFrom: 1},
			streaming: true, write: 16 << 20,
		}, false)
		assertBoom(t, reason)
		assert.Assert(t, is.Contains(log, "boom"), "the panic was not logged")
	}
	// A pull producer is asked once at registration (that call's panic
	// leaves RegisterProducer, as in Twisted), then by doWrite each time
	// all is sent: that one is logged and loses the connection with it.
	userMethodRows["protocol.IPullProducer.ResumeProducing"] = func(t *testing.T) {
		reason, log := produceOverTCP(t, &producerProto{
			producer: &panickyProducer{panicIn: "ResumeProducing", panicFrom: 2},
		}, false)
		assertBoom(t, reason)
		assert.Assert(t, is.Contains(log, "boom"), "the panic was not logged")
	}
	// A lost connection stops its producer. Twisted 22.4's
	// FileDescriptor.connectionLost lets stopProducing's exception escape
	// before the protocol's connectionLost, which is then never called;
	// here it is logged and the protocol's ConnectionLost still comes,
	// with the connection's own reason (a deviation: no protocol is left
	// believing itself connected).
	userMethodRows["protocol.IProducer.StopProducing"] = func(t *testing.T) {
		reason, log := produceOverTCP(t, &producerProto{
			producer:  &panickyProducer{panicIn: "StopProducing", panicFrom: 1},
			streaming: true,
		}, true)
		assert.Equal(t, reason.Type, reactor.ConnectionDone)
		assert.Assert(t, is.Contains(log, "boom"), "the panic was not logged")
	}
}
