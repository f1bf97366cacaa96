package flow

import (
	"log/slog"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// closeStage closes s and returns the failure of a panic in its Close (a
// user stage's, an iterator's, a generator's deferred call), or nil: the
// controllers close their flow through it, so that a Close that panics
// fails the flow instead of escaping from it.
func closeStage(s Stage) *twisted.Failure { return safely(s.Close) }

// safely calls f and returns the failure of a panic in it, or nil.
func safely(f func()) (fail *twisted.Failure) {
	returned := false
	defer func() {
		if !returned {
			if v := recover(); v != nil {
				fail = twisted.FailureFromPanic(v)
			}
		}
	}()
	f()
	returned = true
	return nil
}

// closeEach closes every stage, the rest even when one's Close panics,
// and then panics with the first such panic's failure, for the controller
// closing the flow to deliver.
func closeEach(stages []Stage) {
	var first *twisted.Failure
	for _, s := range stages {
		if f := closeStage(s); f != nil && first == nil {
			first = f
		}
	}
	if first != nil {
		panic(first)
	}
}

// closeOnce closes the stages that the stage whose state is b consumes,
// the first time only: Close is idempotent, and stages that close one
// another in a cycle (a stage of the user's own closing a Map of itself)
// stop there instead of recursing without end.
func (b *Base) closeOnce(stages ...Stage) {
	if !b.shut {
		b.shut = true
		closeEach(stages)
	}
}

// logUnhandled logs f as Twisted logs an unhandled error, on logger, or
// on slog.Default() when it is nil.
func logUnhandled(logger *slog.Logger, f *twisted.Failure) {
	if logger == nil {
		logger = slog.Default()
	}
	logger.Error("Unhandled Error", slog.Any("failure", f), slog.String("traceback", f.GetTraceback()))
}

// loggerOf returns the Logger of clock when it is a *reactor.Reactor (nil
// is reactor.Default()), or nil.
func loggerOf(clock reactor.IReactorTime) *slog.Logger {
	if clock == nil {
		return reactor.Default().Logger
	}
	if r, ok := clock.(*reactor.Reactor); ok {
		return r.Logger
	}
	return nil
}
