import itertools

import numpy
import pytest

from chainer.dataset import tabular


SIZES = (3, 0, 4, 2)


def _make(make_dataset, return_array=True, mode=tuple):
    datasets = []
    offset = 0
    for size in SIZES:
        datasets.append(make_dataset(size=size, mode=mode, offset=offset,
                                     return_array=return_array))
        offset += size
    return datasets


TOTAL = sum(SIZES)
STARTS = [None, 0, 2, 3, 5, -1, 8, 20]
STEPS = [None, 1, 2, 3, -1, -2, -4]
SLICES = [slice(start, stop, step)
          for start, stop, step in itertools.product(STARTS, STARTS, STEPS)]


@pytest.mark.parametrize('rows', SLICES + [
    [], [0], [8], [4, 0, 6, 3, 3], [7, 6, 5, 4, 3, 2, 1, 0], [5, 6]])
@pytest.mark.parametrize('keys', [None, ('c', 'a'), 'b'])
def test_concat_rows(make_dataset, rows, keys):
    datasets = _make(make_dataset)
    c = datasets[0].concat(*datasets[1:])
    assert len(c) == TOTAL
    view = c.slice[rows] if keys is None else c.slice[rows, keys]
    positions = list(range(TOTAL))
    expected_rows = positions[rows] if isinstance(rows, slice) \
        else [positions[r] for r in rows]
    out = view.fetch()
    if keys == 'b':
        assert list(out) == [10 * r for r in expected_rows]
    elif keys is None:
        assert [list(col) for col in out] == [
            list(expected_rows), [10 * r for r in expected_rows],
            [100 * r for r in expected_rows]]
    else:
        assert [list(col) for col in out] == [
            [100 * r for r in expected_rows], list(expected_rows)]


def test_concat_examples_and_modes(make_dataset):
    datasets = _make(make_dataset, mode=dict)
    c = datasets[0].concat(*datasets[1:])
    assert c.keys == ('a', 'b', 'c')
    assert c.mode is dict
    assert c[4] == {'a': 4, 'b': 40, 'c': 400}
    assert c[-1] == {'a': 8, 'b': 80, 'c': 800}


def _rows_read(dataset):
    # Rows each get_examples call asked for, in the order asked.
    out = []
    for indices, key_indices in dataset.calls:
        assert isinstance(indices, slice)
        out.append((list(range(len(dataset))[indices]), key_indices))
    return out


def test_concat_reads_each_dataset_once(make_dataset):
    datasets = _make(make_dataset)
    c = datasets[0].concat(*datasets[1:])
    c.slice[1:8:3].fetch()
    assert _rows_read(datasets[0]) == [([1], None)]
    assert datasets[1].calls == []
    assert _rows_read(datasets[2]) == [([1], None)]
    assert _rows_read(datasets[3]) == [([0], None)]


def test_concat_negative_step_slice_per_dataset(make_dataset):
    datasets = _make(make_dataset)
    c = datasets[0].concat(*datasets[1:])
    assert list(c.slice[::-2, 'a'].fetch()) == [8, 6, 4, 2, 0]
    assert _rows_read(datasets[0]) == [([2, 0], (0,))]
    assert _rows_read(datasets[2]) == [([3, 1], (0,))]
    assert _rows_read(datasets[3]) == [([1], (0,))]


def test_concat_single_part_keeps_arrays(make_dataset):
    datasets = _make(make_dataset)
    c = datasets[0].concat(*datasets[1:])
    out = c.slice[3:6].fetch()
    assert all(isinstance(col, numpy.ndarray) for col in out)
    out = c.slice[[3, 5]].fetch()
    assert all(isinstance(col, numpy.ndarray) for col in out)
    out = c.slice[[1, 5]].fetch()
    assert all(isinstance(col, list) for col in out)


def test_concat_list_rows_grouped_by_dataset(make_dataset):
    datasets = _make(make_dataset, return_array=False)
    c = datasets[0].concat(*datasets[1:])
    assert list(c.slice[[7, 1, 4, 0], 'a'].fetch()) == [7, 1, 4, 0]
    assert datasets[0].calls == [([1, 0], (0,))]
    assert datasets[1].calls == []
    assert datasets[2].calls == [([1], (0,))]
    assert datasets[3].calls == [([0], (0,))]


def test_concat_whole(make_dataset):
    datasets = _make(make_dataset)
    c = datasets[0].concat(*datasets[1:])
    assert list(c.fetch()[0]) == list(range(TOTAL))


def test_concat_key_mismatch_raises(make_dataset):
    with pytest.raises(ValueError):
        make_dataset(keys=('a', 'b')).concat(make_dataset(keys=('b', 'a')))


def test_concat_from_data():
    a = tabular.from_data(('x', [0, 1]))
    b = tabular.from_data(('x', [2]))
    c = a.concat(b)
    assert c.mode is None
    assert list(c) == [0, 1, 2]
