# flow edges: Merge, Zip, Map and Callback stages are not ready either
# before their first yield.
for stage in [flow.Merge([1]), flow.Zip([1], [2]), flow.Map(None, [1]),
              flow.Callback(), flow.Concurrent([1])]:
    try:
        stage.next()
    except flow.NotReadyError, e:
        raised(e)
