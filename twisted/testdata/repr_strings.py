# Differential corpus for Repr of strings and floats: Python 2.7 generates
# the values (fixed seed) and prints each one's hex (strings) or exact hex
# float, then its repr and str. Record with:
#   python2.7 repr_strings.py > repr_strings.golden
import random
rng = random.Random(20030423)
alphabet = "abc'\"\\\t\n\r\x00\x7f\x80\xff\xc3\xa9 ~"
for i in range(300):
    n = rng.randint(0, 12)
    if i % 3 == 0:
        s = "".join(chr(rng.randint(0, 255)) for _ in range(n))
    else:
        s = "".join(rng.choice(alphabet) for _ in range(n))
    print "s\t%s\t%s" % (s.encode("hex"), repr(s))
for i in range(300):
    kind = i % 4
    if kind == 0:
        f = rng.uniform(-1e6, 1e6)
    elif kind == 1:
        f = rng.random() * 10 ** rng.randint(-20, 20)
    elif kind == 2:
        f = float(rng.randint(-10 ** 17, 10 ** 17))
    else:
        f = round(rng.uniform(0, 100), rng.randint(0, 4))
    print "f\t%s\t%s\t%s" % (f.hex(), repr(f), str(f))
