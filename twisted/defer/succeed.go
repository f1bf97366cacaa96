package deferred

import "github.com/twistedflow/twistedflow/twisted"

// Succeed returns a Deferred that has already fired with result:
// succeed(result). It suits synchronous code behind an asynchronous
// interface: return deferred.Succeed(v) where a Deferred is expected.
func Succeed(result any) *Deferred {
	d := New()
	d.result = result
	d.called = true
	return d
}

// Fail returns a Deferred that has already failed with err (wrapped in a
// Failure unless it is one): fail(err). See Errback.
func Fail(err error) *Deferred {
	d := New()
	d.Errback(err)
	return d
}

// Execute calls f and returns a Deferred fired with its result, or failed
// with its error or panic: execute(f).
func Execute(f func() (any, error)) *Deferred {
	res, err := protect(f)
	if err != nil {
		return Fail(err)
	}
	return Succeed(res)
}

// MaybeDeferred calls f and returns its result as a Deferred:
// maybeDeferred(f). A *Deferred result is returned as it is; a
// *twisted.Failure result, a non-nil error or a panic gives a failed
// Deferred; any other value a Deferred that has succeeded with it.
func MaybeDeferred(f func() (any, error)) *Deferred {
	res, err := protect(f)
	if err != nil {
		return Fail(err)
	}
	switch r := res.(type) {
	case *Deferred:
		if r != nil {
			return r
		}
		return Succeed(nil)
	case *twisted.Failure:
		if r != nil {
			return Fail(r)
		}
		return Succeed(nil)
	}
	return Succeed(res)
}

// protect calls f, turning a panic into a Failure, and a nil *Failure
// returned as the error into no error (see isNilFailure). A nil f fails
// as Python's call of None does.
func protect(f func() (any, error)) (res any, err error) {
	if f == nil {
		return nil, twisted.TypeError.New("'NoneType' object is not callable")
	}
	defer func() {
		if v := recover(); v != nil {
			res, err = nil, twisted.FailureFromPanic(v)
		}
	}()
	res, err = f()
	if isNilFailure(err) {
		err = nil
	}
	return res, err
}
