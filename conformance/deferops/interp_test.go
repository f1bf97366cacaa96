package deferops

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/internal/difftest"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// interpreter runs one program over package deferred, line for line as
// testdata/deferops.py runs it over Twisted.
type interpreter struct {
	ds    []*deferred.Deferred
	names map[*deferred.Deferred]string
	out   []string
}

func (in *interpreter) printf(format string, args ...any) {
	in.out = append(in.out, fmt.Sprintf(format, args...))
}

func (in *interpreter) show(x any) string {
	switch v := x.(type) {
	case nil:
		return "None"
	case *twisted.Failure:
		return fmt.Sprintf("Failure(%s: %s)", v.Type.Name(), v.GetErrorMessage())
	case *deferred.Deferred:
		if name, ok := in.names[v]; ok {
			return "<Deferred " + name + ">"
		}
		return "<Deferred ?>"
	}
	return twisted.Repr(x)
}

func (in *interpreter) callback(label, how string) func(any) (any, error) {
	return func(result any) (any, error) {
		in.printf("%s %s", label, in.show(result))
		switch how {
		case "ret":
			return label, nil
		case "raise":
			return nil, twisted.ValueError.New(label)
		case "fail":
			return twisted.NewFailure(twisted.KeyError.New(label)), nil
		case "trap":
			result.(*twisted.Failure).Trap(twisted.KeyError)
			return label + " trapped", nil
		case "pass":
			return result, nil
		}
		j, _ := strconv.Atoi(how[1:]) // "dJ": return another Deferred
		return in.ds[j], nil
	}
}

func (in *interpreter) errback(label, how string) func(*twisted.Failure) (any, error) {
	cb := in.callback(label, how)
	return func(f *twisted.Failure) (any, error) { return cb(f) }
}

// op runs one operation; AlreadyCalledError is printed as the Python
// prints it, any other panic is the test's failure.
func (in *interpreter) op(k int, op []any) {
	verb, i := op[0].(string), int(op[1].(float64))
	d := in.ds[i]
	label := fmt.Sprintf("d%d#%d", i, k)
	defer func() {
		if v := recover(); v != nil {
			f := twisted.FailureFromPanic(v)
			if f.Check(deferred.AlreadyCalledError) == nil {
				panic(v)
			}
			in.printf("%s %s AlreadyCalledError", label, verb)
		}
	}()
	switch verb {
	case "cb":
		d.AddCallback(in.callback(label+".cb", op[2].(string)))
	case "eb":
		d.AddErrback(in.errback(label+".eb", op[2].(string)))
	case "both":
		d.AddBoth(in.callback(label+".both", op[2].(string)))
	case "pause":
		d.Pause()
	case "unpause":
		d.Unpause()
	case "callback":
		d.Callback(fmt.Sprintf("v%d", k))
	case "errback":
		d.Errback(twisted.ValueError.New(fmt.Sprintf("e%d", k)))
	case "chain":
		d.ChainDeferred(in.ds[int(op[2].(float64))])
	case "cancel":
		d.Cancel()
	default:
		panic(fmt.Sprintf("unknown op %v", op))
	}
}

func runProgram(p program) []string {
	in := &interpreter{names: map[*deferred.Deferred]string{}}
	for i := range p.N {
		name := fmt.Sprintf("d%d", i)
		var d *deferred.Deferred
		if i%2 == 1 {
			d = deferred.NewWithCanceller(func(*deferred.Deferred) { in.printf("%s canceller", name) })
		} else {
			d = deferred.New()
		}
		in.names[d] = name
		in.ds = append(in.ds, d)
	}
	for k, op := range p.Ops {
		in.op(k, op)
	}
	for i, d := range in.ds {
		in.printf("d%d called=%s paused=%d result=%s", i, pyBool(d.Called()), d.Paused(), in.show(d.Result()))
	}
	return in.out
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

func loadPrograms(t *testing.T) []program {
	return difftest.LoadPrograms[program](t, "testdata/programs.json", 300)
}

// compare reports each program whose Go trace differs from Python's, with
// the program, both traces and the first differing line.
func compare(t *testing.T, programs []program, python map[int][]string, origin string) {
	t.Helper()
	failed := 0
	for _, p := range programs {
		want, ok := python[p.ID]
		if !ok {
			t.Errorf("program %d: no %s trace", p.ID, origin)
			continue
		}
		got := runProgram(p)
		if diff := difftest.FirstDifference(want, got); diff != "" {
			failed++
			if failed <= 5 {
				prog, _ := json.Marshal(p.Ops)
				t.Errorf("program %d differs from %s: %s\nprogram: %s\nPython:\n  %s\nGo:\n  %s",
					p.ID, origin, diff, prog, strings.Join(want, "\n  "), strings.Join(got, "\n  "))
			}
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d programs differ from %s", failed, len(programs), origin)
	}
}

func quietDeferredLog(t *testing.T) {
	prev := deferred.SetLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))
	t.Cleanup(func() { deferred.SetLogger(prev) })
}

// TestRecordedTraces replays every program against Twisted's recorded
// traces.
func TestRecordedTraces(t *testing.T) {
	quietDeferredLog(t)
	programs := loadPrograms(t)
	f, err := os.Open("testdata/traces.golden")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	python, err := difftest.ParseTraces(f)
	if err != nil {
		t.Fatal(err)
	}
	compare(t, programs, python, "the recorded Twisted trace")
}

// TestLiveTwisted runs the Python interpreter under Debian's
// python3-twisted, when installed, and compares with Go directly.
func TestLiveTwisted(t *testing.T) {
	quietDeferredLog(t)
	in, why := conformance.Modern.Live()
	if why != "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but the live reference is missing: %s", why)
		}
		t.Skipf("live Twisted not run: %s", why)
	}
	cmd := exec.Command(in.Python, "testdata/deferops.py", "testdata/programs.json")
	var stderr strings.Builder
	cmd.Stderr = &stderr // Twisted logs unhandled errors there
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	python, err := difftest.ParseTraces(strings.NewReader(string(out)))
	if err != nil {
		t.Fatal(err)
	}
	compare(t, loadPrograms(t), python, "live Twisted")
}
