package flow_test

import (
	"bytes"
	"testing"
)

func FuzzZZFail(f *testing.F) {
	f.Add([]byte("a"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if bytes.Contains(b, []byte("z")) {
			t.Fatal("z")
		}
	})
}
