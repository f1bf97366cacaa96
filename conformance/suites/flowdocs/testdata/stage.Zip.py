# twisted/flow/stage.py Zip docstring example, verbatim (printFlow is the
# wrap() docstring's, in the prelude).
source = flow.Zip([1,flow.Cooperate(),2,3],["one","two"])
printFlow(source)
