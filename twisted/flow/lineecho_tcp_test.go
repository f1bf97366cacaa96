package flow_test

import (
	"bytes"
	"fmt"
	"io"
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
// line back, in order.
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
			wrote := make(chan struct{})
			go func() {
				defer close(wrote)
				c.Write(want)
				c.(*net.TCPConn).CloseWrite()
			}()
			<-wrote
			b, _ := io.ReadAll(c)
			got <- b
		})
	})
	assert.NilError(t, r.Run())
	b := <-got
	assert.Equal(t, len(b), len(want))
	assert.Assert(t, bytes.Equal(b, want))
}
