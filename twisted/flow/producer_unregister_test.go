package flow_test

import (
	"fmt"
	"strings"
	"testing"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/protohelpers"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// ownProducer is a push producer of the controller's own, counting the
// transport's calls.
type ownProducer struct{ pauses, resumes, stops int }

func (o *ownProducer) PauseProducing()  { o.pauses++ }
func (o *ownProducer) ResumeProducing() { o.resumes++ }
func (o *ownProducer) StopProducing()   { o.stops++ }

// swapWriter is a flow that writes 300 steps itself, without reading
// (as writers' "write-cooperate"), and the first time its transport has
// paused it, right after the write that did, unregisters the protocol from
// the transport and registers own instead (none if own is nil); then it
// yields its step's end: a Cooperate, or a result (written by the
// protocol, push mode's sink in push mode).
func swapWriter(tr *traceTransport, own *ownProducer, steps *int, result bool) func(conn *flow.Protocol) any {
	return func(conn *flow.Protocol) any {
		return flow.Generator(func(yield func(any) bool) error {
			swapped := false
			for ; *steps < 300; *steps++ {
				conn.Write(fmt.Sprintf("%d;", *steps))
				if tr.full && !swapped {
					swapped = true
					c := conn.Transport.(protocol.IConsumer)
					c.UnregisterProducer()
					if own != nil {
						c.RegisterProducer(own, true)
					}
				}
				var end any = flow.Cooperate(0)
				if result {
					end = "."
				}
				if !yield(end) {
					return nil
				}
			}
			return nil
		})
	}
}

// wantSteps is what swapWriter writes, its step ends results or not.
func wantSteps(result bool) string {
	var want strings.Builder
	for i := range 300 {
		fmt.Fprintf(&want, "%d;", i)
		if result {
			want.WriteString(".")
		}
	}
	return want.String()
}

// A flow whose own code unregisters the protocol from its transport (to
// register a producer of its own, or none) right after a write that
// paused it goes on at its next step, where it would have waited for a
// resume that the transport, which tells a producer it has forgotten
// nothing (Twisted's unregisterProducer), never sends: it asks for input
// again (the transport's reading, which the pause stopped, is resumed),
// writes the rest without a drain, and ends; the transport's producer is
// then the controller's, which the flow's end leaves registered, and
// nothing is logged (unregistering again would make the StringTransport
// raise, as Twisted's does, with no producer). Push and pull mode, the
// step's end a Cooperate or a result.
func TestProtocolUnregisteredWhilePaused(t *testing.T) {
	for _, result := range []bool{false, true} {
		for _, pull := range []bool{false, true} {
			for _, withOwn := range []bool{true, false} {
				name := fmt.Sprintf("result %v, pull %v, own producer %v", result, pull, withOwn)
				var logged []string
				restoreLog := logUnhandledTo(&logged)
				steps := 0
				clock := reactor.NewClock()
				tr := &traceTransport{l: &logger{}, limit: 40}
				var own *ownProducer
				if withOwn {
					own = &ownProducer{}
				}
				p := flow.MakeProtocolOn(clock, func(conn *flow.Protocol) any {
					s := swapWriter(tr, own, &steps, result)(conn)
					if pull {
						return pulled{flow.Wrap(s)}
					}
					return s
				})()
				protocol.MakeConnection(p, tr)
				for i := 0; i < 1000 && !tr.Disconnecting; i++ {
					clock.Advance(0)
				}
				restoreLog()
				assert.Assert(t, tr.full, "%s: never paused", name)
				assert.Equal(t, steps, 300, "%s: the flow stopped", name)
				assert.Assert(t, tr.Disconnecting, "%s: the flow did not end", name)
				assert.Equal(t, string(tr.Value()), wantSteps(result), name)
				assert.Equal(t, tr.ProducerState(), protohelpers.Producing, "%s: reading still paused", name)
				if withOwn {
					assert.Equal(t, tr.Producer, protocol.IProducer(own), "%s: the controller's producer was unregistered", name)
				} else {
					assert.Equal(t, tr.Producer, nil, name)
				}
				assert.DeepEqual(t, logged, []string(nil))
				noCallsLeft(t, clock)
			}
		}
	}
}

// A flow that waits for its paused transport to drain when code outside
// it (a call of the controller's on the reactor) unregisters the protocol
// and registers a producer of its own: the transport does not resume a
// producer it has forgotten (Twisted's unregisterProducer), so the flow
// waits, as any such producer, until that code resumes it
// (conn.ResumeProducing()); it then asks for input again and goes on to
// its end, which leaves the controller's producer registered.
func TestProtocolUnregisteredOutsideWhileWaiting(t *testing.T) {
	for _, pull := range []bool{false, true} {
		var logged []string
		restoreLog := logUnhandledTo(&logged)
		steps := 0
		clock := reactor.NewClock()
		tr := &traceTransport{l: &logger{}, limit: 40}
		var conn *flow.Protocol
		p := flow.MakeProtocolOn(clock, func(c *flow.Protocol) any {
			conn = c
			s := writers["write-cooperate"](c, &steps)
			if pull {
				return pulled{flow.Wrap(s)}
			}
			return s
		})()
		protocol.MakeConnection(p, tr)
		clock.Advance(0)
		assert.Assert(t, tr.full, "pull %v: never paused", pull)
		stopped := steps
		own := &ownProducer{}
		clock.CallLater(1, func() {
			tr.UnregisterProducer()
			tr.RegisterProducer(own, true)
		})
		for range 5 {
			clock.Advance(1)
		}
		assert.Equal(t, steps, stopped, "pull %v: the forgotten flow went on by itself", pull)
		assert.Equal(t, tr.ProducerState(), protohelpers.Paused, "pull %v", pull)
		conn.ResumeProducing()
		for i := 0; i < 1000 && !tr.Disconnecting; i++ {
			clock.Advance(0)
		}
		restoreLog()
		assert.Equal(t, steps, 300, "pull %v: the flow stopped", pull)
		assert.Assert(t, tr.Disconnecting, "pull %v: the flow did not end", pull)
		assert.Equal(t, tr.ProducerState(), protohelpers.Producing, "pull %v: reading still paused", pull)
		assert.Equal(t, tr.Producer, protocol.IProducer(own), "pull %v: the controller's producer was unregistered", pull)
		assert.Equal(t, *own, ownProducer{}, "pull %v: the controller's producer was called", pull)
		assert.DeepEqual(t, logged, []string(nil))
		noCallsLeft(t, clock)
	}
}
