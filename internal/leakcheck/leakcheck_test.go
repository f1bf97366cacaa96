package leakcheck

import (
	"strings"
	"testing"
)

func TestMain(m *testing.M) { Main(m) }

// fakeTB records what Check reports, so that a leak can be caused on
// purpose without failing the real test.
type fakeTB struct {
	testing.TB
	cleanups []func()
	errors   []string
}

func (f *fakeTB) Helper()           { f.TB.Helper() }
func (f *fakeTB) Cleanup(fn func()) { f.cleanups = append(f.cleanups, fn) }
func (f *fakeTB) Error(args ...any) { f.errors = append(f.errors, args[0].(string)) }
func (f *fakeTB) runCleanups() {
	for i := len(f.cleanups) - 1; i >= 0; i-- {
		f.cleanups[i]()
	}
}

func leakyWorker(stop chan struct{}) { <-stop }

func TestCheckReportsLeak(t *testing.T) {
	f := &fakeTB{TB: t}
	Check(f)
	stop := make(chan struct{})
	go leakyWorker(stop)
	f.runCleanups()
	close(stop)
	if len(f.errors) != 1 {
		t.Fatalf("got %d errors, want 1", len(f.errors))
	}
	if !strings.Contains(f.errors[0], "leakyWorker") {
		t.Errorf("report does not name the leaked goroutine:\n%s", f.errors[0])
	}
}

func TestCheckWaitsForExitingGoroutine(t *testing.T) {
	f := &fakeTB{TB: t}
	Check(f)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() { <-stop; close(done) }()
	close(stop)
	<-done // the goroutine is now exiting, maybe not yet gone
	f.runCleanups()
	if len(f.errors) != 0 {
		t.Errorf("unexpected leak report:\n%s", f.errors[0])
	}
}

func TestCheckIgnoresGoroutinesAlreadyRunning(t *testing.T) {
	stop := make(chan struct{})
	go leakyWorker(stop)
	defer close(stop)
	f := &fakeTB{TB: t}
	Check(f)
	f.runCleanups()
	if len(f.errors) != 0 {
		t.Errorf("unexpected leak report:\n%s", f.errors[0])
	}
}

func TestCheckPasses(t *testing.T) {
	Check(t)
	done := make(chan struct{})
	go func() { close(done) }()
	<-done
}

func TestEntryFunction(t *testing.T) {
	stack := `goroutine 7 [chan receive]:
github.com/x/y.worker(0xc000010000)
	/src/y.go:10 +0x25
github.com/x/y.start.func1()
	/src/y.go:20 +0x1d
runtime.goexit({})
	/usr/local/go/src/runtime/asm_amd64.s:1771 +0x1
created by github.com/x/y.start in goroutine 6
	/src/y.go:19 +0x8f`
	if got, want := entryFunction(stack), "github.com/x/y.start.func1"; got != want {
		t.Errorf("entryFunction = %q, want %q", got, want)
	}
}
