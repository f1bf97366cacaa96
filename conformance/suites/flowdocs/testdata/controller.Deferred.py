# twisted/flow/controller.py Deferred docstring example, verbatim.
from twisted.internet import reactor
from twisted.flow import flow

def res(x): print x
d = flow.Deferred([1,2,3])
d.addCallback(res)
reactor.iterate()
