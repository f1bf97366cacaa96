package testdefer

//lint:file-ignore ST1006 receivers are named self so that the tests read as their Python.

import (
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// DeferredListEmptyTests is test_defer.py's DeferredListEmptyTests.
type DeferredListEmptyTests struct {
	SynchronousTestCase
	callbackRan int
}

func init() {
	addTest("DeferredListEmptyTests", "testDeferredListEmpty", parallel,
		func() *DeferredListEmptyTests { return &DeferredListEmptyTests{} },
		(*DeferredListEmptyTests).testDeferredListEmpty)
}

func (self *DeferredListEmptyTests) setUp() {
	self.callbackRan = 0
}

// Testing empty DeferredList.
func (self *DeferredListEmptyTests) testDeferredListEmpty() {
	dl := deferred.DeferredList([]*deferred.Deferred{})
	dl.AddCallback(self.cb_empty)
}

func (self *DeferredListEmptyTests) cb_empty(res any) (any, error) {
	self.callbackRan = 1
	self.AssertEqual([]any{}, res)
	return nil, nil
}

func (self *DeferredListEmptyTests) tearDown() {
	self.AssertTrue(self.callbackRan, "Callback was never run.")
}
