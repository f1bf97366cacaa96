package testdefer

//lint:file-ignore ST1006 receivers are named self so that the tests read as their Python.

import (
	"strings"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// UtilTests is test_defer.py's UtilTests(unittest.TestCase): logError.
type UtilTests struct {
	TestCase
}

func init() {
	for name, test := range map[string]func(*UtilTests){
		"test_logErrorReturnsError":    (*UtilTests).test_logErrorReturnsError,
		"test_logErrorLogsError":       (*UtilTests).test_logErrorLogsError,
		"test_logErrorLogsErrorNoRepr": (*UtilTests).test_logErrorLogsErrorNoRepr,
	} {
		addTest("UtilTests", name, logging, func() *UtilTests { return &UtilTests{} }, test)
	}
}

// defer.logError returns the given error. (Go: as an errback, it returns
// the failure as its error, which goes on down the chain.)
func (self *UtilTests) test_logErrorReturnsError() {
	error := twisted.NewFailure(twisted.RuntimeError.New())
	_, result := deferred.LogError(error)
	self.FlushLoggedErrors(twisted.RuntimeError)

	self.AssertIs(error, result)
}

// defer.logError logs the given error.
func (self *UtilTests) test_logErrorLogsError() {
	error := twisted.NewFailure(twisted.RuntimeError.New())
	deferred.LogError(error)
	errors := self.FlushLoggedErrors(twisted.RuntimeError)

	self.AssertEqual(errors, []*twisted.Failure{error})
}

// The text logged by defer.logError has no repr of the failure.
func (self *UtilTests) test_logErrorLogsErrorNoRepr() {
	output := []string{}

	emit := func(eventDict eventDict) {
		text := log.textFromEventDict(eventDict)
		assert(text != nil)
		output = append(output, text.(string))
	}

	log.addObserver(emit)

	error := twisted.NewFailure(twisted.RuntimeError.New())
	deferred.LogError(error)
	self.FlushLoggedErrors(twisted.RuntimeError)

	self.AssertTrue(strings.HasPrefix(output[0], "Unhandled Error\nTraceback "))
}
