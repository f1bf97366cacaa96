package reactor

import (
	"sync"

	"github.com/twistedflow/twistedflow/twisted"
)

// defaultPoolSize is the most goroutines CallInThread uses unless
// SuggestThreadPoolSize says otherwise: Twisted's reactor thread pool has
// at most 10 threads.
const defaultPoolSize = 10

// CallFromThread schedules f to run on the reactor goroutine, in the
// order of the calls to CallFromThread, at the reactor's next iteration.
// It is safe to call from any goroutine and wakes the reactor. It is the
// way back to the reactor for code running elsewhere (in CallInThread, say):
// Twisted's APIs, and Deferreds, are not safe to use from other goroutines.
// Calls made before Run start once the reactor runs; calls made after it
// has stopped never run.
func (r *Reactor) CallFromThread(f func()) {
	r.q.Mu.Lock()
	r.threadCalls = append(r.threadCalls, f)
	r.wake()
	r.q.Mu.Unlock()
}

// CallInThread runs f on the reactor's pool of goroutines, which runs at
// most SuggestThreadPoolSize of them at once (10 by default) and queues
// the rest, in order. Work given before Run waits for the reactor to run;
// when the reactor stops, Run waits for the work already given to finish
// (f must therefore not wait for the reactor goroutine, except through
// something that gives up once it stops, as threads.BlockingCallFromThread
// does), and work given afterwards is dropped. A panic in f is logged as an unhandled error.
//
// Pool goroutines are started as work arrives and end as soon as there is
// none left, so a stopped reactor leaves no goroutine behind.
func (r *Reactor) CallInThread(f func()) {
	r.q.Mu.Lock()
	defer r.q.Mu.Unlock()
	if r.pool.joined {
		return
	}
	r.pool.queue = append(r.pool.queue, f)
	r.pool.grow(r)
}

// SuggestThreadPoolSize sets the most goroutines CallInThread runs at
// once. Lowering it lets the extra goroutines end after their current
// work; raising it starts more for the work queued. A size of 0 runs no
// work: what is queued waits for a larger size, and is dropped when the
// reactor stops (as in Twisted's ThreadPool of at most 0 threads). Once
// the reactor has stopped, no work starts, whatever the size. It panics
// with an AssertionError if size is negative.
func (r *Reactor) SuggestThreadPoolSize(size int) {
	if size < 0 {
		panic(twisted.AssertionError.New("minimum is greater than maximum"))
	}
	r.q.Mu.Lock()
	defer r.q.Mu.Unlock()
	r.pool.max = size
	r.pool.grow(r)
}

// pool is the reactor's goroutine pool: Twisted's ThreadPool(0, 10) with
// threads that end when idle. Its fields are guarded by the reactor's lock, r.q.Mu.
type pool struct {
	max     int
	workers int // goroutines started and not ended
	busy    int // of which running a function
	queue   []func()
	head    int  // queue[head:] is still to run
	started bool // the reactor has run: work may start
	joined  bool // the reactor has stopped: no new work
	wg      sync.WaitGroup
}

// start lets the queued work begin; r.q.Mu must be held.
func (p *pool) start(r *Reactor) {
	p.started = true
	p.grow(r)
}

// grow starts goroutines for the queued work, up to max; r.q.Mu must be held.
func (p *pool) grow(r *Reactor) {
	if !p.started || p.joined {
		return
	}
	for p.workers < p.max && p.workers-p.busy < len(p.queue)-p.head {
		p.workers++
		p.wg.Add(1)
		go p.work(r)
	}
}

// join refuses new work and waits for the queued work to be done, as
// Twisted's ThreadPool.stop does.
func (p *pool) join(r *Reactor) {
	r.q.Mu.Lock()
	p.joined = true
	r.q.Mu.Unlock()
	p.wg.Wait()
}

func (p *pool) work(r *Reactor) {
	defer p.wg.Done()
	r.q.Mu.Lock()
	for p.head < len(p.queue) && p.workers <= p.max {
		f := p.queue[p.head]
		p.queue[p.head] = nil
		p.head++
		if p.head == len(p.queue) {
			p.queue, p.head = p.queue[:0], 0
		} else if p.head >= 1024 && 2*p.head >= len(p.queue) {
			n := copy(p.queue, p.queue[p.head:])
			clear(p.queue[n:])
			p.queue, p.head = p.queue[:n], 0
		}
		p.busy++
		r.q.Mu.Unlock()
		r.call(f)
		r.q.Mu.Lock()
		p.busy--
	}
	p.workers--
	r.q.Mu.Unlock()
}
