// Package flowfuzz is the differential test of the flow port: random flow
// programs — trees of wrapped lists and generators, Map, Zip, Merge,
// Filter, LineBreak and Callback stages, with Cooperates at random places,
// failures raised at random points and traps by class and by parent class —
// driven by Block or by the Deferred controller, run by the same small
// interpreter in Python under the original twisted.flow
// (testdata/flowprog.py, CPython 2.7 and Twisted b2b5697a0f^) and in Go over
// package flow (interp_test.go). The traces must be equal line for line, or
// the program hits a documented deviation and is reported as one.
//
// testdata/programs.json holds the programs (made by gen_test.go:
// go test ./conformance/flowfuzz -run TestGenerate -generate); the
// original's traces are recorded in testdata/traces.golden with
//
//	PYTHONPATH=<twisted>:<zope.interface>/src python2.7 testdata/flowprog.py testdata/programs.json > testdata/traces.golden
//
// and re-checked live under go test when TWISTEDFLOW_PYTHON2 and
// TWISTEDFLOW_PYTHONPATH2 point at that Python.
package flowfuzz
