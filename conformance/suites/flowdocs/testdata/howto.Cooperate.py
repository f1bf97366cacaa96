# doc/flow/howto/flow.xhtml "Cooperate": flow.Block sleeps through a
# Cooperate(2), verbatim.
from twisted.flow import flow

def gen():
    yield 'immediate'
    yield flow.Cooperate(2)
    yield 'delayed'

for x in flow.Block(gen):
   print x

# prints:
#  immediate
#  delayed
