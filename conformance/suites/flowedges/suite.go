// Package flowedges holds the conformance scenarios transcribed from our own
// edge cases of twisted.flow, each recorded under the 2009 original
// (CPython 2.7, Twisted b2b5697a0f^).
//
// Each scenario is a small script, testdata/<area>.<what>.py, run after
// testdata/prelude.py (helpers.go transcribes its helpers), with its
// recorded trace in testdata/<area>.<what>.golden. The areas: trap (traps
// by class and parent class, merged trap lists, nested stage against
// controller), next (protocol of Next), chunked, failure (failures after
// results, in the middle of Map/Zip/Merge), zip and map, merge and
// concurrent (orders of rounds and wake-ups), callback (push orders),
// linebreak, filter, pipe and pipeline (call orders along a chain under
// Block), nested and gen (nested generators, closing), gendeferred
// (generators yielding Deferreds), wrap, block, deferred (the flow.Deferred
// controller), threaded, iterclass (iterator classes in the state pattern),
// instruction and unsupported.
//
// Where the Go port deliberately differs (the original crashes, hangs, or
// loses data there) the scenario is a Deviation, with the Go trace in
// testdata/<name>.go.golden; PORTING.md (the twisted.flow section) lists the
// deviations.
//
// Reactor time: the Python runs the real reactor, the Go a reactor.Clock
// advanced from one delayed call to the next (see edge.wait); a Threaded
// stage's threads hand their results over to calls that edge.wait runs
// between the clock's (see threadPool), so that no Go trace depends on
// the machine's pace. Timed scenarios keep their events far enough apart
// that the Python's order does not depend on the machine's load.
package flowedges

import (
	"embed"

	"github.com/twistedflow/twistedflow/conformance"
)

//go:embed testdata
var testdata embed.FS

// Suite is flow edges: its scenarios register themselves in init functions.
var Suite = conformance.NewSuite("flow edges", conformance.Flow2009, testdata)
