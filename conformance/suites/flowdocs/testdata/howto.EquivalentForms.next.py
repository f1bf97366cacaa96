# doc/flow/howto/flow.xhtml "Equivalent Forms", first listing: the
# Consumer with producer.next() called explicitly, verbatim. The listing
# defines Consumer only; Counter is the previous section's, and the last
# line (run it as the previous section does) is ours.
def Counter(count):
    while count > 0:
        yield count
        count -= 1

def Consumer():
    producer = flow.wrap(Counter(3))
    while True:
        yield producer
        result = producer.next()
        if 2 != result:
            yield result

print list(flow.Block(Consumer))
