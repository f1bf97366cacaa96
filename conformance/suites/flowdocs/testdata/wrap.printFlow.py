# twisted/flow/wrap.py wrap() docstring example as written: printFlow of
# four sources in one process (the wrap.printFlow.* scenarios run one
# source each). Under the 2009 reactor it hangs twice:
#  - the first flow ("string") finishes before reactor.run(), so
#    printFlow's reactor.stop() raises ReactorNotRunning into the Deferred
#    and reactor.run() never returns: the prelude's watchdog stops it;
#  - the second printFlow's reactor.run() runs the list flow to its end
#    ("one", "two"), but its reactor.stop() cannot end this second run (the
#    first stop used up the one-shot "shutdown" trigger whose crash() ends
#    the main loop; SIGTERM cannot either): it never returns, and the last
#    two sources are never printed. A hard watchdog (ours, a thread) ends
#    the process.
# The try/except around the docstring's lines (ours) would print an
# exception ending the example; none is raised here.
import threading, os, sys
def hardstop():
    print "hard watchdog: the second reactor.run() never returned; exiting"
    sys.stdout.flush()
    os._exit(0)
hard = threading.Timer(12, hardstop)
hard.daemon = True
hard.start()

try:
    source = "string"
    printFlow(source)

    source = ["one",flow.Cooperate(1),"two"]
    printFlow(source)

    def source():
        yield "aeye"
        yield flow.Cooperate()
        yield "capin"
    printFlow(source)

    source = defer.Deferred()
    reactor.callLater(1, lambda: source.callback("howdy"))
    printFlow(source)
except Exception, e:
    print "raised", e.__class__.__name__
print "the example ended"
