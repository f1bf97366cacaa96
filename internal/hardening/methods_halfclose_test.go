package hardening

import (
	"io"
	"net"
	"strconv"
	"testing"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// halfCloseProtocol is a half-closeable protocol whose method panicIn
// panics; it half-closes its own side when connected if panicIn is
// WriteConnectionLost.
type halfCloseProtocol struct {
	protocol.Protocol
	panicIn string
	lost    *twisted.Failure
	r       *reactor.Reactor
}

func (p *halfCloseProtocol) ConnectionMade() {
	if p.panicIn == "WriteConnectionLost" {
		p.Transport.(protocol.ITCPTransport).LoseWriteConnection()
	}
}

func (p *halfCloseProtocol) ReadConnectionLost()  { panicIf(p.panicIn, "ReadConnectionLost") }
func (p *halfCloseProtocol) WriteConnectionLost() { panicIf(p.panicIn, "WriteConnectionLost") }

func (p *halfCloseProtocol) ConnectionLost(reason *twisted.Failure) {
	p.lost = reason
	_ = p.r.Stop()
}

// overHalfClose serves a halfCloseProtocol whose method m panics to a
// peer that half-closes its side and reads to the end. As Twisted's
// tcp.Connection (readConnectionLost, _closeWriteConnection), the reactor
// logs the exception as an unhandled error and loses the connection with
// it: the peer reads the end of the connection, the protocol's
// ConnectionLost gets the panic's failure.
func overHalfClose(t *testing.T, m string) {
	log := &lockedLog{}
	r := reactor.New()
	r.Logger = newTextLogger(log)
	p := &halfCloseProtocol{panicIn: m, r: r}
	port, err := r.ListenTCP(0, &protocol.ServerFactory{Protocol: func() protocol.IProtocol { return p }},
		reactor.Interface("127.0.0.1"))
	assert.NilError(t, err)
	c, err := net.Dial("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port.GetHost().Port)))
	assert.NilError(t, err)
	defer c.Close()
	read := make(chan error, 1)
	go func() {
		_ = c.(*net.TCPConn).CloseWrite()
		_, err := io.ReadAll(c)
		read <- err
	}()
	assert.NilError(t, r.Run())
	assert.NilError(t, <-read)
	assert.Assert(t, p.lost != nil)
	assertBoom(t, p.lost)
	assert.Assert(t, is.Contains(log.String(), "Unhandled Error"))
	assert.Assert(t, is.Contains(log.String(), "boom"))
}

func init() {
	for _, m := range []string{"ReadConnectionLost", "WriteConnectionLost"} {
		userMethodRows["protocol.IHalfCloseableProtocol."+m] = func(t *testing.T) { overHalfClose(t, m) }
	}
	notCalledBack["protocol.ITCPTransport.LoseWriteConnection"] = "called by users; the library half-closes no transport of the user's"
}
