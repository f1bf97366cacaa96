# twisted/flow/wrap.py wrap() docstring, first source: printFlow("string").
# The docstring calls printFlow four times in one process; under the 2009
# reactor that cannot work (a reactor does not restart), so each source is
# its own scenario (wrap.printFlow.string/.list/.generator/.Deferred).
#
# The original hangs here: the string flow finishes synchronously inside
# flow.Deferred(), so the callback's reactor.stop() runs before
# reactor.run() and raises ReactorNotRunning (into the Deferred, logged as
# "Unhandled error in Deferred" on stderr), and reactor.run() then never
# returns: the prelude's watchdog ends the script.

source = "string"
printFlow(source)
print "printFlow returned"
