package flow

import "fmt"

// pyRepr prints a stage as Python 2 prints an instance of the original's
// class: <module.Class instance at 0x...>.
func pyRepr(class string, p any) string {
	return fmt.Sprintf("<twisted.flow.%s instance at %p>", class, p)
}

// PyRepr prints the stage as Python prints a twisted.flow.wrap._String.
func (s *stringStage) PyRepr() string { return pyRepr("wrap._String", s) }

// PyRepr prints the stage as Python prints a twisted.flow.wrap._List.
func (s *listStage) PyRepr() string { return pyRepr("wrap._List", s) }

// PyRepr prints the stage as Python prints a twisted.flow.wrap._Iterable.
func (s *iterStage) PyRepr() string { return pyRepr("wrap._Iterable", s) }

// PyRepr prints the stage as Python prints a twisted.flow.wrap._Deferred.
func (s *deferredStage) PyRepr() string { return pyRepr("wrap._Deferred", s) }

// PyRepr prints the stage as Python prints a [Map] (or [Zip]) instance.
func (m *MapStage) PyRepr() string {
	if m.zip {
		return pyRepr("stage.Zip", m)
	}
	return pyRepr("stage.Map", m)
}

// PyRepr prints the stage as Python prints a [Concurrent] instance.
func (c *ConcurrentStage) PyRepr() string { return pyRepr("stage.Concurrent", c) }

// PyRepr prints the stage as Python prints a [Merge] instance.
func (m *MergeStage) PyRepr() string { return pyRepr("stage.Merge", m) }

// PyRepr prints the stage as Python prints a [Callback] instance.
func (c *CallbackStage) PyRepr() string { return pyRepr("stage.Callback", c) }

// PyRepr prints the stage as Python prints a [Filter] instance.
func (f *FilterStage) PyRepr() string { return pyRepr("pipe.Filter", f) }

// PyRepr prints the stage as Python prints a [LineBreak] instance.
func (l *LineBreakStage) PyRepr() string { return pyRepr("pipe.LineBreak", l) }

// PyRepr prints the stage as Python prints a [Block] instance.
func (b *BlockStage) PyRepr() string { return pyRepr("controller.Block", b) }

// PyRepr prints the stage as Python prints a [Threaded] instance.
func (t *ThreadedStage) PyRepr() string { return pyRepr("threads.Threaded", t) }
