package twisted

import (
	"reflect"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
)

// maxReprDepth bounds how deep Repr and Str go into nested values, as
// Python's recursion limit (1000) bounds repr: past it they panic with
// RecursionError instead of overflowing Go's stack, which is fatal. A
// level is a container or a value, plus selfPrintDepth for a value that
// prints itself (the frame of its __repr__ method in Python): so lists
// nest 999 deep (996 in CPython 3.11), and Deferreds holding lists holding
// Deferreds 332 deep (331 under Twisted 22.4).
const (
	maxReprDepth   = 1000
	selfPrintDepth = 1
)

// reprState is what one Repr or Str shares with the Repr and Str calls
// made by the values it prints (a PyRepr, String or Error method, fmt
// calling one of those): the containers and self-printing values being
// written, innermost last, and how deep the printing is. Python keeps the
// same thing per thread (Py_ReprEnter, the recursion depth); Go has no
// goroutine-local storage, so a state is registered under its goroutine's
// id while it calls out to a value's own printing method.
type reprState struct {
	stack []reprEntry
	depth int
	gid   uint64 // 0 until own first needs it
}

// reprEntry is a container being written (a slice's array and length, a
// map) or, with self set, a value printing itself (a pointer).
type reprEntry struct {
	data uintptr
	n    int
	self bool
}

var (
	// printing holds the state of each goroutine that is inside a value's
	// own printing method called from Repr or Str; nPrinting counts them,
	// so that a Repr with none anywhere does not look its goroutine up.
	printingMu sync.Mutex
	printing   = map[uint64]*reprState{}
	nPrinting  atomic.Int32
)

// stateFor returns the state of the Repr or Str that the caller runs
// inside, on this goroutine, or a new one.
func stateFor() *reprState {
	if nPrinting.Load() == 0 {
		return &reprState{}
	}
	gid := goroutineID()
	printingMu.Lock()
	st := printing[gid]
	printingMu.Unlock()
	if st == nil {
		st = &reprState{gid: gid}
	}
	return st
}

// descend counts one more level of nesting, and panics with
// RecursionError past maxReprDepth (what names what was being got, as
// Python's message: "repr" or "str").
func (st *reprState) descend(what string) {
	st.depth++
	if st.depth > maxReprDepth {
		panic(RecursionError.New("maximum recursion depth exceeded while getting the " + what + " of an object"))
	}
}

// enter reports whether the container c is not being written already,
// and marks it (leave unmarks it), so that a list holding itself is written
// [...] where it comes round again. An array (no data pointer) or an empty
// slice cannot contain itself and is not marked.
func (st *reprState) enter(c reprEntry) bool {
	if c.data == 0 || c.n == 0 {
		return true
	}
	for _, e := range st.stack {
		if e == c {
			return false
		}
	}
	st.stack = append(st.stack, c)
	return true
}

func (st *reprState) leave(c reprEntry) {
	if c.data != 0 && c.n != 0 {
		st.stack = st.stack[:len(st.stack)-1]
	}
}

// own calls f, a method through which the value v prints itself, with st
// registered for this goroutine, so that the Repr and Str calls f makes
// share st: a list reached again through a Deferred's String is [...] as
// in Python, and no cycle through such methods can overflow the stack.
// It reports false, without calling f, when v (a pointer) is printing
// itself already with no container written since: a value whose repr
// holds itself directly, which Python cannot print either (RecursionError)
// and Repr writes "...", as Python's reprlib.recursive_repr does.
func (st *reprState) own(v any, what string, f func() string) (string, bool) {
	self := reprEntry{data: pointerOf(v), self: true}
	if self.data != 0 {
		for i := len(st.stack) - 1; i >= 0 && st.stack[i].self; i-- {
			if st.stack[i] == self {
				return "", false
			}
		}
	}
	if st.gid == 0 {
		st.gid = goroutineID()
	}
	printingMu.Lock()
	outer := printing[st.gid]
	printing[st.gid] = st
	printingMu.Unlock()
	if outer == nil {
		nPrinting.Add(1)
	}
	defer st.restore(st.depth, len(st.stack))
	defer func() {
		printingMu.Lock()
		if outer == nil {
			delete(printing, st.gid)
			nPrinting.Add(-1)
		} else {
			printing[st.gid] = outer
		}
		printingMu.Unlock()
	}()
	if self.data != 0 {
		st.stack = append(st.stack, self)
	}
	for range selfPrintDepth {
		st.descend(what)
	}
	return f(), true
}

// pointerOf returns the address v points to, or 0 if v is no pointer.
func pointerOf(v any) uintptr {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer {
		return 0
	}
	return rv.Pointer()
}

// restore puts st back as it was, depth deep with n entries, when a Repr,
// Str or own returns: also when a panic (a user method's, RecursionError)
// went through them and a caller recovered it, and goes on printing.
func (st *reprState) restore(depth, n int) {
	st.depth, st.stack = depth, st.stack[:n]
}

// goroutineID returns the id of the calling goroutine, read from the
// first line of its stack trace ("goroutine 18 [running]:").
func goroutineID() uint64 {
	var buf [64]byte
	s := buf[:runtime.Stack(buf[:], false)]
	const prefix = "goroutine "
	if len(s) < len(prefix) {
		return 0
	}
	s = s[len(prefix):]
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	id, _ := strconv.ParseUint(string(s[:i]), 10, 64)
	return id
}
