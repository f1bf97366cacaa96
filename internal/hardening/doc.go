// Package hardening holds the tests that cut across packages: a panicking
// user function in every position a user can supply one, and bad input at
// every entry point. Each panic must become a Failure delivered where
// Twisted delivers the exception, with the reactor going on and nothing
// lost; each bad input must give a clear error, never a hang.
//
// The table of user methods (methods_test.go) is read from the library's
// source: every method of every exported interface has a row (a test of a
// panic in the user's implementation of it), a reason why the library
// never calls a user's implementation, or an entry among the rows still
// to write; a method added to an interface fails the test until it has
// one.
package hardening
