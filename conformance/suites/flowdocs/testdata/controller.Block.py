# twisted/flow/controller.py Block docstring: "It converts other stages into
# one which does not emit cooperate events, ie::  [1,2, Cooperate(), 3] =>
# [1,2,3]", run.
from twisted.flow.base import Cooperate
print list(flow.Block([1,2, Cooperate(), 3]))
