package flow_test

import (
	"strings"
	"testing"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// idleProducer is a producer of the controller's own.
type idleProducer struct{}

func (idleProducer) ResumeProducing() {}
func (idleProducer) StopProducing()   {}

// A Controller that registers a producer of its own on the transport
// before returning its flow (the flow cannot unregister it before it
// runs) leaves the flow protocol unregistered, where the transport refuses
// a second producer (Twisted's RuntimeError): the flow runs as the
// original's, which never registers, instead of ConnectionMade panicking
// and the flow not starting. The controller's producer stays registered
// when the flow ends.
func TestProtocolControllerRegistersProducer(t *testing.T) {
	for _, pull := range []bool{false, true} {
		l := &logger{}
		clock := reactor.NewClock()
		p := flow.MakeProtocolOn(clock, func(conn *flow.Protocol) any {
			conn.Transport.(protocol.IConsumer).RegisterProducer(idleProducer{}, false)
			greeting := flow.Generator(func(yield func(any) bool) error {
				if !yield("hello\n") {
					return nil
				}
				src := lines(conn, true)
				for range 2 {
					if !yield(src) {
						return nil
					}
					v, err := src.Next()
					if err != nil {
						return err
					}
					if !yield(v.(string) + "!") {
						return nil
					}
				}
				return nil
			})
			var s flow.Stage = flow.Wrap(greeting)
			if pull {
				s = pulled{s}
			}
			return s
		})()
		tr := &traceTransport{l: l}
		protocol.MakeConnection(p, tr)
		p.DataReceived([]byte("a\nb\n"))
		clock.Advance(1)
		// The original's _execute writes each step's results with
		// writeSequence, and closes the connection at the flow's end.
		want := strings.Join([]string{
			`writeSequence ["hello\n"]`,
			`writeSequence ["a!"]`,
			`writeSequence ["b!"]`,
			`loseConnection`,
		}, "\n")
		assert.Equal(t, strings.Join(l.lines, "\n"), want, "pull %v", pull)
		assert.Equal(t, tr.Producer, protocol.IProducer(idleProducer{}), "pull %v: the controller's producer was unregistered", pull)
	}
}
