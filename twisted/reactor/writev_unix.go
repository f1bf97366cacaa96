//go:build darwin || linux || openbsd

package reactor

import "golang.org/x/sys/unix"

// writev writes bufs to fd in one system call (a variable, for tests to
// count the calls).
var writev = func(fd uintptr, bufs [][]byte) (int, error) {
	return unix.Writev(int(fd), bufs)
}
