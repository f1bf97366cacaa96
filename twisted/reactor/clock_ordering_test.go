package reactor

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestClockOrderingGolden replays the random scenarios recorded by
// testdata/clock_ordering.py on Twisted's task.Clock and checks that
// reactor.Clock runs the calls in the same order, at the same times, with
// the same errors and the same GetDelayedCalls lists.
func TestClockOrderingGolden(t *testing.T) {
	f, err := os.Open("testdata/clock_ordering.golden.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var scenario struct {
			Steps []any `json:"steps"`
			Trace []any `json:"trace"`
		}
		if err := json.Unmarshal(sc.Bytes(), &scenario); err != nil {
			t.Fatal(err)
		}
		got := replayClock(scenario.Steps)
		if diff := cmp.Diff(scenario.Trace, got); diff != "" {
			t.Fatalf("scenario %d: trace differs from Twisted's (-python +go):\n%s\nsteps: %v", n, diff, scenario.Steps)
		}
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Fatalf("only %d scenarios read", n)
	}
}

// replayClock runs the steps of one scenario (see clock_ordering.py) and
// returns its trace, in the JSON shapes the Python wrote.
func replayClock(steps []any) []any {
	clock := NewClock()
	calls := map[float64]*DelayedCall{}
	var trace []any
	var do func(step []any)
	fire := func(id float64, actions []any) func() {
		return func() {
			trace = append(trace, []any{"fire", id, clock.Seconds()})
			for _, a := range actions {
				do(a.([]any))
			}
		}
	}
	do = func(step []any) {
		switch op := step[0].(string); op {
		case "later":
			id := step[2].(float64)
			calls[id] = clock.CallLater(step[1].(float64), fire(id, step[3].([]any)))
		case "reset", "delay", "cancel":
			id := step[1].(float64)
			call := calls[id]
			if call == nil {
				trace = append(trace, []any{"missing", id})
				return
			}
			var err error
			switch op {
			case "reset":
				err = call.Reset(step[2].(float64))
			case "delay":
				err = call.Delay(step[2].(float64))
			default:
				err = call.Cancel()
			}
			switch {
			case errors.Is(err, AlreadyCalled):
				trace = append(trace, []any{"err", op, id, "AlreadyCalled"})
			case errors.Is(err, AlreadyCancelled):
				trace = append(trace, []any{"err", op, id, "AlreadyCancelled"})
			case err != nil:
				trace = append(trace, []any{"err", op, id, err.Error()})
			}
		case "calls":
			ids := map[*DelayedCall]float64{}
			for id, c := range calls {
				ids[c] = id
			}
			list := []any{}
			for _, c := range clock.GetDelayedCalls() {
				list = append(list, ids[c])
			}
			trace = append(trace, []any{"calls", list})
		case "advance":
			clock.Advance(step[1].(float64))
		}
	}
	for _, s := range steps {
		do(s.([]any))
	}
	clock.Advance(100)
	return append(trace, []any{"end", clock.Seconds()})
}
