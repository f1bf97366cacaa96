package deferred

import (
	"fmt"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

func TestLock(t *testing.T) {
	counter := 0
	incr := func(any) (any, error) { counter++; return nil, nil }
	lock := NewDeferredLock()
	lock.Acquire().AddCallback(incr)
	if !lock.Locked() || counter != 1 {
		t.Fatal(lock.Locked(), counter)
	}
	lock.Acquire().AddCallback(incr)
	if !lock.Locked() || counter != 1 {
		t.Fatal(lock.Locked(), counter)
	}
	lock.Release()
	if !lock.Locked() || counter != 2 {
		t.Fatal(lock.Locked(), counter)
	}
	lock.Release()
	if lock.Locked() || counter != 2 {
		t.Fatal(lock.Locked(), counter)
	}

	firstUnique, secondUnique := new(int), new(int)
	control := New()
	var result any
	helper := func(resultValue, returnValue any) (any, error) {
		result = resultValue
		return returnValue, nil
	}
	resultDeferred := lock.Run(func() (any, error) { return helper(firstUnique, control) })
	if !lock.Locked() || result != firstUnique {
		t.Fatal(lock.Locked(), result)
	}
	resultDeferred.AddCallback(func(r any) (any, error) { return helper(r, nil) })
	lock.Acquire().AddCallback(incr)
	if !lock.Locked() || counter != 2 {
		t.Fatal(lock.Locked(), counter)
	}
	control.Callback(secondUnique)
	if result != secondUnique || !lock.Locked() || counter != 3 {
		t.Fatal(result, lock.Locked(), counter)
	}

	d := lock.Acquire().AddBoth(func(r any) (any, error) { return helper(r, nil) })
	d.Cancel()
	if f, ok := result.(*twisted.Failure); !ok || f.Type != CancelledError {
		t.Fatal(result)
	}
	lock.Release()
	if lock.Locked() {
		t.Fatal("still locked")
	}
	mustPanicClass(t, twisted.AssertionError, lock.Release)
}

func TestLockRunFailure(t *testing.T) {
	var lock DeferredLock // the zero lock is ready
	d := lock.Run(func() (any, error) { panic(twisted.KeyError.New("k")) })
	failureResultOf(t, d, twisted.KeyError)
	if lock.Locked() {
		t.Fatal("not released after a failure")
	}
}

func TestCancelLock(t *testing.T) {
	lock := NewDeferredLock()
	d := lock.Acquire()
	d.AddErrback(func(*twisted.Failure) (any, error) { t.Error("unexpected errback"); return nil, nil })
	d.Cancel()

	d = lock.Acquire()
	d.Cancel()
	failureResultOf(t, d, CancelledError)
	lock.Release()
	if lock.Locked() {
		t.Fatal("the cancelled waiter got the lock")
	}
}

func TestSemaphore(t *testing.T) {
	const N = 13
	counter := 0
	incr := func(any) (any, error) { counter++; return nil, nil }
	sem := NewDeferredSemaphore(N)
	control := New()
	var helperArg any
	unique := new(int)
	var results []any
	rd := sem.Run(func() (any, error) { helperArg = unique; return control, nil })
	rd.AddCallback(func(r any) (any, error) { results = append(results, r); return r, nil })
	rd.AddCallback(incr)
	if len(results) != 0 || helperArg != unique {
		t.Fatal(results, helperArg)
	}
	control.Callback(nil)
	if twisted.Repr(results) != "[None]" || counter != 1 {
		t.Fatal(results, counter)
	}

	counter = 0
	for i := 1; i <= N; i++ {
		sem.Acquire().AddCallback(incr)
		if counter != i {
			t.Fatal(counter, i)
		}
	}
	var success []bool
	d := sem.Acquire().AddCallbacks(
		func(any) (any, error) { success = append(success, false); return nil, nil },
		func(*twisted.Failure) (any, error) { success = append(success, true); return nil, nil })
	d.Cancel()
	if fmt.Sprint(success) != "[true]" {
		t.Fatal(success)
	}
	sem.Acquire().AddCallback(incr)
	if counter != N {
		t.Fatal(counter)
	}
	sem.Release()
	if counter != N+1 {
		t.Fatal(counter)
	}
	for range N {
		sem.Release()
		if counter != N+1 {
			t.Fatal(counter)
		}
	}
	if sem.Tokens() != N || sem.Limit() != N {
		t.Fatal(sem.Tokens(), sem.Limit())
	}
	mustPanicClass(t, twisted.AssertionError, sem.Release)
}

func TestSemaphoreInvalidTokens(t *testing.T) {
	mustPanicClass(t, twisted.ValueError, func() { NewDeferredSemaphore(0) })
	mustPanicClass(t, twisted.ValueError, func() { NewDeferredSemaphore(-1) })
}

func TestCancelSemaphore(t *testing.T) {
	sem := NewDeferredSemaphore(1)
	d := sem.Acquire()
	d.AddErrback(func(*twisted.Failure) (any, error) { t.Error("unexpected errback"); return nil, nil })
	d.Cancel()
	d = sem.Acquire()
	d.Cancel()
	failureResultOf(t, d, CancelledError)
}

func mustGet(t *testing.T, q *DeferredQueue) *Deferred {
	t.Helper()
	d, err := q.Get()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestQueue(t *testing.T) {
	const N, M = 2, 2
	q := NewDeferredQueue(N, M)
	var gotten []any
	for range M {
		mustGet(t, q).AddCallback(appendTo(&gotten))
	}
	if _, err := q.Get(); !twisted.ClassOf(err).IsSubclass(QueueUnderflow) {
		t.Fatal(err)
	}
	for i := range M {
		if err := q.Put(i); err != nil {
			t.Fatal(err)
		}
		if len(gotten) != i+1 {
			t.Fatal(gotten)
		}
	}
	for i := range N {
		if err := q.Put(N + i); err != nil {
			t.Fatal(err)
		}
	}
	if twisted.Repr(gotten) != "[0, 1]" {
		t.Fatal(gotten)
	}
	if err := q.Put(nil); !twisted.ClassOf(err).IsSubclass(QueueOverflow) {
		t.Fatal(err)
	}
	gotten = nil
	for range N {
		mustGet(t, q).AddCallback(appendTo(&gotten))
	}
	if twisted.Repr(gotten) != "[2, 3]" {
		t.Fatal(gotten)
	}

	q = NewDeferredQueue(NoLimit, NoLimit)
	gotten = nil
	for range N {
		mustGet(t, q).AddCallback(appendTo(&gotten))
	}
	for i := range N {
		q.Put(i)
	}
	if twisted.Repr(gotten) != "[0, 1]" {
		t.Fatal(gotten)
	}

	if err := NewDeferredQueue(0, NoLimit).Put(nil); !twisted.ClassOf(err).IsSubclass(QueueOverflow) {
		t.Fatal(err)
	}
	if _, err := NewDeferredQueue(NoLimit, 0).Get(); !twisted.ClassOf(err).IsSubclass(QueueUnderflow) {
		t.Fatal(err)
	}
}

func TestCancelQueue(t *testing.T) {
	q := NewDeferredQueue(NoLimit, NoLimit)
	d := mustGet(t, q)
	d.AddErrback(func(*twisted.Failure) (any, error) { t.Error("unexpected errback"); return nil, nil })
	q.Put(nil)
	d.Cancel()

	d = mustGet(t, q)
	d.Cancel()
	failureResultOf(t, d, CancelledError)
	// The cancelled get is off the list: the next put goes to the next get.
	var done []any
	d.AddCallback(func(any) (any, error) {
		q.Put(nil)
		return mustGet(t, q).AddCallback(func(r any) (any, error) {
			if r != nil {
				t.Error(r)
			}
			return r, nil
		}), nil
	})
	d.AddCallback(appendTo(&done))
	if len(done) != 1 || q.Waiting() != 0 || q.Pending() != 0 {
		t.Fatal(done, q.Waiting(), q.Pending())
	}
}
