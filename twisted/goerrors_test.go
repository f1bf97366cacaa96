package twisted

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestGoFileErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope")
	_, openErr := os.Open(missing)
	_, statErr := os.Stat(missing)
	removeErr := os.Remove(missing)
	renameErr := os.Rename(missing, filepath.Join(dir, "other"))
	for _, c := range []struct {
		name  string
		err   error
		class *Class
		str   string
	}{
		{"open", openErr, IOError, "[Errno 2] No such file or directory: '" + missing + "'"},
		{"stat", statErr, OSError, "[Errno 2] No such file or directory: '" + missing + "'"},
		{"remove", removeErr, OSError, "[Errno 2] No such file or directory: '" + missing + "'"},
		{"rename", renameErr, OSError, "[Errno 2] No such file or directory"},
		{"errno", syscall.EACCES, OSError, "[Errno 13] Permission denied"},
		{"fs.ErrNotExist", fs.ErrNotExist, IOError, "[Errno 2] No such file or directory"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := ClassOf(c.err); got != c.class {
				t.Fatalf("ClassOf = %v, want %v", got, c.class)
			}
			f := NewFailure(c.err)
			if f.Check(EnvironmentError) == nil || f.Check(c.class) == nil {
				t.Fatalf("failure %v does not check %v", f, c.class)
			}
			if got := f.GetErrorMessage(); got != c.str {
				t.Fatalf("message %q, want %q", got, c.str)
			}
			e := AsError(c.err)
			if e.Class != c.class || e.PyStr() != c.str {
				t.Fatalf("AsError %v %q", e.Class, e.PyStr())
			}
			// errors.Is both ways, through the failure and the exception.
			for _, x := range []error{f, e} {
				if !errors.Is(x, c.class) || !errors.Is(x, EnvironmentError) {
					t.Fatalf("%v is not %v", x, c.class)
				}
				if c.class != OSError || c.name != "errno" {
					if !errors.Is(x, fs.ErrNotExist) && !errors.Is(x, syscall.EACCES) {
						t.Fatalf("%v lost its Go error", x)
					}
				}
			}
		})
	}
}

// A Go error that is none of those stays a plain Exception with its
// message.
func TestGoPlainError(t *testing.T) {
	err := errors.New("boom")
	if ClassOf(err) != Exception || NewFailure(err).GetErrorMessage() != "boom" {
		t.Fatal(ClassOf(err))
	}
}

// A registered classifier is consulted first; an *Error is never
// reclassified.
func TestRegisterErrorClassifier(t *testing.T) {
	mine := errors.New("mine")
	class := NewClass("MineError", IOError)
	RegisterErrorClassifier(func(err error) *Error {
		if errors.Is(err, mine) {
			e := class.New("m")
			e.Cause = err
			return e
		}
		return nil
	})
	if got := ClassOf(mine); got != class {
		t.Fatal(got)
	}
	if got := ClassOf(KeyError.New("k")); got != KeyError {
		t.Fatal(got)
	}
	if e := AsError(mine); !errors.Is(e, mine) || !errors.Is(e, IOError) {
		t.Fatal(e)
	}
}
