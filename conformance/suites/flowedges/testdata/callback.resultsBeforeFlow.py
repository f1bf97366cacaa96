# flow edges: results pushed into a Callback before any flow reads it wait
# in the stage; a flow started after finish() gets them all.
cb = flow.Callback()
cb.result(1)
cb.result(2)
cb.finish()
run(cb)
