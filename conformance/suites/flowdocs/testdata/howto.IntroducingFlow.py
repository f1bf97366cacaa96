# doc/flow/howto/flow.xhtml "Introducing Flow": the Consumer of a wrapped
# Counter, alternating yield producer / take a result, under flow.Block,
# verbatim.
from twisted.flow import flow

def Counter(count):
    while count > 0:
        yield count
        count -= 1

def Consumer():
    producer = flow.wrap(Counter(3))
    yield producer
    for result in producer:
        if 2 != result:
            yield result
        yield producer

print list(flow.Block(Consumer))

# prints: [3, 1]
