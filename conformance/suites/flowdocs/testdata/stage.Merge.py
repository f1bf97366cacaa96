# twisted/flow/stage.py Merge docstring example, verbatim: the docstring
# repeats Zip's example (it builds a flow.Zip, not a flow.Merge); see
# stage.Merge.merge for the same sources through flow.Merge.
source = flow.Zip([1,flow.Cooperate(),2,3],["one","two"])
printFlow(source)
