import itertools

import numpy
import pytest


SIZE = 10
BASE = {'a': list(range(SIZE)),
        'b': [10 * i for i in range(SIZE)],
        'c': [100 * i for i in range(SIZE)]}
KEYS = ('a', 'b', 'c')

ROWS = [
    slice(None),
    slice(2, 7),
    slice(None, None, -1),
    slice(8, 1, -3),
    slice(-3, None),
    slice(5, 100),
    slice(7, 3),
    [3, 1, 1, 9],
    [-1, -10, 0],
    numpy.array([2, 4]),
    [],
    [True, False] * 5,
    numpy.arange(SIZE) % 3 == 0,
]

KEY_SPECS = [None, 'b', 1, -1, ('a', 'c'), (2, 0), ('c',), (0, 'b'), ()]


def _rows(rows):
    positions = list(range(SIZE))
    if isinstance(rows, slice):
        return positions[rows]
    rows = list(rows)
    if rows and all(isinstance(r, (bool, numpy.bool_)) for r in rows):
        return [i for i, r in enumerate(rows) if r]
    return [positions[r] for r in rows]


def _keys(spec):
    if spec is None:
        return KEYS
    specs = spec if isinstance(spec, tuple) else (spec,)
    return tuple(KEYS[s] if isinstance(s, int) else s for s in specs)


@pytest.mark.parametrize('rows', ROWS)
@pytest.mark.parametrize('keys', KEY_SPECS)
@pytest.mark.parametrize('mode', [tuple, dict])
@pytest.mark.parametrize('return_array', [True, False])
def test_slice(make_dataset, rows, keys, mode, return_array):
    d = make_dataset(size=SIZE, mode=mode, return_array=return_array)
    view = d.slice[rows] if keys is None else d.slice[rows, keys]
    expected_rows = _rows(rows)
    expected_keys = _keys(keys)

    assert len(view) == len(expected_rows)
    assert view.keys == expected_keys
    if keys is None:
        assert view.mode is mode
    elif isinstance(keys, tuple):
        assert view.mode is mode
    else:
        assert view.mode is None

    fetched = view.fetch()
    if view.mode is None:
        numpy.testing.assert_array_equal(
            fetched, [BASE[expected_keys[0]][r] for r in expected_rows])
    else:
        cols = fetched if mode is tuple else tuple(
            fetched[k] for k in expected_keys)
        assert len(cols) == len(expected_keys)
        for col, key in zip(cols, expected_keys):
            assert list(col) == [BASE[key][r] for r in expected_rows]

    # Element access agrees with fetch.
    for p, r in enumerate(expected_rows):
        example = view[p]
        if view.mode is None:
            assert example == BASE[expected_keys[0]][r]
        elif mode is tuple:
            assert example == tuple(BASE[k][r] for k in expected_keys)
        else:
            assert example == {k: BASE[k][r] for k in expected_keys}


def test_unary_base_with_tuple_keys_becomes_tuple(make_dataset):
    d = make_dataset(mode=None, keys=('a',))
    view = d.slice[:, ('a',)]
    assert view.mode is tuple
    assert view[2] == (2,)
    assert d.slice[:3].mode is None


NESTED = [slice(None), slice(1, 8), slice(None, None, 2),
          slice(None, None, -1),
          slice(7, 0, -2), slice(3, 3), slice(-4, None), [4, 0, 2]]


@pytest.mark.parametrize('first, second',
                         list(itertools.product(NESTED, NESTED)))
def test_nested_slices(make_dataset, first, second):
    d = make_dataset(size=SIZE, keys=('a',), mode=None)
    step1 = _rows(first)
    if isinstance(second, slice):
        expected = [step1[i] for i in range(len(step1))[second]]
    elif any(i >= len(step1) for i in second):
        with pytest.raises(IndexError):
            d.slice[first].slice[second]
        return
    else:
        expected = [step1[i] for i in second]

    view = d.slice[first].slice[second]
    assert len(view) == len(expected)
    assert list(view.fetch()) == expected
    # The base is read once, with the composed rows.
    assert len(d.calls) == 1


def test_nested_slices_compose_lazily(make_dataset):
    d = make_dataset(size=SIZE)
    view = d.slice[2:9, ('c', 'a')].slice[::-2, 'a']
    assert view.keys == ('a',)
    assert list(view.fetch()) == [8, 6, 4, 2]
    assert d.calls == [(slice(8, 1, -2), (0,))]


def test_slice_of_list_rows_passes_list(make_dataset):
    d = make_dataset(size=SIZE)
    d.slice[[5, 3, 1]].slice[1:].fetch()
    assert d.calls == [([3, 1], None)]


def test_index_out_of_range(make_dataset):
    d = make_dataset(size=SIZE)
    with pytest.raises(IndexError):
        d.slice[[SIZE]]
    with pytest.raises(IndexError):
        d.slice[[-SIZE - 1]]


def test_bool_mask_length_mismatch(make_dataset):
    d = make_dataset(size=SIZE)
    with pytest.raises(ValueError):
        d.slice[[True, False]]


def test_bad_keys(make_dataset):
    d = make_dataset(size=SIZE)
    with pytest.raises(KeyError):
        d.slice[:, 'z']
    with pytest.raises(IndexError):
        d.slice[:, 3]
    with pytest.raises(IndexError):
        d.slice[:, (-4,)]


def test_non_integer_index_rejected(make_dataset):
    d = make_dataset(size=SIZE)
    with pytest.raises(TypeError):
        d.slice[[1.5]]
