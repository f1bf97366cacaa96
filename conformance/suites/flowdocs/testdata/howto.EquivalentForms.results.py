# doc/flow/howto/flow.xhtml "Equivalent Forms", second listing: the
# Consumer reading the stage's results, failure and stop members directly,
# verbatim. The listing defines Consumer only; Counter is the previous
# section's, and the last line (run it as that section does) is ours.
# The howto calls it equivalent to the other forms, but it has no
# `if 2 != result` test: it yields [3, 2, 1], where they yield [3, 1].
def Counter(count):
    while count > 0:
        yield count
        count -= 1

def Consumer():
    producer = flow.wrap(Counter(3))
    while True:
        yield producer
        if producer.results:
            result = producer.results.pop(0)
            yield result
            continue
        if producer.failure:
            producer.stop = 1
            producer.failure.trap()
        if producer.stop:
            break

print list(flow.Block(Consumer))
