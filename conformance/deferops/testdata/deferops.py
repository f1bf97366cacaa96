# The Python side of the Deferred differential test: an interpreter of the
# random operation sequences in programs.json, run under real Twisted
# (Debian's python3-twisted). conformance/deferops/interp.go is the same
# interpreter over the Go port; the two traces must be equal line for line.
#
#   /usr/bin/python3 deferops.py programs.json > traces.golden
import json
import sys

from twisted.internet import defer
from twisted.python import failure

names = {}


def show(x):
    if x is None:
        return "None"
    if isinstance(x, failure.Failure):
        return "Failure(%s: %s)" % (x.type.__name__, x.getErrorMessage())
    if isinstance(x, defer.Deferred):
        return "<Deferred %s>" % names.get(id(x), "?")
    return repr(x)


def run(program, out):
    n = program["n"]
    ds = []
    for i in range(n):
        name = "d%d" % i
        if i % 2:
            def canceller(d, name=name):
                out.append("%s canceller" % name)
            d = defer.Deferred(canceller)
        else:
            d = defer.Deferred()
        names[id(d)] = name
        ds.append(d)

    def callback(label, how):
        def f(result):
            out.append("%s %s" % (label, show(result)))
            if how == "ret":
                return label
            if how == "raise":
                raise ValueError(label)
            if how == "fail":
                return failure.Failure(KeyError(label))
            if how == "trap":
                result.trap(KeyError)
                return label + " trapped"
            if how == "pass":
                return result
            return ds[int(how[1:])]  # "dJ": return another Deferred
        return f

    for k, op in enumerate(program["ops"]):
        verb, i = op[0], op[1]
        d = ds[i]
        label = "d%d#%d" % (i, k)
        try:
            if verb == "cb":
                d.addCallback(callback(label + ".cb", op[2]))
            elif verb == "eb":
                d.addErrback(callback(label + ".eb", op[2]))
            elif verb == "both":
                d.addBoth(callback(label + ".both", op[2]))
            elif verb == "pause":
                d.pause()
            elif verb == "unpause":
                d.unpause()
            elif verb == "callback":
                d.callback("v%d" % k)
            elif verb == "errback":
                d.errback(ValueError("e%d" % k))
            elif verb == "chain":
                d.chainDeferred(ds[op[2]])
            elif verb == "cancel":
                d.cancel()
            else:
                raise SystemExit("unknown op %r" % (op,))
        except defer.AlreadyCalledError:
            out.append("%s %s AlreadyCalledError" % (label, verb))
    for i, d in enumerate(ds):
        out.append("d%d called=%s paused=%d result=%s" % (
            i, d.called, d.paused, show(getattr(d, "result", None))))


programs = json.load(open(sys.argv[1]))
for program in programs:
    out = []
    run(program, out)
    print("=== %d" % program["id"])
    for line in out:
        print(line)
