package flow

import (
	"fmt"
	"reflect"
	"unicode/utf8"

	"github.com/twistedflow/twistedflow/twisted"
)

// chars returns the characters of s, one string each, as Python's
// iter(str) gives them: each UTF-8 character of s (a byte that is not
// valid UTF-8 on its own), so that joining them gives s back.
func chars[T string | []byte](s T) []any {
	out := make([]any, 0, len(s))
	for i := 0; i < len(s); {
		_, n := utf8.DecodeRuneInString(string(s[i:min(len(s), i+utf8.UTFMax)]))
		out = append(out, string(s[i:i+n]))
		i += n
	}
	return out
}

// chunkItems returns the results that a chunk of a chunked source holds,
// as the original's results.extend(chunk) takes them: the items of a list,
// the characters of a string, or Python's TypeError for anything else.
func chunkItems(v any) ([]any, error) {
	switch c := v.(type) {
	case []any:
		return c, nil
	case string:
		return chars(c), nil
	case []byte:
		return chars(c), nil
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array {
		return items(v), nil
	}
	return nil, notIterable(v)
}

// notIterable is Python's TypeError for iter(v): "'int' object is not
// iterable", naming v's type as Python would.
func notIterable(v any) error {
	return twisted.TypeError.New(fmt.Sprintf("'%s' object is not iterable", pyTypeName(v)))
}

// pyTypeName is the name of v's type in Python's terms: NoneType, bool,
// int, float, complex, str, dict, tuple, list, function; for another Go
// type, its name (without its package, or its pointer).
func pyTypeName(v any) string {
	if v == nil || isNilRef(v) {
		return "NoneType"
	}
	return pyTypeNameOf(reflect.TypeOf(v))
}

// pyTypeNameOf is the name of the type t in Python's terms, as
// pyTypeName's: an interface type is its Go name (any is object).
func pyTypeNameOf(t reflect.Type) string {
	if t == reflect.TypeFor[twisted.Tuple]() {
		return "tuple"
	}
	switch t.Kind() {
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return "object"
		}
	case reflect.Bool:
		return "bool"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return "int"
	case reflect.Float32, reflect.Float64:
		return "float"
	case reflect.Complex64, reflect.Complex128:
		return "complex"
	case reflect.String:
		return "str"
	case reflect.Map:
		return "dict"
	case reflect.Slice, reflect.Array:
		return "list"
	case reflect.Func:
		return "function"
	case reflect.Pointer:
		t = t.Elem()
	}
	if t.Name() != "" {
		return t.Name()
	}
	return t.String()
}
