package testcooperator

import (
	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/suites/testtask/pyunit"
	"github.com/twistedflow/twistedflow/twisted/task"
)

func init() {
	Suite.Add(conformance.Scenario{
		Name:   "CooperatorEdges.stopFailsEveryTask",
		Source: "src/twisted/internet/task.py Cooperator.stop (Twisted 22.4; unchanged at trunk 64661601a1, 2024)",
		Origin: conformance.Recorded,
		Deviation: &conformance.Deviation{
			Reason: "Twisted's Cooperator.stop iterates self._tasks while each task's _completeWith removes " +
				"itself from that list, so every other task is skipped and its whenDone Deferreds never " +
				"fire (a hang for whoever waits on them); Go's Stop fails every task with SchedulerStopped, " +
				"as its docstring promises.",
		},
		Run: func(t *conformance.T) {
			results := map[int]any{}
			c := task.NewCooperator(task.WithScheduler(func(func()) task.Cancellable { return nil }))
			for i := range 5 {
				d := c.Coiterate(seq(1, 2))
				d.AddBoth(func(r any) (any, error) { results[i] = r; return nil, nil })
			}
			c.Stop()
			for i := range 5 {
				r, ok := results[i]
				if !ok {
					r = "never fired"
				}
				t.Print(i, pyunit.Show(r))
			}
			d := c.Coiterate(seq(1, 2))
			d.AddBoth(func(r any) (any, error) { t.Print("added after stop:", pyunit.Show(r)); return nil, nil })
		},
	})
}
