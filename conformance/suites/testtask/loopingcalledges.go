package testtask

import (
	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/task"
)

func init() {
	Suite.Add(conformance.Scenario{
		Name:   "LoopingCallEdges.scheduleAndRestart",
		Source: "src/twisted/internet/task.py LoopingCall._scheduleFrom, reset, stop (Twisted 22.4): when calls are scheduled",
		Origin: conformance.Recorded,
		Run: func(t *conformance.T) {
			show := pyunit.Show
			clock := task.NewClock()
			times := []any{}
			var lc *task.LoopingCall

			f := func() (any, error) {
				times = append(times, clock.Seconds())
				if len(times) == 3 {
					lc.Reset()
				}
				if len(times) == 5 {
					lc.Interval = 0.25
				}
				if len(times) == 8 {
					lc.Stop()
				}
				return nil, nil
			}

			lc = task.NewLoopingCall(f)
			lc.Clock = clock

			restart := func(result any) (any, error) {
				t.Print("stopped at", show(clock.Seconds()), "with", show(result == any(lc)))
				lc.Start(0.7, false)
				return nil, nil
			}

			lc.Start(0.1, true).AddCallback(restart)
			for range 14 {
				clock.Advance(0.1)
			}
			t.Print(show(times))
			getTimes := func() []any {
				out := []any{}
				for _, c := range clock.GetDelayedCalls() {
					out = append(out, c.GetTime())
				}
				return out
			}
			t.Print(show(getTimes()))
			clock.Advance(0.05)
			lc.Reset()
			t.Print(show(getTimes()))
			clock.Pump([]float64{0.7, 0.7})
			t.Print(show(times[8:]))
			lc.Stop()
			t.Print(show(clock.GetDelayedCalls()))
		},
	})
}

func init() {
	Suite.Add(conformance.Scenario{
		Name:   "LoopingCallEdges.withCountSkips",
		Source: "src/twisted/internet/task.py LoopingCall.withCount (Twisted 22.4): the counts it passes",
		Origin: conformance.Recorded,
		Run: func(t *conformance.T) {
			clock := task.NewClock()
			counts := []any{}
			pending := []*deferred.Deferred{}

			f := func(count int) (any, error) {
				counts = append(counts, twisted.Tuple{clock.Seconds(), count})
				if len(counts) == 4 {
					d := deferred.New()
					pending = append(pending, d)
					return d, nil
				}
				return nil, nil
			}

			lc := task.NewLoopingCallWithCount(f)
			lc.Clock = clock
			lc.Start(0.3, true)
			for _, step := range []float64{0.29, 0.02, 0.61, 0.3, 0.05, 1.3, 0.7} {
				clock.Advance(step)
			}
			t.Print(pyunit.Show(counts))
			counts = counts[:0]
			pending[0].Callback(nil)
			clock.Pump([]float64{0.1, 0.2, 0.95})
			lc.Reset()
			clock.Pump([]float64{0.3, 0.31, 0.9})
			t.Print(pyunit.Show(counts))
			lc.Stop()
		},
	})
}
