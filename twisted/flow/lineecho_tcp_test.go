package flow_test

import (
	"bytes"
	"fmt"
	"net"
	"testing"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// lineEchoServer echoes the connection's lines, as the original's
// echo_lines anchor does: LineBreak over the connection, each line
// written back with its delimiter.
func lineEchoServer(conn *flow.Protocol) flow.Generator {
	return func(yield func(any) bool) error {
		lines := flow.LineBreak(conn, flow.LineBreakOptions{Delimiter: "\n"})
		for yield(lines) {
			line, err := lines.Next()
			if err != nil {
				return err
			}
			conn.Write(line)
			conn.Write("\n")
		}
		return nil
	}
}

// numberedLines returns n lines "line <i>\n".
func numberedLines(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, "line %d\n", i)
	}
	return b.Bytes()
}

// A peer that writes 4 MB of lines before reading anything gets every
// line back, in order. The peer's write completes only because the
// kernel's buffers of both directions hold it all: the server stops
// reading while more than 64 KiB of its echo wait to be sent
// (backpressure, as TestBackpressurePeerNeverReadsTCP shows), so
// with less room (8.1-8.6 MB measured on loopback here) the write would
// never complete and the peer never read: by design, not a lost wake-up
// (see BENCHMARKS.md, the 4 MB stall). The peer closes once it has read
// it all: a half-close after writing would end the connection at the
// server, dropping what it had not sent yet, as Twisted does
// (TestPeerHalfCloseDropsUnsent).
func TestLineEchoWriteAllThenReadTCP(t *testing.T) {
	leakcheck.Check(t)
	r := reactor.New()
	port := listenFlow(t, r, lineEchoServer)
	want := numberedLines(400000)
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
			c.Write(want)
			got <- readN(c, len(want))
		})
	})
	assert.NilError(t, r.Run())
	b := <-got
	assert.Equal(t, len(b), len(want))
	assert.Assert(t, bytes.Equal(b, want))
}
