# twisted/flow/stage.py Concurrent docstring: it has no listing, only a
# description ("if you have N callbacks, and you want to yield and wait for
# the first available one that produces results. Once a stage is returned,
# its next() method should be used to extract the value for the stage").
# This is that description as an example of ours: two Callbacks fed by
# the reactor at different times, taken in the order they produce.
a = flow.Callback()
b = flow.Callback()
a.name, b.name = 'a', 'b'
reactor.callLater(0, lambda: b.result("b1"))
reactor.callLater(.1, lambda: a.result("a1"))
reactor.callLater(.2, lambda: b.result("b2"))
reactor.callLater(.3, lambda: b.finish())
reactor.callLater(.4, lambda: a.result("a2"))
reactor.callLater(.5, lambda: a.finish())

def first(*stages):
    both = flow.Concurrent(*stages)
    yield both
    for stage in both:
        print stage.name, stage.next()
        yield both

d = flow.Deferred(first(a, b))
d.addCallback(lambda _: reactor.stop())
reactor.run()
