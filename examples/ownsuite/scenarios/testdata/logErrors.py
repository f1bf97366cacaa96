# A flow of our own, written for twisted.flow (Twisted b2b5697a0f^, 2009):
# a log arrives in chunks; split it into lines and keep the errors'
# messages, numbered.
from twisted.flow import flow

chunks = ["INFO start\nERR", "OR disk full\nINFO ", flow.Cooperate(),
          "retry\nERROR gave up\nWARN", " trailing"]

def errors(source):
    source = flow.wrap(source)
    count = 0
    while True:
        yield source
        line = source.next()
        if line.startswith("ERROR "):
            count += 1
            yield (count, line[len("ERROR "):])

# trailer=True: the text after the last delimiter is the last line.
lines = flow.LineBreak(chunks, delimiter="\n", trailer=True)
for item in flow.Block(errors(lines)):
    print repr(item)
print repr(list(flow.Block(flow.LineBreak(chunks, delimiter="\n", trailer=True))))
