package testtask

import (
	"math"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
	"github.com/twistedflow/twistedflow/twisted/task"
)

func init() {
	Suite.Add(conformance.Scenario{
		Name:   "TimeEdges.nanTimes",
		Source: "src/twisted/internet/task.py Clock, LoopingCall, deferLater; base.py DelayedCall, callLater; defer.py addTimeout (Twisted 22.4): NaN as each time argument",
		Origin: conformance.Recorded,
		Deviation: &conformance.Deviation{
			Reason: "Twisted 22.4 takes NaN as a time everywhere but in the reactor's callLater, and then " +
				"misbehaves: a call reset or delayed to nan never runs, a Clock advanced by nan stays at nan " +
				"and runs nothing again, a LoopingCall or deferLater at nan never runs, a timeout of nan never " +
				"fires. Go refuses NaN in every time argument with the same AssertionError " +
				"('nan is not a number of seconds'), changing nothing; the reactor's callLater keeps Twisted's.",
		},
		Run: func(t *conformance.T) {
			show := pyunit.Show
			nan := math.NaN()

			attempt := func(label string, f func(clock *task.Clock, ran *[]any)) {
				clock := task.NewClock()
				ran := []any{}
				clock.CallLater(1, func() { ran = append(ran, "at 1") })
				outcome := "accepted"
				func() {
					defer func() {
						if v := recover(); v != nil {
							outcome = "raises " + show(v)
						}
					}()
					f(clock, &ran)
				}()
				clock.Advance(2)
				clock.Advance(2)
				t.Print(label, outcome, show(ran), show(clock.Seconds()))
			}

			attempt("callLater", func(clock *task.Clock, ran *[]any) {
				clock.CallLater(nan, func() { *ran = append(*ran, "nan call") })
			})
			attempt("reset", func(clock *task.Clock, ran *[]any) { _ = clock.GetDelayedCalls()[0].Reset(nan) })
			attempt("delay", func(clock *task.Clock, ran *[]any) { _ = clock.GetDelayedCalls()[0].Delay(nan) })

			loop := func(clock *task.Clock, ran *[]any) {
				lc := task.NewLoopingCall(func() (any, error) { *ran = append(*ran, "tick"); return nil, nil })
				lc.Clock = clock
				lc.Start(nan, false)
			}
			attempt("LoopingCall.start", loop)
			attempt("deferLater", func(clock *task.Clock, ran *[]any) {
				task.DeferLater(clock, nan, func() (any, error) { *ran = append(*ran, "later"); return nil, nil })
			})

			timeout := func(clock *task.Clock, ran *[]any) {
				d := deferred.New()
				d.AddTimeout(nan, clock, nil)
				d.AddErrback(func(f *twisted.Failure) (any, error) { *ran = append(*ran, show(f)); return nil, nil })
			}
			attempt("addTimeout", timeout)
			attempt("advance", func(clock *task.Clock, ran *[]any) { clock.Advance(nan) })
			attempt("pump", func(clock *task.Clock, ran *[]any) { clock.Pump([]float64{0.5, nan}) })
			func() {
				defer func() {
					if v := recover(); v != nil {
						t.Print("reactor.callLater raises", show(v))
					}
				}()
				reactor.Default().CallLater(nan, func() {})
			}()
		},
	})
}
