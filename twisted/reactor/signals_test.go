//go:build unix

package reactor

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// signalChildEnv, set in the environment, makes TestSignalChild the child
// process of TestSignalStopsReactor: it runs a reactor and prints what
// happens as it is signalled.
const signalChildEnv = "TWISTEDFLOW_SIGNAL_CHILD"

// TestSignalChild is the child: it runs a reactor with the default signal
// handlers and shutdown triggers, tells the parent it is ready (once the
// handlers are installed: after-startup), and prints what runs.
func TestSignalChild(t *testing.T) {
	if os.Getenv(signalChildEnv) == "" {
		t.Skip("the child process of TestSignalStopsReactor")
	}
	r := New()
	if os.Getenv(signalChildEnv) == "never" {
		// A shutdown that waits forever: only a second signal ends it.
		r.AddSystemEventTrigger("before", "shutdown", func() any {
			fmt.Println("waiting forever")
			return deferred.New()
		})
		r.CallWhenRunning(func() { fmt.Println("ready") })
		_ = r.Run()
		os.Exit(4) // not reached: the second signal ends the process
	}
	r.AddSystemEventTrigger("before", "shutdown", func() any {
		fmt.Println("before shutdown")
		// The shutdown waits for this Deferred, fired by a later call.
		d := deferred.New()
		r.CallLater(0, func() { fmt.Println("before's Deferred fires"); d.Callback(nil) })
		return d
	})
	r.AddSystemEventTrigger("during", "shutdown", func() any { fmt.Println("during shutdown"); return nil })
	r.AddSystemEventTrigger("after", "shutdown", func() any { fmt.Println("after shutdown"); return nil })
	r.CallWhenRunning(func() { fmt.Println("ready") })
	if err := r.Run(); err != nil {
		fmt.Println("Run:", err)
		os.Exit(3)
	}
	fmt.Println("after Run, exit signal", signalName(r.ExitSignal()))
	os.Exit(0)
}

// SIGINT and SIGTERM stop a running reactor through its shutdown
// triggers, and Run returns so that the program goes on: a real child
// process is signalled once it says it is ready.
func TestSignalStopsReactor(t *testing.T) {
	if os.Getenv(signalChildEnv) != "" {
		t.Skip("in the child")
	}
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(signalName(sig), func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestSignalChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), signalChildEnv+"=1")
			cmd.Stderr = os.Stderr
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			out := bufio.NewReader(stdout)
			line, err := out.ReadString('\n')
			if err != nil || line != "ready\n" {
				_ = cmd.Process.Kill()
				_ = cmd.Wait()
				t.Fatalf("child's first line %q, %v; want ready", line, err)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			rest, err := io.ReadAll(out)
			if err != nil {
				t.Fatal(err)
			}
			werr := cmd.Wait()
			got := strings.Split(strings.TrimSpace(string(rest)), "\n")
			want := []string{
				"before shutdown",
				"before's Deferred fires",
				"during shutdown",
				"after shutdown",
				"after Run, exit signal " + signalName(sig),
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("child's output after the signal (-want +got):\n%s", diff)
			}
			if werr != nil {
				t.Errorf("child exited with %v, want status 0", werr)
			}
		})
	}
}

// After the first signal the handlers are gone: a second SIGINT, while
// the shutdown waits on a Deferred that never fires, ends the process
// (Twisted logs ReactorNotRunning and waits on).
func TestSecondSignalEndsProcess(t *testing.T) {
	if os.Getenv(signalChildEnv) != "" {
		t.Skip("in the child")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestSignalChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), signalChildEnv+"=never")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	out := bufio.NewReader(stdout)
	var lines []string
	for _, signalAfter := range []string{"ready\n", "waiting forever\n"} {
		for {
			line, err := out.ReadString('\n')
			if err != nil {
				_ = cmd.Process.Kill()
				_ = cmd.Wait()
				t.Fatalf("child's output %q, then %v", lines, err)
			}
			lines = append(lines, line)
			if line == signalAfter {
				break
			}
		}
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			t.Fatal(err)
		}
	}
	rest, _ := io.ReadAll(out)
	werr := cmd.Wait()
	if diff := cmp.Diff([]string{"ready\n", "waiting forever\n"}, lines); diff != "" {
		t.Errorf("child's output (-want +got):\n%s", diff)
	}
	if len(rest) != 0 {
		t.Errorf("child printed %q after the second signal", rest)
	}
	var exit *exec.ExitError
	if !errors.As(werr, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGINT {
		t.Errorf("child ended with %v, want killed by SIGINT", werr)
	}
}

// Run removes its handlers when it returns, and installs none with
// NoSignalHandlers.
func TestSignalHandlersRemoved(t *testing.T) {
	r := New()
	var during bool
	r.CallWhenRunning(func() {
		r.signals.mu.Lock()
		during = r.signals.ch != nil
		r.signals.mu.Unlock()
		mustStop(t, r)
	})
	run(t, r)
	if !during {
		t.Error("no handlers while running")
	}
	if r.signals.ch != nil {
		t.Error("handlers left installed after Run")
	}

	r = New()
	r.NoSignalHandlers = true
	r.CallWhenRunning(func() {
		if r.signals.ch != nil {
			t.Error("handlers installed with NoSignalHandlers")
		}
		mustStop(t, r)
	})
	run(t, r)
}
