# testmodule: importTests, which imports one of Twisted's own test modules
# from the Twisted the script runs against (the reference installation), so
# that a prelude takes the module's helpers and test classes from there
# instead of carrying a copy of them. pyunit3.py includes it; a prelude with
# a stand-in of its own includes it directly. Python 2 and 3.
import sys

# The modules whose classes are the script's own: the script, and the test
# modules it imported with importTests. (pyunit3's show() shows an object
# of such a class as its first library base class.)
_scriptModules = set(["__main__"])


def importTests(name, namespace):
    """
    Import Twisted's test module name (such as
    "twisted.protocols.test.test_basic") with namespace's unittest, the
    prelude's stand-in for trial's, as its twisted.trial.unittest, and bind
    the module's names (all but the dunder ones) in namespace, the script's
    globals(). A name the prelude has already bound to another object is an
    error: the module's would hide the prelude's. Returns the module.
    """
    import twisted.trial

    standIn = namespace["unittest"]
    sys.modules["twisted.trial.unittest"] = standIn
    twisted.trial.unittest = standIn
    __import__(name)
    module = sys.modules[name]
    _scriptModules.add(module.__name__)
    for key, value in vars(module).items():
        if key.startswith("__") and key.endswith("__"):
            continue
        if key in namespace and namespace[key] is not value:
            raise ImportError("%s.%s would hide the prelude's %s" % (name, key, key))
        namespace[key] = value
    return module
