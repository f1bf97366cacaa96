package flow_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// Package flow is what twisted.flow.flow re-exports: a flow user that
// reads no database (package threads) and serves no page (package web)
// imports neither database/sql nor net/http.
func TestImportsNoDatabaseOrHTTP(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on the PATH")
	}
	out, err := exec.Command(gobin, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	for _, pkg := range []string{"database/sql", "net/http"} {
		if slices.Contains(deps, pkg) {
			t.Errorf("package flow imports %s", pkg)
		}
	}
}
