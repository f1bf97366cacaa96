# src/twisted/test/test_defer.py RaceTests.test_resultAfterCancel (Twisted HEAD 64661601a1)
#
# Twisted 22.4 has no defer.race (it came in 22.8): this scenario's golden
# states what the test's assertions check, for every example @given draws
# from (Origin Assertion); this script runs on a Twisted that has race.
# The stand-ins for hypothesis and hamcrest below run the test once for
# each combination of the integers() ranges, in order, and print what
# assert_that checks, as the prelude's assertions do.

import itertools

from twisted.internet.defer import FailureGroup, race


def given(**strategies):
    def decorator(test):
        def runAll(self):
            names = list(strategies)
            for values in itertools.product(*(strategies[n] for n in names)):
                test(self, **dict(zip(names, values)))

        runAll.__name__ = test.__name__
        return runAll

    return decorator


def integers(min_value, max_value):
    return range(min_value, max_value + 1)


class _Matcher:
    def __init__(self, description, matches):
        self.description = description
        self.matches = matches


def equal_to(expected):
    return _Matcher("equal_to(%s)" % (show(expected),), lambda actual: actual == expected)


def empty():
    return _Matcher("empty()", lambda actual: len(actual) == 0)


def assert_that(actual, matcher):
    _check("assert_that(%s, %s)" % (show(actual), matcher.description), matcher.matches(actual))


class RaceTests(unittest.SynchronousTestCase):
    """
    Tests for L{race}.
    """

    @given(
        beforeWinner=integers(min_value=0, max_value=3),
        afterWinner=integers(min_value=0, max_value=3),
    )
    def test_resultAfterCancel(self, beforeWinner: int, afterWinner: int) -> None:
        """
        If one of the Deferreds fires after it was cancelled its result
        goes nowhere.  In particular, it does not cause any errors to be
        logged.
        """
        # Ensure we have a Deferred to win and at least one other Deferred
        # that can ignore cancellation.
        ds: list[Deferred[None]] = [
            Deferred() for n in range(beforeWinner + 2 + afterWinner)
        ]

        raceResult = race(ds)
        ds[beforeWinner].callback(None)
        ds[beforeWinner + 1].callback(None)

        self.successResultOf(raceResult)
        assert_that(self.flushLoggedErrors(), empty())


run(RaceTests, 'test_resultAfterCancel')
