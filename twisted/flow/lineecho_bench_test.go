package flow_test

import (
	"bufio"
	"bytes"
	"net"
	"testing"

	"github.com/twistedflow/twistedflow/twisted/flow"
)

// echoLine is the benchmark client's line, 16 bytes with its delimiter,
// as in testdata/bench/echo_lines.py.
const echoLine = "0123456789abcde\n"

// benchLines pipelines b.N lines to the line echo server at addr, in
// 64 KiB writes from one goroutine, while the benchmark goroutine reads
// the echo back, and reports lines/s and the process's CPU time per line
// (client and server, GC included: less affected by other work on the
// machine than the wall time).
func benchLines(b *testing.B, addr string) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	block := bytes.Repeat([]byte(echoLine), 4096)
	b.ResetTimer()
	cpu := cpuTime()
	written := make(chan error, 1)
	go func() {
		for left := b.N * len(echoLine); left > 0; {
			n, err := conn.Write(block[:min(len(block), left)])
			if err != nil {
				written <- err
				return
			}
			left -= n
		}
		written <- nil
	}()
	buf := make([]byte, 64<<10)
	for left := b.N * len(echoLine); left > 0; {
		n, err := conn.Read(buf[:min(len(buf), left)])
		if err != nil {
			b.Fatal(err)
		}
		left -= n
	}
	b.StopTimer()
	if err := <-written; err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lines/s")
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/line")
}

// netLineEchoServer is the floor: a plain Go line echo server, one
// goroutine per connection reading lines with a bufio.Reader and writing
// them to a bufio.Writer flushed whenever no input is buffered.
func netLineEchoServer(b *testing.B) (addr string, stop func()) {
	return netServer(b, func(c net.Conn) {
		br, bw := bufio.NewReaderSize(c, 64<<10), bufio.NewWriterSize(c, 64<<10)
		for {
			line, err := br.ReadSlice('\n')
			if err != nil {
				return
			}
			bw.Write(line)
			if br.Buffered() == 0 && bw.Flush() != nil {
				return
			}
		}
	})
}

// lineEchoIter is lineEchoServer as an iterator type (a Python iterator
// class): the flow runs its Next on the reactor's goroutine, with no
// coroutine switch per line.
type lineEchoIter struct {
	conn   *flow.Protocol
	lines  *flow.LineBreakStage
	primed bool
}

func newLineEchoIter(conn *flow.Protocol) *lineEchoIter {
	return &lineEchoIter{conn: conn, lines: flow.LineBreak(conn, flow.LineBreakOptions{Delimiter: "\n"})}
}

// Next writes back the line the flow has fetched, if any, and returns the
// stage for the flow to fetch the next.
func (e *lineEchoIter) Next() (any, error) {
	if e.primed {
		line, err := e.lines.Next()
		if err != nil {
			return nil, err
		}
		e.conn.Write(line)
		e.conn.Write("\n")
	}
	e.primed = true
	return e.lines, nil
}

// lineEchoChain is the line echo server as a chain of stages, whose
// results the protocol writes: Map(line + "\n", LineBreak(conn)).
func lineEchoChain(conn *flow.Protocol) any {
	return flow.Map(func(args ...any) (any, error) {
		return args[0].(string) + "\n", nil
	}, flow.LineBreak(conn, flow.LineBreakOptions{Delimiter: "\n"}))
}

// lineEchoYield is the line echo server as a generator that yields each
// line back as a result of the flow, which the protocol writes.
func lineEchoYield(conn *flow.Protocol) flow.Generator {
	return func(yield func(any) bool) error {
		lines := flow.LineBreak(conn, flow.LineBreakOptions{Delimiter: "\n"})
		for yield(lines) {
			line, err := lines.Next()
			if err != nil {
				return err
			}
			if !yield(line.(string) + "\n") {
				return nil
			}
		}
		return nil
	}
}

// BenchmarkLineEcho is lines/s echoed by a flow line echo server
// (LineBreak over the connection, each line written back: "flow", a
// generator; "flow-iterator", the same as an iterator type;
// "flow-yield", a generator yielding each line back as a result;
// "flow-chain", a Map over the LineBreak whose results the protocol
// writes) on loopback TCP, beside a plain Go line echo server ("net",
// the floor); testdata/bench/echo_lines.py measures the original.
func BenchmarkLineEcho(b *testing.B) {
	for _, c := range []struct {
		name       string
		controller any
	}{
		{"flow", lineEchoServer},
		{"flow-iterator", newLineEchoIter},
		{"flow-yield", lineEchoYield},
		{"flow-chain", lineEchoChain},
	} {
		b.Run(c.name, func(b *testing.B) {
			addr, stop := flowServer(b, c.controller)
			defer stop()
			benchLines(b, addr)
		})
	}
	b.Run("net", func(b *testing.B) {
		addr, stop := netLineEchoServer(b)
		defer stop()
		benchLines(b, addr)
	})
}
