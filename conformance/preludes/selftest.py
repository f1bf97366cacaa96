# A shared prelude used by the harness tests.
shared = 1
