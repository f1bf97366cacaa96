package conformance

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// A Runtime is the Python a suite's scripts were written for and recorded
// under.
type Runtime struct {
	// Key names the runtime in flags and in the report: "flow2009" or
	// "modern".
	Key string
	// Name describes the interpreter and Twisted version.
	Name string
	// Setup says how to make the runtime live: the environment variables
	// that point at it.
	Setup string
	// live finds an installed interpreter for this runtime, or says why
	// there is none.
	live func() (Interpreter, string)
}

// Flow2009 is CPython 2.7 with Twisted at b2b5697a0f^ (the parent of
// "Merge remove-flow-3726", the last tree that has twisted.flow) and
// zope.interface 3.6.7. Nothing of it is installed by this module: point
// the oracle at it, or set TWISTEDFLOW_PYTHON2 (the interpreter) and
// TWISTEDFLOW_PYTHONPATH2 (the Twisted checkout and zope.interface's src,
// joined with ':') to have go test run these scripts live.
var Flow2009 = Runtime{
	Key:   "flow2009",
	Setup: "TWISTEDFLOW_PYTHON2=<python2.7> TWISTEDFLOW_PYTHONPATH2=<twisted b2b5697a0f^ tree>:<zope.interface 3.6.7>/src",
	Name:  "CPython 2.7.18, Twisted b2b5697a0f^ (2009), zope.interface 3.6.7",
	live: func() (Interpreter, string) {
		py := os.Getenv("TWISTEDFLOW_PYTHON2")
		if py == "" {
			return Interpreter{}, "TWISTEDFLOW_PYTHON2 is not set"
		}
		return Interpreter{Python: py, PythonPath: os.Getenv("TWISTEDFLOW_PYTHONPATH2")}, ""
	},
}

// Modern is CPython 3 with Debian's python3-twisted (22.4 on Debian 12),
// which .ci/run installs; TWISTEDFLOW_PYTHON3 overrides the interpreter
// (default /usr/bin/python3).
var Modern = Runtime{
	Key:   "modern",
	Setup: "apt-get install python3-twisted, or TWISTEDFLOW_PYTHON3=<a python3 that imports twisted>",
	Name:  "CPython 3, Debian python3-twisted",
	live: func() (Interpreter, string) {
		py := os.Getenv("TWISTEDFLOW_PYTHON3")
		if py == "" {
			py = "/usr/bin/python3"
		}
		in := Interpreter{Python: py}
		if out, err := in.Exec("import twisted\nprint(twisted.__version__)\n"); err != nil {
			return Interpreter{}, fmt.Sprintf("%s cannot import twisted (apt-get install python3-twisted): %v", py, firstLine(out+err.Error()))
		}
		return in, ""
	},
}

// Live returns an installed interpreter for the runtime, or the reason
// there is none.
func (rt Runtime) Live() (Interpreter, string) { return rt.live() }

// An Interpreter runs Python scripts: the interpreter's path and the
// PYTHONPATH to run them with.
type Interpreter struct {
	Python     string
	PythonPath string
}

// execTimeout bounds one script's run: long enough for a loaded machine
// (a script takes a fraction of a second alone), short enough that a hung
// script fails the run instead of stalling it.
const execTimeout = 3 * time.Minute

// Exec runs a script and returns what it printed on stdout. A script that
// exits non-zero, or runs over execTimeout, is an error carrying its stderr.
func (in Interpreter) Exec(script string) (string, error) {
	return in.run(map[string][]byte{"scenario.py": []byte(script)}, "scenario.py")
}

// run writes files into a fresh directory and runs the interpreter there
// on main with args, as Exec does.
func (in Interpreter) run(files map[string][]byte, main string, args ...string) (string, error) {
	dir, err := os.MkdirTemp("", "conformance-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), text, 0o644); err != nil {
			return "", err
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), execTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, in.Python, append([]string{filepath.Join(dir, main)}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PYTHONPATH="+in.PythonPath, "PYTHONDONTWRITEBYTECODE=1", "PYTHONHASHSEED=0", "PYTHONWARNINGS=ignore")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String(), fmt.Errorf("%s: %w\n%s", in.Python, err, stderr.String())
	}
	return normalize(stdout.String()), nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}
