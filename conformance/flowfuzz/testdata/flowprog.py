# The Python side of the flow differential test: an interpreter of the
# random flow programs in programs.json, run under the original twisted.flow
# (CPython 2.7, Twisted b2b5697a0f^). conformance/flowfuzz/interp_test.go is
# the same interpreter over the Go port; the traces must be equal line for
# line. Time is a task.Clock put in place of the reactor flow schedules its
# Cooperates on, so that runs are deterministic.
#
#   PYTHONPATH=<twisted>:<zope.interface>/src python2.7 flowprog.py programs.json > traces.golden
import json
import re
import sys
import warnings

warnings.simplefilter("ignore")
from twisted.flow import flow, base
from twisted.internet import task
from twisted.python import failure


class CustomError(Exception):
    pass


CLASSES = {
    "ZeroDivisionError": ZeroDivisionError, "ArithmeticError": ArithmeticError,
    "KeyError": KeyError, "LookupError": LookupError, "ValueError": ValueError,
    "StandardError": StandardError, "CustomError": CustomError,
}


def traps(node):
    return [CLASSES[name] for name in node.get("trap", [])]


def add1(x):
    if x is None:
        raise TypeError("unsupported operand type(s) for +: 'NoneType' and 'int'")
    return x + 1


def inv(x):
    if x is None:
        raise TypeError("unsupported operand type(s) for /: 'int' and 'NoneType'")
    return 100 // x


def total(*xs):
    s = 0
    for x in xs:
        if x is None:
            raise TypeError("unsupported operand type(s) for +: 'int' and 'NoneType'")
        s += x
    return s


FUNCS = {"add1": add1, "inv": inv, "sum": total, "none": None}


def odd(x):
    return x % 2 == 1


def gen(steps):
    for step in steps:
        if step == "coop":
            yield flow.Cooperate()
        elif isinstance(step, dict):
            raise CLASSES[step["raise"]]("raised by a generator")
        else:
            yield step


def pull(src):
    src = flow.wrap(src)
    while True:
        yield src
        yield src.next()


def build(node, clock):
    t = node["t"]
    if t == "list":
        obj = [flow.Cooperate() if i == "coop" else i for i in node.get("items", [])]
    elif t == "gen":
        obj = gen(node.get("steps", []))
    elif t == "pull":
        obj = pull(build(node["src"], clock))
    elif t == "map":
        obj = flow.Map(FUNCS[node.get("fn", "none")], *[build(a, clock) for a in node["args"]])
    elif t == "zip":
        obj = flow.Zip(*[build(a, clock) for a in node["args"]])
    elif t == "merge":
        obj = flow.Merge(*[build(a, clock) for a in node["args"]])
    elif t == "filter":
        obj = flow.Filter(odd if node.get("fn") == "odd" else None, build(node["src"], clock))
    elif t == "linebreak":
        chunks = [flow.Cooperate() if c == "coop" else str(c) for c in node.get("chunks", [])]
        obj = flow.LineBreak(chunks, delimiter=str(node["delimiter"]), trailer=node.get("trailer", False))
    elif t == "callback":
        obj = flow.Callback()
        for ev in node.get("events", []):
            if ev[1] == "result":
                clock.callLater(ev[0], obj.result, ev[2])
            elif ev[1] == "finish":
                clock.callLater(ev[0], obj.finish)
            else:
                clock.callLater(ev[0], obj.errback, failure.Failure(CLASSES[ev[2]]("errback of a Callback")))
    else:
        raise SystemExit("unknown node %r" % (t,))
    tr = traps(node)
    if tr:
        return flow.wrap(obj, *tr)
    return obj


def describe(e):
    msg = re.sub(r"0x[0-9a-fA-F]+", "0x?", str(e))
    return "%s: %r" % (type(e).__name__, msg)


def run_block(program, out):
    clock = task.Clock()
    base.reactor = clock
    root = build(program["root"], clock)
    blk = flow.Block(root, *[CLASSES[n] for n in program.get("trap", [])])
    blk.block = lambda seconds: None
    try:
        for x in blk:
            out.append("result %s" % repr(x))
    except Exception, e:
        out.append("failed %s" % describe(e))
        return
    out.append("done")


def run_deferred(program, out):
    clock = task.Clock()
    base.reactor = clock
    root = build(program["root"], clock)
    d = flow.Deferred(root, *[CLASSES[n] for n in program.get("trap", [])])

    def ok(results):
        for x in results:
            out.append("result %s" % repr(x))
        out.append("done")

    def bad(f):
        out.append("failed %s" % describe(f.value))
    d.addCallbacks(ok, bad)
    steps = 0
    while not d.called and steps < 10000:
        calls = clock.getDelayedCalls()
        if not calls:
            break
        due = min(c.getTime() for c in calls)
        clock.advance(max(0, due - clock.seconds()))
        steps += 1
    if not d.called:
        out.append("never fired")


programs = json.load(open(sys.argv[1]))
for program in programs:
    out = []
    try:
        if program["driver"] == "block":
            run_block(program, out)
            if out and "received a 'Unsupported'" in out[-1]:
                # The original's Block cannot serve the instruction of a
                # Merge whose branches all cooperate at once, and cannot
                # even raise Unsupported: a recorded deviation. What the
                # Go port gives instead is what the Deferred controller
                # gives over the same tree, recorded here for reference.
                ref = []
                run_deferred(program, ref)
                out.extend("reference " + line for line in ref)
        else:
            run_deferred(program, out)
    except Exception, e:
        out.append("escaped %s" % describe(e))
    print "=== %d" % program["id"]
    for line in out:
        print line
