//go:build !race

package flow_test

// manyConnections is how many connections TestProtocolManyConnectionsTCP
// opens at once.
const manyConnections = 1000
