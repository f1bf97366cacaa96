package reactor

import "context"

// RunContext is Run bound to ctx: once ctx is done, the reactor stops as
// Stop stops it (the shutdown triggers run, flows are closed, threads
// waited for), and RunContext returns when Run does. A ctx done before
// the reactor starts stops it as soon as it has started. It returns what
// Run returns: nil after a stop, for whatever reason (ctx, Stop, a
// signal); ctx.Err() tells whether ctx ended it.
//
//	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
//	defer stop()
//	err := r.RunContext(ctx)
func (r *Reactor) RunContext(ctx context.Context) error {
	var stop func() bool
	r.CallWhenRunning(func() {
		stop = context.AfterFunc(ctx, func() { _ = r.Stop() }) // stopping already is fine
	})
	err := r.Run()
	if stop != nil {
		stop()
	}
	return err
}
