# The original LineBreak (twisted.flow.pipe, Twisted b2b5697a0f^) on the
# cases of fuzz_linebreak_test.go's TestLineBreakModelMatchesPython; its
# output is the table's Python column. The chunks come from an iterator,
# one per batch, so that the source's end comes in a batch of its own and
# a failure comes after every line, as in Go (from a list, the last batch
# carries the end, and the original's failure loses its lines).
#
#   PYTHONPATH=/work/ref/twisted-flow:/work/ref/zope/src python2.7 linebreak.py
from twisted.flow import flow

cases = [
    (["Hello ", "World\nHappy", " Days", " Are Here\n"], "\n", False),
    (["a\r", "\nb\r\n"], "\r\n", False),
    (["a\r\nb", "\r\n"], "\r\n", False),
    (["one\ntwo", "\nthree"], "\n", True),
    (["one\ntwo", "\nthree"], "\n", False),
    (["\n\n", "", "\n"], "\n", False),
    (["ab", "aba"], "aba", True),
    (["abab", "a"], "aba", True),
    (["xx", "yy", "zz"], ";", True),
    (["0123456789abcdef"], ";", False),
    (["a;;b;", ";c", ";"], ";;", False),
    (["", ""], "\n", True),
    (["tail"], "\n", False),
    (["x\n", "\n", "y"], "\n", True),
]

for chunks, delim, trailer in cases:
    b = flow.Block(flow.LineBreak(iter(chunks), delimiter=delim, trailer=trailer))
    b.block = lambda timeout: None
    out = []
    try:
        while True:
            out.append(b.next())
    except StopIteration:
        print repr(out)
    except RuntimeError, e:
        print repr(out), "RuntimeError", repr(str(e))
