// Package deferops is the differential test of the Deferred port: random
// sequences of AddCallback, AddErrback, AddBoth, Pause, Unpause, Callback,
// Errback, ChainDeferred and Cancel over a few Deferreds, run by the same
// small interpreter in Python under real Twisted (testdata/deferops.py, with
// Debian's python3-twisted) and in Go over package deferred
// (interp_test.go). The traces must be equal line for line.
//
// testdata/programs.json holds the sequences (made by the generator in
// gen_test.go: go test ./conformance/deferops -run TestGenerate -generate);
// testdata/traces.golden holds Twisted's traces, recorded with
//
//	/usr/bin/python3 testdata/deferops.py testdata/programs.json > testdata/traces.golden
//
// and re-checked live under go test when python3-twisted is installed.
package deferops
