# The Python 2 side of twisted's TestRepr: each case's name and the repr
# Python 2.7 prints for it, tab-separated. Record with:
#   python2.7 repr_cases.py > repr.golden
cases = [
    ("none", None),
    ("true", True),
    ("false", False),
    ("zero", 0),
    ("negative", -42),
    ("bigint", 1234567890123),
    ("float_half", 0.5),
    ("float_whole", 1.0),
    ("float_tenth", 0.1),
    ("float_third", 1.0 / 3),
    ("float_big", 1e16),
    ("float_below_big", 1e15),
    ("float_small", 0.0001),
    ("float_smaller", 0.00001),
    ("float_neg_zero", -0.0),
    ("float_huge", 1.5e300),
    ("float_tiny", 2.5e-300),
    ("float_123", 123.456),
    ("str_empty", ""),
    ("str_plain", "hello"),
    ("str_single_quote", "it's"),
    ("str_both_quotes", "it's \"x\""),
    ("str_double_quote", "say \"hi\""),
    ("str_escapes", "a\tb\nc\rd\\e"),
    ("str_control", "\x00\x01\x1f\x7f"),
    ("str_high", "caf\xc3\xa9"),
    ("tuple_empty", ()),
    ("tuple_one", (1,)),
    ("tuple_two", (1, "a")),
    ("list_empty", []),
    ("list_mixed", [1, "two", None, (3,), [4.5]]),
    ("dict_ints", {1: "a", 2: "b"}),
    ("class_builtin", ZeroDivisionError),
    ("class_keyerror", KeyError),
    ("exc_one", ValueError("bad")),
    ("exc_none", ValueError()),
    ("exc_two", ValueError("a", 2)),
    ("exc_keyerror", KeyError("k")),
]
for name, value in cases:
    print "%s\t%s" % (name, repr(value))
# str() of the same kinds, where Python 2's str differs from repr
strs = [
    ("str:float_third", 1.0 / 3),
    ("str:float_whole", 1.0),
    ("str:float_big", 1e16),
    ("str:float_12", 123456789012.0),
    ("str:float_13", 1234567890123.0),
    ("str:exc_one", ValueError("bad")),
    ("str:exc_two", ValueError("a", 2)),
    ("str:exc_keyerror", KeyError("k")),
    ("str:exc_none", ValueError()),
    ("str:string", "it's"),
    ("str:class", KeyError),
]
for name, value in strs:
    print "%s\t%s" % (name, str(value))
