package flow_test

import (
	"bufio"
	"bytes"
	"net"
	"testing"
)

// echoLine is the benchmark client's line, 16 bytes with its delimiter,
// as in testdata/bench/echo_lines.py.
const echoLine = "0123456789abcde\n"

// benchLines pipelines b.N lines to the line echo server at addr, in
// 64 KiB writes from one goroutine, while the benchmark goroutine reads
// the echo back, and reports lines/s.
func benchLines(b *testing.B, addr string) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	block := bytes.Repeat([]byte(echoLine), 4096)
	b.ResetTimer()
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
}

// netLineEchoServer is the floor: a plain Go line echo server, one
// goroutine per connection reading lines with a bufio.Reader and writing
// them to a bufio.Writer flushed whenever no input is buffered.
func netLineEchoServer(b *testing.B) (addr string, stop func()) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
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
			}()
		}
	}()
	return l.Addr().String(), func() { l.Close(); <-done }
}

// BenchmarkLineEcho is lines/s echoed by a flow line echo server
// (LineBreak over the connection, each line written back: "flow") on
// loopback TCP, beside a plain Go line echo server ("net", the floor);
// testdata/bench/echo_lines.py measures the original.
func BenchmarkLineEcho(b *testing.B) {
	b.Run("flow", func(b *testing.B) {
		addr, stop := flowServer(b, lineEchoServer)
		defer stop()
		benchLines(b, addr)
	})
	b.Run("net", func(b *testing.B) {
		addr, stop := netLineEchoServer(b)
		defer stop()
		benchLines(b, addr)
	})
}
