package reactor

import (
	"bytes"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"sync"
	"syscall"

	"github.com/twistedflow/twistedflow/twisted"
)

// signalHandlers is what Run installs for SIGINT and SIGTERM: a channel
// signal.Notify delivers to, and the goroutine reading it.
type signalHandlers struct {
	mu   sync.Mutex
	ch   chan os.Signal
	quit chan struct{}
	wg   sync.WaitGroup
	last os.Signal // the signal that stopped the reactor, if any
}

// installSignalHandlers is Twisted's _handleSignals: SIGINT (unless the
// process ignores it) and SIGTERM stop the reactor. On Windows,
// os.Interrupt is both Ctrl-C and Ctrl-Break (Twisted's SIGBREAK).
func (r *Reactor) installSignalHandlers() {
	s := &r.signals
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ch != nil {
		return
	}
	sigs := []os.Signal{syscall.SIGTERM}
	if !signal.Ignored(os.Interrupt) {
		sigs = append(sigs, os.Interrupt)
	}
	s.ch = make(chan os.Signal, 1)
	s.quit = make(chan struct{})
	signal.Notify(s.ch, sigs...)
	s.wg.Add(1)
	go r.handleSignals(s.ch, s.quit)
}

// handleSignals waits for the first signal, then stops the reactor from
// its own goroutine, as Twisted's sigInt and sigTerm do with
// callFromThread(self.stop), and lets the default handling of the signals
// back.
func (r *Reactor) handleSignals(ch chan os.Signal, quit chan struct{}) {
	defer r.signals.wg.Done()
	select {
	case sig := <-ch:
		signal.Stop(ch)
		r.signals.mu.Lock()
		r.signals.last = sig
		r.signals.mu.Unlock()
		r.logger().Info("Received "+signalName(sig)+", shutting down.", slog.String("signal", signalName(sig)))
		r.CallFromThread(func() {
			if err := r.Stop(); err != nil {
				r.logFailure(twisted.NewFailure(err))
			}
		})
	case <-quit:
	}
}

// removeSignalHandlers undoes installSignalHandlers, when Run returns.
func (r *Reactor) removeSignalHandlers() {
	s := &r.signals
	s.mu.Lock()
	ch, quit := s.ch, s.quit
	s.ch, s.quit = nil, nil
	s.mu.Unlock()
	if ch == nil {
		return
	}
	signal.Stop(ch)
	close(quit)
	s.wg.Wait()
}

// ExitSignal returns the signal that stopped the reactor (SIGINT or
// SIGTERM), or nil if none did: Twisted's reactor._exitSignal, which twist
// uses to end the process with that signal.
func (r *Reactor) ExitSignal() os.Signal {
	r.signals.mu.Lock()
	defer r.signals.mu.Unlock()
	return r.signals.last
}

// signalName is Python's name for sig: SIGINT, SIGTERM.
func signalName(sig os.Signal) string {
	switch sig {
	case nil:
		return "None"
	case os.Interrupt:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return sig.String()
}

// IsInIOThread reports whether the calling goroutine is the one running
// the reactor (inside Run): Twisted's threadable.isInIOThread(), for a
// reactor registered as the I/O thread. Code that must not block the
// reactor, or that would deadlock waiting for it, checks it.
func (r *Reactor) IsInIOThread() bool {
	r.q.Mu.Lock()
	id := r.ioGoroutine
	r.q.Mu.Unlock()
	return id != 0 && id == goroutineID()
}

// goroutineID returns the calling goroutine's number, from the first line
// of its stack trace ("goroutine 18 [running]:"). Go keeps goroutines
// anonymous; this is only used to tell the reactor's own goroutine apart,
// where a wrong guess would deadlock.
func goroutineID() uint64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i >= 0 {
		b = b[:i]
	}
	id, _ := strconv.ParseUint(string(b), 10, 64)
	return id
}
