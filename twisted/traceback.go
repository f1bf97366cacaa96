package twisted

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// A Frame is one frame of a Failure's traceback: Go's function, file and
// line in the places of Python's (funcName, fileName, lineNumber, locals,
// globals). Go has no locals or globals to capture.
type Frame struct {
	Function string
	File     string
	Line     int
}

// ExceptionCaughtHere is the line printTraceback writes between the stack
// above the place where the exception was caught and the frames from
// there to the place it was raised (failure.EXCEPTION_CAUGHT_HERE).
const ExceptionCaughtHere = "--- <exception caught here> ---"

// Detail levels of PrintTraceback (format_frames' detail argument).
const (
	DetailDefault = "default"
	DetailBrief   = "brief"
	DetailVerbose = "verbose"
	// DetailVerboseVarsNotCaptured is the verbose format saying that no
	// locals and globals were captured, which the verbose detail uses (Go
	// captures none).
	DetailVerboseVarsNotCaptured = "verbose-vars-not-captured"
)

// failureCount numbers Failures as Twisted's Failure.count does.
var failureCount atomic.Int64

// tracebackFrames splits the recorded stack into Python's frames (from the
// place the exception was caught to the place it was raised) and stack
// (the callers above the catch), both outermost first.
//
// For a Failure made from a panic, the frames start at the function that
// deferred the recovering closure (Python's try statement) and end where
// the panic was raised; for one made by NewFailure, the exception was
// "raised and caught" by NewFailure's caller, the one frame of frames.
func (f *Failure) tracebackFrames() (frames, stack []Frame) {
	if f.cleaned {
		return f.frames, f.stack
	}
	var all []Frame // innermost first
	recoverer := ""
	panicked := false
	it := runtime.CallersFrames(f.pcs)
	for {
		fr, more := it.Next()
		switch {
		case fr.Function == "runtime.gopanic":
			// The frames so far are those of the code that recovered
			// the panic (the deferred closure last): the traceback
			// starts where the panic was raised.
			if len(all) > 0 {
				recoverer = all[len(all)-1].Function // called by gopanic
			}
			all, panicked = all[:0], true
		case fr.Function != "" && !strings.HasPrefix(fr.Function, "runtime."):
			all = append(all, Frame{Function: fr.Function, File: fr.File, Line: fr.Line})
		}
		if !more {
			break
		}
	}
	catch := 0 // the index, in all, of the innermost frame of frames' outermost
	if panicked {
		catch = len(all) - 1
		if enclosing := enclosingFunction(recoverer); enclosing != "" {
			for i, fr := range all {
				if fr.Function == enclosing {
					catch = i
					break
				}
			}
		}
	}
	if len(all) == 0 {
		return nil, nil
	}
	frames = make([]Frame, 0, catch+1)
	for i := catch; i >= 0; i-- {
		frames = append(frames, all[i])
	}
	for i := len(all) - 1; i > catch; i-- {
		stack = append(stack, all[i])
	}
	return frames, stack
}

// enclosingFunction returns the function a closure is declared in
// ("pkg.F.func1.2" → "pkg.F"), or "" for a function that is not a
// closure.
func enclosingFunction(name string) string {
	i := strings.Index(name, ".func")
	if i < 0 {
		return ""
	}
	return name[:i]
}

// Frames returns the frames from the place the failure's exception was
// caught (recovered, or made into a Failure by NewFailure) to the place
// it was raised, outermost first (Failure.frames).
func (f *Failure) Frames() []Frame {
	frames, _ := f.tracebackFrames()
	return frames
}

// Stack returns the frames above the place the exception was caught,
// outermost first (Failure.stack).
func (f *Failure) Stack() []Frame {
	_, stack := f.tracebackFrames()
	return stack
}

// Count returns the failure's number, in the order Failures were made
// (Failure.count), which the verbose traceback prints.
func (f *Failure) Count() int64 { return f.count }

// Parents returns the qualified names of the failure's class and its
// parents, the class first, as Twisted 22.4's Failure.parents (the class's
// MRO): ["builtins.KeyError", "builtins.LookupError",
// "builtins.Exception", "builtins.BaseException", "builtins.object"] (see
// [Class.Python3QualName]; CPython 3 has no StandardError, and its IOError
// and EnvironmentError are one OSError). For a class not derived from
// Exception (BaseException, SystemExit, KeyboardInterrupt, GeneratorExit)
// Twisted keeps only the class itself, and so does Parents: its one name.
func (f *Failure) Parents() []string {
	if !f.class().IsSubclass(Exception) {
		return []string{f.class().Python3QualName()}
	}
	var out []string
	for c := f.class(); c != nil; c = c.parent {
		if c.module == "exceptions" {
			if _, ok := python3Builtin(c); !ok {
				continue
			}
		}
		if q := c.Python3QualName(); len(out) == 0 || out[len(out)-1] != q {
			out = append(out, q)
		}
	}
	return append(out, "builtins.object")
}

// CleanFailure resolves the failure's frames to names, files and lines
// and drops the program counters they came from (Failure.cleanFailure,
// which replaces the traceback's objects with strings).
func (f *Failure) CleanFailure() {
	if f.cleaned {
		return
	}
	f.frames, f.stack = f.tracebackFrames()
	f.pcs, f.cleaned = nil, true
}

// GetTraceback returns the failure formatted as a Python traceback, with
// the default detail (Failure.getTraceback()): the frames where the
// exception arose, each with its line of source as Python prints it, most
// recent call last, then the exception's qualified class name and
// message. See PrintTraceback.
func (f *Failure) GetTraceback() string {
	return f.GetTracebackDetail(DetailDefault)
}

// GetTracebackDetail is Failure.getTraceback(detail=detail).
func (f *Failure) GetTracebackDetail(detail string) string {
	var b strings.Builder
	f.PrintTraceback(&b, detail)
	return b.String()
}

// GetBriefTraceback is Failure.getBriefTraceback().
func (f *Failure) GetBriefTraceback() string {
	return f.GetTracebackDetail(DetailBrief)
}

// PrintBriefTraceback prints the traceback as densely as possible
// (Failure.printBriefTraceback).
func (f *Failure) PrintBriefTraceback(w io.Writer) { f.PrintTraceback(w, DetailBrief) }

// PrintDetailedTraceback prints the traceback with its header and footer
// (Failure.printDetailedTraceback); Go has no locals and globals to show,
// and says so as Twisted does for a Failure that did not capture them.
func (f *Failure) PrintDetailedTraceback(w io.Writer) { f.PrintTraceback(w, DetailVerbose) }

// PrintTraceback writes the traceback to w as Twisted's
// Failure.printTraceback does (nil w is os.Stderr, where Twisted writes to
// its log), in one of the detail levels: DetailDefault (Python's standard
// error report), DetailBrief (a line per frame) or DetailVerbose (the
// frames between "*--- Failure #N ---" and "*--- End of Failure #N ---").
// Another detail panics with ValueError, as Twisted raises it.
//
// The last frames of the stack above the place the exception was caught
// (traceupLength of them) come first, then ExceptionCaughtHere, then the
// frames down to where it was raised. Classes are named as Twisted 22.4
// names them: <class 'ZeroDivisionError'> in the brief header,
// builtins.ZeroDivisionError in the last line of the others (see
// [Class.Python3QualName]).
func (f *Failure) PrintTraceback(w io.Writer, detail string) {
	if w == nil {
		w = os.Stderr
	}
	f.printTraceback(w, detail, python3Names)
}

// traceupLength is how many frames of the stack above the place the
// exception was caught a traceback shows (failure.traceupLength).
const traceupLength = 4

// printTraceback is PrintTraceback with classes spelled by names.
func (f *Failure) printTraceback(w io.Writer, detail string, names classNames) {
	formatDetail := detail
	switch detail {
	case DetailDefault, DetailBrief:
	case DetailVerbose:
		formatDetail = DetailVerboseVarsNotCaptured
	default:
		panic(ValueError.New("Detail must be default, brief, verbose, or verbose-vars-not-captured. (not " + Repr(detail) + ")"))
	}
	frames, stack := f.tracebackFrames()
	var b strings.Builder
	switch detail {
	case DetailVerbose:
		fmt.Fprintf(&b, "*--- Failure #%d ---\n", f.count)
	case DetailBrief:
		hasFrames := "Traceback"
		if len(frames) == 0 {
			hasFrames = "Traceback (failure with no frames)"
		}
		fmt.Fprintf(&b, "%s: %s: %s\n", hasFrames, names.str(f.class()), f.GetErrorMessage())
	default:
		b.WriteString("Traceback (most recent call last):\n")
	}
	if len(frames) > 0 {
		formatFrames(&b, stack[max(0, len(stack)-traceupLength):], formatDetail)
		b.WriteString(ExceptionCaughtHere + "\n")
		formatFrames(&b, frames, formatDetail)
	} else if detail != DetailBrief {
		b.WriteString("Failure: ")
	}
	if detail != DetailBrief {
		fmt.Fprintf(&b, "%s: %s\n", names.qual(f.class()), f.GetErrorMessage())
	}
	if detail == DetailVerbose {
		fmt.Fprintf(&b, "*--- End of Failure #%d ---\n", f.count)
	}
	io.WriteString(w, b.String())
}

// formatFrames is Twisted's format_frames.
func formatFrames(b *strings.Builder, frames []Frame, detail string) {
	switch detail {
	case DetailBrief:
		for _, fr := range frames {
			fmt.Fprintf(b, "%s:%d:%s\n", fr.File, fr.Line, fr.Function)
		}
	case DetailDefault:
		for _, fr := range frames {
			fmt.Fprintf(b, "  File \"%s\", line %d, in %s\n", fr.File, fr.Line, fr.Function)
			fmt.Fprintf(b, "    %s\n", sourceLine(fr.File, fr.Line))
		}
	case DetailVerboseVarsNotCaptured:
		for _, fr := range frames {
			fmt.Fprintf(b, "%s:%d: %s(...)\n", fr.File, fr.Line, fr.Function)
		}
		b.WriteString(" [Capture of Locals and Globals disabled (use captureVars=True)]\n")
	}
}

// sourceLines caches the lines of the source files tracebacks show, as
// Python's linecache: a file that cannot be read has no lines.
var sourceLines struct {
	sync.Mutex
	files map[string][]string
}

// sourceLine returns the line of file, stripped, or "" (linecache.getline).
func sourceLine(file string, line int) string {
	sourceLines.Lock()
	defer sourceLines.Unlock()
	lines, ok := sourceLines.files[file]
	if !ok {
		if sourceLines.files == nil {
			sourceLines.files = map[string][]string{}
		}
		if data, err := os.ReadFile(file); err == nil && len(data) < 1<<22 {
			lines = strings.Split(string(data), "\n")
		}
		if len(sourceLines.files) >= 256 { // a bound, not an LRU
			clear(sourceLines.files)
		}
		sourceLines.files[file] = lines
	}
	if line < 1 || line > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[line-1])
}
