package reactor

import (
	"net"

	"golang.org/x/sys/unix"
)

// wasReset reports whether the kernel has torn c down after a reset. A
// reset is reported once, to whichever syscall comes first: when the
// writer's send took it, the reader's next read sees only an end of
// file, and the connection's state tells the two ends apart (CLOSE after
// a reset, CLOSE_WAIT after the peer's orderly close). Once the reactor
// has shut down the connection's sending half, the peer's orderly close
// takes it to TIME_WAIT, which the socket also shows as CLOSE: the reader
// does not ask then (a reset is the read's own error, as nothing is sent).
func wasReset(c *net.TCPConn) bool {
	rc, err := c.SyscallConn()
	if err != nil {
		return false
	}
	reset := false
	rc.Control(func(fd uintptr) {
		info, err := unix.GetsockoptTCPInfo(int(fd), unix.IPPROTO_TCP, unix.TCP_INFO)
		reset = err == nil && info.State == unix.BPF_TCP_CLOSE
	})
	return reset
}
