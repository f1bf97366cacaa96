# flow edges: an instruction produced by a Threaded source is a plain
# value: the Cooperate is not obeyed but delivered.
def show(results):
    print [isinstance(x, flow.Cooperate) and 'Cooperate' or x for x in results]
d = flow.Deferred(Threaded(['a', flow.Cooperate(), 'b']))
d.addCallback(show)
wait(d)
