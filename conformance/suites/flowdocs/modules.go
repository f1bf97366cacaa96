package flowdocs

import (
	"fmt"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/flow/threads"
)

// The examples of twisted.flow's module docstrings (b2b5697a0f^).

func example(name, source string, run func(t *conformance.T)) {
	Suite.Add(conformance.Scenario{Name: name, Source: source, Origin: conformance.Recorded, Run: run})
}

// wallClockExample is example for one whose trace depends on the real
// clock's pace (see conformance.Scenario.WallClock): timers a tenth of a
// second apart that a loaded machine can run in one iteration, which
// changes the order in which a Concurrent stage sees their results.
func wallClockExample(name, source string, run func(t *conformance.T)) {
	Suite.Add(conformance.Scenario{Name: name, Source: source, Origin: conformance.Recorded, Run: run, WallClock: true})
}

func init() {
	example("flow.printer", "twisted/flow/flow.py module docstring, the printer example (b2b5697a0f^)", func(t *conformance.T) {
		reactor := prelude(t)

		printer := func(source any) flow.Generator {
			return func(yield func(any) bool) error {
				source := flow.Wrap(source)
				for {
					if !yield(source) {
						return nil
					}
					v, err := source.Next()
					if err != nil {
						return err
					}
					t.Print(v)
				}
			}
		}

		someFlowSource := []any{"one", flow.Cooperate(1), "two"}

		d := flow.DeferredOn(reactor, printer(someFlowSource))
		d.AddCallback(func(any) (any, error) { return nil, reactor.Stop() })
		reactor.Run()
	})

	example("wrap.printFlow.string", "twisted/flow/wrap.py wrap() docstring, printFlow(\"string\") (b2b5697a0f^): the original hangs (reactor.stop() before reactor.run()); the watchdog ends it", func(t *conformance.T) {
		reactor := prelude(t)
		source := "string"
		printFlow(t, reactor, source)
		t.Print("printFlow returned")
	})

	Suite.Add(conformance.Scenario{
		Name:   "wrap.printFlow",
		Source: "twisted/flow/wrap.py wrap() docstring example as written: printFlow of four sources in one process (b2b5697a0f^)",
		Origin: conformance.Recorded,
		Deviation: &conformance.Deviation{Reason: "the original's second reactor.run() runs the list flow to its end but can never be stopped " +
			"(the first run's stop used up the one-shot shutdown trigger whose crash() ends the main loop), so the example " +
			"hangs after \"two\" (a hard watchdog ends the script); Go's reactor refuses to run a second time " +
			"(ReactorNotRestartable, as Twisted has raised since), so the second printFlow raises at once (its flow, waiting on Cooperate(1), prints nothing); " +
			"in both, the first printFlow hangs the same way (the watchdog stops it)"},
		Run: func(t *conformance.T) {
			reactor := prelude(t)
			func() {
				defer func() { // try: ... except Exception, e:
					if v := recover(); v != nil {
						t.Print("raised", twisted.FailureFromPanic(v).Type.Name())
					}
				}()
				var source any = "string"
				printFlow(t, reactor, source)

				source = []any{"one", flow.Cooperate(1), "two"}
				printFlow(t, reactor, source)

				source = func() flow.Generator {
					return func(yield func(any) bool) error {
						_ = yield("aeye") && yield(flow.Cooperate(0)) && yield("capin")
						return nil
					}
				}
				printFlow(t, reactor, source)

				d := deferred.New()
				source = d
				reactor.CallLater(1, func() { d.Callback("howdy") })
				printFlow(t, reactor, source)
			}()
			t.Print("the example ended")
		},
	})

	example("wrap.printFlow.list", "twisted/flow/wrap.py wrap() docstring, printFlow of a list with Cooperate(1) (b2b5697a0f^)", func(t *conformance.T) {
		reactor := prelude(t)
		source := []any{"one", flow.Cooperate(1), "two"}
		printFlow(t, reactor, source)
		t.Print("printFlow returned")
	})

	example("wrap.printFlow.generator", "twisted/flow/wrap.py wrap() docstring, printFlow of a generator function (b2b5697a0f^)", func(t *conformance.T) {
		reactor := prelude(t)
		source := func() flow.Generator {
			return func(yield func(any) bool) error {
				_ = yield("aeye") && yield(flow.Cooperate(0)) && yield("capin")
				return nil
			}
		}
		printFlow(t, reactor, source)
		t.Print("printFlow returned")
	})

	example("wrap.printFlow.Deferred", "twisted/flow/wrap.py wrap() docstring, printFlow of a Deferred fired a second later (b2b5697a0f^)", func(t *conformance.T) {
		reactor := prelude(t)
		source := deferred.New()
		reactor.CallLater(1, func() { source.Callback("howdy") })
		printFlow(t, reactor, source)
		t.Print("printFlow returned")
	})

	example("stage.Map", "twisted/flow/stage.py Map docstring (b2b5697a0f^): the original hangs (the flow ends before reactor.run()); the watchdog ends it", func(t *conformance.T) {
		reactor := prelude(t)
		fn := func(args ...any) (any, error) {
			val := args[0]
			return val.(int) + 10, nil
		}

		source := flow.Map(fn, pyRange(4))
		printFlow(t, reactor, source)
	})

	example("stage.Zip", "twisted/flow/stage.py Zip docstring (b2b5697a0f^)", func(t *conformance.T) {
		reactor := prelude(t)
		source := flow.Zip([]any{1, flow.Cooperate(0), 2, 3}, []any{"one", "two"})
		printFlow(t, reactor, source)
	})

	example("stage.Merge", "twisted/flow/stage.py Merge docstring (b2b5697a0f^): its example is Zip's, verbatim", func(t *conformance.T) {
		reactor := prelude(t)
		source := flow.Zip([]any{1, flow.Cooperate(0), 2, 3}, []any{"one", "two"})
		printFlow(t, reactor, source)
	})

	example("stage.Merge.merge", "twisted/flow/stage.py Merge docstring (b2b5697a0f^), with flow.Merge for its flow.Zip: the original hangs (the flow ends before reactor.run()); the watchdog ends it", func(t *conformance.T) {
		reactor := prelude(t)
		source := flow.Merge([]any{1, flow.Cooperate(0), 2, 3}, []any{"one", "two"})
		printFlow(t, reactor, source)
	})

	example("stage.Callback", "twisted/flow/stage.py Callback docstring (b2b5697a0f^)", func(t *conformance.T) {
		reactor := prelude(t)
		source := flow.Callback()
		reactor.CallLater(0, func() { source.Result("one") })
		reactor.CallLater(.5, func() { source.Result("two") })
		reactor.CallLater(1, func() { source.Finish() })
		printFlow(t, reactor, source)
	})

	wallClockExample("stage.Concurrent", "twisted/flow/stage.py Concurrent docstring (b2b5697a0f^): its description as an example of ours (the docstring has no listing)", func(t *conformance.T) {
		reactor := prelude(t)
		a := &named{CallbackStage: flow.Callback()}
		b := &named{CallbackStage: flow.Callback()}
		a.name, b.name = "a", "b"
		reactor.CallLater(0, func() { b.Result("b1") })
		reactor.CallLater(.1, func() { a.Result("a1") })
		reactor.CallLater(.2, func() { b.Result("b2") })
		reactor.CallLater(.3, func() { b.Finish() })
		reactor.CallLater(.4, func() { a.Result("a2") })
		reactor.CallLater(.5, func() { a.Finish() })

		first := func(stages ...any) flow.Generator {
			return func(yield func(any) bool) error {
				both := flow.Concurrent(stages...)
				if !yield(both) {
					return nil
				}
				for {
					v, err := both.Next() // for stage in both:
					if stopped(err) {
						return nil
					}
					if err != nil {
						return err
					}
					stage := v.(*named)
					r, err := stage.Next()
					if err != nil {
						return err
					}
					t.Print(stage.name, r)
					if !yield(both) {
						return nil
					}
				}
			}
		}

		d := flow.DeferredOn(reactor, first(a, b))
		d.AddCallback(func(any) (any, error) { return nil, reactor.Stop() })
		reactor.Run()
	})

	example("pipe.Filter", "twisted/flow/pipe.py Filter docstring (b2b5697a0f^): the original hangs (the flow ends before reactor.run()); the watchdog ends it", func(t *conformance.T) {
		reactor := prelude(t)
		odd := func(val any) (bool, error) {
			if val.(int)%2 != 0 {
				return true, nil
			}
			return false, nil // None
		}

		rangeGen := func() flow.Generator { // def range(): shadows the builtin
			return func(yield func(any) bool) error {
				_ = yield(1) && yield(2) && yield(3) && yield(4)
				return nil
			}
		}

		source := flow.Filter(odd, rangeGen)
		printFlow(t, reactor, source)
	})

	example("controller.Block", "twisted/flow/controller.py Block docstring, [1,2, Cooperate(), 3] => [1,2,3] (b2b5697a0f^)", func(t *conformance.T) {
		prelude(t)
		t.Print(list(flow.Block([]any{1, 2, flow.Cooperate(0), 3})))
	})

	example("controller.Deferred", "twisted/flow/controller.py Deferred docstring (b2b5697a0f^)", func(t *conformance.T) {
		reactor := prelude(t)

		res := func(x any) (any, error) { t.Print(x); return nil, nil }
		d := flow.DeferredOn(reactor, []any{1, 2, 3})
		d.AddCallback(res)
		reactor.Iterate(0)
	})

	// base.Stage: the four usage listings of the Stage docstring, with
	// concrete stages in place of their placeholders (DerivedStage, ...).

	example("base.Stage.for", "twisted/flow/base.py Stage docstring, first usage listing (for loop over a stage with traps), placeholders filled in (b2b5697a0f^)", func(t *conformance.T) {
		prelude(t)
		SpamError := twisted.NewClass("SpamError", twisted.Exception)
		EggsError := twisted.NewClass("EggsError", twisted.Exception)

		source := func() flow.Generator {
			return func(yield func(any) bool) error {
				if !(yield("spam") && yield(flow.Cooperate(0)) && yield("eggs")) {
					return nil
				}
				return SpamError.New("off")
			}
		}

		consumer := func() flow.Generator {
			return func(yield func(any) bool) error {
				iterable := flow.Wrap(source(), SpamError, EggsError)
				if !yield(iterable) {
					return nil
				}
				for {
					result, err := iterable.Next() // for result in iterable:
					if err != nil {
						return err
					}
					// handle good result, or SpamError or EggsError
					if !yield(result) || !yield(iterable) {
						return nil
					}
				}
			}
		}

		t.Print(list(flow.Block(consumer)))
	})

	example("base.Stage.next", "twisted/flow/base.py Stage docstring, second usage listing (someGenerator calling next() after each yield), placeholders filled in (b2b5697a0f^)", func(t *conformance.T) {
		prelude(t)
		SpamError := twisted.NewClass("SpamError", twisted.Exception)
		EggsError := twisted.NewClass("EggsError", twisted.Exception)

		source := func() flow.Generator {
			return func(yield func(any) bool) error {
				if !(yield(1) && yield(flow.Cooperate(0)) && yield(2)) {
					return nil
				}
				return EggsError.New("scrambled")
			}
		}

		someGenerator := func() flow.Generator {
			return func(yield func(any) bool) error {
				iterable := flow.Wrap(source(), SpamError)
				for {
					if !yield(iterable) {
						return nil
					}
					result, err := iterable.Next()
					if err != nil {
						return err
					}
					// handle good result or SpamError or EggsError
					if !yield(result) {
						return nil
					}
				}
			}
		}

		out := []any{}
		for x, err := range flow.Block(someGenerator).All() {
			if err != nil {
				if f := twisted.NewFailure(err); f.Check(EggsError) != nil { // except EggsError, e:
					t.Print("raised", twisted.Repr(f.Value))
					break
				}
				twisted.NewFailure(err).RaiseException()
			}
			out = append(out, x)
		}
		t.Print(out)
	})

	example("base.Stage.chunked", "twisted/flow/base.py Stage docstring, third usage listing (chunked), placeholders filled in (b2b5697a0f^)", func(t *conformance.T) {
		prelude(t)
		consumer := func() flow.Generator {
			return func(yield func(any) bool) error {
				iterable := flow.Wrap([]any{1, 2, 3, flow.Cooperate(0), 4, 5})
				iterable.State().Chunked = true
				if !yield(iterable) {
					return nil
				}
				for {
					results, err := iterable.Next() // for results in iterable:
					if err != nil {
						return err
					}
					t.Print("chunk", results)
					for _, result := range results.([]any) {
						// handle good result
						if !yield(result) {
							return nil
						}
					}
					if !yield(iterable) {
						return nil
					}
				}
			}
		}

		t.Print(list(flow.Block(consumer)))
	})

	example("base.Stage.members", "twisted/flow/base.py Stage docstring, fourth usage listing (results, stop and failure members), placeholders filled in (b2b5697a0f^)", func(t *conformance.T) {
		prelude(t)
		source := func() flow.Generator {
			return func(yield func(any) bool) error {
				if !(yield("a") && yield("b") && yield(flow.Cooperate(0)) && yield("c")) {
					return nil
				}
				return twisted.ValueError.New("bad row")
			}
		}

		consumer := func() flow.Generator {
			return func(yield func(any) bool) error {
				iterable := flow.Wrap(source())
				for {
					if !yield(iterable) {
						return nil
					}
					st := iterable.State()
					if len(st.Results) > 0 {
						for _, result := range st.Results {
							// handle good result
							t.Print("result", result)
						}
						st.Results = nil
					}
					if st.Stop {
						t.Print("stop")
						break
					}
					if st.Failure != nil {
						st.Stop = true
						// handle iterable.failure
						t.Print("failure", twisted.Repr(st.Failure.Value))
						break
					}
				}
				return nil
			}
		}

		t.Print(list(flow.Block(consumer)))
	})

	example("threads.Threaded", "twisted/flow/threads.py Threaded docstring (b2b5697a0f^): deterministic output only (each count's log lines in their order, the merged results' two subsequences), since the interleaving depends on thread scheduling and wall-clock time", func(t *conformance.T) {
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

		d := flow.DeferredOn(reactor, flow.Merge(
			threads.ThreadedOn(reactor, countSleep(5)),
			countCooperate(5)))

		prn := func(x any) (any, error) {
			// print x (its order depends on timing)
			t.Print(log.startingWith("sleep"))
			t.Print(log.startingWith("cooperate"))
			var ints, strs []any
			for _, v := range x.([]any) {
				switch v.(type) {
				case int:
					ints = append(ints, v)
				case string:
					strs = append(strs, v)
				}
			}
			t.Print(len(x.([]any)), ints)
			t.Print(len(x.([]any)), strs)
			reactor.Stop()
			return nil, nil
		}
		d.AddCallback(prn)
		reactor.Run()
	})
}
