package flow_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// Issue 16: the reactor's Stop closes what runs on it. After Run returns,
// no goroutine of a flow is left, and each kind of flow has ended.

// newStopReactor returns a reactor for these tests, without signal
// handlers.
func newStopReactor() *reactor.Reactor {
	r := reactor.New()
	r.NoSignalHandlers = true
	return r
}

// outcomes records what Deferreds fire with.
type outcomes struct{ got []any }

func (o *outcomes) watch(d *deferred.Deferred) {
	d.AddBoth(func(res any) (any, error) {
		o.got = append(o.got, res)
		return nil, nil
	})
}

// allCancelled checks that n Deferreds failed with CancelledError.
func (o *outcomes) allCancelled(t *testing.T, n int) {
	t.Helper()
	assert.Equal(t, len(o.got), n)
	for _, res := range o.got {
		f, ok := res.(*twisted.Failure)
		assert.Assert(t, ok && f.Check(deferred.CancelledError) != nil, "fired with %s", repr(res))
	}
}

// 100 flows suspended on Cooperate(10) when the reactor stops: each is
// closed (its deferred calls run), its Deferred fails with
// CancelledError, and Run returns without waiting for the Cooperates.
func TestStopClosesSuspendedFlows(t *testing.T) {
	leakcheck.Check(t)
	r := newStopReactor()
	closed := 0
	var o outcomes
	r.CallWhenRunning(func() {
		for i := range 100 {
			o.watch(flow.DeferredOn(r, flow.Generator(func(yield func(any) bool) error {
				defer func() { closed++ }()
				for yield(i) && yield(flow.Cooperate(10)) {
				}
				return nil
			})))
		}
		assert.NilError(t, r.Stop())
	})
	runBounded(t, r)
	assert.Equal(t, closed, 100)
	o.allCancelled(t, 100)
}

// blockingSource hands one value over, then blocks until its context is
// cancelled: a query waiting on its database.
type blockingSource struct{ started func() }

func (s blockingSource) IterContext(ctx context.Context) (flow.Iterator, error) {
	return &blockingIter{ctx: ctx, started: s.started}, nil
}

type blockingIter struct {
	ctx     context.Context
	started func()
	n       int
}

func (it *blockingIter) Next() (any, error) {
	if it.n++; it.n == 1 {
		return "hello\n", nil
	}
	it.started()
	<-it.ctx.Done()
	return nil, it.ctx.Err()
}

// 100 flow-protocol connections whose flows wait on Threaded sources
// blocked in their thread when the reactor stops: the sources' contexts
// are cancelled, the threads end, the connections are lost and the flows
// closed; Run returns and nothing is left behind.
func TestStopClosesFlowProtocolsOnThreadedSources(t *testing.T) {
	leakcheck.Check(t)
	const conns = 100
	r := newStopReactor()
	r.SuggestThreadPoolSize(conns)
	blocked, closed, greeted := 0, 0, 0
	var w *tcpRun
	const endedBlocked = "every source blocked"
	server := func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			defer func() { closed++ }()
			src := flow.Threaded(blockingSource{started: func() {
				r.CallFromThread(func() {
					if blocked++; blocked == conns {
						w.ended = endedBlocked
						_ = r.Stop()
					}
				})
			}})
			for yield(src) {
				v, err := src.Next()
				if err != nil {
					return err
				}
				if !yield(v) {
					return nil
				}
			}
			return nil
		}
	}
	client := func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			for yield(conn) {
				if _, err := conn.Next(); err != nil {
					return err
				}
				greeted++
			}
			return nil
		}
	}
	port := listenFlow(t, r, server)
	w = newTCPRun(r, port, func() string {
		return fmt.Sprintf("%d of %d sources blocked, %d clients greeted, %d server flows closed", blocked, conns, greeted, closed)
	})
	r.CallWhenRunning(func() {
		for range conns {
			r.ConnectTCP("127.0.0.1", port.GetHost().Port, &protocol.ClientFactory{
				Factory: protocol.Factory{Protocol: flow.MakeProtocolOn(r, client)},
				OnConnectionFailed: func(_ protocol.IConnector, reason *twisted.Failure) {
					w.stop("a connection failing: " + reason.GetErrorMessage())
				},
			}, 30)
		}
	})
	w.run(t)
	assert.Equal(t, w.ended, endedBlocked, "%v", w)
	assert.Equal(t, blocked, conns)
	assert.Equal(t, closed, conns)
}

// endlessCount counts without end, as fast as it can.
type endlessCount struct{ n atomic.Int64 }

func (c *endlessCount) Next() (any, error) { return int(c.n.Add(1)), nil }

// Stop while a flow reads an endless, fast Threaded source: Run returns,
// the thread stops within one item of the flow's close (after at most a
// bufferful ahead of the flow), and the flow's Deferred fails with
// CancelledError.
func TestStopEndsEndlessThreadedSource(t *testing.T) {
	leakcheck.Check(t)
	r := newStopReactor()
	src := &endlessCount{}
	taken := 0
	var o outcomes
	r.CallWhenRunning(func() {
		o.watch(flow.DeferredOn(r, flow.Generator(func(yield func(any) bool) error {
			stage := flow.Threaded(src)
			for yield(stage) {
				if _, err := stage.Next(); err != nil {
					return err
				}
				if taken++; taken == 5000 {
					_ = r.Stop()
				}
			}
			return nil
		})))
	})
	runBounded(t, r)
	o.allCancelled(t, 1)
	assert.Assert(t, src.n.Load() <= int64(taken)+1024+1, "the source made %d values, the flow took %d", src.n.Load(), taken)
}

// A flow whose closing panics (a deferred call of its generator) when
// the reactor stops: the panic is logged as an unhandled error, the other
// flows are still closed, and Run returns.
func TestStopFlowClosePanics(t *testing.T) {
	leakcheck.Check(t)
	r, log := protoLog()
	r.NoSignalHandlers = true
	closed := 0
	var o outcomes
	r.CallWhenRunning(func() {
		for i := range 3 {
			o.watch(flow.DeferredOn(r, flow.Generator(func(yield func(any) bool) error {
				defer func() {
					closed++
					if i == 1 {
						panic("close boom")
					}
				}()
				for yield(flow.Cooperate(10)) {
				}
				return nil
			})))
		}
		assert.NilError(t, r.Stop())
	})
	runBounded(t, r)
	assert.Equal(t, closed, 3)
	o.allCancelled(t, 3)
	assert.Assert(t, is.Contains(log.String(), "close boom"))
}

// A flow started once the reactor has shut down is cancelled at once,
// before it runs: no goroutine waits for a reactor that will not run
// again.
func TestFlowAfterStopIsCancelled(t *testing.T) {
	leakcheck.Check(t)
	r := newStopReactor()
	r.CallWhenRunning(func() { _ = r.Stop() })
	runBounded(t, r)
	ran := false
	var o outcomes
	o.watch(flow.DeferredOn(r, flow.Generator(func(yield func(any) bool) error {
		ran = true
		for yield(flow.Cooperate(1)) {
		}
		return nil
	})))
	o.allCancelled(t, 1)
	assert.Assert(t, !ran)
}

// A Threaded stage on a reactor that no flow reads: its thread fills the
// buffer and waits; the reactor's shutdown ends it, and Run returns.
func TestStopEndsUnreadThreadedStage(t *testing.T) {
	leakcheck.Check(t)
	r := newStopReactor()
	src := &endlessCount{}
	r.CallWhenRunning(func() {
		flow.ThreadedOn(r, src)
		r.CallLater(0, func() { _ = r.Stop() })
	})
	runBounded(t, r)
	assert.Assert(t, src.n.Load() <= 1025, "the source made %d values for no reader", src.n.Load())
}

// A flow protocol that does not read its connection (it waits on a long
// Cooperate) is closed after the shutdown: its generator's deferred calls
// run and its connection is lost.
func TestStopClosesFlowProtocolNotReading(t *testing.T) {
	leakcheck.Check(t)
	r := newStopReactor()
	closed := false
	var tr *protoTransport
	r.CallWhenRunning(func() {
		p := flow.MakeProtocolOn(r, func(conn *flow.Protocol) flow.Generator {
			return func(yield func(any) bool) error {
				defer func() { closed = true }()
				for yield(flow.Cooperate(10)) {
				}
				return nil
			}
		})()
		tr = connect(p)
		assert.NilError(t, r.Stop())
	})
	runBounded(t, r)
	assert.Assert(t, closed)
	assert.Assert(t, tr.lost)
}

// A flow protocol stopped by its transport's pause (it writes without
// reading, to a transport that never drains) when the reactor stops is
// closed as any other: in push mode its chain's coroutine waits on the
// transport, and is stopped (its generator's yield returns false, its
// deferred calls run), and its connection is lost.
func TestStopClosesFlowProtocolPaused(t *testing.T) {
	for _, pull := range []bool{false, true} {
		leakcheck.Check(t)
		r := newStopReactor()
		closed, stopped, steps := false, false, 0
		tr := &traceTransport{l: &logger{}, limit: 10}
		r.CallWhenRunning(func() {
			p := flow.MakeProtocolOn(r, func(conn *flow.Protocol) any {
				g := flow.Generator(func(yield func(any) bool) error {
					defer func() { closed = true }()
					for ; steps < 1000; steps++ {
						if !yield("line\n") {
							stopped = true
							return nil
						}
					}
					return nil
				})
				if pull {
					return pulled{flow.Wrap(g)}
				}
				return g
			})()
			protocol.MakeConnection(p, tr)
			assert.Assert(t, tr.full)
			assert.NilError(t, r.Stop())
		})
		runBounded(t, r)
		assert.Assert(t, closed && stopped, "pull %v: the generator was not closed (closed %v, stopped %v)", pull, closed, stopped)
		assert.Assert(t, steps < 10, "pull %v: %d steps", pull, steps)
		assert.Assert(t, tr.Disconnecting, "pull %v: the connection was not lost", pull)
	}
}
