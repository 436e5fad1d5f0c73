import pytest

from chainer.dataset import tabular


def test_join_keys_and_examples(make_dataset):
    d1 = make_dataset(size=4, keys=('a', 'b'))
    d2 = make_dataset(size=4, keys=('c',), mode=None, offset=5)
    j = d1.join(d2)
    assert len(j) == 4
    assert j.keys == ('a', 'b', 'c')
    assert j.mode is tuple
    assert j[1] == (1, 10, 6)


@pytest.mark.parametrize('modes, expected', [
    ((None, None), tuple),
    ((None, dict), dict),
    ((dict, tuple), dict),
    ((tuple, dict), tuple),
    ((None, tuple, dict), tuple),
])
def test_join_mode(make_dataset, modes, expected):
    datasets = [make_dataset(size=2, mode=mode, keys=('k{}'.format(i),))
                for i, mode in enumerate(modes)]
    j = datasets[0].join(*datasets[1:])
    assert j.mode is expected


def test_join_key_indices_are_routed(make_dataset):
    d1 = make_dataset(size=5, keys=('a', 'b'))
    d2 = make_dataset(size=5, keys=('c', 'd', 'e'), offset=1)
    d3 = make_dataset(size=5, keys=('f',), offset=2)
    j = d1.join(d2, d3)
    v = j.slice[[4, 0], ('f', 'b', 'd', 'b')]
    assert v.keys == ('f', 'b', 'd', 'b')
    assert [list(col) for col in v.fetch()] == [
        [6, 2], [40, 0], [50, 10], [40, 0]]
    assert d1.calls == [([4, 0], (1, 1))]
    assert d2.calls == [([4, 0], (1,))]
    assert d3.calls == [([4, 0], (0,))]


def test_join_skips_unused_datasets(make_dataset):
    d1 = make_dataset(size=3, keys=('a',))
    d2 = make_dataset(size=3, keys=('b',))
    d1.join(d2).slice[:, 'b'].fetch()
    assert d1.calls == []


def test_join_all_keys(make_dataset):
    d1 = make_dataset(size=3, keys=('a',))
    d2 = make_dataset(size=3, keys=('b', 'c'))
    out = d1.join(d2).fetch()
    assert [list(col) for col in out] == [[0, 1, 2], [0, 1, 2], [0, 10, 20]]


def test_join_length_mismatch(make_dataset):
    with pytest.raises(ValueError):
        make_dataset(size=3, keys=('a',)).join(make_dataset(size=4,
                                                            keys=('b',)))


def test_join_duplicate_keys(make_dataset):
    with pytest.raises(ValueError):
        make_dataset(keys=('a', 'b')).join(make_dataset(keys=('b', 'c')))


def test_join_from_data_dict_mode():
    a = tabular.from_data({'x': [1, 2]})
    b = tabular.from_data(('y', [3, 4]))
    j = a.join(b)
    assert j.mode is dict
    assert j[0] == {'x': 1, 'y': 3}
