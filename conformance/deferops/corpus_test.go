package deferops

import (
	"io"
	"log/slog"
	"testing"

	"github.com/twistedflow/twistedflow/conformance"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// TestConformance runs every sequence against Twisted's recorded trace
// and, when python3-twisted is installed, against Twisted run live.
func TestConformance(t *testing.T) {
	prev := deferred.SetLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))
	t.Cleanup(func() { deferred.SetLogger(prev) })
	conformance.Test(t, Suite)
}

// The corpus is whole: every sequence generated has its scenario.
func TestCorpusSize(t *testing.T) {
	if n := len(Suite.Scenarios()); n != programCount {
		t.Fatalf("%d scenarios, want the %d programs", n, programCount)
	}
}
