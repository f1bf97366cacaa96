package twisted

import "reflect"

// Truthy reports whether Python holds v true, as its bool(v) and an if
// statement do: None (nil, a nil pointer, [None]), False, zero numbers,
// and empty strings, lists, [Tuple] values and maps are false; everything
// else is true (NaN too, as in Python).
func Truthy(v any) bool {
	switch x := v.(type) {
	case nil, NoneType:
		return false
	case bool:
		return x
	case int:
		return x != 0
	case int64:
		return x != 0
	case float64:
		return x != 0
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	case Tuple:
		return len(x) > 0
	}
	return truthyReflect(v)
}

// truthyReflect is Truthy for the kinds without a case of their own.
func truthyReflect(v any) bool {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Bool:
		return rv.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return rv.Uint() != 0
	case reflect.Float32, reflect.Float64:
		return rv.Float() != 0
	case reflect.Complex64, reflect.Complex128:
		return rv.Complex() != 0
	case reflect.String, reflect.Slice, reflect.Array, reflect.Map, reflect.Chan:
		return rv.Len() > 0
	case reflect.Pointer, reflect.Interface, reflect.Func:
		return !rv.IsNil()
	}
	return true
}
