package flowdocs

import (
	"fmt"
	"iter"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/flow/threads"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// The code listings of doc/flow/howto/flow.xhtml (b2b5697a0f^) that run
// without a network; the others are in testdata/NOT-PORTED.md.

const howto = "doc/flow/howto/flow.xhtml "

// Request is the Request class of "Handling more than one Request".
type Request struct {
	t       *conformance.T
	reactor *reactor.Reactor
	name    string
}

func NewRequest(t *conformance.T, reactor *reactor.Reactor, name string) *Request {
	self := &Request{t: t, reactor: reactor}
	self.name = name
	reactor.CallLater(0, self.step_one)
	return self
}

func (self *Request) step_one() {
	self.t.Print(self.name, ": Step One")
	self.reactor.CallLater(0, self.step_two)
}

func (self *Request) step_two() {
	self.t.Print(self.name, ": Step Two")
	self.reactor.CallLater(0, self.step_done)
}

func (self *Request) step_done() {
	// cleanup, and don't call reactor again.
}

// DRequest is the Request class of "Deferred Callbacks".
type DRequest struct {
	t       *conformance.T
	reactor *reactor.Reactor
	name    string
	d       *deferred.Deferred
}

func NewDRequest(t *conformance.T, reactor *reactor.Reactor, name string) *DRequest {
	self := &DRequest{t: t, reactor: reactor}
	self.name = name
	self.d = deferred.New()
	reactor.CallLater(0, self.step_one)
	return self
}

func (self *DRequest) step_one() {
	self.t.Print(self.name, ": Step One")
	self.reactor.CallLater(0, self.step_two)
}

func (self *DRequest) step_two() {
	self.t.Print(self.name, ": Step Two")
	self.reactor.CallLater(0, self.step_done)
}

func (self *DRequest) step_done() {
	self.d.Callback(nil) // notify callback that we are done
}

// Counter is the iterator class of "Iterators and generators".
type Counter struct{ count int }

func NewCounter(count int) *Counter { return &Counter{count: count} }

func (self *Counter) Next() (any, error) {
	ret := self.count
	self.count -= 1
	if ret != 0 {
		return ret, nil
	}
	return nil, twisted.StopIteration.New()
}

// States is the iterator of "State pattern".
type States struct{ next func() (any, error) }

func (self *States) Iter() (flow.Iterator, error) {
	self.next = self.state_one
	return self, nil
}

func (self *States) Next() (any, error) { return self.next() }

func (self *States) state_one() (any, error) {
	self.next = self.state_two
	return "one", nil
}

func (self *States) state_two() (any, error) {
	self.next = self.state_stop
	return "two", nil
}

func (self *States) state_stop() (any, error) { return nil, twisted.StopIteration.New() }

// counterGen is the generator Counter of "Generators" and later sections,
// as a Go iterator (plain Python) or a flow.Generator (wrapped by flow).
func counterSeq(count int) iter.Seq[any] {
	return func(yield func(any) bool) {
		for count > 0 {
			if !yield(count) {
				return
			}
			count -= 1
		}
	}
}

func counterGen(count int) flow.Generator {
	return func(yield func(any) bool) error {
		for count > 0 {
			if !yield(count) {
				return nil
			}
			count -= 1
		}
		return nil
	}
}

func init() {
	example("howto.Request", howto+`"Handling more than one Request" (b2b5697a0f^)`, func(t *conformance.T) {
		reactor := prelude(t)
		NewRequest(t, reactor, "James")
		NewRequest(t, reactor, "Wendy")

		// start and shut down the event loop
		reactor.CallLater(1, func() { reactor.Stop() })
		reactor.Run()
	})

	example("howto.DeferredCallbacks", howto+`"Deferred Callbacks" (b2b5697a0f^)`, func(t *conformance.T) {
		reactor := prelude(t)
		james := NewDRequest(t, reactor, "James")
		wendy := NewDRequest(t, reactor, "Wendy")

		// start and shut down the event loop
		d := deferred.DeferredList([]*deferred.Deferred{james.d, wendy.d})
		d.AddCallback(func(any) (any, error) { return nil, reactor.Stop() })
		reactor.Run()
	})

	Suite.Add(conformance.Scenario{
		Name:   "howto.Iterators",
		Source: howto + `"Iterators and generators" (b2b5697a0f^)`,
		Origin: conformance.Recorded,
		Deviation: &conformance.Deviation{Reason: "the listing's first line, `from twisted.python.compat import iter, StopIteration`, " +
			"fails under the 2009 Twisted (compat no longer has them): the script catches and prints the ImportError, " +
			"then runs on with the builtins; Go has nothing to import, so its trace is the listing's output alone"},
		Run: func(t *conformance.T) {
			prelude(t)
			t.Print(collect(NewCounter(3)))

			// prints: [3, 2, 1]
		},
	})

	example("howto.StatePattern", howto+`"State pattern" (b2b5697a0f^)`, func(t *conformance.T) {
		prelude(t)
		states, _ := (&States{}).Iter()
		t.Print(collect(states))

		// prints: ['one', 'two']
	})

	example("howto.Generators", howto+`"Generators" (b2b5697a0f^)`, func(t *conformance.T) {
		prelude(t)
		Counter := counterSeq
		States := func() iter.Seq[any] {
			return func(yield func(any) bool) {
				_ = yield("one") && yield("two")
			}
		}

		t.Print(collectSeq(Counter(3)))
		t.Print(collectSeq(States()))

		// prints:
		//    [3, 2, 1]
		//    ['one', 'two']
	})

	example("howto.ChainingGenerators", howto+`"Chaining Generators" (b2b5697a0f^)`, func(t *conformance.T) {
		prelude(t)
		Counter := counterSeq
		Consumer := func() iter.Seq[any] {
			return func(yield func(any) bool) {
				producer := Counter(3)
				for result := range producer {
					if 2 != result {
						if !yield(result) {
							return
						}
					}
				}
			}
		}

		t.Print(collectSeq(Consumer()))

		// prints: [3, 1]
	})

	example("howto.IntroducingFlow", howto+`"Introducing Flow" (b2b5697a0f^)`, func(t *conformance.T) {
		prelude(t)
		Counter := counterGen
		Consumer := func() flow.Generator {
			return func(yield func(any) bool) error {
				producer := flow.Wrap(Counter(3))
				if !yield(producer) {
					return nil
				}
				for {
					result, err := producer.Next() // for result in producer:
					if err != nil {
						return err
					}
					if 2 != result {
						if !yield(result) {
							return nil
						}
					}
					if !yield(producer) {
						return nil
					}
				}
			}
		}

		t.Print(list(flow.Block(Consumer)))

		// prints: [3, 1]
	})

	example("howto.EquivalentForms.next", howto+`"Equivalent Forms", first listing, with the previous section's Counter and its last line (b2b5697a0f^)`, func(t *conformance.T) {
		prelude(t)
		Counter := counterGen
		Consumer := func() flow.Generator {
			return func(yield func(any) bool) error {
				producer := flow.Wrap(Counter(3))
				for {
					if !yield(producer) {
						return nil
					}
					result, err := producer.Next()
					if err != nil {
						return err
					}
					if 2 != result {
						if !yield(result) {
							return nil
						}
					}
				}
			}
		}

		t.Print(list(flow.Block(Consumer)))
	})

	example("howto.EquivalentForms.results", howto+`"Equivalent Forms", second listing, with the previous section's Counter and its last line (b2b5697a0f^); said to be equivalent, it lacks the 2 != result test`, func(t *conformance.T) {
		prelude(t)
		Counter := counterGen
		Consumer := func() flow.Generator {
			return func(yield func(any) bool) error {
				producer := flow.Wrap(Counter(3))
				for {
					if !yield(producer) {
						return nil
					}
					st := producer.State()
					if len(st.Results) > 0 {
						result := st.Results[0] // producer.results.pop(0)
						st.Results = st.Results[1:]
						if !yield(result) {
							return nil
						}
						continue
					}
					if st.Failure != nil {
						st.Stop = true
						st.Failure.Trap()
					}
					if st.Stop {
						break
					}
				}
				return nil
			}
		}

		t.Print(list(flow.Block(Consumer)))
	})

	example("howto.HandlingFailures", howto+`"Handling failures" (b2b5697a0f^)`, func(t *conformance.T) {
		prelude(t)
		Producer := func(throw error) flow.Generator {
			return func(yield func(any) bool) error {
				if !(yield(1) && yield(2)) {
					return nil
				}
				return throw
			}
		}

		Consumer := func(producer any) flow.Generator {
			return func(yield func(any) bool) error {
				producer := flow.Wrap(producer, twisted.IOError)
				if !yield(producer) {
					return nil
				}
				for { // try:
					result, err := producer.Next() // for result in producer:
					if stopped(err) {
						return nil
					}
					if err != nil {
						if f := twisted.NewFailure(err); f.Check(twisted.AssertionError) != nil { // except AssertionError, err:
							// handle assertion error
							yield(twisted.Str(f.Value))
							return nil
						}
						return err
					}
					if result == twisted.IOError {
						// handle trapped error
						if !yield("trapped") {
							return nil
						}
					} else {
						if !yield(result) {
							return nil
						}
					}
					if !yield(producer) {
						return nil
					}
				}
			}
		}

		t.Print(list(flow.Block(Consumer(Producer(twisted.IOError.New("trap"))))))
		t.Print(list(flow.Block(Consumer(Producer(twisted.AssertionError.New("notrap"))))))

		// prints: [1, 2, 'trapped']
		// prints: [1, 2, 'notrap']
	})

	example("howto.Cooperate", howto+`"Cooperate": Block sleeps 2s through Cooperate(2) (b2b5697a0f^)`, func(t *conformance.T) {
		prelude(t)
		gen := func() flow.Generator {
			return func(yield func(any) bool) error {
				_ = yield("immediate") && yield(flow.Cooperate(2)) && yield("delayed")
				return nil
			}
		}

		for x, err := range flow.Block(gen).All() {
			if err != nil {
				twisted.NewFailure(err).RaiseException()
			}
			t.Print(x)
		}

		// prints:
		//  immediate
		//  delayed
	})

	example("howto.MergeAndZip", howto+`"Merge and Zip" (b2b5697a0f^)`, func(t *conformance.T) {
		prelude(t)
		Right := func() flow.Generator {
			return func(yield func(any) bool) error {
				_ = yield("one") && yield("two") && yield(flow.Cooperate(0)) && yield("three")
				return nil
			}
		}

		Left := func() flow.Generator {
			return func(yield func(any) bool) error {
				_ = yield(1) && yield(2) && yield(3)
				return nil
			}
		}

		t.Print("Zip", list(flow.Block(flow.Zip(Right, Left))))
		t.Print("Merge", list(flow.Block(flow.Merge(Right, Left))))

		// Zip [('one', 1), ('two', 2), ('three', 3)]
		// Merge ['one', 1, 'two', 2, 3, 'three']
	})

	example("howto.DeferredFlow", howto+`"Deferred Flow" (b2b5697a0f^)`, func(t *conformance.T) {
		reactor := prelude(t)
		request := func(name string) flow.Generator {
			return func(yield func(any) bool) error {
				t.Print(name, ": Step One")
				if !yield(flow.Cooperate(0)) {
					return nil
				}
				t.Print(name, ": Step Two")
				return nil
			}
		}

		james := flow.DeferredOn(reactor, request("James"))
		wendy := flow.DeferredOn(reactor, request("Wendy"))

		// start and shut down the event loop
		d := deferred.DeferredList([]*deferred.Deferred{wendy, james})
		d.AddCallback(func(any) (any, error) { return nil, reactor.Stop() })
		reactor.Run()
	})

	example("howto.Threading", howto+`"Threading", its "alternatively" variant (b2b5697a0f^): deterministic output only (each count's log lines in their order, each flow's results), since the interleaving depends on thread scheduling and wall-clock time`, func(t *conformance.T) {
		reactor := prelude(t)
		log := &threadLog{} // ours: the prints go to a log

		countSleep := func(index int) flow.Generator {
			return func(yield func(any) bool) error {
				for index := range index {
					sleep(.3)
					log.append(fmt.Sprint("sleep ", index)) // print "sleep", index
					if !yield(index) {
						return nil
					}
				}
				return nil
			}
		}

		countCooperate := func(index int) flow.Generator {
			return func(yield func(any) bool) error {
				for index := range index {
					if !yield(flow.Cooperate(.1)) {
						return nil
					}
					log.append(fmt.Sprint("cooperate ", index)) // print "cooperate", index
					if !yield(fmt.Sprintf("coop %d", index)) {
						return nil
					}
				}
				return nil
			}
		}

		// # alternatively
		d1 := flow.DeferredOn(reactor, threads.ThreadedOn(reactor, countSleep(5)))
		d2 := flow.DeferredOn(reactor, countCooperate(10))
		d := deferred.DeferredList([]*deferred.Deferred{d1, d2})

		prn := func(x any) (any, error) {
			t.Print(log.startingWith("sleep"))
			t.Print(log.startingWith("cooperate"))
			t.Print(x)
			reactor.Stop()
			return nil, nil
		}
		d.AddCallback(prn)
		reactor.Run()
	})
}
