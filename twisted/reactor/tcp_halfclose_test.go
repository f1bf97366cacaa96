package reactor

import (
	"io"
	"testing"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// bigWriter writes stallSize bytes when connected, then closes made.
type bigWriter struct {
	protocol.Protocol
	made chan struct{}
	lost *twisted.Failure
	r    *Reactor
}

func (b *bigWriter) ConnectionMade() {
	b.Transport.Write(make([]byte, stallSize))
	close(b.made)
}

func (b *bigWriter) ConnectionLost(reason *twisted.Failure) {
	b.lost = reason
	stop(b.r)
}

// TestPeerHalfCloseDropsUnsent: a peer that shuts down its sending side
// ends the connection for a protocol that is not an
// protocol.IHalfCloseableProtocol, as in Twisted: its ConnectionLost gets
// ConnectionDone at once, and what it wrote that the kernel had not taken
// is dropped, as Twisted's transport drops its buffer (a half-closeable
// protocol gets ReadConnectionLost instead, and what it writes is all
// sent: TestHalfCloseAsTwisted). Under Twisted 22.4 the same server (32 MiB written when
// connected, to a peer with a 4 KiB receive buffer that half-closes
// before reading) gets ConnectionDone and the peer 2 MiB of the 32. A
// test whose peer half-closes before it has read all it expects can lose
// the tail of it (issue 20's stall: an echo 12,026 bytes short, once in
// about thirty runs, was that).
func TestPeerHalfCloseDropsUnsent(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	server := &bigWriter{made: make(chan struct{}), r: r}
	port := listen(t, r, serverFactory(func() protocol.IProtocol { return server }))
	raw := dialRaw(t, port.GetHost().Port, 4096)
	read := make(chan int64, 1)
	go func() {
		select { // not made: the reactor stops at runBound
		case <-server.made:
		case <-r.Done():
		}
		raw.CloseWrite()
		n, _ := io.Copy(io.Discard, raw)
		raw.Close()
		read <- n
	}()
	run(t, r)
	port.StopListening()
	n := receive(t, read, "the peer's read to the end")
	if server.lost.Check(ConnectionDone) == nil {
		t.Errorf("lost with %v, want ConnectionDone", server.lost)
	}
	if n >= stallSize {
		t.Errorf("the peer read all %d bytes: the unsent rest was not dropped", n)
	}
}
