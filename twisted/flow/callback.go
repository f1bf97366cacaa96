package flow

import (
	"fmt"
	"slices"

	"github.com/twistedflow/twistedflow/twisted"
)

// CallbackStage is the stage made by [Callback].
type CallbackStage struct {
	Base
	finished  bool
	cooperate *CallbackInstruction
}

// CallbackInstruction is what a [CallbackStage] returns while it waits for
// its producer (Callback.Instruction): its CallLater keeps the callable,
// and every Result, Finish and Errback of the producer calls it.
type CallbackInstruction struct {
	BaseInstruction
	flow func()
}

// CallLater makes callable the function that the producer's next push
// calls (replacing the previous one).
func (c *CallbackInstruction) CallLater(callable func()) { c.flow = callable }

// PyRepr prints the instruction as Python prints a Callback.Instruction.
func (c *CallbackInstruction) PyRepr() string {
	return fmt.Sprintf("<twisted.flow.stage.Instruction instance at %p>", c)
}

// Callback converts a single-thread push interface into a pull interface.
//
// Once the stage is made, a producer calls its Result, Finish and Errback
// methods; the consumer yields the stage and calls Next, as for any stage.
// Each push resumes the waiting flow at once, inside the call, as in the
// original: call them from the reactor's goroutine.
//
//	source = flow.Callback()                  source := flow.Callback()
//	reactor.callLater(0, lambda: source.result("one"))
//	                                          clock.CallLater(0, func() { source.Result("one") })
//	reactor.callLater(.5, lambda: source.result("two"))
//	                                          clock.CallLater(.5, func() { source.Result("two") })
//	reactor.callLater(1, lambda: source.finish())
//	                                          clock.CallLater(1, source.Finish)
//	printFlow(source)                         printFlow(source)
//
// Python calls the stage itself (source(x)) as source.result(x); in Go
// pass the method value source.Result where a callable is wanted.
func Callback(trap ...*twisted.Class) *CallbackStage {
	c := &CallbackStage{cooperate: &CallbackInstruction{flow: func() {}}}
	c.Trap = slices.Clone(trap)
	return c
}

// Result is called by the producer to push a successful result.
func (c *CallbackStage) Result(result any) {
	c.Results = append(c.Results, result)
	c.cooperate.flow()
}

// Finish is called by the producer to indicate successful stream
// completion. Finishing a stream that failed is a programming error: it
// panics with AssertionError("failed streams should not be finished").
func (c *CallbackStage) Finish() {
	if c.Failure != nil {
		panic(twisted.AssertionError.New("failed streams should not be finished"))
	}
	c.finished = true
	c.cooperate.flow()
}

// Errback is called by the producer in case of failure.
func (c *CallbackStage) Errback(err error) {
	c.Failure = twisted.NewFailure(err)
	c.cooperate.flow()
}

// Yield returns the [CallbackInstruction] until the producer has pushed a
// result, finished or failed.
func (c *CallbackStage) Yield() Instruction {
	if c.ready() {
		return nil
	}
	if c.finished {
		c.Stop = true
		return nil
	}
	return c.cooperate
}

// push hands what the producer pushes up the chain, a batch at a time, as
// Yield leaves it for a consumer that pulls: the results (with the
// failure, if the producer failed), then the end. Between pushes the
// chain suspends on the CallbackInstruction. Only a flow Protocol pushes
// its Callback (see Protocol.canPush): its scheduler queues a push made
// from inside the flow rather than running the flow inside itself.
func (c *CallbackStage) push(r *pushRun, emit emitFunc) {
	for {
		if inst := c.Yield(); inst != nil {
			if !r.serve(inst) {
				return
			}
			continue
		}
		results, stop, failure := c.Results, c.Stop, c.Failure
		ok := emit(r, results, stop, failure)
		// The consumer has taken the batch; what the producer pushed
		// during emit (a transport delivering inside a write, the
		// connection lost while the flow waited) follows it.
		n := copy(c.Results, c.Results[len(results):])
		clear(c.Results[n:])
		c.Results = c.Results[:n]
		if !ok || stop || failure != nil {
			return
		}
	}
}
