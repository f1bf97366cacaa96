package flow_test

import (
	"net"
	"testing"

	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// echoChunk is the size of the benchmark client's writes, as in
// testdata/bench/echo_protocol.py.
const echoChunk = 32 << 10

// benchEcho streams b.N chunks of echoChunk bytes to the echo server at
// addr and reads them back: a writer goroutine writes while the benchmark
// goroutine reads, as the Python client's two threads do.
func benchEcho(b *testing.B, addr string) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	chunk := make([]byte, echoChunk)
	for i := range chunk {
		chunk[i] = byte(i)
	}
	b.SetBytes(echoChunk)
	b.ResetTimer()
	written := make(chan error, 1)
	go func() {
		for range b.N {
			if _, err := conn.Write(chunk); err != nil {
				written <- err
				return
			}
		}
		written <- nil
	}()
	buf := make([]byte, 64<<10)
	for left := b.N * echoChunk; left > 0; {
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
}

// netEchoServer is the floor: a plain Go echo server, one goroutine per
// connection writing back each chunk it reads into its 64 KiB buffer (the
// transport's read size). Not io.Copy: between two TCP connections it
// splices in the kernel, which copies no data through the program as the
// flow must (its protocol is handed each chunk), and keeps the pipes of
// its splices open in a pool for the rest of the process, which
// leakcheck.Main reports as leaked descriptors.
func netEchoServer(b *testing.B) (addr string, stop func()) {
	return netServer(b, func(c net.Conn) {
		buf := make([]byte, 64<<10)
		for {
			n, err := c.Read(buf)
			if n > 0 {
				if _, werr := c.Write(buf[:n]); werr != nil {
					return
				}
			}
			if err != nil {
				return
			}
		}
	})
}

// netServer serves each connection on loopback TCP with serve, in a
// goroutine of its own, and closes it when serve returns; stop closes the
// listener and waits for its accept loop.
func netServer(b *testing.B, serve func(net.Conn)) (addr string, stop func()) {
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
				serve(c)
			}()
		}
	}()
	return l.Addr().String(), func() { l.Close(); <-done }
}

// flowServer serves a flow.Protocol running controller (the makeProtocol
// docstring's echoServer, ...) on a reactor running in its own goroutine.
func flowServer(b *testing.B, controller any) (addr string, stop func()) {
	r := reactor.New()
	port, err := r.ListenTCP(0, &protocol.ServerFactory{Protocol: flow.MakeProtocolOn(r, controller)}, reactor.Interface("127.0.0.1"))
	if err != nil {
		b.Fatal(err)
	}
	done := make(chan error)
	go func() { done <- r.Run() }()
	return port.GetHost().String(), func() {
		r.CallFromThread(func() { r.Stop() })
		if err := <-done; err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEchoProtocol is MB/s echoed through the docstring's flow echo
// server on loopback TCP ("flow"), beside a plain Go echo server, the
// floor ("net"); testdata/bench/echo_protocol.py measures the original.
func BenchmarkEchoProtocol(b *testing.B) {
	b.Run("flow", func(b *testing.B) {
		addr, stop := flowServer(b, echoServer)
		defer stop()
		benchEcho(b, addr)
	})
	b.Run("net", func(b *testing.B) {
		addr, stop := netEchoServer(b)
		defer stop()
		benchEcho(b, addr)
	})
}
