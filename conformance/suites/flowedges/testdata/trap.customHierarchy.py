# flow edges: traps follow user-defined exception hierarchies.
class MyError(ValueError):
    pass
class SubError(MyError):
    pass
def gen(e):
    yield 1
    raise e
drain(block(gen(SubError('deep')), MyError))
drain(block(gen(MyError('mine')), SubError))
drain(block(gen(SubError('deep')), ValueError))
