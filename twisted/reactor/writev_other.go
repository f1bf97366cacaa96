//go:build !(darwin || linux || openbsd)

package reactor

import "syscall"

// writev writes the first of bufs that is not empty to fd: one system
// call, as the unix writev, without gathering (a variable, for tests to
// count the calls).
var writev = func(fd uintptr, bufs [][]byte) (int, error) {
	for _, b := range bufs {
		if len(b) > 0 {
			return syscall.Write(int(fd), b)
		}
	}
	return 0, nil
}
