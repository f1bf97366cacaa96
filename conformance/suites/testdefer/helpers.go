package testdefer

// The Go side of testdata/prelude.py: a stand-in for trial's
// SynchronousTestCase whose assertions print what they check, show (which
// renders a value as the prelude's show does), run (the prelude's run), and
// the module level of test_defer.py (GenericError, getDivisionFailure,
// fakeCallbackCanceller, ImmediateFailureMixin). Keep the two files in step:
// a line printed by one must be printed, the same, by the other.
//
// Every scenario of the suite runs its test through run or runExclusive:
// they serialise the scenarios that change process-wide settings
// (deferred.SetDebugging, the deferred logger) against all the others,
// which run in parallel.

import (
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unsafe"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// SynchronousTestCase is the prelude's SynchronousTestCase: trial's, with
// assertions that print the values they check (one line each, through
// show) before checking them. A failed assertion ends the scenario, as the
// raised exception ends the Python test.
type SynchronousTestCase struct {
	t        *conformance.T
	cleanups []func()
}

// A testCase is a test class: a SynchronousTestCase with its setUp and
// tearDown (which a class overrides by defining its own).
type testCase interface {
	setUp()
	tearDown()
	base() *SynchronousTestCase
}

func (tc *SynchronousTestCase) setUp()                     {}
func (tc *SynchronousTestCase) tearDown()                  {}
func (tc *SynchronousTestCase) base() *SynchronousTestCase { return tc }

// globals is held for reading by every scenario that run runs, and for
// writing by those that runExclusive runs.
var globals sync.RWMutex

// run is the prelude's run(testClass, methodName): setUp, the test, the
// cleanups (last added first), tearDown.
func run[C testCase](t *conformance.T, c C, test func(self C)) {
	globals.RLock()
	defer globals.RUnlock()
	runCase(t, c, test)
}

// runExclusive is run for a test that changes process-wide settings
// (deferred.SetDebugging, the logger): no other scenario of the suite runs
// meanwhile, and the errors logged before it are forgotten.
func runExclusive[C testCase](t *conformance.T, c C, test func(self C)) {
	globals.Lock()
	defer globals.Unlock()
	logged.mu.Lock()
	logged.failures = nil
	logged.mu.Unlock()
	runCase(t, c, test)
}

func runCase[C testCase](t *conformance.T, c C, test func(self C)) {
	tc := c.base()
	tc.t = t
	c.setUp()
	defer c.tearDown()
	defer tc.runCleanups()
	test(c)
}

// AddCleanup adds f to the functions called after the test, last added
// first: addCleanup(f).
func (tc *SynchronousTestCase) AddCleanup(f func()) {
	tc.cleanups = append(tc.cleanups, f)
}

func (tc *SynchronousTestCase) runCleanups() {
	for len(tc.cleanups) > 0 {
		f := tc.cleanups[len(tc.cleanups)-1]
		tc.cleanups = tc.cleanups[:len(tc.cleanups)-1]
		f()
	}
}

// check prints line and ends the scenario if ok is false, with the
// assertion's message if it has one.
func (tc *SynchronousTestCase) check(line string, ok bool, msg ...any) {
	tc.t.Print(line)
	if !ok {
		if len(msg) > 0 {
			tc.t.Fatalf("%s failed: %s", line, fmt.Sprint(msg...))
		}
		tc.t.Fatalf("%s failed", line)
	}
}

// Fail ends the scenario: fail(msg).
func (tc *SynchronousTestCase) Fail(msg string) { tc.t.Fatalf("%s", msg) }

func (tc *SynchronousTestCase) AssertEqual(first, second any, msg ...any) any {
	tc.check(fmt.Sprintf("assertEqual(%s, %s)", show(first), show(second)), pyEqual(first, second), msg...)
	return first
}

func (tc *SynchronousTestCase) AssertNotEqual(first, second any, msg ...any) any {
	tc.check(fmt.Sprintf("assertNotEqual(%s, %s)", show(first), show(second)), !pyEqual(first, second), msg...)
	return first
}

func (tc *SynchronousTestCase) AssertIs(first, second any, msg ...any) any {
	tc.check(fmt.Sprintf("assertIs(%s, %s)", show(first), show(second)), pyIs(first, second), msg...)
	return first
}

func (tc *SynchronousTestCase) AssertIsNot(first, second any, msg ...any) any {
	tc.check(fmt.Sprintf("assertIsNot(%s, %s)", show(first), show(second)), !pyIs(first, second), msg...)
	return first
}

func (tc *SynchronousTestCase) AssertIsNone(obj any, msg ...any) {
	tc.check(fmt.Sprintf("assertIsNone(%s)", show(obj)), isNone(obj), msg...)
}

func (tc *SynchronousTestCase) AssertIsNotNone(obj any, msg ...any) {
	tc.check(fmt.Sprintf("assertIsNotNone(%s)", show(obj)), !isNone(obj), msg...)
}

func (tc *SynchronousTestCase) AssertTrue(condition any, msg ...any) any {
	tc.check(fmt.Sprintf("assertTrue(%s)", show(condition)), truth(condition), msg...)
	return condition
}

func (tc *SynchronousTestCase) AssertFalse(condition any, msg ...any) any {
	tc.check(fmt.Sprintf("assertFalse(%s)", show(condition)), !truth(condition), msg...)
	return condition
}

func (tc *SynchronousTestCase) AssertIn(containee, container any, msg ...any) any {
	tc.check(fmt.Sprintf("assertIn(%s, %s)", show(containee), show(container)), contains(container, containee), msg...)
	return containee
}

func (tc *SynchronousTestCase) AssertNotIn(containee, container any, msg ...any) any {
	tc.check(fmt.Sprintf("assertNotIn(%s, %s)", show(containee), show(container)), !contains(container, containee), msg...)
	return containee
}

// AssertIsInstance is assertIsInstance(instance, class): class is an
// exception *twisted.Class or a pyType such as Failure.
func (tc *SynchronousTestCase) AssertIsInstance(instance any, class any, msg ...any) {
	tc.check(fmt.Sprintf("assertIsInstance(%s, %s)", show(instance), show(class)), isInstance(instance, class), msg...)
}

// AssertRaises calls f and returns the exception it raises (panics with,
// or returns as its error), which must be of class exception:
// assertRaises(exception, f).
func (tc *SynchronousTestCase) AssertRaises(exception *twisted.Class, f func() error) error {
	err := raised(f)
	switch {
	case err == nil:
		tc.check(fmt.Sprintf("assertRaises(%s) -> nothing raised", show(exception)), false)
	case !twisted.ClassOf(err).IsSubclass(exception):
		tc.check(fmt.Sprintf("assertRaises(%s) -> %s", show(exception), show(err)), false)
	}
	tc.t.Printf("assertRaises(%s) -> %s", show(exception), show(err))
	return err
}

// raised calls f and returns what it raised: the error it returns or the
// value it panicked with, as an exception (a *twisted.Failure's value).
func raised(f func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = twisted.FailureFromPanic(v).Value
		}
	}()
	return f()
}

// SuccessResultOf returns the current success result of d:
// successResultOf(d). As trial's, it adds a callback that takes the result
// (leaving None in d).
func (tc *SynchronousTestCase) SuccessResultOf(d *deferred.Deferred) any {
	var result []any
	d.AddBoth(func(r any) (any, error) { result = append(result, r); return nil, nil })
	if len(result) == 0 {
		tc.Fail(fmt.Sprintf("Success result expected on %s, found no result instead", d))
	}
	if f, ok := result[0].(*twisted.Failure); ok {
		tc.Fail(fmt.Sprintf("Success result expected on %s, found failure result instead:\n%s", d, f.GetTraceback()))
	}
	tc.t.Printf("successResultOf() -> %s", show(result[0]))
	return result[0]
}

// FailureResultOf returns the current failure result of d, which must be
// of one of expectedExceptionTypes if any are given:
// failureResultOf(d, *expectedExceptionTypes). It leaves None in d.
func (tc *SynchronousTestCase) FailureResultOf(d *deferred.Deferred, expectedExceptionTypes ...*twisted.Class) *twisted.Failure {
	var result []any
	d.AddBoth(func(r any) (any, error) { result = append(result, r); return nil, nil })
	if len(result) == 0 {
		tc.Fail(fmt.Sprintf("Failure result expected on %s, found no result instead", d))
	}
	f, ok := result[0].(*twisted.Failure)
	if !ok {
		tc.Fail(fmt.Sprintf("Failure result expected on %s, found success result (%s) instead", d, show(result[0])))
	}
	if len(expectedExceptionTypes) > 0 && f.Check(expectedExceptionTypes...) == nil {
		tc.Fail(fmt.Sprintf("Failure of type (%s) expected on %s, found type %s instead: %s", showAll(expectedExceptionTypes), d, show(f.Type), f.GetTraceback()))
	}
	tc.t.Printf("failureResultOf(%s) -> %s", showAll(expectedExceptionTypes), show(f))
	return f
}

// AssertNoResult asserts that d has no result: assertNoResult(d). It
// leaves d as it is.
func (tc *SynchronousTestCase) AssertNoResult(d *deferred.Deferred) {
	var result []any
	d.AddBoth(func(r any) (any, error) { result = append(result, r); return r, nil })
	if len(result) > 0 {
		d.AddErrback(func(*twisted.Failure) (any, error) { return nil, nil })
		tc.Fail(fmt.Sprintf("No result expected on %s, found %s instead", d, show(result[0])))
	}
	tc.t.Print("assertNoResult()")
}

// FlushLoggedErrors removes and returns the failures logged (by package
// deferred, to its logger) of the given types, or all of them:
// flushLoggedErrors(*errorTypes). Use it from a test run by runExclusive.
func (tc *SynchronousTestCase) FlushLoggedErrors(errorTypes ...*twisted.Class) []*twisted.Failure {
	logged.mu.Lock()
	var flushed, remainder []*twisted.Failure
	for _, f := range logged.failures {
		if len(errorTypes) == 0 || f.Check(errorTypes...) != nil {
			flushed = append(flushed, f)
		} else {
			remainder = append(remainder, f)
		}
	}
	logged.failures = remainder
	logged.mu.Unlock()
	tc.t.Printf("flushLoggedErrors(%s) -> %s", showAll(errorTypes), show(flushed))
	return flushed
}

// logged holds the failures package deferred logs: the suite's stand-in
// for trial's log observer.
var logged struct {
	mu       sync.Mutex
	failures []*twisted.Failure
}

// logCapture is a slog.Handler that keeps each *twisted.Failure attribute
// of the records it handles, as trial's observer keeps the failure of each
// error event. The record "Unhandled error in Deferred:" is Twisted's
// log.critical event, which has no failure (the failure event follows), so
// it is not kept.
type logCapture struct{}

func (logCapture) Enabled(context.Context, slog.Level) bool { return true }
func (h logCapture) WithAttrs([]slog.Attr) slog.Handler     { return h }
func (h logCapture) WithGroup(string) slog.Handler          { return h }
func (logCapture) Handle(_ context.Context, r slog.Record) error {
	if r.Message == "Unhandled error in Deferred:" {
		return nil
	}
	r.Attrs(func(a slog.Attr) bool {
		if f, ok := a.Value.Any().(*twisted.Failure); ok {
			logged.mu.Lock()
			logged.failures = append(logged.failures, f)
			logged.mu.Unlock()
		}
		return true
	})
	return nil
}

func init() { deferred.SetLogger(slog.New(logCapture{})) }

// --- values as Python has them ---

// A pyType is a Python class that is not an exception class (Failure),
// for AssertIsInstance.
type pyType struct {
	name string
	is   func(any) bool
}

// Failure is twisted.python.failure.Failure as a class.
var Failure = pyType{"Failure", func(x any) bool { _, ok := x.(*twisted.Failure); return ok && x.(*twisted.Failure) != nil }}

// A pyObject is what Python's object() makes: a value with nothing but
// its identity.
type pyObject struct{ _ byte }

// object returns a new distinct object: object().
func object() *pyObject { return new(pyObject) }

// list is a Python list that callbacks append to: l.Append is list.append
// as a callback (or AddBoth), l.AppendFailure as an errback.
type list[T any] []T

func (l *list[T]) Append(x any) (any, error) {
	var v T
	if x != nil {
		v = x.(T)
	}
	*l = append(*l, v)
	return nil, nil
}

func (l *list[T]) AppendFailure(f *twisted.Failure) (any, error) { return l.Append(f) }

// str is Python's str(x).
func str(x any) string { return twisted.Str(x) }

// repr is Python's repr(x).
func repr(x any) string { return twisted.Repr(x) }

// id is Python's id(x): the address of a pointer.
func id(x any) uintptr { return reflect.ValueOf(x).Pointer() }

// args is exc.args.
func args(err error) twisted.Tuple {
	if fe, ok := err.(*deferred.FirstErrorValue); ok {
		return twisted.Tuple{fe.SubFailure, fe.Index} // FirstError(failure, index)
	}
	return twisted.AsError(err).Args
}

// at is x[i][j]... for tuples and lists.
func at(x any, index ...int) any {
	for _, i := range index {
		x = reflect.ValueOf(none(x)).Index(i).Interface()
	}
	return x
}

// private reads an unexported field of a struct pointer, as a white-box
// Python test reads a private attribute (d._chainedTo).
func private(x any, field string) any {
	f := reflect.ValueOf(x).Elem().FieldByName(field)
	if !f.IsValid() {
		panic(fmt.Sprintf("%T has no field %s", x, field))
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Interface()
}

// --- show, equality, truth ---

var hexAddress = regexp.MustCompile(`0x[0-9a-fA-F]+`)

// show renders x as the prelude's show does: None, bools, numbers and
// strings by Python 3's repr, as pyunit.Show (addresses 0x... masked as
// 0x?), exceptions as
// Class(args...), classes by name, Failures as Failure(Class: message),
// lists, tuples and dicts (keys sorted by their rendering) element by
// element, Deferreds as <Deferred>, object() as <object>. A Failure of a
// FirstError shows the FirstError: Failure(FirstError(Failure(...), index)).
func show(x any) string {
	x = none(x)
	switch v := x.(type) {
	case nil:
		return "None"
	case bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64:
		return pyunit.Show(v)
	case string:
		return hexAddress.ReplaceAllString(pyunit.Show(v), "0x?")
	case *twisted.Failure:
		if fe, ok := v.Value.(*deferred.FirstErrorValue); ok {
			// str(FirstError) holds the sub-failure's traceback
			return "Failure(" + show(fe) + ")"
		}
		if msg := v.GetErrorMessage(); msg != "" {
			return "Failure(" + v.Type.Name() + ": " + msg + ")"
		}
		return "Failure(" + v.Type.Name() + ")"
	case *twisted.Class:
		return v.Name()
	case pyType:
		return v.name
	case *deferred.Deferred:
		return "<Deferred>"
	case *pyObject:
		return "<object>"
	case stackFrames:
		return "<frames>"
	case twisted.Tuple:
		if len(v) == 1 {
			return "(" + show(v[0]) + ",)"
		}
		return "(" + showAll(v) + ")"
	case error:
		return twisted.ClassOf(v).Name() + "(" + showAll(args(v)) + ")"
	}
	rv := reflect.ValueOf(x)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		parts := make([]string, rv.Len())
		for i := range parts {
			parts[i] = show(rv.Index(i).Interface())
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case reflect.Map:
		parts := make([]string, 0, rv.Len())
		for _, k := range rv.MapKeys() {
			parts = append(parts, show(k.Interface())+": "+show(rv.MapIndex(k).Interface()))
		}
		sort.Strings(parts)
		return "{" + strings.Join(parts, ", ") + "}"
	case reflect.Func:
		name := runtime.FuncForPC(rv.Pointer()).Name()
		return "<function " + name[strings.LastIndexByte(name, '.')+1:] + ">"
	}
	return fmt.Sprintf("<%T>", x)
}

// showAll shows the elements of a slice, joined by ", ".
func showAll[T any](xs []T) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = show(x)
	}
	return strings.Join(parts, ", ")
}

// A tupler is a Go value that stands for a Python tuple (a struct of
// named parts, say): show and the comparisons use its tuple.
type tupler interface {
	pyTuple() twisted.Tuple
}

// none returns nil for None and for nil pointers, functions and
// interfaces held in x (all of them Python's None), a tupler's tuple, and
// x otherwise.
func none(x any) any {
	if x == nil || x == any(twisted.None) {
		return nil
	}
	rv := reflect.ValueOf(x)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Func:
		if rv.IsNil() {
			return nil
		}
	}
	if t, ok := x.(tupler); ok {
		return t.pyTuple()
	}
	return x
}

func isNone(x any) bool { return none(x) == nil }

// number returns x as a float64 and true if it is a Python number (bools
// count, as in Python).
func number(x any) (float64, bool) {
	switch v := x.(type) {
	case bool:
		if v {
			return 1, true
		}
		return 0, true
	}
	rv := reflect.ValueOf(x)
	switch {
	case rv.CanInt():
		return float64(rv.Int()), true
	case rv.CanUint():
		return float64(rv.Uint()), true
	case rv.CanFloat():
		return rv.Float(), true
	}
	return 0, false
}

// pyEqual is Python's ==: numbers by value, strings, tuples, lists and
// dicts element by element (a tuple never equals a list), everything else
// (exceptions, failures, Deferreds, objects) by identity.
func pyEqual(a, b any) bool {
	a, b = none(a), none(b)
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if x, ok := number(a); ok {
		y, ok := number(b)
		return ok && x == y
	}
	if x, ok := a.(string); ok {
		y, ok := b.(string)
		return ok && x == y
	}
	ta, aTuple := a.(twisted.Tuple)
	tb, bTuple := b.(twisted.Tuple)
	if aTuple || bTuple {
		return aTuple && bTuple && sequenceEqual(reflect.ValueOf(ta), reflect.ValueOf(tb))
	}
	ra, rb := reflect.ValueOf(a), reflect.ValueOf(b)
	if isList(ra) || isList(rb) {
		return isList(ra) && isList(rb) && sequenceEqual(ra, rb)
	}
	if ra.Kind() == reflect.Map || rb.Kind() == reflect.Map {
		if ra.Kind() != reflect.Map || rb.Kind() != reflect.Map || ra.Len() != rb.Len() {
			return false
		}
		for _, k := range ra.MapKeys() {
			vb := rb.MapIndex(k)
			if !vb.IsValid() || !pyEqual(ra.MapIndex(k).Interface(), vb.Interface()) {
				return false
			}
		}
		return true
	}
	return pyIs(a, b)
}

func isList(v reflect.Value) bool {
	return v.Kind() == reflect.Slice || v.Kind() == reflect.Array
}

func sequenceEqual(a, b reflect.Value) bool {
	if a.Len() != b.Len() {
		return false
	}
	for i := 0; i < a.Len(); i++ {
		if !pyEqual(a.Index(i).Interface(), b.Index(i).Interface()) {
			return false
		}
	}
	return true
}

// pyIs is Python's is: the same object. Values Go compares by value
// (numbers, strings, classes) are the same object when equal, as Python's
// small ints, interned strings and classes are.
func pyIs(a, b any) bool {
	a, b = none(a), none(b)
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	ra, rb := reflect.ValueOf(a), reflect.ValueOf(b)
	if ra.Type() != rb.Type() || !ra.Type().Comparable() {
		if ra.Kind() == reflect.Slice && rb.Kind() == reflect.Slice && ra.Type() == rb.Type() {
			return ra.Pointer() == rb.Pointer() && ra.Len() == rb.Len()
		}
		return false
	}
	return a == b
}

// truth is Python's bool(x).
func truth(x any) bool {
	x = none(x)
	if x == nil {
		return false
	}
	if n, ok := number(x); ok {
		return n != 0
	}
	rv := reflect.ValueOf(x)
	switch rv.Kind() {
	case reflect.String, reflect.Slice, reflect.Array, reflect.Map:
		return rv.Len() > 0
	}
	return true
}

// contains is Python's containee in container.
func contains(container, containee any) bool {
	if s, ok := container.(string); ok {
		sub, ok := containee.(string)
		return ok && strings.Contains(s, sub)
	}
	rv := reflect.ValueOf(container)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		for i := 0; i < rv.Len(); i++ {
			if pyEqual(rv.Index(i).Interface(), containee) {
				return true
			}
		}
	case reflect.Map:
		for _, k := range rv.MapKeys() {
			if pyEqual(k.Interface(), containee) {
				return true
			}
		}
	}
	return false
}

// isInstance is Python's isinstance(instance, class), class an exception
// class or a pyType.
func isInstance(instance any, class any) bool {
	switch c := class.(type) {
	case *twisted.Class:
		err, ok := none(instance).(error)
		if !ok {
			return false
		}
		if _, isFailure := err.(*twisted.Failure); isFailure {
			return false // a Failure is not an exception
		}
		return twisted.ClassOf(err).IsSubclass(c)
	case pyType:
		return c.is(instance)
	}
	panic(fmt.Sprintf("isInstance: %T is not a class", class))
}

// --- module level of src/twisted/test/test_defer.py (Twisted 22.4) ---

// GenericError is test_defer.py's GenericError(Exception).
var GenericError = twisted.NewClass("GenericError", twisted.Exception)

// getDivisionFailure makes a Failure of a divide-by-zero error.
func getDivisionFailure() (f *twisted.Failure) {
	defer func() { f = twisted.FailureFromPanic(recover()) }()
	panic(twisted.ZeroDivisionError.New("division by zero")) // 1 / 0
}

// fakeCallbackCanceller is a fake canceller which callbacks the Deferred
// with "Callback Result" when cancelling it.
func fakeCallbackCanceller(d *deferred.Deferred) {
	d.Callback("Callback Result")
}

// AssertImmediateFailure is ImmediateFailureMixin.assertImmediateFailure:
// assert that the Deferred's current result is a Failure with the given
// exception, and return the exception.
func (tc *SynchronousTestCase) AssertImmediateFailure(d *deferred.Deferred, exception *twisted.Class) error {
	failures := list[*twisted.Failure]{}
	d.AddErrback(failures.AppendFailure)
	tc.AssertEqual(len(failures), 1)
	tc.AssertTrue(failures[0].Check(exception))
	return failures[0].Value
}

// assert is Python's assert statement: it prints nothing and raises
// AssertionError if ok is false.
func assert(ok bool, msg ...any) {
	if !ok {
		panic(twisted.AssertionError.New(msg...))
	}
}

// add is Python's a + b for the operands the tests use: ints, strings,
// lists; any other pair raises (panics with) Python's TypeError.
func add(a, b any) any {
	switch x := a.(type) {
	case int:
		if y, ok := b.(int); ok {
			return x + y
		}
		panic(twisted.TypeError.New(fmt.Sprintf("unsupported operand type(s) for +: 'int' and '%s'", typeName(b))))
	case string:
		if y, ok := b.(string); ok {
			return x + y
		}
		panic(twisted.TypeError.New(fmt.Sprintf("can only concatenate str (not \"%s\") to str", typeName(b))))
	}
	panic(twisted.TypeError.New(fmt.Sprintf("unsupported operand type(s) for +: '%s' and '%s'", typeName(a), typeName(b))))
}

// mul is Python's a * n for a string, list or int a.
func mul(a any, n int) any {
	switch x := a.(type) {
	case int:
		return x * n
	case string:
		return strings.Repeat(x, n)
	case []any:
		out := []any{}
		for range n {
			out = append(out, x...)
		}
		return out
	}
	panic(twisted.TypeError.New(fmt.Sprintf("unsupported operand type(s) for *: '%s' and 'int'", typeName(a))))
}

// typeName is type(x).__name__ for the values the tests use.
func typeName(x any) string {
	switch x.(type) {
	case nil:
		return "NoneType"
	case int:
		return "int"
	case string:
		return "str"
	case float64:
		return "float"
	case []any:
		return "list"
	case twisted.Tuple:
		return "tuple"
	}
	return fmt.Sprintf("%T", x)
}

// stackFrames is a stack depth: a number each runtime counts its own way,
// which show prints as <frames> so that a Go trace does not change with the
// number of frames the code under test happens to use.
type stackFrames int

// stackDepth is len(traceback.extract_stack()): the number of frames on
// the calling goroutine's stack, counted from the test function that run
// calls (so that it does not change with the harness above it).
func stackDepth() stackFrames {
	pcs := make([]uintptr, 1024)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
	depth := stackFrames(0)
	for {
		fr, more := frames.Next()
		if strings.Contains(fr.Function, "testdefer.runCase") || !more {
			return depth
		}
		depth++
	}
}
