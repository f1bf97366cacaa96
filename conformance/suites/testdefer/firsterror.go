package testdefer

//lint:file-ignore ST1006 receivers are named self so that the tests read as their Python.

import (
	"fmt"

	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// FirstErrorTests is test_defer.py's FirstErrorTests: the repr, str and
// equality of FirstError (Go: *deferred.FirstErrorValue).
type FirstErrorTests struct {
	SynchronousTestCase
}

func init() {
	for name, test := range map[string]func(*FirstErrorTests){
		"test_repr":       (*FirstErrorTests).test_repr,
		"test_str":        (*FirstErrorTests).test_str,
		"test_comparison": (*FirstErrorTests).test_comparison,
	} {
		addTest("FirstErrorTests", name, parallel, func() *FirstErrorTests { return &FirstErrorTests{} }, test)
	}
}

// AssertEqual is the scenario's stand-in (assertEqual =
// _assertEqualUnshown): the reprs and strs compared here hold Python 3
// reprs and a traceback, which differ in Go.
func (self *FirstErrorTests) AssertEqual(first, second any, msg ...any) any {
	return self.assertEqualUnshown(first, second, msg...)
}

// The repr of a FirstError instance includes the repr of the value of the
// sub-failure and the index which corresponds to the FirstError.
func (self *FirstErrorTests) test_repr() {
	exc := twisted.ValueError.New("some text")
	f := pyunit.Try(func() {
		panic(exc)
	})

	error := &deferred.FirstErrorValue{SubFailure: f, Index: 3}
	self.AssertEqual(repr(error), fmt.Sprintf("FirstError[#3, %s]", repr(exc)))
}

// The str of a FirstError instance includes the str of the sub-failure and
// the index which corresponds to the FirstError.
func (self *FirstErrorTests) test_str() {
	exc := twisted.ValueError.New("some text")
	f := pyunit.Try(func() {
		panic(exc)
	})

	error := &deferred.FirstErrorValue{SubFailure: f, Index: 5}
	self.AssertEqual(str(error), fmt.Sprintf("FirstError[#5, %s]", str(f)))
}

// FirstError instances compare equal to each other if and only if their
// failure and index compare equal. FirstError instances do not compare
// equal to instances of other types. (Go: == is FirstErrorValue.Equal, and
// a FirstErrorValue is never equal to an int.)
func (self *FirstErrorTests) test_comparison() {
	firstFailure := pyunit.Try(func() {
		_ = floordiv(1, 0)
	})

	one := &deferred.FirstErrorValue{SubFailure: firstFailure, Index: 13}
	anotherOne := &deferred.FirstErrorValue{SubFailure: firstFailure, Index: 13}

	secondFailure := pyunit.Try(func() {
		panic(twisted.ValueError.New("bar"))
	})

	another := &deferred.FirstErrorValue{SubFailure: secondFailure, Index: 9}

	self.AssertTrue(one.Equal(anotherOne))
	self.AssertFalse(one.Equal(another))
	self.AssertTrue(!one.Equal(another))
	self.AssertFalse(!one.Equal(anotherOne))

	self.AssertFalse(any(one) == any(10))
}
