package deferops

import (
	"fmt"
	"strconv"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// A program is one random sequence of operations over N Deferreds. An op is
// a verb, the index of the Deferred it acts on, and for some verbs an
// argument: how a callback returns ("ret", "raise", "fail", "trap",
// "pass", or "dJ" to return Deferred J) or, for "chain", the target index.
type program struct {
	ID  int     `json:"id"`
	N   int     `json:"n"`
	Ops [][]any `json:"ops"`
}

// interpreter runs one program over package deferred, line for line as
// testdata/deferops.py runs it over Twisted.
type interpreter struct {
	ds    []*deferred.Deferred
	names map[*deferred.Deferred]string
	out   []string
}

func (in *interpreter) printf(format string, args ...any) {
	in.out = append(in.out, fmt.Sprintf(format, args...))
}

func (in *interpreter) show(x any) string {
	switch v := x.(type) {
	case nil:
		return "None"
	case *twisted.Failure:
		return fmt.Sprintf("Failure(%s: %s)", v.Type.Name(), v.GetErrorMessage())
	case *deferred.Deferred:
		if name, ok := in.names[v]; ok {
			return "<Deferred " + name + ">"
		}
		return "<Deferred ?>"
	}
	return twisted.Repr(x)
}

func (in *interpreter) callback(label, how string) func(any) (any, error) {
	return func(result any) (any, error) {
		in.printf("%s %s", label, in.show(result))
		switch how {
		case "ret":
			return label, nil
		case "raise":
			return nil, twisted.ValueError.New(label)
		case "fail":
			return twisted.NewFailure(twisted.KeyError.New(label)), nil
		case "trap":
			result.(*twisted.Failure).Trap(twisted.KeyError)
			return label + " trapped", nil
		case "pass":
			return result, nil
		}
		j, _ := strconv.Atoi(how[1:]) // "dJ": return another Deferred
		return in.ds[j], nil
	}
}

func (in *interpreter) errback(label, how string) func(*twisted.Failure) (any, error) {
	cb := in.callback(label, how)
	return func(f *twisted.Failure) (any, error) { return cb(f) }
}

// op runs one operation; AlreadyCalledError is printed as the Python
// prints it, any other panic is the test's failure.
func (in *interpreter) op(k int, op []any) {
	verb, i := op[0].(string), int(op[1].(float64))
	d := in.ds[i]
	label := fmt.Sprintf("d%d#%d", i, k)
	defer func() {
		if v := recover(); v != nil {
			f := twisted.FailureFromPanic(v)
			if f.Check(deferred.AlreadyCalledError) == nil {
				panic(v)
			}
			in.printf("%s %s AlreadyCalledError", label, verb)
		}
	}()
	switch verb {
	case "cb":
		d.AddCallback(in.callback(label+".cb", op[2].(string)))
	case "eb":
		d.AddErrback(in.errback(label+".eb", op[2].(string)))
	case "both":
		d.AddBoth(in.callback(label+".both", op[2].(string)))
	case "pause":
		d.Pause()
	case "unpause":
		d.Unpause()
	case "callback":
		d.Callback(fmt.Sprintf("v%d", k))
	case "errback":
		d.Errback(twisted.ValueError.New(fmt.Sprintf("e%d", k)))
	case "chain":
		d.ChainDeferred(in.ds[int(op[2].(float64))])
	case "cancel":
		d.Cancel()
	default:
		panic(fmt.Sprintf("unknown op %v", op))
	}
}

func runProgram(p program) []string {
	in := &interpreter{names: map[*deferred.Deferred]string{}}
	for i := range p.N {
		name := fmt.Sprintf("d%d", i)
		var d *deferred.Deferred
		if i%2 == 1 {
			d = deferred.NewWithCanceller(func(*deferred.Deferred) { in.printf("%s canceller", name) })
		} else {
			d = deferred.New()
		}
		in.names[d] = name
		in.ds = append(in.ds, d)
	}
	for k, op := range p.Ops {
		in.op(k, op)
	}
	for i, d := range in.ds {
		in.printf("d%d called=%s paused=%d result=%s", i, pyBool(d.Called()), d.Paused(), in.show(d.Result()))
	}
	return in.out
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}
