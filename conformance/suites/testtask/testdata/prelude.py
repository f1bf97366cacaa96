# Prelude of the scenarios of this suite: the shared stand-in for trial's
# TestCase (conformance/preludes/pyunit3.py; Go side: conformance/pyunit).
# conformance:include pyunit3.py
