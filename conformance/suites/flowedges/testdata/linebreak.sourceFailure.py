# flow edges: a failure of LineBreak's source ends it after the complete
# lines; the partial line in its buffer is dropped.
def gen():
    yield 'a\nb'
    yield 'c\nd'
    raise KeyError('k')
drain(block(flow.LineBreak(gen(), delimiter='\n')))
drain(block(flow.LineBreak(gen(), KeyError, delimiter='\n')))
