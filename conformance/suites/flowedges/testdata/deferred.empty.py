# flow edges: flow.Deferred of a Merge of empty sources: an empty list and
# an empty generator give nothing, an empty string gives one value ''.
def gen():
    return
    yield
run(flow.Merge([], gen()))
run(flow.Merge([], gen(), ''))
