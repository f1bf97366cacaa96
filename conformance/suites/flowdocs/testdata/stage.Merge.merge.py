# twisted/flow/stage.py Merge docstring example with flow.Merge in place of
# the flow.Zip the docstring (a copy of Zip's) has.
source = flow.Merge([1,flow.Cooperate(),2,3],["one","two"])
printFlow(source)
