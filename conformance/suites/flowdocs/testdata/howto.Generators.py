# doc/flow/howto/flow.xhtml "Generators": Counter and States as
# generators, verbatim.
def Counter(count):
    while count > 0:
        yield count
        count -= 1

def States():
    yield "one"
    yield "two"

print list(Counter(3))
print list(States())

# prints:
#    [3, 2, 1]
#    ['one', 'two']
