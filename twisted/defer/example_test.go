package deferred_test

import (
	"fmt"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

func ExampleDeferred_AddTimeout() {
	clock := reactor.NewClock()
	d := deferred.New()
	d.AddTimeout(10, clock, nil)
	d.AddErrback(func(f *twisted.Failure) (any, error) {
		fmt.Println(twisted.Repr(f.Value))
		return nil, nil
	})
	clock.Advance(15)
	// Output: TimeoutError(10, 'Deferred')
}

func ExampleDeferredLock() {
	lock := deferred.NewDeferredLock()
	first := deferred.New()
	lock.Run(func() (any, error) {
		fmt.Println("first holds the lock")
		return first, nil // released once first fires
	})
	lock.Run(func() (any, error) {
		fmt.Println("second holds the lock")
		return nil, nil
	})
	fmt.Println("locked:", lock.Locked())
	first.Callback(nil)
	fmt.Println("locked:", lock.Locked())
	// Output:
	// first holds the lock
	// locked: true
	// second holds the lock
	// locked: false
}

func ExampleDeferred_Errback() {
	d := deferred.New()
	d.AddCallback(func(any) (any, error) {
		fmt.Println("not called")
		return nil, nil
	})
	d.AddErrback(func(f *twisted.Failure) (any, error) {
		fmt.Println(f.Check(twisted.LookupError) == twisted.LookupError, f.Type.Name())
		return nil, nil
	})
	d.Errback(twisted.KeyError.New("missing"))
	// Output: true KeyError
}

func ExampleRace() {
	slow, fast := deferred.New(), deferred.New()
	// An errback added before Race sees the loser's cancellation; Race's
	// own errback then consumes whatever is left.
	slow.AddErrback(func(f *twisted.Failure) (any, error) {
		fmt.Println("slow:", f.Type.Name())
		return f, nil
	})
	r := deferred.Race([]*deferred.Deferred{slow, fast})
	r.AddCallback(func(winner any) (any, error) {
		fmt.Println(twisted.Repr(winner))
		return nil, nil
	})
	fast.Callback("fast")
	// Output:
	// slow: CancelledError
	// (1, 'fast')
}

func ExampleDeferredGenerator() {
	request := deferred.New()
	d := deferred.DeferredGenerator(func(yield func(any) bool) error {
		thing := deferred.WaitForDeferred(request)
		yield(thing)
		v, err := thing.GetResult()
		if err != nil {
			return err
		}
		if v == "I love Twisted" {
			yield("TWISTED IS GREAT!") // will become the result of the Deferred
			return nil
		}
		return twisted.Exception.New("DESTROY ALL LIFE") // will trigger an errback
	})
	d.AddCallback(func(result any) (any, error) {
		fmt.Println(result)
		return nil, nil
	})
	request.Callback("I love Twisted")
	// Output: TWISTED IS GREAT!
}
