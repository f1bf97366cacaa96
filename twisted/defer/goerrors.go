package deferred

import (
	"context"
	"errors"

	"github.com/twistedflow/twistedflow/twisted"
)

// A context's errors in this package's classes, for twisted.ClassOf,
// twisted.AsError and Failure (see twisted.RegisterErrorClassifier): a
// cancelled context (context.Canceled) is CancelledError, the failure of a
// cancelled Deferred, and a context whose deadline passed
// (context.DeadlineExceeded) is TimeoutError, the failure of a Deferred
// that timed out. The exception's argument is the Go message ("context
// canceled", "context deadline exceeded"), and the Go error is its Cause,
// so errors.Is(err, context.DeadlineExceeded) still holds through the
// Failure.
func init() { twisted.RegisterErrorClassifier(classifyContextError) }

func classifyContextError(err error) *twisted.Error {
	var e *twisted.Error
	switch {
	case errors.Is(err, context.Canceled):
		e = CancelledError.New(err.Error())
	case errors.Is(err, context.DeadlineExceeded):
		e = TimeoutError.New(err.Error())
	default:
		return nil
	}
	e.Cause = err
	return e
}
