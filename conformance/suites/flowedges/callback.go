package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// reader prints each value of cb as "<name> <value>", as it comes.
func (e *edge) reader(cb flow.Stage, name string) flow.Generator {
	return func(yield func(any) bool) error {
		if !yield(cb) {
			return nil
		}
		for {
			x, err := cb.Next()
			if err != nil {
				return err
			}
			e.t.Print(name, x)
			if !yield(cb) {
				return nil
			}
		}
	}
}

func init() {
	scenario("callback.resultsBeforeFlow", func(e *edge) {
		cb := flow.Callback()
		cb.Result(1)
		cb.Result(2)
		cb.Finish()
		e.run(cb)
	})
	scenario("callback.order", func(e *edge) {
		cb := flow.Callback()
		consumer := func(yield func(any) bool) error {
			if !yield(cb) {
				return nil
			}
			for {
				x, err := cb.Next()
				if isStop(err) {
					break
				}
				if err != nil {
					return err
				}
				e.t.Print("consumer got", x)
				if !yield(cb) {
					return nil
				}
			}
			e.t.Print("consumer done")
			return nil
		}
		e.outcome(e.deferred(flow.Generator(consumer)))
		e.t.Print("push 1")
		cb.Result(1)
		e.t.Print("push 2")
		cb.Result(2)
		e.t.Print("finish")
		cb.Finish()
		e.t.Print("after finish")
	})
	scenario("callback.errbackAfterResults", func(e *edge) {
		cb := flow.Callback(twisted.IOError)
		e.outcome(e.deferred(cb))
		cb.Result(0)
		cb.Result(1)
		cb.Errback(twisted.NewFailure(twisted.IOError.New("lost")))
		cb2 := flow.Callback()
		e.outcome(e.deferred(cb2))
		cb2.Result(0)
		cb2.Errback(twisted.NewFailure(twisted.IOError.New("lost")))
	})
	scenario("callback.finishAfterErrback", func(e *edge) {
		cb := flow.Callback()
		cb.Errback(twisted.NewFailure(twisted.IOError.New("lost")))
		func() {
			defer func() {
				if r := recover(); r != nil {
					e.raised(twisted.FailureFromPanic(r))
				}
			}()
			cb.Finish()
		}()
		e.run(cb)
	})
	scenario("callback.twoFlows", func(e *edge) {
		cb := flow.Callback()
		one := flow.Wrap(e.reader(cb, "one"))
		d1 := e.outcome(e.deferred(one))
		e.outcome(e.deferred(e.reader(cb, "two")))
		cb.Result("a")
		cb.Result("b")
		cb.Finish()
		e.wait(d1, 0.5)
		one.Close() // release the generator left suspended (Python's is garbage)
	})
	deviation("callback.resultAfterFinish",
		"A result pushed into a Callback after finish() runs the original's finished flow again, which appends it "+
			"to the result list the Deferred already delivered; Go's flow is over once its Deferred has fired: "+
			"the late result stays in the Callback, and the delivered list is not changed.",
		func(e *edge) {
			cb := flow.Callback()
			d := e.outcome(e.deferred(cb))
			cb.Result(1)
			cb.Finish()
			var got []any
			d.AddCallback(func(r any) (any, error) {
				got = append(got, r)
				return nil, nil
			})
			cb.Result(2)
			e.t.Print(got)
		})
	scenario("callback.block", func(e *edge) {
		cb := flow.Callback()
		cb.Result(1)
		cb.Result(2)
		cb.Finish()
		e.drain(e.block(cb))
	})
	scenario("callback.errbackOnly", func(e *edge) {
		cb := flow.Callback(twisted.IOError)
		cb.Errback(twisted.NewFailure(twisted.IOError.New("first")))
		e.run(cb)
		cb = flow.Callback()
		e.outcome(e.deferred(cb))
		e.t.Print("waiting")
		cb.Errback(twisted.NewFailure(twisted.IOError.New("later")))
	})
	scenario("callback.pushDuringCooperate", func(e *edge) {
		cb := flow.Callback()
		consumer := func(yield func(any) bool) error {
			if !yield(cb) {
				return nil
			}
			for {
				x, err := cb.Next()
				if err != nil {
					return err
				}
				e.t.Print("got", x)
				if !yield(flow.Cooperate(0.2)) {
					return nil
				}
				e.t.Print("after pause", x)
				if !yield(cb) {
					return nil
				}
			}
		}
		e.callLater(0.05, func() { cb.Result(1) })
		e.callLater(0.1, func() { cb.Result(2) })
		e.callLater(0.5, cb.Finish)
		e.run(flow.Generator(consumer))
	})
}
