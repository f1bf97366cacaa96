package twisted

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"gotest.tools/v3/assert"
)

// Issue 15, defect 3's class: every path by which Repr and Str recurse into
// user data is bounded, also where a value prints itself and calls Repr or
// Str again. Each case below is a cycle through one such path.

// node prints itself through PyRepr, calling Repr on what it holds.
type node struct{ next any }

func (n *node) PyRepr() string { return "node(" + Repr(n.next) + ")" }

// strNode prints itself through String, which Repr reaches through fmt.
type strNode struct{ next any }

func (n *strNode) String() string { return "strNode<" + Repr(n.next) + ">" }

// errNode prints itself through Error.
type errNode struct{ next any }

func (n *errNode) Error() string { return "errNode: " + Str(n.next) }

// valueNode is no pointer: only the list it holds can stop its cycle.
type valueNode struct{ l []any }

func (v valueNode) String() string { return "V" + Repr(v.l) }

// endless is a value whose String calls Repr of itself: nothing can stop
// it but the depth limit (Python: RecursionError).
type endless struct{}

func (endless) String() string { return "e" + Repr(endless{}) }

// holder has no method of its own; fmt prints its fields, calling the
// String of the one that has it.
type holder struct{ S *strNode }

func TestReprCyclesThroughSelfPrinting(t *testing.T) {
	n := &node{}
	n.next = n
	assert.Equal(t, Repr(n), "node(...)")

	a, b := &node{}, &node{}
	a.next, b.next = b, a
	assert.Equal(t, Repr(a), "node(node(...))")

	// A list between: Python's form, the list is [...] the second time.
	l := []any{nil}
	n = &node{next: l}
	l[0] = n
	assert.Equal(t, Repr(n), "node([node([...])])")
	assert.Equal(t, Repr(l), "[node([...])]")

	s := &strNode{}
	s.next = s
	assert.Equal(t, Repr(s), "strNode<...>")
	assert.Equal(t, s.String(), "strNode<strNode<...>>")

	e := &errNode{}
	e.next = e
	assert.Equal(t, Str(e), "errNode: ...")
	assert.Equal(t, Repr([]any{e}), "[errNode: ...]")

	vl := []any{nil}
	vl[0] = valueNode{vl}
	assert.Equal(t, Repr(vl), "[V[...]]")

	m := map[string]any{}
	m["k"] = &node{next: m}
	assert.Equal(t, Repr(m), "{'k': node({...})}")

	// fmt's %v of a struct calls its field's String, which calls Repr of
	// the struct again: bounded, fmt reports the RecursionError it caught.
	h := &holder{}
	hs := &strNode{}
	h.S = hs
	hs.next = *h
	got := Repr(h)
	assert.Assert(t, strings.Contains(got, "(PANIC=String method: maximum recursion depth exceeded while getting the repr of an object)"), got)
}

func TestReprExceptionHoldingItself(t *testing.T) {
	// e = Exception(); e.args = (e,): Python 2.7 prints Exception(Exception(...),) and KeyError(KeyError(...),): its repr writes the args
	// tuple, (...) where it comes again; its str overflows into
	// RecursionError, where Str writes "..." (a PORTING deviation).
	e := Exception.New()
	e.Args = Tuple{e}
	assert.Equal(t, Repr(e), "Exception(Exception(...),)")
	assert.Equal(t, Str(e), "...")
	k := KeyError.New()
	k.Args = Tuple{k}
	assert.Equal(t, Str(k), "KeyError(KeyError(...),)")
	f := NewFailure(ValueError.New(nil))
	f.Value.(*Error).Args[0] = f
	// str(f) is its brief traceback, whose header holds str(f.value) again.
	msg := f.GetErrorMessage()
	assert.Assert(t, strings.HasPrefix(msg, "[Failure instance: Traceback: <class 'ValueError'>: ...\n"), msg)
	assert.Assert(t, strings.HasSuffix(msg, "]"), msg)
	assert.Equal(t, Repr(f), "<twisted.python.failure.Failure builtins.ValueError: ...>")
}

// mustRecursionError runs f and fails unless it panics RecursionError with
// Python's message for what.
func mustRecursionError(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		err, ok := recover().(*Error)
		assert.Assert(t, ok && err.Class == RecursionError, "want RecursionError, got %v", err)
		assert.Equal(t, err.PyStr(), "maximum recursion depth exceeded while getting the "+what+" of an object")
	}()
	f()
}

func TestReprDepthLimit(t *testing.T) {
	// l = [] ; for i in range(100000): l = [l]; repr(l) raises RecursionError.
	var deep any = []any{}
	for range 100000 {
		deep = []any{deep}
	}
	mustRecursionError(t, "repr", func() { Repr(deep) })
	mustRecursionError(t, "repr", func() { Str(deep) })
	mustRecursionError(t, "repr", func() { Repr(endless{}) })
	// After a RecursionError, the next Repr starts afresh.
	assert.Equal(t, Repr([]any{1}), "[1]")
	// A user method that recovers a RecursionError and goes on leaves the
	// outer Repr's guard as it was.
	r := &recovering{}
	r.next = []any{r}
	assert.Equal(t, Repr([]any{r, r}), "[rec[rec[...]], rec[rec[...]]]")
	assert.DeepEqual(t, r.unchanged, []bool{true, true, true, true})
	// Nesting within the limit is written out.
	var ok any = 1
	for range 900 {
		ok = []any{ok}
	}
	assert.Equal(t, Repr(ok), strings.Repeat("[", 900)+"1"+strings.Repeat("]", 900))
}

// recovering's PyRepr first prints a list too deep, recovering the
// RecursionError, then prints what it holds. It records whether the
// guard it shares is as it was before the failed Repr.
type recovering struct {
	next      any
	unchanged []bool
}

var tooDeep = func() any {
	var l any = 1
	for range maxReprDepth {
		l = []any{l}
	}
	return l
}()

func (r *recovering) PyRepr() string {
	st := stateFor()
	depth, n := st.depth, len(st.stack)
	func() {
		defer func() { _ = recover() }()
		Repr(tooDeep)
	}()
	r.unchanged = append(r.unchanged, st.depth == depth && len(st.stack) == n)
	return "rec" + Repr(r.next)
}

// Concurrent reprs of the same values on several goroutines each see only
// their own guard: none prints [...] where it is no cycle of its own.
func TestReprConcurrentGuards(t *testing.T) {
	shared := []any{1, 2}
	n := &node{next: shared}
	want := "[node([1, 2]), node([1, 2])]"
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				if got := Repr([]any{n, n}); got != want {
					errs <- got
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for got := range errs {
		t.Errorf("got %s, want %s", got, want)
	}
}

func ExampleRepr_cycle() {
	l := []any{1, nil}
	l[1] = l
	fmt.Println(Repr(l))
	// Output: [1, [...]]
}
