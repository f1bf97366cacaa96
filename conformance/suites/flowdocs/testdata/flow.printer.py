# twisted/flow/flow.py module docstring: the 'printer' example, verbatim.
# The flow pauses for one second (Cooperate(1)) between "one" and "two".
from twisted.flow import flow
from twisted.internet import reactor, defer

def printer(source):
    source = flow.wrap(source)
    while True:
        yield source
        print source.next()

someFlowSource =  ["one", flow.Cooperate(1), "two"]

d = flow.Deferred(printer(someFlowSource))
d.addCallback(lambda _: reactor.stop())
reactor.run()
