package leakcheck

import (
	"net"
	"os"
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

func TestCheckReportsOpenFile(t *testing.T) {
	if openFDs() == nil {
		t.Skip("no " + fdDir + " here: descriptors are not checked")
	}
	f := &fakeTB{TB: t}
	Check(f)
	file, err := os.Open(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	f.runCleanups()
	file.Close()
	if len(f.errors) != 1 {
		t.Fatalf("got %d errors, want 1", len(f.errors))
	}
	if !strings.Contains(f.errors[0], "file descriptor") || !strings.Contains(f.errors[0], os.Args[0]) {
		t.Errorf("report does not name the open file %s:\n%s", os.Args[0], f.errors[0])
	}
}

func TestCheckReportsOpenSocketUntilClosed(t *testing.T) {
	if openFDs() == nil {
		t.Skip("no " + fdDir + " here: descriptors are not checked")
	}
	f := &fakeTB{TB: t}
	Check(f)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	f.runCleanups()
	if len(f.errors) != 0 {
		t.Errorf("a closed listener reported as leaked:\n%s", f.errors[0])
	}
	g := &fakeTB{TB: t}
	Check(g)
	l, err = net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	g.runCleanups()
	if len(g.errors) != 1 || !strings.Contains(g.errors[0], "socket:[") {
		t.Errorf("an open listener not reported: %q", g.errors)
	}
}

// A descriptor closed during the test frees a number below the one the
// first listing read /proc/self/fd through; the next listing then reads
// it through that lower number, which is no leak (TestStopClosesSuspendedFlows
// once reported "5 -> /proc/PID/fd").
func TestCheckIgnoresItsOwnListingMovingDown(t *testing.T) {
	if openFDs() == nil {
		t.Skip("no " + fdDir + " here")
	}
	low, err := os.Open(os.DevNull) // the lowest free number
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeTB{TB: t}
	Check(f) // lists through the number above low's
	low.Close()
	f.runCleanups() // lists through low's old number
	if len(f.errors) != 0 {
		t.Fatalf("reported %q, want nothing", f.errors)
	}
}
