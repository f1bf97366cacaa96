// Package hardening holds the tests that cut across packages: a panicking
// user function in every position a user can supply one, and bad input at
// every entry point. Each panic must become a Failure delivered where
// Twisted delivers the exception, with the reactor going on and nothing
// lost; each bad input must give a clear error, never a hang.
package hardening
