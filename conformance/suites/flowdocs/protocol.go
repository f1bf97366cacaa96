package flowdocs

import (
	"strings"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// The examples of twisted/flow/protocol.py's makeProtocol docstring and of
// the howto's "Flow Protocols": echo servers and clients over TCP on the
// scenario's reactor. PORT 8392 is port 0 in both languages (a free port,
// so that scenarios run in parallel), the client connecting to the port
// the server got.

func init() {
	example("protocol.makeProtocol", "twisted/flow/protocol.py makeProtocol() docstring, the echo example (b2b5697a0f^), on a free port", func(t *conformance.T) {
		reactor := prelude(t)
		PORT := 0

		echoServer := func(conn *flow.Protocol) flow.Generator {
			return func(yield func(any) bool) error {
				if !yield(conn) {
					return nil
				}
				for {
					data, err := conn.Next()
					if err != nil {
						return err
					}
					conn.Write(data)
					if !yield(conn) {
						return nil
					}
				}
			}
		}

		echoClient := func(conn *flow.Protocol) flow.Generator {
			return func(yield func(any) bool) error {
				conn.Write("hello, world!")
				if !yield(conn) {
					return nil
				}
				data, err := conn.Next()
				if err != nil {
					return err
				}
				t.Print("server said: ", data)
				reactor.CallLater(0, func() { reactor.Stop() })
				return nil
			}
		}

		server := &protocol.ServerFactory{}
		server.Protocol = flow.MakeProtocol(echoServer)
		port := must(reactor.ListenTCP(PORT, server))
		client := &protocol.ClientFactory{}
		client.Protocol = flow.MakeProtocol(echoClient)
		reactor.ConnectTCP("localhost", port.GetHost().Port, client, 30)
		reactor.Run()
	})

	example("protocol.makeProtocol.lineBreaker", "twisted/flow/protocol.py makeProtocol() docstring, the line-breaking echo example with the first example's setup (b2b5697a0f^), on a free port; the last chunk held for DELAY = 0.1s rather than 2s", func(t *conformance.T) {
		reactor := prelude(t)
		PORT := 0
		DELAY := 0.1

		// this is a filter generator, it consumes from the
		// incoming connection, and yields results to
		// the next stage, the echoServer below
		lineBreaker := func(conn *flow.Protocol, lineEnding string) flow.Generator {
			return func(yield func(any) bool) error {
				lst := []string{}
				if !yield(conn) {
					return nil
				}
				for {
					next, err := conn.Next()
					if stopped(err) {
						break
					}
					if err != nil {
						return err
					}
					chunk := next.(string)
					pos := strings.Index(chunk, lineEnding)
					if pos > -1 {
						lst = append(lst, chunk[:pos])
						if !yield(strings.Join(lst, "")) {
							return nil
						}
						lst = []string{chunk[pos+1:]}
					} else {
						lst = append(lst, chunk)
					}
					if !yield(conn) {
						return nil
					}
				}
				yield(strings.Join(lst, ""))
				return nil
			}
		}

		// note that this class is only slightly modified,
		// simply comment out the line breaker line to see
		// how the server behaves without the filter...
		echoServer := func(conn *flow.Protocol) flow.Generator {
			return func(yield func(any) bool) error {
				lines := flow.Wrap(lineBreaker(conn, "\n"))
				if !yield(lines) {
					return nil
				}
				for {
					data, err := lines.Next()
					if err != nil {
						return err
					}
					conn.Write(data)
					if !yield(lines) {
						return nil
					}
				}
			}
		}

		// and the only thing that is changed is that we
		// are sending data in strange chunks, and even
		// putting the last chunk on hold for 2 seconds.
		echoClient := func(conn *flow.Protocol) flow.Generator {
			return func(yield func(any) bool) error {
				conn.Write("Good Morning!\nPlease ")
				if !yield(conn) {
					return nil
				}
				data, err := conn.Next()
				if err != nil {
					return err
				}
				t.Print("server said: ", data)
				conn.Write("do not disregard ")
				reactor.CallLater(DELAY, func() { conn.Write("this.\n") })
				if !yield(conn) {
					return nil
				}
				data, err = conn.Next()
				if err != nil {
					return err
				}
				t.Print("server said: ", data)
				reactor.CallLater(0, func() { reactor.Stop() })
				return nil
			}
		}

		server := &protocol.ServerFactory{}
		server.Protocol = flow.MakeProtocol(echoServer)
		port := must(reactor.ListenTCP(PORT, server))
		client := &protocol.ClientFactory{}
		client.Protocol = flow.MakeProtocol(echoClient)
		reactor.ConnectTCP("localhost", port.GetHost().Port, client, 30)
		reactor.Run()
	})

	example("howto.FlowProtocols", howto+`"Flow Protocols" (b2b5697a0f^), on a free port`, func(t *conformance.T) {
		reactor := prelude(t)
		PORT := 0

		echoServer := func(conn *flow.Protocol) flow.Generator {
			return func(yield func(any) bool) error {
				if !yield(conn) {
					return nil
				}
				for {
					data, err := conn.Next()
					if stopped(err) {
						break
					}
					if err != nil {
						return err
					}
					conn.Write(data)
					if !yield(conn) {
						return nil
					}
				}
				reactor.CallLater(0, func() { reactor.Stop() })
				return nil
			}
		}

		server := &protocol.ServerFactory{}
		server.Protocol = flow.MakeProtocol(echoServer)
		port := must(reactor.ListenTCP(PORT, server))

		echoClient := func(conn *flow.Protocol) flow.Generator {
			return func(yield func(any) bool) error {
				conn.Write("Hello World")
				if !yield(conn) {
					return nil
				}
				data, err := conn.Next()
				if err != nil {
					return err
				}
				t.Print(data)
				conn.Write("Another Line")
				if !yield(conn) {
					return nil
				}
				data, err = conn.Next()
				if err != nil {
					return err
				}
				t.Print(data)
				return nil
			}
		}

		client := &protocol.ClientFactory{}
		client.Protocol = flow.MakeProtocol(echoClient)
		reactor.ConnectTCP("localhost", port.GetHost().Port, client, 30)
		reactor.Run()
	})
}

// must returns v, or raises (panics with) err as Python raises an
// exception.
func must[T any](v T, err error) T {
	if err != nil {
		twisted.NewFailure(err).RaiseException()
	}
	return v
}
