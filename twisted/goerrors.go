package twisted

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"sync"
	"syscall"
)

// Go's errors in Python's classes. Where Twisted code sees a Python
// exception, ported code sees a Go error; ClassOf and AsError give it the
// class a Python programmer would trap (f.Trap(twisted.IOError),
// errors.Is(err, twisted.OSError)), and the Go error stays reachable
// (errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOENT)) as the
// exception's Cause:
//
//   - an *fs.PathError (os.Open, os.Stat, ...) is IOError for "open" and
//     OSError for any other operation, with (errno, strerror, filename) as
//     Python 2 raises them: str is "[Errno 2] No such file or directory:
//     'f'";
//   - an *os.LinkError, an *os.SyscallError or a bare syscall.Errno is
//     OSError(errno, strerror);
//   - fs.ErrNotExist, fs.ErrExist and fs.ErrPermission without an errno
//     are IOError with ENOENT, EEXIST and EACCES;
//   - packages add their own mappings with RegisterErrorClassifier: the
//     reactor maps dial errors to twisted.internet.error's ConnectError
//     classes (ECONNREFUSED is ConnectionRefusedError), connection resets
//     to ConnectionLost, DNS failures to DNSLookupError, and I/O
//     deadlines (os.ErrDeadlineExceeded) to TimeoutError; package deferred
//     maps context.Canceled to CancelledError and context.DeadlineExceeded
//     to its TimeoutError.

var classifiers struct {
	sync.RWMutex
	list []func(error) *Error
}

// RegisterErrorClassifier adds f to the functions ClassOf and AsError
// consult for a Go error that is not a Python exception: f returns the
// exception err stands for (with err as its Cause), or nil to leave err to
// the next. The last registered is consulted first; the mappings of this
// package (files and system errors) come after them all. Packages call it
// from init.
func RegisterErrorClassifier(f func(err error) *Error) {
	classifiers.Lock()
	classifiers.list = append(classifiers.list, f)
	classifiers.Unlock()
}

// classifyGo returns the Python exception a Go error stands for, or nil
// for a plain Exception.
func classifyGo(err error) *Error {
	classifiers.RLock()
	list := classifiers.list
	classifiers.RUnlock()
	for i := len(list) - 1; i >= 0; i-- {
		if e := list[i](err); e != nil {
			return e
		}
	}
	return environmentError(err)
}

// environmentError maps the errors of files and system calls to IOError
// and OSError, as Python 2 raises them.
func environmentError(err error) *Error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		class := OSError
		if pathErr.Op == "open" {
			class = IOError
		}
		if errno, ok := errnoOf(pathErr.Err); ok {
			return &Error{Class: class, Args: Tuple{int(errno), Strerror(errno), pathErr.Path}, Cause: err}
		}
		return &Error{Class: class, Args: Tuple{pathErr.Err.Error(), pathErr.Path}, Cause: err}
	}
	var linkErr *os.LinkError
	var sysErr *os.SyscallError
	if errors.As(err, &linkErr) || errors.As(err, &sysErr) {
		if errno, ok := errnoOf(err); ok {
			return &Error{Class: OSError, Args: Tuple{int(errno), Strerror(errno)}, Cause: err}
		}
	}
	var errno syscall.Errno
	if errors.As(err, &errno) && errno != 0 {
		return &Error{Class: OSError, Args: Tuple{int(errno), Strerror(errno)}, Cause: err}
	}
	if errno, ok := errnoOf(err); ok {
		return &Error{Class: IOError, Args: Tuple{int(errno), Strerror(errno)}, Cause: err}
	}
	return nil
}

// errnoOf returns the errno err carries, or the one fs.ErrNotExist,
// fs.ErrExist and fs.ErrPermission stand for.
func errnoOf(err error) (syscall.Errno, bool) {
	var errno syscall.Errno
	switch {
	case errors.As(err, &errno) && errno != 0:
		return errno, true
	case errors.Is(err, fs.ErrNotExist):
		return syscall.ENOENT, true
	case errors.Is(err, fs.ErrExist):
		return syscall.EEXIST, true
	case errors.Is(err, fs.ErrPermission):
		return syscall.EACCES, true
	}
	return 0, false
}

// Strerror is C's strerror(errno), which Python puts in an
// EnvironmentError's strerror: Go's message for it with its first letter
// capitalised ("no such file or directory" → "No such file or
// directory").
func Strerror(errno syscall.Errno) string {
	s := errno.Error()
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
