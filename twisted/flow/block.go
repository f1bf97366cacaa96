package flow

import (
	"context"
	"iter"
	"time"

	"github.com/twistedflow/twistedflow/twisted"
)

// BlockStage is the controller made by [Block].
type BlockStage struct {
	BaseInstruction
	// Sleep is how Block waits for a Cooperate: time.Sleep of the
	// timeout by default. Replace it (before the first Next) to run a
	// flow without waiting, as tests do.
	Sleep func(seconds float64)
	stage Stage
	ctx   context.Context
	// final is All's loop body while runPush runs the flow: a fused
	// chain's results go to it (pushRun.deliver). It is kept here, not
	// in the run, because flow.Deferred's chain holds a run while it is
	// suspended.
	final  func(any, error) bool
	closed bool
	// pulled is set by the first Next: All can then no longer run the
	// flow in push mode.
	pulled bool
	// sleeping is set during a call of Sleep: a panic in it is not the
	// flow's failure, and goes on.
	sleeping bool
	// yielding is set while the flow's Yield runs (see cycle.go).
	yielding bool
}

// Block is a controller which blocks on [Cooperate] instructions: it turns a
// stage into one that can be used directly in Go loops (All, List, Next)
// by eating the Cooperate instructions and sleeping, ie
//
//	[1, 2, Cooperate(), 3] => [1, 2, 3]
//
// This is largely helpful for testing or within a goroutine of its own.
// stage is passed through [Wrap] with the trap classes.
//
//	for x in flow.Block(gen):          for x, err := range flow.Block(gen).All() {
//	    print x                            if err != nil { ... }
//	                                       fmt.Println(x)
//	                                   }
//
// Block can only wait for Cooperate: a flow that yields any other [CallLater]
// (it waits on a Deferred, a [Callback] or a [Threaded] stage) fails with
// [Unsupported]. When branches of a [Merge] or [Concurrent] all cooperate at
// once, Block sleeps for the shortest of their timeouts (the original
// failed there).
//
// Block is also a [Stage] whose Yield blocks: yielded inside another flow,
// it never returns a Cooperate.
func Block(stage any, trap ...*twisted.Class) *BlockStage {
	return &BlockStage{stage: Wrap(stage, trap...)}
}

// BlockContext is [Block] with a context: once ctx is done, the flow is
// closed, and Next returns ctx.Err(). Sleeping for a [Cooperate] ends early
// when ctx is done (unless Sleep has been replaced).
func BlockContext(ctx context.Context, stage any, trap ...*twisted.Class) *BlockStage {
	b := Block(stage, trap...)
	b.ctx = ctx
	return b
}

// Next fetches the next value from the flow: a result, a trapped failure's
// class, or [twisted.StopIteration] at the end, or the flow's failure. The
// flow is closed when Next returns an error. A panic in the flow (a user
// stage's Yield, Next or Close) is its failure: Next returns it.
func (b *BlockStage) Next() (v any, err error) {
	b.pulled = true
	returned := false
	defer func() {
		if !returned {
			p := recover()
			if p == nil {
				return // runtime.Goexit goes on
			}
			b.yielding = false
			if b.sleeping {
				b.sleeping = false
				panic(p) // Sleep is the caller's, not the flow's
			}
			v, err = nil, b.closeWith(twisted.FailureFromPanic(p))
		}
	}()
	if err = b.run(); err == nil {
		v, err = b.stage.Next()
	}
	returned = true
	if err != nil {
		return nil, b.closeWith(err)
	}
	return v, nil
}

// closeWith closes the flow, which ended with err (StopIteration, or its
// failure), and returns err, or the failure of a panic in closing the
// flow in place of StopIteration. After a failure, that one is logged as
// an unhandled error on slog.Default(): Block has no reactor.
func (b *BlockStage) closeWith(err error) error { return b.closeAfter(err, nil) }

// closeAfter is closeWith for a flow whose source was closed already,
// inside a push-mode run: raised is what that source raised on its way
// out (a generator's close raising), nil if nothing, and counts as the
// failure of closing the flow, as in pull mode, where closing the flow
// closes the source and raises it. It is preferred to a failure of the
// stages' Close after it, as flow.Deferred's chain does.
func (b *BlockStage) closeAfter(err error, raised *twisted.Failure) error {
	if b.closed {
		return err
	}
	b.closed = true
	f := closeStage(b.stage)
	if raised != nil {
		f = raised
	}
	switch {
	case f == nil:
		return err
	case isStop(err):
		return f
	}
	logUnhandled(nil, f)
	return err
}

// run yields the stage until it has something.
func (b *BlockStage) run() error {
	for {
		if b.ctx != nil {
			if err := b.ctx.Err(); err != nil {
				return err
			}
		}
		if b.yielding {
			panic(yieldCycle(b))
		}
		b.yielding = true
		inst := b.stage.Yield()
		b.yielding = false
		if inst == nil {
			return nil
		}
		if w, ok := inst.(*goWait); ok {
			w.stage.block(b.ctx) // a channel or reader: wait here
			continue
		}
		timeout, ok := cooperateTimeout(inst)
		if !ok {
			return unsupported(inst)
		}
		b.sleep(timeout)
	}
}

// cooperateTimeout returns how long Block should sleep for inst: a
// Cooperate's timeout, or the shortest one among the instructions of a
// Concurrent made of Cooperates only. ok is false for anything else.
func cooperateTimeout(inst Instruction) (timeout float64, ok bool) {
	switch i := inst.(type) {
	case cooperation:
		if c := i.cooperation(); c != nil {
			return c.Timeout, true
		}
	case *ConcurrentInstruction:
		for n, in := range i.Inst {
			t, ok := cooperateTimeout(in)
			if !ok {
				return 0, false
			}
			if n == 0 || t < timeout {
				timeout = t
			}
		}
		return timeout, len(i.Inst) > 0
	}
	return 0, false
}

func (b *BlockStage) sleep(seconds float64) {
	if b.Sleep != nil {
		b.sleeping = true
		b.Sleep(seconds)
		b.sleeping = false
		return
	}
	d := time.Duration(seconds * float64(time.Second))
	if b.ctx == nil {
		time.Sleep(d)
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-b.ctx.Done():
	}
}

// All returns an iterator over the flow's results, for use with range:
// each result (or trapped failure class) with a nil error, and, if the
// flow fails, a last pair with the failure. Leaving the loop early closes
// the flow.
//
// A chain of [Filter], [LineBreak] and one-source [Map] stages over a
// generator, iterator, list or string, that nothing has pulled from yet,
// runs without coroutines: the generator runs in the loop's goroutine and
// hands each value up by a call. The results and the order of every call
// (of the generators, the stages' functions, the loop body, Sleep) are
// those of the pull protocol.
func (b *BlockStage) All() iter.Seq2[any, error] {
	return func(yield func(any, error) bool) {
		defer func() {
			// Left early, the flow is closed here, and a panic in
			// closing it has no one to go to: it is logged.
			if err := b.closeWith(errStop); !isStop(err) {
				logUnhandled(nil, twisted.NewFailure(err))
			}
		}()
		var chunked bool
		if f := safely(func() { chunked = b.stage.State().Chunked }); f != nil && !b.closed {
			yield(nil, b.closeWith(f)) // a panic in a stage's State
			return
		}
		if !b.pulled && !b.closed && b.ctx == nil && !chunked && pushable(b.stage) {
			b.pulled = true
			b.runPush(yield)
			return
		}
		for {
			v, err := b.Next()
			if err != nil {
				if !isStop(err) {
					yield(nil, err)
				}
				return
			}
			if !yield(v, nil) {
				return
			}
		}
	}
}

// List runs the flow to its end and returns its results, as Python's
// list(flow.Block(...)), with the flow's failure if it fails (and the
// results that came before it).
func (b *BlockStage) List() ([]any, error) {
	var out []any
	for v, err := range b.All() {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

// Yield runs the flow, sleeping through its Cooperates, until it has a
// result, has ended or has failed. It never returns an instruction.
func (b *BlockStage) Yield() Instruction {
	if err := b.run(); err != nil {
		st := b.stage.State()
		st.Stop = false
		st.Failure = twisted.NewFailure(err)
	}
	return nil
}

// State returns the state of the flow's stage.
func (b *BlockStage) State() *Base { return b.stage.State() }

// Close closes the flow.
func (b *BlockStage) Close() {
	if !b.closed {
		b.closed = true
		b.stage.Close()
	}
}
