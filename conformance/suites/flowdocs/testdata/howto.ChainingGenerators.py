# doc/flow/howto/flow.xhtml "Chaining Generators": a Consumer generator
# pulling from a Counter generator, verbatim.
def Counter(count):
    while count > 0:
        yield count
        count -= 1

def Consumer():
    producer = Counter(3)
    for result in producer:
        if 2 != result:
            yield result

print list(Consumer())

# prints: [3, 1]
