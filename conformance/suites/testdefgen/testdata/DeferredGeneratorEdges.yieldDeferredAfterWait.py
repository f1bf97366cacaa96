# Ours (not in test_defgen.py): a deferredGenerator that yields a Deferred
# itself, instead of waitForDeferred(d), after it has waited once. Before
# any wait, _deferGenerator returns fail(TypeError(...)) in place of its
# Deferred (testDeferredYielding); after one, it returns that failed
# Deferred to the callback that resumed it, and the Deferred the caller
# holds never fires.
class DeferredGeneratorEdges(unittest.TestCase):
    def test_yieldDeferredAfterWait(self):
        first = Deferred()

        def gen():
            x = waitForDeferred(first)
            yield x
            x.getResult()
            yield Deferred()
        gen = deferredGenerator(gen)

        d = gen()
        first.callback(None)
        results = []
        d.addBoth(results.append)
        print(show(results))
        print(show(first))

run(DeferredGeneratorEdges, 'test_yieldDeferredAfterWait')
