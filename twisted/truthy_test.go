package twisted

import (
	"math"
	"testing"
)

// The expected values are Python's bool(v) of the value each Go one
// stands for.
func TestTruthy(t *testing.T) {
	var nilPointer *struct{}
	var nilMap map[string]any
	for _, v := range []any{nil, None, false, 0, 0.0, "", []any{}, Tuple{}, map[string]any{}, []int{}, int8(0), uint(0), float32(0), complex(0, 0), nilPointer, nilMap, []byte{}} {
		if Truthy(v) {
			t.Errorf("Truthy(%#v) = true, want false", v)
		}
	}
	for _, v := range []any{true, 1, -1, 0.5, math.NaN(), math.Inf(-1), "a", "0", []any{nil}, Tuple{0}, map[int]int{1: 1}, &struct{}{}, struct{}{}, int64(-1), uint8(1), complex(0, 1), []byte("x"), func() {}} {
		if !Truthy(v) {
			t.Errorf("Truthy(%#v) = false, want true", v)
		}
	}
}
