package flow

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/twistedflow/twistedflow/twisted"
)

// Cycles of stages. A stage that consumes others (a generator's or
// iterator's stage, a Pipe, Map, Concurrent, Block) marks itself while it
// runs the Yield of one of them. Its own Yield entered while it is marked
// means that it is being yielded from inside itself: a cycle, such as a
// generator that yields its own stage, or a that yields b that yields a.
// The original recurses there until Python raises RuntimeError
// ('maximum recursion depth exceeded'); Go would overflow its stack, a
// fatal error that no recover catches. yieldCycle's RecursionError (a
// RuntimeError) is raised instead: it travels up to the controller, as
// the original's exception does, and fails the flow.
//
// A stage entered again from inside its source, rather than from inside a
// stage it yields (a generator resumed from inside itself), is not a
// cycle: the generator fails with ValueError "generator already
// executing", as Python's does.

// innerStage is a consuming stage that can tell which stage it is running
// the Yield of, for yieldCycle to name the stages of a cycle.
type innerStage interface {
	innerStage() Stage
}

// yieldOf runs inner's Yield for the consuming stage whose state is b,
// marking b meanwhile (see checkCycle).
func (b *Base) yieldOf(inner Stage) Instruction {
	b.yielding = true
	inst := inner.Yield()
	b.yielding = false
	return inst
}

// checkCycle panics with yieldCycle(s) if s, whose state is b, is running
// the Yield of a stage it consumes: its own Yield has been entered again
// from there.
func (b *Base) checkCycle(s Stage) {
	if b.yielding {
		panic(yieldCycle(s))
	}
}

func (s *iterStage) innerStage() Stage { return s.current() }

func (p *Pipe) innerStage() Stage { return p.source }

func (m *MapStage) innerStage() Stage {
	if m.index < len(m.stages) {
		return m.stages[m.index]
	}
	return nil
}

func (b *BlockStage) innerStage() Stage { return b.stage }

// self returns the stage that embeds the pipe (its Processor), or the
// pipe itself.
func (p *Pipe) self() Stage {
	if s, ok := p.proc.(Stage); ok {
		return s
	}
	return p
}

// yieldCycle is the RecursionError of a cycle through s, naming the
// stages of the cycle as far as they can tell what they are running.
func yieldCycle(s Stage) error {
	names := []string{stageName(s)}
	cur := s
	for range 8 {
		in, ok := cur.(innerStage)
		if !ok {
			break
		}
		if cur = in.innerStage(); cur == nil {
			break
		}
		names = append(names, stageName(cur))
		if cur == s {
			break
		}
	}
	if cur != s {
		names = append(names, "...")
	}
	return twisted.RecursionError.New("maximum recursion depth exceeded: a cycle of stages, " +
		strings.Join(names, " yields "))
}

// stageName is how yieldCycle names a stage: its Python repr, or its type
// and address for a stage of the user's own.
func stageName(s Stage) string {
	if r, ok := s.(interface{ PyRepr() string }); ok {
		return r.PyRepr()
	}
	if v := reflect.ValueOf(s); v.Kind() == reflect.Pointer {
		return fmt.Sprintf("<%T instance at %p>", s, s)
	}
	return fmt.Sprintf("<%T instance>", s)
}
