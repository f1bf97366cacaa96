# src/twisted/test/test_failure.py FailureTests.test_repr (Twisted 22.4): the
# class with the test and the helpers it uses, verbatim.
class FailureTests(SynchronousTestCase):
    """
    Tests for L{failure.Failure}.
    """

    def test_repr(self):
        """
        The C{repr} of a L{failure.Failure} shows the type and string
        representation of the underlying exception.
        """
        f = getDivisionFailure()
        typeName = reflect.fullyQualifiedName(ZeroDivisionError)
        self.assertEqual(
            repr(f),
            "<twisted.python.failure.Failure " "%s: division by zero>" % (typeName,),
        )


run(FailureTests, "test_repr")
