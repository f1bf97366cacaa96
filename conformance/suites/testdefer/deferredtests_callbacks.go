package testdefer

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// DeferredTests: callbacks and their arguments.

func init() {
	addDeferredTest("testCallbackWithoutArgs", func(self *DeferredTests) {
		deferred := deferred.New()
		deferred.AddCallback(self._callback)
		deferred.Callback("hello")
		self.AssertIsNone(self.errbackResults)
		self.AssertEqual(self.callbackResults, twisted.Tuple{twisted.Tuple{"hello"}, kwargs{}})
	})

	addDeferredTest("testCallbackWithArgs", func(self *DeferredTests) {
		deferred := deferred.New()
		deferred.AddCallback(func(r any) (any, error) { return self._callbackArgs(twisted.Tuple{r, "world"}, kwargs{}) })
		deferred.Callback("hello")
		self.AssertIsNone(self.errbackResults)
		self.AssertEqual(self.callbackResults, twisted.Tuple{twisted.Tuple{"hello", "world"}, kwargs{}})
	})

	addDeferredTest("testCallbackWithKwArgs", func(self *DeferredTests) {
		deferred := deferred.New()
		deferred.AddCallback(func(r any) (any, error) { return self._callbackArgs(twisted.Tuple{r}, kwargs{"world": "world"}) })
		deferred.Callback("hello")
		self.AssertIsNone(self.errbackResults)
		self.AssertEqual(self.callbackResults, twisted.Tuple{twisted.Tuple{"hello"}, kwargs{"world": "world"}})
	})

	addDeferredTest("testTwoCallbacks", func(self *DeferredTests) {
		deferred := deferred.New()
		deferred.AddCallback(self._callback)
		deferred.AddCallback(self._callback2)
		deferred.Callback("hello")
		self.AssertIsNone(self.errbackResults)
		self.AssertEqual(self.callbackResults, twisted.Tuple{twisted.Tuple{"hello"}, kwargs{}})
		self.AssertEqual(self.callback2Results, twisted.Tuple{twisted.Tuple{"hello"}, kwargs{}})
	})

	// If given None for an errback, addCallbacks uses a pass-through.
	addDeferredTest("test_addCallbacksNoneErrback", func(self *DeferredTests) {
		error := GenericError.New("oopsie")
		deferred := deferred.New()
		deferred.AddCallbacks(self._callback, nil)
		deferred.Errback(error)
		deferred.AddErrback(self._errback)
		self.AssertIsNone(self.callbackResults)
		assert(self.errbackResults != nil)
		self.AssertEqual(len(self.errbackResults.args), 1)
		self.AssertEqual(self.errbackResults.args[0].(*twisted.Failure).Value, error)
		self.AssertEqual(self.errbackResults.kwargs, kwargs{})
	})

	// If given None as a callback args and kwargs, () and {} are used: Go
	// callbacks take no extra arguments, so the call is the plain one.
	addDeferredTest("test_addCallbacksNoneCallbackArgs", func(self *DeferredTests) {
		deferred := deferred.New()
		deferred.AddCallbacks(
			self._callback,
			self._errback,
		)
		deferred.Callback("hello")
		self.AssertIsNone(self.errbackResults)
		self.AssertEqual(self.callbackResults, twisted.Tuple{twisted.Tuple{"hello"}, kwargs{}})
	})

	// If given None as a errback args and kwargs, () and {} are used.
	addDeferredTest("test_addCallbacksNoneErrbackArgs", func(self *DeferredTests) {
		error := GenericError.New("oopsie")
		deferred := deferred.New()
		deferred.AddCallbacks(
			self._callback,
			self._errback,
		)
		deferred.Errback(error)
		deferred.AddErrback(self._errback)
		self.AssertIsNone(self.callbackResults)
		assert(self.errbackResults != nil)
		self.AssertEqual(len(self.errbackResults.args), 1)
		self.AssertEqual(self.errbackResults.args[0].(*twisted.Failure).Value, error)
		self.AssertEqual(self.errbackResults.kwargs, kwargs{})
	})
}
