# src/twisted/test/test_defer.py RaceTests.test_resultFromCancel (Twisted HEAD 64661601a1)
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

    def test_resultFromCancel(self) -> None:
        """
        If one of the input Deferreds has a cancel function that fires it
        with success, nothing bad happens.
        """
        winner: Deferred[object] = Deferred()
        ds: list[Deferred[object]] = [
            winner,
            Deferred(canceller=lambda d: d.callback(object())),
        ]
        expected = object()
        raceResult = race(ds)
        winner.callback(expected)

        assert_that(self.successResultOf(raceResult), equal_to((0, expected)))


run(RaceTests, 'test_resultFromCancel')
