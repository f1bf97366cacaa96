//go:build race

package flow_test

// manyConnections is how many connections TestProtocolManyConnectionsTCP
// opens at once: fewer under the race detector, whose limit of 8128
// goroutines 1,000 connections would pass (two goroutines per TCP
// connection end, one per suspended flow: about 8 per echoed connection).
const manyConnections = 200
