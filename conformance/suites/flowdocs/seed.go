package flowdocs

import (
	"fmt"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/flow/threads"
)

// The seed: Clark C. Evans, "Re: flow.Zip", Twisted-Python, 23 Apr 2003,
// on generators X -> Y -> Z each talking to a wrapper, and Cooperate sent
// down the chain so that the reactor can reschedule it.

func init() {
	example("seed.XYZ", "Clark C. Evans, \"Re: flow.Zip\", Twisted-Python, 23 Apr 2003 (X -> Y -> Z and Cooperate): our example of it, recorded under b2b5697a0f^", func(t *conformance.T) {
		reactor := prelude(t)

		Z := func() flow.Generator {
			return func(yield func(any) bool) error {
				for i := range 3 {
					t.Print("Z produces", i)
					if !yield(i) {
						return nil
					}
					if !yield(flow.Cooperate(0)) { // would block: let the others run
						return nil
					}
				}
				return nil
			}
		}

		Y := func() flow.Generator {
			return func(yield func(any) bool) error {
				z := flow.Wrap(Z())
				if !yield(z) {
					return nil
				}
				for {
					v, err := z.Next() // for v in z:
					if err != nil {
						return err
					}
					t.Print("Y got", v)
					if !yield(v.(int)*10) || !yield(z) {
						return nil
					}
				}
			}
		}

		X := func() flow.Generator {
			return func(yield func(any) bool) error {
				y := flow.Wrap(Y())
				if !yield(y) {
					return nil
				}
				for {
					v, err := y.Next() // for v in y:
					if err != nil {
						return err
					}
					t.Print("X got", v)
					if !yield(v.(int)+1) || !yield(y) {
						return nil
					}
				}
			}
		}

		other := func() flow.Generator {
			return func(yield func(any) bool) error {
				for _, c := range []string{"a", "b", "c", "d"} {
					t.Print("other", c)
					if !yield(c) || !yield(flow.Cooperate(0)) {
						return nil
					}
				}
				return nil
			}
		}

		x := flow.DeferredOn(reactor, X())
		o := flow.DeferredOn(reactor, other())
		t.Print("both started")

		done := func(results any) (any, error) {
			t.Print("results", results)
			reactor.Stop()
			return nil, nil
		}
		d := deferred.DeferredList([]*deferred.Deferred{x, o})
		d.AddCallback(done)
		reactor.Run()
	})
	example("seed.XYZThreaded", "Clark C. Evans, \"Re: flow.Zip\", Twisted-Python, 23 Apr 2003 (Threaded returns the instruction up the chain): our example of it, recorded under b2b5697a0f^; half-second pauses in the thread keep the order far from scheduling noise", func(t *conformance.T) {
		reactor := prelude(t)

		Z := func() flow.Generator {
			return func(yield func(any) bool) error {
				for i := range 3 {
					sleep(.5) // blocks: this runs in a thread
					t.Print("Z produces", i)
					if !yield(i) {
						return nil
					}
				}
				return nil
			}
		}

		Y := func() flow.Generator {
			return func(yield func(any) bool) error {
				z := flow.Wrap(threads.ThreadedOn(reactor, Z()))
				if !yield(z) {
					return nil
				}
				for {
					v, err := z.Next() // for v in z:
					if err != nil {
						return err
					}
					t.Print("Y got", v)
					if !yield(v.(int)*10) || !yield(z) {
						return nil
					}
				}
			}
		}

		X := func() flow.Generator {
			return func(yield func(any) bool) error {
				y := flow.Wrap(Y())
				if !yield(y) {
					return nil
				}
				for {
					v, err := y.Next() // for v in y:
					if err != nil {
						return err
					}
					t.Print("X got", v)
					if !yield(v.(int)+1) || !yield(y) {
						return nil
					}
				}
			}
		}

		other := func() flow.Generator {
			return func(yield func(any) bool) error {
				for _, c := range []string{"a", "b", "c"} {
					t.Print("other", c)
					if !yield(c) || !yield(flow.Cooperate(0)) {
						return nil
					}
				}
				return nil
			}
		}

		x := flow.DeferredOn(reactor, X())
		o := flow.DeferredOn(reactor, other())
		t.Print("both started")

		done := func(results any) (any, error) {
			t.Print("results", results)
			reactor.Stop()
			return nil, nil
		}
		d := deferred.DeferredList([]*deferred.Deferred{x, o})
		d.AddCallback(done)
		reactor.Run()
	})
	example("seed.XYZFailure", "Clark C. Evans, \"Re: flow.Zip\", Twisted-Python, 23 Apr 2003 (\"Failures are handled the same way\"): our example of it, recorded under b2b5697a0f^", func(t *conformance.T) {
		reactor := prelude(t)

		Z := func() flow.Generator {
			return func(yield func(any) bool) error {
				for i := range 3 {
					if i == 2 {
						return twisted.ValueError.New(fmt.Sprintf("Z broke at %d", i))
					}
					t.Print("Z produces", i)
					if !yield(i) || !yield(flow.Cooperate(0)) {
						return nil
					}
				}
				return nil
			}
		}

		Y := func() flow.Generator {
			return func(yield func(any) bool) error {
				z := flow.Wrap(Z())
				if !yield(z) {
					return nil
				}
				for {
					v, err := z.Next() // for v in z:
					if err != nil {
						return err
					}
					t.Print("Y got", v)
					if !yield(v.(int)*10) || !yield(z) {
						return nil
					}
				}
			}
		}

		X := func() flow.Generator {
			return func(yield func(any) bool) error {
				y := flow.Wrap(Y())
				if !yield(y) {
					return nil
				}
				for {
					v, err := y.Next() // for v in y:
					if err != nil {
						return err
					}
					t.Print("X got", v)
					if !yield(v.(int)+1) || !yield(y) {
						return nil
					}
				}
			}
		}

		other := func() flow.Generator {
			return func(yield func(any) bool) error {
				for _, c := range []string{"a", "b", "c", "d"} {
					t.Print("other", c)
					if !yield(c) || !yield(flow.Cooperate(0)) {
						return nil
					}
				}
				return nil
			}
		}

		x := flow.DeferredOn(reactor, X())
		o := flow.DeferredOn(reactor, other())
		t.Print("both started")

		failed := func(f *twisted.Failure) (any, error) {
			t.Print("X failed:", f.Type.Name(), f.GetErrorMessage())
			return nil, nil
		}
		x.AddErrback(failed)

		done := func(results any) (any, error) {
			t.Print("results", results)
			reactor.Stop()
			return nil, nil
		}
		d := deferred.DeferredList([]*deferred.Deferred{x, o})
		d.AddCallback(done)
		reactor.Run()
	})
}
