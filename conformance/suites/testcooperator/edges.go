package testcooperator

import (
	"fmt"
	"strings"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
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

func init() {
	Suite.Add(conformance.Scenario{
		Name:   "CooperatorEdges.roundRobinOrder",
		Source: "src/twisted/internet/task.py Cooperator._tasksWhileNotStopped (Twisted 22.4): the order tasks are stepped in",
		Origin: conformance.Recorded,
		Run: func(t *conformance.T) {
			log := []string{}
			work := []*FakeDelayedCall{}
			sched := func(f func()) task.Cancellable {
				work = append(work, NewFakeDelayedCall(f))
				return work[len(work)-1]
			}
			pump := func() {
				todo := work
				work = []*FakeDelayedCall{}
				for _, call := range todo {
					if !call.cancelled {
						call.fn()
					}
				}
			}
			steps3 := func() func() bool {
				n := 0
				return func() bool { n++; return n >= 3 }
			}

			c := task.NewCooperator(task.WithScheduler(sched), task.WithTerminationPredicateFactory(steps3))
			gate := deferred.New()
			tasks := map[string]*task.CooperativeTask{}

			var worker func(name string, n int) task.Iterator
			worker = func(name string, n int) task.Iterator {
				return task.FromSeq(func(yield func(any) bool) {
					for i := range n {
						log = append(log, fmt.Sprint(name, i))
						var ok bool
						if name == "b" && i == 1 {
							ok = yield(gate)
						} else if name == "c" && i == 0 {
							tasks["e"] = c.Cooperate(worker("e", 2))
							ok = yield(i)
						} else {
							ok = yield(i)
						}
						if !ok {
							return
						}
					}
				})
			}

			for _, w := range []struct {
				name string
				n    int
			}{{"a", 1}, {"b", 3}, {"c", 2}, {"d", 4}} {
				tasks[w.name] = c.Cooperate(worker(w.name, w.n))
				tasks[w.name].WhenDone().AddCallback(func(any) (any, error) { log = append(log, w.name+" done"); return nil, nil })
			}

			for tick := range 8 {
				if tick == 3 {
					gate.Callback(nil)
					log = append(log, "gate fired")
				}
				if tick == 4 {
					_ = tasks["d"].Pause()
					log = append(log, "d paused")
				}
				if tick == 6 {
					_ = tasks["d"].Resume()
					log = append(log, "d resumed")
				}
				pump()
				t.Print("tick", tick, strings.Join(log, " "))
				log = log[:0]
			}
		},
	})
}

func init() {
	Suite.Add(conformance.Scenario{
		Name:   "CooperatorEdges.taskStopsItself",
		Source: "src/twisted/internet/task.py CooperativeTask._oneWorkUnit (Twisted 22.4): a step that stops its own task",
		Origin: conformance.Recorded,
		Deviation: &conformance.Deviation{
			Reason: "When a task's step stops the task itself and then ends, raises or yields a Deferred, " +
				"Twisted completes the task a second time and raises out of the Cooperator's tick " +
				"(ValueError from list.remove, or TaskStopped from pause); Go ignores what such a step " +
				"returns, as Twisted does when the step yields a plain value.",
		},
		Run: func(t *conformance.T) {
			work := []func(){}
			sched := func(f func()) task.Cancellable {
				work = append(work, f)
				return &FakeCall{}
			}
			for _, then := range []string{"yields", "returns", "raises", "yields a Deferred"} {
				log := []string{}
				c := task.NewCooperator(task.WithScheduler(sched))

				var tk *task.CooperativeTask
				gen := func(yield func(any) bool) {
					log = append(log, "step")
					_ = tk.Stop()
					if then == "yields" {
						yield(0)
					} else if then == "raises" {
						panic(twisted.RuntimeError.New("after stop"))
					} else if then == "yields a Deferred" {
						yield(deferred.New())
					}
				}

				tk = c.Cooperate(task.FromSeq(gen))
				tk.WhenDone().AddBoth(func(r any) (any, error) { log = append(log, "done "+pyunit.Show(r)); return nil, nil })
				for len(work) > 0 {
					f := work[0]
					work = work[1:]
					func() {
						defer func() {
							if e := recover(); e != nil {
								log = append(log, "tick raised "+pyunit.Show(twisted.FailureFromPanic(e).Value))
							}
						}()
						f()
					}()
				}
				t.Print(then+":", strings.Join(log, ", "))
			}
		},
	})
}

func init() {
	Suite.Add(conformance.Scenario{
		Name:   "CooperatorEdges.stoppedWhileWaiting",
		Source: "src/twisted/internet/task.py CooperativeTask._oneWorkUnit (Twisted 22.4): a task stopped while it waits on a Deferred it yielded, which then fails",
		Origin: conformance.Recorded,
		Deviation: &conformance.Deviation{
			Reason: "When a task waiting on a Deferred it yielded is stopped and that Deferred then fails, " +
				"Twisted's failLater completes the task a second time: its whenDone Deferreds are fired again " +
				"(an AlreadyCalledError into the yielded Deferred's chain) and its state turns from TaskStopped " +
				"to TaskFailed. Go leaves the stopped task as it is, and the failure is consumed as before.",
		},
		Run: func(t *conformance.T) {
			work := []func(){}
			sched := func(f func()) task.Cancellable {
				work = append(work, f)
				return &FakeCall{}
			}
			gate := deferred.New()
			gen := func(yield func(any) bool) {
				_ = yield(gate) && yield(1)
			}
			c := task.NewCooperator(task.WithScheduler(sched))
			tk := c.Cooperate(task.FromSeq(gen))
			tk.WhenDone().AddBoth(func(r any) (any, error) { t.Print("done", pyunit.Show(r)); return nil, nil })
			for len(work) > 0 {
				f := work[0]
				work = work[1:]
				f()
			}
			_ = tk.Stop()
			gate.Errback(twisted.RuntimeError.New("late"))
			gate.AddBoth(func(r any) (any, error) { t.Print("gate", pyunit.Show(r)); return nil, nil })
			if err := tk.Pause(); err != nil {
				t.Print("pause raised", pyunit.Show(err))
			}
			tk.WhenDone().AddBoth(func(r any) (any, error) { t.Print("done again", pyunit.Show(r)); return nil, nil })
		},
	})
}
