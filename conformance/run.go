package conformance

import (
	"fmt"
	"strings"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/twistedflow/twistedflow/twisted"
)

// Status is the outcome of running a scenario.
type Status string

const (
	Pass     Status = "pass"
	Deviated Status = "deviation"
	Fail     Status = "fail"
)

// Timeout is how long a scenario's Go transcription may run before it
// fails as hung.
const Timeout = 30 * time.Second

// A Result is the outcome of one run of a scenario's Go transcription.
type Result struct {
	Scenario *Scenario
	Status   Status
	// Got is the Go trace.
	Got string
	// Problem says why a failed scenario failed: a diff against the golden,
	// a panic, a timeout, a missing file.
	Problem string
	// Live is what the Python side printed, when a Check ran it live.
	Live *LiveResult
	// differs: the transcription ran to its end and printed another trace
	// than its golden.
	differs bool
}

// WallClockRuns is how many times a [Scenario.WallClock] scenario's side
// runs before a trace that differs from its golden counts.
const WallClockRuns = 3

// Run runs the scenario's Go transcription and judges its trace. A
// transcription that panics or runs longer than Timeout fails. A
// WallClock scenario whose trace differs runs again, up to WallClockRuns
// times in all.
func Run(sc *Scenario) Result {
	res := runOnce(sc)
	for runs := 1; sc.WallClock && res.differs && runs < WallClockRuns; runs++ {
		res = runOnce(sc)
	}
	return res
}

// runOnce runs the scenario's Go transcription once and judges its trace.
func runOnce(sc *Scenario) Result {
	res := Result{Scenario: sc}
	if sc.err != nil {
		res.Status, res.Problem = Fail, sc.err.Error()
		return res
	}
	t := &T{}
	done := make(chan string, 1)
	go func() {
		panicked := ""
		defer func() {
			if v := recover(); v != nil {
				panicked = "panic: " + twisted.FailureFromPanic(v).GetTraceback()
			}
			done <- panicked
		}()
		defer t.runCleanups()
		sc.Run(t)
	}()
	timer := time.NewTimer(Timeout)
	defer timer.Stop()
	select {
	case p := <-done:
		res.Got = normalize(t.Output())
		if p != "" {
			res.Status, res.Problem = Fail, p
			return res
		}
	case <-timer.C:
		res.Got = normalize(t.Output())
		res.Status, res.Problem = Fail, fmt.Sprintf("did not finish in %v", Timeout)
		return res
	}
	t.mu.Lock()
	failed := t.failed
	t.mu.Unlock()
	switch {
	case failed != "":
		res.Status, res.Problem = Fail, failed
	case sc.Deviation != nil && (res.Got == sc.Deviation.Expected || sc.Deviation.suffix && strings.HasSuffix(res.Got, sc.Deviation.Expected)):
		res.Status = Deviated
	case sc.Deviation != nil:
		res.differs = true
		res.Status, res.Problem = Fail, "Go trace differs from the deviation's Go golden (-want +got):\n"+Diff(sc.Deviation.Expected, res.Got)
	case res.Got == sc.Expected:
		res.Status = Pass
	default:
		res.differs = true
		res.Status, res.Problem = Fail, "Go trace differs from the Python's (-python +go):\n"+Diff(sc.Expected, res.Got)
	}
	return res
}

// Diff returns a line diff of two traces.
func Diff(want, got string) string {
	return cmp.Diff(strings.Split(want, "\n"), strings.Split(got, "\n"))
}
