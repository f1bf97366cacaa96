package flow

import (
	"fmt"

	"github.com/twistedflow/twistedflow/internal/timers"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// Unsupported indicates that a stage or controller does not know what to
// do with the flow instruction it was given (twisted.flow.base.Unsupported).
// Its message is "Unsupported flow instruction: " + repr(inst) + " ".
var Unsupported = twisted.NewClass("twisted.flow.base.Unsupported", twisted.NotImplementedError)

// NotReadyError is returned by Next when a stage has not been subject to a
// yield (twisted.flow.base.NotReadyError).
var NotReadyError = twisted.NewClass("twisted.flow.base.NotReadyError", twisted.RuntimeError)

// unsupported returns the Unsupported exception for inst, or the failure
// of a panic in inst's repr, which Python would raise instead.
func unsupported(inst any) error {
	var msg string
	if f := safely(func() { msg = twisted.Repr(inst) }); f != nil {
		return f
	}
	return Unsupported.New("Unsupported flow instruction: " + msg + " ")
}

// errStop is the StopIteration that Next returns at the end of a stage. It
// is shared: test it with errors.Is(err, twisted.StopIteration).
var errStop = twisted.StopIteration.New()

// isStop reports whether err is a StopIteration: the clean end of a stage
// or of a generator, as in Python 2.
func isStop(err error) bool {
	if err == errStop {
		return true
	}
	return twisted.ClassOf(err).IsSubclass(twisted.StopIteration)
}

// classified returns err as a flow handles it: nil, errStop for a
// StopIteration, or a *twisted.Failure. A panic in asking err's class (a
// Classed error's PythonClass) gives that panic's failure instead.
func classified(err error) error {
	if err == nil || err == errStop {
		return err
	}
	out := err
	if f := safely(func() {
		if isStop(err) {
			out = errStop
		} else {
			out = twisted.NewFailure(err)
		}
	}); f != nil {
		return f
	}
	return out
}

// An Instruction has special meaning when yielded in a flow: it is either a
// [Stage], which the flow runs in place, or a [CallLater], which suspends the
// whole chain of stages until the controller resumes it.
//
// Every Stage is an Instruction (by embedding [Base]). Other instruction
// types embed [BaseInstruction], as Python's subclass Instruction.
type Instruction interface {
	flowInstruction()
}

// BaseInstruction makes the type that embeds it an [Instruction].
type BaseInstruction struct{}

func (BaseInstruction) flowInstruction() {}

// A CallLater is the instruction that suspends a flow: it travels up the
// chain of stages to the controller, which passes it a callable that
// resumes the flow. CallLater must arrange for callable to be called once
// the flow can make progress ([Cooperate]: after a delay; a Deferred: once it
// fires; [Callback]: once the producer pushes a result).
//
// A user-defined CallLater embeds [BaseInstruction].
type CallLater interface {
	Instruction
	CallLater(callable func())
}

// CooperateInstruction is the instruction made by [Cooperate].
//
// A type that embeds *CooperateInstruction (or CooperateInstruction) is a
// Cooperate too, as a subclass of Python's flow.Cooperate is: the
// controllers pause the flow for its Timeout, on their own reactor ([Block]
// by sleeping); its CallLater method is only what other code calls.
type CooperateInstruction struct {
	BaseInstruction
	// Timeout is the pause asked for, in seconds.
	Timeout float64
}

// Cooperate requests that processing be paused so other tasks can resume.
//
// Yield it when the current chain would block, or periodically during an
// intensive processing task. The controller pauses the whole chain of
// stages and resumes it timeout seconds later (or more): [Deferred]
// through its reactor's CallLater, [Block] by sleeping.
//
//	// within some generator wrapped by a controller
//	if !yield(flow.Cooperate(1)) { // yield for a second or more
//		return nil
//	}
//
// Each call returns a distinct instruction, as each Python Cooperate() is a
// distinct object: [Concurrent] registers one wake-up per distinct
// instruction its branches return. A NaN timeout panics with the
// AssertionError every time argument gives ([reactor.Clock.Advance]).
func Cooperate(timeout float64) *CooperateInstruction {
	timers.CheckTime(timeout)
	return &CooperateInstruction{Timeout: timeout}
}

// CallLater calls callable timeout seconds from now on the default
// reactor. Controllers schedule a [Cooperate] on their own reactor instead.
func (c *CooperateInstruction) CallLater(callable func()) {
	reactor.Default().CallLater(c.Timeout, callable)
}

// cooperation makes c, and every type that embeds it, a cooperation.
func (c *CooperateInstruction) cooperation() *CooperateInstruction { return c }

// PyRepr prints the instruction as Python 2 prints a [Cooperate] instance.
func (c *CooperateInstruction) PyRepr() string {
	return fmt.Sprintf("<twisted.flow.base.Cooperate instance at %p>", c)
}
