//go:build !linux

package reactor

import "net"

// wasReset reports false: elsewhere an end of file the reader sees after
// the writer took a reset is taken as the peer's orderly close.
func wasReset(*net.TCPConn) bool { return false }
