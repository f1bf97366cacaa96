package hardening

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The table of user methods: every method of every exported interface of
// the library, read from its source, has a row in userMethodRows (a test
// of what a panic in the user's implementation of it does) or a reason in
// notCalledBack (the library never calls a user's implementation of it),
// or is listed in noRowYet, the rows still to write, with whose package
// it is: so that a method added to an interface cannot be forgotten.

// interfaceMethods returns "pkg.Interface.Method" for each method declared
// in an exported interface type of the packages under the given
// directories (test files left out).
func interfaceMethods(t *testing.T, dirs ...string) []string {
	t.Helper()
	var out []string
	fset := token.NewFileSet()
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == "testdata" {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			for _, decl := range f.Decls {
				gen, ok := decl.(*ast.GenDecl)
				if !ok || gen.Tok != token.TYPE {
					continue
				}
				for _, spec := range gen.Specs {
					ts := spec.(*ast.TypeSpec)
					it, ok := ts.Type.(*ast.InterfaceType)
					if !ok || !ts.Name.IsExported() {
						continue
					}
					for _, m := range it.Methods.List {
						for _, name := range m.Names { // none for an embedded interface
							if name.IsExported() { // an unexported one is the library's own
								out = append(out, f.Name.Name+"."+ts.Name.Name+"."+name.Name)
							}
						}
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(out)
	return out
}

// TestEveryUserMethodHasARow fails for a method of an exported interface
// that has neither a row nor a reason, and for a row or reason naming a
// method that no longer exists.
func TestEveryUserMethodHasARow(t *testing.T) {
	methods := interfaceMethods(t, "../../twisted", "../timers")
	for _, m := range methods {
		_, row := userMethodRows[m]
		_, why := notCalledBack[m]
		_, later := noRowYet[m]
		switch n := btoi(row) + btoi(why) + btoi(later); {
		case n == 0:
			t.Errorf("%s has no row in userMethodRows (a panic in the user's implementation of it) nor a reason in notCalledBack", m)
		case n > 1:
			t.Errorf("%s is in more than one of userMethodRows, notCalledBack and noRowYet", m)
		}
	}
	for m, whose := range noRowYet {
		t.Logf("no row yet for %s (%s)", m, whose)
		if !slices.Contains(methods, m) {
			t.Errorf("noRowYet names %s, which no interface declares", m)
		}
	}
	for m := range userMethodRows {
		if !slices.Contains(methods, m) {
			t.Errorf("userMethodRows names %s, which no interface declares", m)
		}
	}
	for m := range notCalledBack {
		if !slices.Contains(methods, m) {
			t.Errorf("notCalledBack names %s, which no interface declares", m)
		}
	}
}

// TestPanicInEveryUserMethod runs the rows: each puts a user
// implementation whose method panics where the library calls it, and
// checks that the panic becomes a Failure delivered where Twisted
// delivers the exception, and that the flow, page or connection ends.
func TestPanicInEveryUserMethod(t *testing.T) {
	for _, m := range slices.Sorted(mapsKeys(userMethodRows)) {
		t.Run(m, userMethodRows[m])
	}
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// userMethodRows are the rows of the table, filled by the methods_*_test.go
// files' init functions.
var userMethodRows = map[string]func(t *testing.T){}

// notCalledBack are the methods the library implements, and never calls
// on an implementation of the user's.
var notCalledBack = map[string]string{
	"protocol.IConnector.Connect":                   "the reactor's connectors; the library calls no connector of the user's",
	"protocol.IConnector.Disconnect":                "the reactor's connectors; the library calls no connector of the user's",
	"protocol.IConnector.GetDestination":            "the reactor's connectors; the library calls no connector of the user's",
	"protocol.IConnector.StopConnecting":            "the reactor's connectors; the library calls no connector of the user's",
	"protocol.IConsumer.RegisterProducer":           "the transports; the library registers producers with its own",
	"protocol.IConsumer.UnregisterProducer":         "the transports; the library registers producers with its own",
	"protocol.IConsumer.Write":                      "the transports; the library writes to no consumer of the user's",
	"reactor.IListeningPort.GetHost":                "the reactor's ports",
	"reactor.IListeningPort.StartListening":         "the reactor's ports",
	"reactor.IListeningPort.StopListening":          "the reactor's ports",
	"reactor.IReactorTCP.ConnectTCP":                "the reactor's; the library makes no connection through a user's",
	"reactor.IReactorTCP.ListenTCP":                 "the reactor's; the library listens through no reactor of the user's",
	"reactor.IReactorCore.Iterate":                  "called by users; the library iterates no reactor of the user's",
	"reactor.IReactorCore.Running":                  "called by users; the library asks no reactor of the user's",
	"reactor.IReactorThreads.SuggestThreadPoolSize": "called by users; the library sizes no pool of the user's",
	"protocol.ITransport.AbortConnection":           "called by users; the library aborts no transport of the user's",
	"protocol.ITransport.GetHost":                   "called by users; the library asks no transport of the user's",
	"protocol.ITransport.GetPeer":                   "called by users; the library asks no transport of the user's",
	"timers.IReactorTime.GetDelayedCalls":           "called by users (tests); the library asks no clock of the user's",
}

// noRowYet are the methods whose row is still to be written, with the
// package of the code that calls them.
var noRowYet = map[string]string{}
