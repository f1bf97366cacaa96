package hardening

import (
	"math/rand/v2"
	"slices"
	"testing"

	"gotest.tools/v3/assert"

	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// size is n, or n/scale under the race detector or -short.
func size(n, scale int) int {
	if raceEnabled || testing.Short() {
		return n / scale
	}
	return n
}

// 100,000 flows run at once under one reactor, each cooperating in the
// middle, all complete with their own results.
func TestLoadManyConcurrentFlows(t *testing.T) {
	n := size(100_000, 10)
	r := reactor.New()
	results := make([][]any, n)
	done := 0
	r.CallWhenRunning(func() {
		for i := range n {
			gen := flow.Generator(func(yield func(any) bool) error {
				_ = yield(i) && yield(flow.Cooperate(0)) && yield(i+1)
				return nil
			})
			d := flow.DeferredOn(r, gen)
			d.AddCallback(func(res any) (any, error) {
				results[i] = res.([]any)
				if done++; done == n {
					return nil, r.Stop()
				}
				return nil, nil
			})
		}
	})
	assert.NilError(t, r.Run())
	assert.Equal(t, done, n)
	for i, res := range results {
		if len(res) != 2 || res[0] != i || res[1] != i+1 {
			t.Fatalf("flow %d gave %v", i, res)
		}
	}
}

// 1,000,000 timers with random delays on the real reactor all fire, once
// each, in the order of their due time and then of their scheduling.
func TestLoadMillionTimersFireInOrder(t *testing.T) {
	n := size(1_000_000, 10)
	r := reactor.New()
	rng := rand.New(rand.NewPCG(1, 2))
	type fired struct {
		at  float64
		seq int
	}
	order := make([]fired, 0, n)
	calls := make([]*reactor.DelayedCall, n)
	for i := range n {
		calls[i] = r.CallLater(rng.Float64()*0.05, func() {
			order = append(order, fired{calls[i].GetTime(), i})
			if len(order) == n {
				_ = r.Stop()
			}
		})
	}
	assert.NilError(t, r.Run())
	assert.Equal(t, len(order), n)
	sorted := slices.IsSortedFunc(order, func(a, b fired) int {
		if a.at != b.at {
			if a.at < b.at {
				return -1
			}
			return 1
		}
		return a.seq - b.seq
	})
	assert.Assert(t, sorted, "timers fired out of (due time, scheduling) order")
}

// A Threaded producer of 10 million items delivers every item exactly
// once, in order.
func TestLoadThreadedDeliversEveryItemInOrder(t *testing.T) {
	n := size(10_000_000, 50)
	r := reactor.New()
	source := flow.Generator(func(yield func(any) bool) error {
		for i := range n {
			if !yield(i) {
				return nil
			}
		}
		return nil
	})
	next, count := 0, 0
	consumer := flow.Generator(func(yield func(any) bool) error {
		items := flow.ThreadedOn(r, source)
		for {
			if !yield(items) {
				return nil
			}
			st := items.State()
			for _, v := range st.Results {
				if v != next {
					t.Errorf("item %v arrived where %d was due", v, next)
					return nil
				}
				next++
				count++
			}
			st.Results = st.Results[:0]
			if st.Stop || st.Failure != nil {
				return nil
			}
		}
	})
	var d *deferred.Deferred
	r.CallWhenRunning(func() {
		d = flow.DeferredOn(r, consumer)
		d.AddBoth(func(any) (any, error) { return nil, r.Stop() })
	})
	assert.NilError(t, r.Run())
	assert.Assert(t, d.Called())
	assert.Equal(t, count, n)
}
