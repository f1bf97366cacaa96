package task

import (
	"errors"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

func TestGeneratorSteps(t *testing.T) {
	started := false
	g := FromSeq(func(yield func(any) bool) {
		started = true
		_ = yield(1) && yield(2)
	})
	if started {
		t.Fatal("seq started before the first Next")
	}
	for _, want := range []any{1, 2} {
		if v, err := g.Next(); v != want || err != nil {
			t.Fatalf("Next() = %v, %v; want %v", v, err, want)
		}
	}
	for range 2 {
		if _, err := g.Next(); !errors.Is(err, twisted.StopIteration) {
			t.Fatalf("Next at the end: %v", err)
		}
	}
	g.Close() // closing a finished generator does nothing
}

func TestGeneratorClose(t *testing.T) {
	var log []string
	g := FromSeq(func(yield func(any) bool) {
		defer func() { log = append(log, "deferred ran") }()
		for i := 0; yield(i); i++ {
		}
		log = append(log, "yield returned false")
	})
	g.Close() // not started: nothing to stop
	if len(log) != 0 {
		t.Fatalf("closing an unstarted generator ran it: %v", log)
	}

	g = FromSeq(func(yield func(any) bool) {
		defer func() { log = append(log, "deferred ran") }()
		for i := 0; yield(i); i++ {
		}
		log = append(log, "yield returned false")
	})
	_, _ = g.Next()
	g.Close()
	if len(log) != 2 || log[0] != "yield returned false" {
		t.Fatalf("Close: %v", log)
	}
	if _, err := g.Next(); !errors.Is(err, twisted.StopIteration) {
		t.Fatalf("Next after Close: %v", err)
	}
}

func TestGeneratorPanic(t *testing.T) {
	g := FromSeq(func(yield func(any) bool) {
		yield(1)
		panic(twisted.KeyError.New("k"))
	})
	_, _ = g.Next()
	_, err := g.Next()
	var f *twisted.Failure
	if !errors.As(err, &f) || f.Check(twisted.KeyError) == nil {
		t.Fatalf("Next after a panic: %v", err)
	}
	if _, err := g.Next(); !errors.Is(err, twisted.StopIteration) {
		t.Fatalf("Next after the failure: %v", err)
	}
}
