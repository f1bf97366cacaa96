# flow edges (deviation): a stage inside a list is taken as an instruction,
# which no controller supports. Python: raising Unsupported fails in its
# constructor, so a TypeError escapes (from Block, and from flow.Deferred's
# constructor).
inner = flow.wrap(['i'])
drain(block(['a', inner, 'b']))
try:
    outcome(flow.Deferred(['a', inner, 'b']))
except Exception, e:
    raised(e)
