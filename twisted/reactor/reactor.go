package reactor

import (
	"log/slog"
	"sync"
	"time"

	"github.com/twistedflow/twistedflow/internal/sysevent"
	"github.com/twistedflow/twistedflow/internal/timers"
	"github.com/twistedflow/twistedflow/twisted"
)

// A Reactor is Twisted's event loop: it runs scheduled calls when they
// fall due, calls handed over from other goroutines, and the calls
// registered to run once it starts, all on the one goroutine that calls
// Run.
//
// CallLater, GetDelayedCalls, CallFromThread, CallInThread,
// SuggestThreadPoolSize, Stop, Running, Seconds and the methods of the
// DelayedCalls are safe to call from any goroutine; the loop is woken when
// needed, as are AddSystemEventTrigger and RemoveSystemEventTrigger.
// CallWhenRunning, FireSystemEvent and Iterate belong to the goroutine that
// drives the reactor, as in Twisted: CallWhenRunning on a running reactor
// calls f at once, on the caller's goroutine (from another goroutine, use
// CallFromThread).
//
// A Reactor runs once: as Twisted's, it cannot be restarted after it has
// stopped (Run returns ReactorNotRestartable). Create one with New for each
// test.
type Reactor struct {
	// Logger receives the errors no one handled: a panic in a call the
	// reactor runs is recovered, turned into a *twisted.Failure and logged
	// as Twisted's log.err does, with the message "Unhandled Error" and
	// the attributes "failure" (the Failure) and "traceback" (its
	// GetTraceback), then the loop goes on. Nil means slog.Default().
	// Set it before Run.
	Logger *slog.Logger

	// NoSignalHandlers, set before Run, makes Run install no signal
	// handlers: Twisted's run(installSignalHandlers=False), for a reactor
	// embedded in a program that handles signals itself, or several
	// reactors in one process (tests). See Run.
	NoSignalHandlers bool

	// q's mutex, q.Mu, which its DelayedCalls lock too, also guards the
	// fields below and the pool.
	q timers.Queue

	// Seconds is base plus the monotonic time elapsed since start.
	start time.Time
	base  float64
	// lastNow is the latest Seconds read with q.Mu held (nowLocked): a
	// call due at or before it is due now, without reading the clock
	// again.
	lastNow float64
	// settling is set while the loop of Run runs an iteration, until it
	// computes its next wait: a change of the queue then needs no
	// wake-up, since that computation, under q.Mu, will see it. A call
	// that reschedules itself with CallLater(0) (a Cooperate) so costs no
	// channel send and receive per turn. (Iterate, which Run's loop does
	// not run beside, always wakes its wait.)
	settling bool

	threadCalls []func()
	spareCalls  []func() // the other buffer: CallFromThread appends to one as the loop runs the other
	started     bool     // between Run and the end of the loop
	running     bool     // Twisted's running: started and not yet crashed
	stopped     bool     // true until Run, and again once Stop is called
	justStopped bool     // Stop was called; shut down after this iteration
	ranBefore   bool
	ioGoroutine uint64        // the goroutine in Run, or 0
	done        chan struct{} // closed when the loop stops

	wakeup chan struct{} // a token wakes the loop's wait
	timer  *time.Timer
	pool   pool
	net    netState // the TCP ports and connections, torn down when Run ends
	// dirty are the connections written to during this iteration, whose
	// writes are handed to the kernel at its end (reactor goroutine only).
	dirty []*tcpConn

	eventsMu sync.Mutex
	events   map[string]*sysevent.ThreePhaseEvent // the system event triggers
	signals  signalHandlers
}

var (
	_ IReactorTime    = (*Reactor)(nil)
	_ IReactorCore    = (*Reactor)(nil)
	_ IReactorThreads = (*Reactor)(nil)
)

// New returns a reactor that is not yet running, independent of every
// other (Default's included). Like Default's, its Run installs the SIGINT
// and SIGTERM handlers unless NoSignalHandlers is set: a program's reactor
// stops cleanly on Ctrl-C whichever way it was made; a test or a library
// that runs reactors of its own sets NoSignalHandlers.
func New() *Reactor {
	r := &Reactor{
		start:   time.Now(),
		stopped: true,
		wakeup:  make(chan struct{}, 1),
		done:    make(chan struct{}),
		pool:    pool{max: defaultPoolSize},
		timer:   time.NewTimer(time.Hour),
	}
	r.timer.Stop()
	r.base = float64(r.start.UnixNano()) / 1e9
	r.q.Now = r.nowLocked
	r.q.Wake = r.queueChanged
	// The reactor's own work, as Twisted's ReactorBase.__init__ and
	// _initThreadPool add it.
	r.addInternalTrigger("during", "startup", r.reallyStartRunning)
	r.addInternalTrigger("during", "shutdown", r.crash)
	r.addInternalTrigger("during", "shutdown", r.disconnectAll)
	r.addInternalTrigger("during", "shutdown", func() { r.pool.join(r) })
	return r
}

var defaultReactor = sync.OnceValue(New)

// Default returns the process-wide reactor, created on first use: what
// `from twisted.internet import reactor` gives in Python. Its Run installs
// signal handlers, as Twisted's reactor.run() does (see Run).
func Default() *Reactor { return defaultReactor() }

// Seconds returns the current time in seconds since the epoch, as
// Python's time.time(): the wall clock when the reactor was created plus
// the monotonic time since, so it never goes backwards.
func (r *Reactor) Seconds() float64 { return r.seconds() }

func (r *Reactor) seconds() float64 {
	return r.base + time.Since(r.start).Seconds()
}

// nowLocked is seconds, read with r.q.Mu held, and remembered as lastNow.
func (r *Reactor) nowLocked() float64 {
	r.lastNow = r.seconds()
	return r.lastNow
}

// CallLater schedules f to be called delay seconds from now, on the
// reactor goroutine, and returns the DelayedCall that can cancel, delay or
// reset it. Calls due at the same time run in the order they were
// scheduled. A negative delay panics with an AssertionError, as Twisted's
// assert does.
func (r *Reactor) CallLater(delay float64, f func()) *DelayedCall {
	if !(delay >= 0) {
		panic(twisted.AssertionError.New(twisted.Repr(delay) + " is not greater than or equal to 0 seconds"))
	}
	r.q.Mu.Lock()
	defer r.q.Mu.Unlock()
	return r.q.Schedule(delay, f)
}

// GetDelayedCalls returns the calls scheduled and not yet run or
// cancelled, earliest first.
func (r *Reactor) GetDelayedCalls() []*DelayedCall {
	r.q.Mu.Lock()
	defer r.q.Mu.Unlock()
	r.q.Settle()
	return r.q.Pending()
}

// CallWhenRunning calls f when the reactor is running: at once if it
// already is, otherwise when Run starts it, in the order registered (an
// "after" "startup" trigger; to be able to remove it, add it with
// AddSystemEventTrigger).
func (r *Reactor) CallWhenRunning(f func()) {
	if r.Running() {
		f()
		return
	}
	r.AddSystemEventTrigger("after", "startup", func() any { f(); return nil })
}

// Running reports whether the reactor is running: true from the start of
// Run, before the CallWhenRunning calls, until it shuts down after Stop.
func (r *Reactor) Running() bool {
	r.q.Mu.Lock()
	defer r.q.Mu.Unlock()
	return r.running
}

// Run fires the "startup" system event (so the calls registered with
// CallWhenRunning run), then runs the loop in the calling goroutine until
// Stop is called and the "shutdown" event has run (see
// AddSystemEventTrigger): it has then closed the connections and ports
// and waited for the work given to CallInThread to finish. It returns
// ReactorAlreadyRunning if the reactor is running, and
// ReactorNotRestartable if it has run and stopped.
//
// Unless NoSignalHandlers is set, Run installs signal handlers as it
// starts (in the "during" phase of "startup", as Twisted's
// installSignalHandlers=True): SIGINT (os.Interrupt; on Windows, Ctrl-C
// and Ctrl-Break) and SIGTERM stop the reactor as Stop does, running the
// shutdown triggers, and Run returns normally, so the code after it runs.
// SIGINT is left alone if the process ignores it (signal.Ignored), as
// Twisted leaves a SIGINT handler it did not install. The handlers are
// removed when Run returns, and after the first signal: a second one,
// while the shutdown waits on a before-shutdown trigger's Deferred, acts
// as if there were no handler (by default it ends the process), where
// Twisted logs ReactorNotRunning and goes on waiting.
func (r *Reactor) Run() error {
	r.q.Mu.Lock()
	if r.started {
		r.q.Mu.Unlock()
		return ReactorAlreadyRunning.New()
	}
	if r.ranBefore {
		r.q.Mu.Unlock()
		return ReactorNotRestartable.New()
	}
	r.started, r.stopped = true, false
	r.ioGoroutine = goroutineID()
	r.q.Mu.Unlock()
	defer func() {
		r.removeSignalHandlers()
		r.q.Mu.Lock()
		r.ioGoroutine = 0
		r.q.Mu.Unlock()
	}()

	r.FireSystemEvent("startup")
	r.mainLoop()
	return nil
}

// reallyStartRunning is the reactor's "during startup" trigger: it is
// running from now on. Once Run has ended, or before it starts, it does
// nothing: a before-startup trigger's Deferred that fires after a Stop
// (or a "startup" fired by hand) would otherwise mark a reactor with no
// loop as running and install signal handlers that no Run removes
// (Twisted sets running there all the same).
func (r *Reactor) reallyStartRunning() {
	r.q.Mu.Lock()
	if !r.started {
		r.q.Mu.Unlock()
		return
	}
	r.running = true
	r.pool.start(r)
	r.q.Mu.Unlock()
	if !r.NoSignalHandlers {
		r.installSignalHandlers()
	}
}

// crash is the reactor's first "during shutdown" trigger: the loop ends
// after the current iteration, and calls from other goroutines no longer
// run.
func (r *Reactor) crash() {
	r.q.Mu.Lock()
	r.started, r.running = false, false
	// A "shutdown" fired by FireSystemEvent rather than Stop stops the
	// reactor for good as well: its pool and network are gone. (Twisted's
	// crash lets it run again.)
	r.stopped, r.ranBefore = true, true
	select {
	case <-r.done:
	default:
		close(r.done)
	}
	r.q.Mu.Unlock()
}

// Done returns a channel that is closed when the reactor stops running: in
// the "during" phase of the "shutdown" event, from which on Running is
// false and calls given to CallFromThread no longer run. A goroutine
// waiting for the reactor to do something selects on it, so as not to
// wait forever once it has stopped.
func (r *Reactor) Done() <-chan struct{} { return r.done }

// Stop asks the reactor to stop: the current iteration finishes (the
// calls already due still run), then the reactor fires the "shutdown"
// system event, and Run returns once its "during" phase has run. Stop
// returns ReactorNotRunning if the reactor is not running or is already
// stopping.
func (r *Reactor) Stop() error {
	r.q.Mu.Lock()
	defer r.q.Mu.Unlock()
	if r.stopped {
		return ReactorNotRunning.New("Can't stop reactor that isn't running.")
	}
	r.stopped, r.justStopped, r.ranBefore = true, true, true
	r.wake()
	return nil
}

// Iterate runs the calls that are due, then waits at most delay seconds
// for a call from another goroutine (CallFromThread) to arrive: one
// iteration of the loop, for code that drives the reactor itself instead
// of calling Run. As in Twisted, a timed call falling due does not end the
// wait early. Do not call it while Run is in progress.
func (r *Reactor) Iterate(delay float64) {
	timers.CheckTime(delay)
	r.runUntilCurrent()
	r.flushWrites()
	r.q.Mu.Lock()
	r.settling = false // Iterate does not run beside Run's loop; if it did, its wait must still be woken
	r.q.Mu.Unlock()
	r.doIteration(delay, true)
}

func (r *Reactor) mainLoop() {
	for {
		r.runUntilCurrent()
		r.flushWrites()
		r.q.Mu.Lock()
		r.settling = false // from here on, a change of the queue wakes the wait
		if !r.started {
			r.q.Mu.Unlock()
			return
		}
		// Twisted polls without waiting while the reactor is started but
		// not yet running (a before-startup trigger's Deferred pending):
		// a busy loop. Here the loop waits as usual, for the next call.
		wait, ok := r.timeout()
		r.q.Mu.Unlock()
		r.doIteration(wait, ok)
	}
}

// timeout returns how long the loop may wait before a call falls due, and
// false if no call is scheduled; r.q.Mu must be held.
func (r *Reactor) timeout() (float64, bool) {
	r.q.Settle()
	at, ok := r.q.NextTime()
	if !ok {
		return 0, false
	}
	if at <= r.lastNow { // due already: the clock only goes forward
		return 0, true
	}
	return max(0, at-r.nowLocked()), true
}

// doIteration waits for a wake-up, or at most delay seconds if bounded.
func (r *Reactor) doIteration(delay float64, bounded bool) {
	if !bounded {
		<-r.wakeup
		return
	}
	if delay <= 0 {
		select {
		case <-r.wakeup:
		default:
		}
		return
	}
	t := r.timer
	t.Reset(waitDuration(delay))
	select {
	case <-r.wakeup:
	case <-t.C:
	}
	t.Stop()
}

// longestWait bounds the loop's wait, as Twisted bounds its timeout (to
// 2**31 milliseconds, for epoll): a call scheduled in the extreme future
// (CallLater(1e40, f)) must not overflow time.Duration into a wait of zero,
// which would spin the loop.
const longestWait = 2147483 // seconds

// waitDuration converts a wait in seconds to a time.Duration, at most
// longestWait.
func waitDuration(seconds float64) time.Duration {
	return time.Duration(min(seconds, longestWait) * float64(time.Second))
}

// queueChanged is the queue's Wake: the earliest due time may have
// changed; r.q.Mu is held.
func (r *Reactor) queueChanged() {
	if !r.settling {
		r.wake()
	}
}

// wake makes the loop's current or next wait return; r.q.Mu must be held.
func (r *Reactor) wake() {
	select {
	case r.wakeup <- struct{}{}:
	default:
	}
}

// runUntilCurrent runs the calls from other goroutines that have arrived,
// then the scheduled calls that are due, as Twisted's does: calls that
// these schedule wait for the next iteration.
func (r *Reactor) runUntilCurrent() {
	r.q.Mu.Lock()
	r.settling = r.started // Run's loop computes its wait after this iteration
	calls := r.threadCalls
	r.threadCalls = r.spareCalls[:0]
	r.q.Mu.Unlock()
	for _, f := range calls {
		r.call(f)
	}
	clear(calls)

	r.q.Mu.Lock()
	r.spareCalls = calls
	if len(r.threadCalls) > 0 {
		r.wake()
	}
	r.q.Settle()
	now := r.nowLocked()
	last := r.q.Up() // calls ranked after it were scheduled by this iteration
	for {
		f, ok := r.q.Due(now, last)
		if !ok {
			break
		}
		r.q.Mu.Unlock()
		r.call(f)
		r.q.Mu.Lock()
		r.q.Settle()
	}
	stopping := r.justStopped
	r.justStopped = false
	r.q.Mu.Unlock()
	if stopping {
		r.FireSystemEvent("shutdown")
	}
}

// call runs f, logging a panic as an unhandled error.
func (r *Reactor) call(f func()) {
	defer func() {
		if v := recover(); v != nil {
			r.logFailure(twisted.FailureFromPanic(v))
		}
	}()
	f()
}

func (r *Reactor) logFailure(f *twisted.Failure) {
	r.logger().Error("Unhandled Error", slog.Any("failure", f), slog.String("traceback", f.GetTraceback()))
}

func (r *Reactor) logger() *slog.Logger {
	if r.Logger == nil {
		return slog.Default()
	}
	return r.Logger
}
