package reactor

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// countWritev counts the direct writes the reactor goroutine makes until
// the test ends.
func countWritev(t *testing.T) *int {
	calls := new(int)
	orig := writev
	writev = func(fd uintptr, bufs [][]byte) (int, error) {
		*calls++
		return orig(fd, bufs)
	}
	t.Cleanup(func() { writev = orig })
	return calls
}

// burstWriter writes many small pieces, a large one, more small ones
// and a sequence in ConnectionMade, then closes the connection.
type burstWriter struct {
	protocol.Protocol
	want []byte
	lost func()
}

func (b *burstWriter) write(p []byte) {
	b.want = append(b.want, p...)
	b.Transport.Write(p)
}

func (b *burstWriter) ConnectionMade() {
	for i := range 1000 {
		b.write(fmt.Appendf(nil, "line %d\n", i))
	}
	b.write(bytes.Repeat([]byte("L"), 3*largeWrite))
	for i := range 1000 {
		b.write(fmt.Appendf(nil, "after %d\n", i))
	}
	seq := [][]byte{[]byte("one "), []byte("two "), []byte("three\n")}
	b.Transport.WriteSequence(seq)
	b.want = append(b.want, bytes.Join(seq, nil)...)
	b.Transport.LoseConnection()
}

func (b *burstWriter) ConnectionLost(*twisted.Failure) { b.lost() }

// TestWritesGathered: the writes of one iteration reach the kernel
// together, not one system call each: 2,000 small writes around a large
// one, then LoseConnection, take at most two direct writes (the gathered
// data with the large write, then the rest as the connection closes; the
// writer sends what the kernel does not take at once). The peer reads
// every byte, in order.
func TestWritesGathered(t *testing.T) {
	leakcheck.Check(t)
	calls := countWritev(t)
	r := New()
	server := &burstWriter{lost: func() { stop(r) }}
	port := listen(t, r, serverFactory(func() protocol.IProtocol { return server }))
	raw := dialRaw(t, port.GetHost().Port, 0)
	got := readAllThenClose(raw)
	run(t, r)
	port.StopListening()
	if b := <-got; !bytes.Equal(b, server.want) {
		t.Fatalf("peer read %d bytes, want %d in the order written", len(b), len(server.want))
	}
	if *calls > 2 {
		t.Errorf("%d direct writes for one iteration's writes, want at most 2", *calls)
	}
}

// lineEachTurn writes a line in each of several iterations, and checks
// that by the next iteration the line has reached the kernel (the peer
// echoes it back).
type lineEachTurn struct {
	protocol.Protocol
	r     *Reactor
	n     int
	got   []byte
	lines []byte
}

func (l *lineEachTurn) ConnectionMade() { l.next() }

func (l *lineEachTurn) next() {
	line := fmt.Appendf(nil, "turn %d\n", l.n)
	l.lines = append(l.lines, line...)
	l.Transport.Write(line)
}

func (l *lineEachTurn) DataReceived(data []byte) {
	l.got = append(l.got, data...)
	if len(l.got) < len(l.lines) {
		return
	}
	if l.n++; l.n == 20 {
		l.Transport.LoseConnection()
		return
	}
	l.next()
}

func (l *lineEachTurn) ConnectionLost(*twisted.Failure) { stop(l.r) }

// TestGatheredWriteSentAtIterationEnd: a single small write, with no
// other to wait for, is sent at the end of its iteration: a ping-pong
// over an echo server goes on.
func TestGatheredWriteSentAtIterationEnd(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	port := listen(t, r, serverFactory(func() protocol.IProtocol { return &echo{} }))
	client := &lineEachTurn{r: r}
	r.CallWhenRunning(func() {
		r.ConnectTCP("127.0.0.1", port.GetHost().Port, newClientFactory(func() protocol.IProtocol { return client }), 5)
	})
	run(t, r)
	port.StopListening()
	if !bytes.Equal(client.got, client.lines) || client.n != 20 {
		t.Errorf("got %q back after %d turns, want %q after 20", client.got, client.n, client.lines)
	}
}
