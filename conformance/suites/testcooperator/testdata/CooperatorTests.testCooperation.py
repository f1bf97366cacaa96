# src/twisted/test/test_cooperator.py CooperatorTests.testCooperation (Twisted 22.4, Debian python3-twisted)
# The test's text as in Twisted; the prelude's TestCase prints what its assertions check.

class CooperatorTests(unittest.TestCase):
    RESULT = "done"

    def ebIter(self, err):
        err.trap(task.SchedulerStopped)
        return self.RESULT

    def cbIter(self, ign):
        self.fail()

    def testCooperation(self):
        L = []

        def myiter(things):
            for th in things:
                L.append(th)
                yield None

        groupsOfThings = ["abc", (1, 2, 3), "def", (4, 5, 6)]

        c = task.Cooperator()
        tasks = []
        for stuff in groupsOfThings:
            tasks.append(c.coiterate(myiter(stuff)))

        return defer.DeferredList(tasks).addCallback(
            lambda ign: self.assertEqual(tuple(L), sum(zip(*groupsOfThings), ()))
        )


run(CooperatorTests, "testCooperation")
