# src/twisted/test/test_defer.py RaceTests.test_failure (Twisted HEAD 64661601a1)
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


def _setupRaceState(numDeferreds: int) -> tuple[list[int], list[Deferred[object]]]:
    """
    Create a list of Deferreds and a corresponding list of integers
    tracking how many times each Deferred has been cancelled.  Without
    additional steps the Deferreds will never fire.
    """
    cancelledState = [0] * numDeferreds

    ds: list[Deferred[object]] = []
    for n in range(numDeferreds):

        def cancel(d: Deferred[object], n: int = n) -> None:
            cancelledState[n] += 1

        ds.append(Deferred(canceller=cancel))

    return cancelledState, ds


class RaceTests(unittest.SynchronousTestCase):
    """
    Tests for L{race}.
    """

    @given(
        beforeWinner=integers(min_value=0, max_value=3),
        afterWinner=integers(min_value=0, max_value=3),
    )
    def test_failure(self, beforeWinner: int, afterWinner: int) -> None:
        """
        When all of the L{Deferred}s passed to L{race} fire with failures,
        the L{Deferred} return by L{race} fires with L{FailureGroup} wrapping
        all of their failures.

        @param beforeWinner: A randomly selected number of Deferreds to
            appear before the "winning" Deferred in the list passed in.

        @param beforeWinner: A randomly selected number of Deferreds to
            appear after the "winning" Deferred in the list passed in.
        """
        cancelledState, ds = _setupRaceState(beforeWinner + 1 + afterWinner)

        failure = Failure(Exception("The test demands failures."))
        raceResult = race(ds)
        for d in ds:
            d.errback(failure)

        actualFailure = self.failureResultOf(raceResult, FailureGroup)
        assert_that(
            actualFailure.value.failures,
            equal_to([failure] * len(ds)),
        )
        assert_that(
            cancelledState,
            equal_to([0] * len(ds)),
        )


run(RaceTests, 'test_failure')
