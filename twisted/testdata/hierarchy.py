# The Python 2 side of twisted's TestHierarchyMatchesPython2: each built-in
# exception class the Go package declares, and its base class. Record with:
#   python2.7 hierarchy.py > hierarchy.golden
import exceptions
names = """BaseException SystemExit KeyboardInterrupt GeneratorExit Exception
StopIteration StandardError ArithmeticError ZeroDivisionError OverflowError
AssertionError AttributeError EnvironmentError IOError OSError LookupError
IndexError KeyError NameError RuntimeError NotImplementedError TypeError
ValueError MemoryError""".split()
for name in names:
    cls = getattr(exceptions, name)
    base = cls.__bases__[0].__name__ if cls is not BaseException else "-"
    print "%s\t%s" % (name, base)
