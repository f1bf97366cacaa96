# src/twisted/test/test_cooperator.py CooperatorTests.testUnexpectedError (Twisted 22.4, Debian python3-twisted)
# The test's text as in Twisted; the prelude's TestCase prints what its assertions check.

class CooperatorTests(unittest.TestCase):
    RESULT = "done"

    def ebIter(self, err):
        err.trap(task.SchedulerStopped)
        return self.RESULT

    def cbIter(self, ign):
        self.fail()

    def testUnexpectedError(self):
        c = task.Cooperator()

        def myiter():
            if False:
                yield None
            else:
                raise RuntimeError()

        d = c.coiterate(myiter())
        return self.assertFailure(d, RuntimeError)


run(CooperatorTests, "testUnexpectedError")
