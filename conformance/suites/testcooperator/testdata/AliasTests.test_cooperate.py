# src/twisted/test/test_cooperator.py AliasTests.test_cooperate (Twisted 22.4, Debian python3-twisted)
# The test's text as in Twisted; the prelude's TestCase prints what its assertions check.

class AliasTests(unittest.TestCase):
    """
    Integration test to verify that the global singleton aliases do what
    they're supposed to.
    """

    def test_cooperate(self):
        """
        L{twisted.internet.task.cooperate} ought to run the generator that it is
        """
        d = defer.Deferred()

        def doit():
            yield 1
            yield 2
            yield 3
            d.callback("yay")

        it = doit()
        theTask = task.cooperate(it)
        # private state, not ported: self.assertIn(theTask, task._theCooperator._tasks)
        return d


run(AliasTests, "test_cooperate")
