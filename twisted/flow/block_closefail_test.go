package flow_test

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// unhandledLog records what is logged as an unhandled error on
// slog.Default(): each failure's class and message. The runtime's
// cleanup goroutines, several at once, log the unhandled failures of
// Deferreds collected meanwhile: Handle appends under unhandledMu.
// logUnhandledTo makes the default logger an unhandledLog appending to
// lines, and returns the function that puts the previous one back.
func logUnhandledTo(lines *[]string) (restore func()) {
	prev := slog.Default()
	slog.SetDefault(slog.New(unhandledLog{lines}))
	return func() { slog.SetDefault(prev) }
}

type unhandledLog struct{ lines *[]string }

var unhandledMu sync.Mutex

func (h unhandledLog) Enabled(context.Context, slog.Level) bool { return true }
func (h unhandledLog) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h unhandledLog) WithGroup(string) slog.Handler            { return h }
func (h unhandledLog) Handle(_ context.Context, r slog.Record) error {
	unhandledMu.Lock()
	defer unhandledMu.Unlock()
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "failure" {
			*h.lines = append(*h.lines, fmt.Sprintf("logged: %s: %v", r.Message, a.Value.Any()))
		}
		return true
	})
	return nil
}

// A generator that fails on its way out, once its consumer wants nothing
// more (its yield returned false: it returns an error, or a deferred call
// panics), fails the same way whether Block.All runs its flow in push mode
// or through Block.Next: the failure replaces the flow's end, or is logged
// when the flow failed already or the loop has left.
func TestBlockCloseFailurePushEqualsPull(t *testing.T) {
	closing := map[string]func(yield func(any) bool, items ...any) error{
		"returns": func(yield func(any) bool, items ...any) error {
			for _, it := range items {
				if !yield(it) {
					return twisted.IOError.New("on close")
				}
			}
			return nil
		},
		"panics": func(yield func(any) bool, items ...any) error {
			stopped := false
			defer func() {
				if stopped {
					panic(twisted.KeyError.New("on close"))
				}
			}()
			for _, it := range items {
				if !yield(it) {
					stopped = true
					return nil
				}
			}
			return nil
		},
	}
	fails := func(v ...any) (any, error) {
		if v[0] == 13 {
			return nil, twisted.ValueError.New("thirteen")
		}
		return v[0], nil
	}
	flows := map[string]struct {
		items  []any
		stage  func(flow.Generator) any
		trap   []*twisted.Class
		stopAt int
	}{
		"left early":       {[]any{1, 2, 3}, func(g flow.Generator) any { return flow.Map(nil, g) }, nil, 1},
		"left early, bare": {[]any{1, 2, 3}, func(g flow.Generator) any { return g }, nil, 2},
		"map fails":        {[]any{12, 13, 14}, func(g flow.Generator) any { return flow.Map(fails, g) }, nil, -1},
		"map fails, trapped": {[]any{12, 13, 14}, func(g flow.Generator) any { return flow.Map(fails, g) },
			[]*twisted.Class{twisted.ValueError}, -1},
		"unsupported": {[]any{1, flow.Callback(), 2}, func(g flow.Generator) any { return flow.Map(nil, g) }, nil, -1},
	}
	for fname, f := range flows {
		for cname, c := range closing {
			run := func(push bool) []string {
				var lines []string
				defer logUnhandledTo(&lines)()
				gen := flow.Generator(func(yield func(any) bool) error { return c(yield, f.items...) })
				b := flow.Block(f.stage(gen), f.trap...)
				if !push { // All over Next
					b = flow.BlockContext(context.Background(), f.stage(gen), f.trap...)
				}
				n := 0
				for v, err := range b.All() {
					if err != nil {
						lines = append(lines, "error: "+twisted.NewFailure(err).Error())
						break
					}
					lines = append(lines, "result: "+twisted.Repr(v))
					if n++; n == f.stopAt {
						break
					}
				}
				return lines
			}
			push, pull := run(true), run(false)
			got, want := strings.Join(push, "\n"), strings.Join(pull, "\n")
			if got != want {
				t.Errorf("%s, close %s: push and pull differ:\n%s", fname, cname, lineDiff(want, got))
			}
			if !strings.Contains(want, "on close") {
				t.Errorf("%s, close %s: the failure on close is lost in pull mode:\n%s", fname, cname, want)
			}
		}
	}
}

// A typed source whose deferred call panics once it was stopped fails the
// same way through the typed chain's own All as through Block.Next.
func TestTypedCloseFailureEqualsBlock(t *testing.T) {
	seq := func(yield func(int) bool) {
		stopped := false
		defer func() {
			if stopped {
				panic(twisted.KeyError.New("on close"))
			}
		}()
		for _, v := range []int{12, 13, 14} {
			if !yield(v) {
				stopped = true
				return
			}
		}
	}
	fails := func(v int) (int, error) {
		if v == 13 {
			return 0, twisted.ValueError.New("thirteen")
		}
		return v, nil
	}
	for _, stopAt := range []int{-1, 1} {
		run := func(typed bool) []string {
			var lines []string
			defer logUnhandledTo(&lines)()
			s := flow.MapOf(fails, flow.Values(seq))
			all := flow.Typed[int](flow.BlockContext(context.Background(), s).All())
			if typed {
				all = s.All()
			}
			n := 0
			for v, err := range all {
				if err != nil {
					lines = append(lines, "error: "+twisted.NewFailure(err).Error())
					break
				}
				lines = append(lines, "result: "+twisted.Repr(v))
				if n++; n == stopAt {
					break
				}
			}
			return lines
		}
		got, want := strings.Join(run(true), "\n"), strings.Join(run(false), "\n")
		if got != want {
			t.Errorf("stop at %d: typed All and Block differ:\n%s", stopAt, lineDiff(want, got))
		}
		if !strings.Contains(want, "on close") {
			t.Errorf("stop at %d: the failure on close is lost through Block:\n%s", stopAt, want)
		}
	}
}
