package task

import (
	"log/slog"
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

func TestReact(t *testing.T) {
	tests := []struct {
		name string
		main func(r Reactor) *deferred.Deferred
		code int
		log  string
	}{
		{"success later", func(r Reactor) *deferred.Deferred {
			return DeferLater(r, 0.001, nil)
		}, 0, ""},
		{"success now", func(r Reactor) *deferred.Deferred { return deferred.Succeed(nil) }, 0, ""},
		{"failure", func(r Reactor) *deferred.Deferred {
			return DeferLater(r, 0, func() (any, error) { return nil, errBoom.New("bad") })
		}, 1, "main function encountered error"},
		{"exit code", func(r Reactor) *deferred.Deferred { return deferred.Fail(twisted.SystemExit.New(23)) }, 23, ""},
		{"stopped first", func(r Reactor) *deferred.Deferred {
			r.CallLater(0, func() { _ = r.Stop() })
			return deferred.New()
		}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := reactor.New()
			var log strings.Builder
			r.Logger = slog.New(slog.NewTextHandler(&log, nil))
			if code := React(tt.main, r); code != tt.code {
				t.Fatalf("exit status %d, want %d", code, tt.code)
			}
			if !strings.Contains(log.String(), tt.log) || (tt.log == "") != (log.Len() == 0) {
				t.Fatalf("logged %q, want %q", log.String(), tt.log)
			}
		})
	}
}
