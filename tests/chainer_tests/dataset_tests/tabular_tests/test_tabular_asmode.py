def test_as_tuple_and_as_dict(make_dataset):
    d = make_dataset(size=3, mode=None, keys=('a',))
    t = d.as_tuple()
    assert t.mode is tuple
    assert t.keys == ('a',)
    assert len(t) == 3
    assert t[2] == (2,)
    dd = d.as_dict()
    assert dd.mode is dict
    assert dd[2] == {'a': 2}
    assert dd.fetch()['a'].tolist() == [0, 1, 2]


def test_as_mode_round_trip(make_dataset):
    d = make_dataset(size=4, mode=tuple)
    back = d.as_dict().as_tuple()
    assert back.mode is tuple
    assert back[1] == (1, 10, 100)
    assert back.slice[[3], 'b'].fetch().tolist() == [30]
    assert d.calls[-1] == ([3], (1,))


def test_as_mode_uses_default_converter(make_dataset):
    d = make_dataset(size=2, return_array=False).with_converter(
        lambda a, b, c: 'tuple converter')
    view = d.as_dict()
    out = view.convert(view.fetch())
    assert set(out) == {'a', 'b', 'c'}
    assert out['b'].tolist() == [0, 10]
