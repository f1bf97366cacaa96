// Package pyunit is the Go side of the shared prelude pyunit3.py
// (conformance/preludes) of the test_task.py, test_cooperator.py and
// test_internet.py scenarios: Show
// prints a value exactly as the prelude's show() does in Python 3, and
// TestCase stands in for trial's TestCase with assertions that print what
// they check, so that a test's body ports line for line and its trace
// diffs against the one recorded from the Python.
package pyunit

import (
	"bytes"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
	"github.com/twistedflow/twistedflow/twisted/task"
)

// Show returns what the prelude's show(x) prints for the Python value x
// stands for: repr for None, bools, numbers, strings and bytes ([]byte); lists, tuples,
// sets (map[K]struct{}) and dicts of shown values;
// exceptions as Name(args); failures as <Failure Name(args)>; classes by
// name; Deferreds with their state; a *reactor.Reactor (which stands for
// the global reactor) as <reactor>; a *task.Generator as <generator>; any other value as <TypeName>.
func Show(x any) string {
	switch v := x.(type) {
	case nil, twisted.NoneType:
		return "None"
	case string:
		return reprStr3(v)
	case []byte: // Python 3's bytes
		return reprBytes3(v)
	case uint64:
		return strconv.FormatUint(v, 10) // Python 3 has no long suffix
	case bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, float32, float64:
		return twisted.Repr(v)
	case twisted.Tuple:
		if len(v) == 1 {
			return "(" + Show(v[0]) + ",)"
		}
		return "(" + showAll(len(v), func(i int) any { return v[i] }) + ")"
	case *twisted.Failure:
		if v == nil {
			return "None"
		}
		return "<Failure " + Show(v.Value) + ">"
	case *twisted.Class:
		if v == nil {
			return "None"
		}
		return v.Name()
	case *twisted.Error:
		if v == nil {
			return "None"
		}
		return v.Class.Name() + "(" + showAll(len(v.Args), func(i int) any { return v.Args[i] }) + ")"
	case *reactor.Reactor:
		if v == nil {
			return "None"
		}
		return "<reactor>"
	case *task.Generator:
		if v == nil {
			return "None"
		}
		return "<generator>"
	case *deferred.Deferred:
		if v == nil {
			return "None"
		}
		if !v.Called() {
			return "<Deferred>"
		}
		return "<Deferred current result: " + Show(v.Result()) + ">"
	case error:
		if isNil(v) {
			return "None"
		}
		return Show(twisted.AsError(v))
	}
	return showReflect(reflect.ValueOf(x))
}

func showAll(n int, at func(int) any) string {
	parts := make([]string, n)
	for i := range n {
		parts[i] = Show(at(i))
	}
	return strings.Join(parts, ", ")
}

func showReflect(rv reflect.Value) string {
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		return "[" + showAll(rv.Len(), func(i int) any { return rv.Index(i).Interface() }) + "]"
	case reflect.Map:
		set := rv.Type().Elem().Kind() == reflect.Struct && rv.Type().Elem().NumField() == 0
		// As show(): the shown (key, value) pairs sorted, key first.
		pairs := make([][2]string, 0, rv.Len())
		for _, k := range rv.MapKeys() {
			p := [2]string{Show(k.Interface())}
			if !set {
				p[1] = Show(rv.MapIndex(k).Interface())
			}
			pairs = append(pairs, p)
		}
		sort.Slice(pairs, func(i, j int) bool {
			if pairs[i][0] != pairs[j][0] {
				return pairs[i][0] < pairs[j][0]
			}
			return pairs[i][1] < pairs[j][1]
		})
		parts := make([]string, len(pairs))
		for i, p := range pairs {
			parts[i] = p[0]
			if !set {
				parts[i] += ": " + p[1]
			}
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case reflect.Pointer, reflect.Interface, reflect.Func, reflect.Chan:
		if rv.IsNil() {
			return "None"
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64, reflect.Bool, reflect.String:
		return twisted.Repr(rv.Interface())
	}
	return "<" + typeName(rv.Type()) + ">"
}

// typeName is the Python type(x).__name__ of a Go value's type: the type's
// own name, without package or pointer.
func typeName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Name() == "" {
		return t.Kind().String()
	}
	return t.Name()
}

func isNil(x any) bool {
	rv := reflect.ValueOf(x)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan:
		return rv.IsNil()
	}
	return x == nil
}

// reprStr3 is Python 3's repr of a str: printable characters as they are
// (non-ASCII ones too, where Python 2's repr of bytes escapes them),
// \\, \t, \n, \r and the quote escaped, any other character as \xhh,
// \uhhhh or \Uhhhhhhhh. A byte that is not UTF-8 is written \xhh.
func reprStr3(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteByte(quote)
	for i, w := 0, 0; i < len(s); i += w {
		r, size := utf8.DecodeRuneInString(s[i:])
		w = size
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case r == '\\' || r == rune(quote):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString("\\t")
		case r == '\n':
			b.WriteString("\\n")
		case r == '\r':
			b.WriteString("\\r")
		case unicode.IsPrint(r):
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r <= 0xffff:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			fmt.Fprintf(&b, "\\U%08x", r)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// reprBytes3 is Python 3's repr of bytes: b'...', printable ASCII as it
// is, \\, \t, \n, \r and the quote escaped, any other byte as \xhh.
func reprBytes3(s []byte) string {
	quote := byte('\'')
	if bytes.IndexByte(s, '\'') >= 0 && bytes.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteByte('b')
	b.WriteByte(quote)
	for _, c := range s {
		switch {
		case c == '\\' || c == quote:
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\t':
			b.WriteString("\\t")
		case c == '\n':
			b.WriteString("\\n")
		case c == '\r':
			b.WriteString("\\r")
		case c < ' ' || c >= 0x7f:
			fmt.Fprintf(&b, "\\x%02x", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}
