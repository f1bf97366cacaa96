package twisted

import (
	"fmt"
	"math"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"unsafe"
)

// NoneType is the type of None.
type NoneType struct{}

// None is Python's None. Repr(None) and Repr(nil) both print "None".
var None = NoneType{}

// String returns "None".
func (NoneType) String() string { return "None" }

// A Tuple is a Python tuple: Repr prints (1, 'a') and (1,) where a slice
// prints as a list [1, 'a'].
type Tuple []any

// Reprer is implemented by values that print their own Python repr.
type Reprer interface {
	PyRepr() string
}

// Repr returns what Python 2's repr prints for v, so that a Go trace can be
// diffed line for line against the Python's `print repr(x)`:
//
//   - nil and None: None; bools: True, False; integers in decimal;
//   - floats as Python 2.7 prints them: the shortest string that reads back
//     to the same float, 1.0 not 1, exponent form from 1e+16 and below 0.0001;
//   - strings (and []byte) as Python 2 byte strings: single quotes unless the
//     text holds a single quote and no double one, with \t \n \r \\ and \xNN
//     escapes for every other byte outside printable ASCII;
//   - Tuple as a tuple, any other slice or array as a list;
//   - maps as dicts, keys in sorted order (Python 2's order follows its hash
//     table and is not reproduced);
//   - a *Class as <type 'exceptions.KeyError'> or <class '__main__.X'>, an
//     *Error as KeyError('k',), a *Failure as Twisted 22.4 prints one
//     (its String; [Failure.In2009] for the flow era's);
//   - a Reprer's own PyRepr, then fmt's %v for anything else;
//   - a nil pointer, of any type, as None; a list or dict that contains
//     itself as [...] or {...} where it comes round again, as Python does.
//
// A value that prints itself (a [Reprer], a String or Error method, fmt)
// and calls Repr or Str again shares this call's guard: a list reached
// again through a Deferred's String prints [...] as in Python, a pointer
// whose repr reaches itself with no list in between prints "...", and
// nesting deeper than Python's recursion limit (1000) panics with
// [RecursionError] instead of overflowing the stack. A PyRepr that panics
// panics out of Repr, as Python's repr() raises (see [Str]).
func Repr(v any) string {
	p := printer{st: stateFor()}
	defer p.st.restore(p.st.depth, len(p.st.stack))
	p.repr(v)
	return p.b.String()
}

// printer writes one repr into b, with the state it shares with the
// Repr and Str calls of the values it prints.
type printer struct {
	b  strings.Builder
	st *reprState
}

// sliceOf identifies a slice that could contain itself (a non-empty one).
func sliceOf[T any](s []T) reprEntry {
	return reprEntry{data: uintptr(unsafe.Pointer(unsafe.SliceData(s))), n: len(s)}
}

// own writes what f, a method through which v prints itself, returns;
// or "..." where v is printing itself already (see reprState.own).
func (p *printer) own(v any, what string, f func() string) {
	s, ok := p.st.own(v, what, f)
	if !ok {
		s = "..."
	}
	p.b.WriteString(s)
}

// isNilPointer reports whether v is a nil pointer of some type: Python's
// None, which a method of v may not expect to be called on.
func isNilPointer(v any) bool {
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

// A PyStrer is an error whose Python str differs from its Go message: an
// exception without arguments, which Python prints as "" and Go names.
type PyStrer interface {
	PyStr() string
}

// Str returns what Python 2's str prints for v: strings as they are, floats
// to 12 significant digits, exceptions as their message (PyStr where they
// have it), a *Failure as Twisted 22.4's str (its PyStr), everything else
// as Repr.
//
// Where v's str raises (a method through which v, or an exception's
// argument, prints itself panics), Str panics with it, as Python's str()
// raises. The library never lets that reach a program from its own
// printing: a Failure prints such an exception as Twisted's safe_str does
// ([Failure.GetErrorMessage]), in its tracebacks, its repr and str, and
// the logs of unhandled failures.
func Str(v any) string {
	if isNilPointer(v) {
		return "None"
	}
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	case float64:
		return formatFloat(x, 12)
	case float32:
		return formatFloat(float64(x), 12)
	case *Class: // an error, but Python's str of a class is its repr
		return x.String()
	}
	p := printer{st: stateFor()}
	defer p.st.restore(p.st.depth, len(p.st.stack))
	p.st.descend("str")
	switch x := v.(type) {
	case PyStrer:
		p.own(v, "str", x.PyStr)
	case error:
		p.own(v, "str", x.Error)
	default:
		p.repr(v)
	}
	return p.b.String()
}

func (p *printer) repr(v any) {
	p.st.descend("repr")
	defer func() { p.st.depth-- }()
	b := &p.b
	if isNilPointer(v) {
		b.WriteString("None")
		return
	}
	switch x := v.(type) {
	case nil, NoneType:
		b.WriteString("None")
	case Reprer:
		p.own(v, "repr", x.PyRepr)
	case bool:
		if x {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
	case string:
		writeStr(b, x)
	case []byte:
		writeStr(b, string(x))
	case float64:
		b.WriteString(formatFloat(x, 17))
	case float32:
		b.WriteString(formatFloat(float64(x), 17))
	case int:
		b.WriteString(strconv.Itoa(x))
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case Tuple:
		c := sliceOf(x)
		if !p.st.enter(c) {
			b.WriteString("(...)")
			return
		}
		b.WriteByte('(')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			p.repr(e)
		}
		if len(x) == 1 {
			b.WriteByte(',')
		}
		b.WriteByte(')')
		p.st.leave(c)
	case []any:
		p.list(sliceOf(x), len(x), func(i int) any { return x[i] })
	case *Class:
		b.WriteString(x.String())
	case *Error:
		b.WriteString(x.Class.Name())
		args := x.Args
		if len(args) == 3 && x.Class.IsSubclass(EnvironmentError) {
			args = args[:2] // Python keeps the filename out of args
		}
		p.repr(args)
	case *Failure: // through own: its message may hold the failure itself
		p.own(v, "repr", x.String)
	default:
		p.reflect(v)
	}
}

// list writes the n items of the list c.
func (p *printer) list(c reprEntry, n int, at func(int) any) {
	b := &p.b
	if !p.st.enter(c) {
		b.WriteString("[...]")
		return
	}
	b.WriteByte('[')
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		p.repr(at(i))
	}
	b.WriteByte(']')
	p.st.leave(c)
}

func (p *printer) reflect(v any) {
	b := &p.b
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(rv.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		b.WriteString(strconv.FormatUint(rv.Uint(), 10))
		if rv.Uint() > math.MaxInt64 {
			b.WriteByte('L') // past sys.maxint, a Python 2 long
		}
	case reflect.String:
		writeStr(b, rv.String())
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() && rv.Type().Elem().Kind() != reflect.Interface {
			b.WriteString("[]")
			return
		}
		c := reprEntry{n: rv.Len()}
		if rv.Kind() == reflect.Slice {
			c.data = rv.Pointer()
		}
		p.list(c, rv.Len(), func(i int) any { return rv.Index(i).Interface() })
	case reflect.Map:
		c := reprEntry{data: rv.Pointer(), n: -1}
		if !p.st.enter(c) {
			b.WriteString("{...}")
			return
		}
		defer p.st.leave(c)
		keys := rv.MapKeys()
		reprs := make([]string, len(keys))
		order := make([]int, len(keys))
		for i, k := range keys {
			var kp printer
			kp.st = p.st
			kp.repr(k.Interface())
			reprs[i] = kp.b.String()
			order[i] = i
		}
		sort.Slice(order, func(i, j int) bool { return lessKey(keys[order[i]], keys[order[j]], reprs[order[i]], reprs[order[j]]) })
		b.WriteByte('{')
		for n, i := range order {
			if n > 0 {
				b.WriteString(", ")
			}
			b.WriteString(reprs[i])
			b.WriteString(": ")
			p.repr(rv.MapIndex(keys[i]).Interface())
		}
		b.WriteByte('}')
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			b.WriteString("None")
			return
		}
		p.own(v, "repr", func() string { return fmt.Sprintf("%v", v) })
	case reflect.Func:
		if rv.IsNil() {
			b.WriteString("None")
			return
		}
		fmt.Fprintf(b, "<function %s at %#x>", funcName(rv.Pointer()), rv.Pointer())
	default:
		if s, ok := v.(fmt.Stringer); ok {
			p.own(v, "repr", s.String)
			return
		}
		p.own(v, "repr", func() string { return fmt.Sprintf("%v", v) })
	}
}

// lessKey orders dict keys: numbers numerically, everything else by repr.
func lessKey(a, b reflect.Value, ra, rb string) bool {
	if a.Kind() == reflect.Interface {
		a = a.Elem()
	}
	if b.Kind() == reflect.Interface {
		b = b.Elem()
	}
	if a.CanInt() && b.CanInt() {
		return a.Int() < b.Int()
	}
	if a.CanFloat() && b.CanFloat() {
		return a.Float() < b.Float()
	}
	return ra < rb
}

// writeStr writes s as Python 2 prints a byte string.
func writeStr(b *strings.Builder, s string) {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	b.WriteByte(quote)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < ' ' || c >= 0x7f:
			const hex = "0123456789abcdef"
			b.WriteString(`\x`)
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
}

// formatFloat formats f as Python 2.7: repr (digits 17) uses the shortest
// round-tripping digits, str (digits 12) rounds to 12 significant digits;
// both switch to exponent form below 1e-4, and from 1e16 on (repr) or 1e11
// on (str), and print whole numbers with ".0", as CPython 2.7 measured.
func formatFloat(f float64, digits int) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	prec := -1
	limit := 16
	if digits < 17 {
		prec = digits - 1
		limit = digits - 1
	}
	e := strconv.FormatFloat(f, 'e', prec, 64) // "-d.dddde±XX"
	mant, exps, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(exps)
	neg := strings.HasPrefix(mant, "-")
	mant = strings.TrimPrefix(mant, "-")
	ds := strings.Replace(mant, ".", "", 1)
	if digits < 17 {
		ds = strings.TrimRight(ds, "0")
		if ds == "" {
			ds = "0"
		}
	}
	var out string
	if exp < -4 || exp >= limit {
		out = ds[:1]
		if len(ds) > 1 {
			out += "." + ds[1:]
		}
		sign := "+"
		if exp < 0 {
			sign, exp = "-", -exp
		}
		out += fmt.Sprintf("e%s%02d", sign, exp)
	} else if exp < 0 {
		out = "0." + strings.Repeat("0", -exp-1) + ds
	} else if exp+1 >= len(ds) {
		out = ds + strings.Repeat("0", exp+1-len(ds)) + ".0"
	} else {
		out = ds[:exp+1] + "." + ds[exp+1:]
	}
	if neg {
		out = "-" + out
	}
	return out
}

// funcName is a function's name as Python's repr shows it: without the
// package path and name ("consumer", "consumer.func1" for a closure).
func funcName(pc uintptr) string {
	f := runtime.FuncForPC(pc)
	if f == nil {
		return "?"
	}
	name := f.Name()
	name = name[strings.LastIndexByte(name, '/')+1:]
	if i := strings.IndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	return name
}
