package task

import (
	"strings"
	"testing"
)

// TestTaskStopsItself: a task's generator that stops its own task (or its
// Cooperator) from inside a step.
func TestTaskStopsItself(t *testing.T) {
	for name, stop := range map[string]func(c *Cooperator, task *CooperativeTask){
		"task":       func(c *Cooperator, task *CooperativeTask) { _ = task.Stop() },
		"cooperator": func(c *Cooperator, task *CooperativeTask) { c.Stop() },
	} {
		t.Run(name, func(t *testing.T) {
			var s fakeScheduler
			c := NewCooperator(WithScheduler(s.schedule))
			var task *CooperativeTask
			var log []string
			task = c.Cooperate(FromSeq(func(yield func(any) bool) {
				log = append(log, "step 0")
				stop(c, task)
				log = append(log, "after stop")
				if !yield(0) {
					log = append(log, "yield false")
					return
				}
				log = append(log, "step 1")
			}))
			done := watchDone(task)
			s.pump()
			s.pump()
			if len(*done) != 1 || strings.Join(log, ", ") != "step 0, after stop, yield false" {
				t.Fatalf("log %q, WhenDone %v", log, *done)
			}
		})
	}
}
