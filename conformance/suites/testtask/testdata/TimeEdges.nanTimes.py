# Edge case (ours): NaN as each time argument (Twisted 22.4). Twisted's
# reactor.callLater asserts; everything else takes NaN, and then the call
# never runs: a Clock's calls are sorted by time, so a call at nan can stop
# the ones after it; a Clock advanced by nan runs nothing again, a
# LoopingCall never ticks, a timeout never fires.
nan = float("nan")


def attempt(label, f):
    clock = task.Clock()
    ran = []
    clock.callLater(1, lambda: ran.append("at 1"))
    try:
        f(clock, ran)
        outcome = "accepted"
    except Exception as e:
        outcome = "raises " + show(e)
    clock.advance(2)
    clock.advance(2)
    print(label, outcome, show(ran), show(clock.seconds()))


attempt("callLater", lambda clock, ran: clock.callLater(nan, lambda: ran.append("nan call")))
attempt("reset", lambda clock, ran: clock.getDelayedCalls()[0].reset(nan))
attempt("delay", lambda clock, ran: clock.getDelayedCalls()[0].delay(nan))


def loop(clock, ran):
    lc = task.LoopingCall(lambda: ran.append("tick"))
    lc.clock = clock
    lc.start(nan, now=False)


attempt("LoopingCall.start", loop)
attempt("deferLater", lambda clock, ran: task.deferLater(clock, nan, lambda: ran.append("later")))


def timeout(clock, ran):
    d = defer.Deferred()
    d.addTimeout(nan, clock)
    d.addErrback(lambda f: ran.append(show(f)))


attempt("addTimeout", timeout)
attempt("advance", lambda clock, ran: clock.advance(nan))
attempt("pump", lambda clock, ran: clock.pump([0.5, nan]))
try:
    reactor.callLater(nan, lambda: None)
except Exception as e:
    print("reactor.callLater raises", show(e))
