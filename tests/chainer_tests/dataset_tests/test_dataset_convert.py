import numpy
import pytest

from chainer import dataset
from chainer.dataset import convert


def test_concat_arrays():
    batch = [numpy.array([1, 2]), numpy.array([3, 4]), numpy.array([5, 6])]
    out = dataset.concat_examples(batch)
    assert isinstance(out, numpy.ndarray)
    numpy.testing.assert_array_equal(out, [[1, 2], [3, 4], [5, 6]])
    assert out.dtype == batch[0].dtype


def test_concat_keeps_dtype_and_shape():
    batch = [numpy.zeros((2, 3), numpy.float16) + i for i in range(4)]
    out = dataset.concat_examples(batch)
    assert out.shape == (4, 2, 3)
    assert out.dtype == numpy.float16
    numpy.testing.assert_array_equal(out[:, 0, 0], [0, 1, 2, 3])


def test_concat_scalars_and_lists():
    out = dataset.concat_examples([1, 2, 3])
    numpy.testing.assert_array_equal(out, [1, 2, 3])
    out = dataset.concat_examples([[1, 2], [3, 4]])
    numpy.testing.assert_array_equal(out, [[1, 2], [3, 4]])
    out = dataset.concat_examples([1.5, 2.5])
    assert out.dtype == numpy.float64


def test_concat_tuples():
    batch = [(numpy.array([1, 2]), 0), (numpy.array([3, 4]), 1)]
    x, t = dataset.concat_examples(batch)
    numpy.testing.assert_array_equal(x, [[1, 2], [3, 4]])
    numpy.testing.assert_array_equal(t, [0, 1])


def test_concat_dicts():
    batch = [{'x': numpy.array([1.]), 'y': 3},
             {'x': numpy.array([2.]), 'y': 4}]
    out = dataset.concat_examples(batch)
    assert set(out) == {'x', 'y'}
    numpy.testing.assert_array_equal(out['x'], [[1.], [2.]])
    numpy.testing.assert_array_equal(out['y'], [3, 4])


def test_concat_empty_raises():
    with pytest.raises(ValueError):
        dataset.concat_examples([])


def test_concat_mismatched_shapes_without_padding_raises():
    with pytest.raises(ValueError):
        dataset.concat_examples([numpy.zeros(2), numpy.zeros(3)])


def test_padding_arrays():
    batch = [numpy.array([[1, 2]]), numpy.array([[3], [4], [5]])]
    out = dataset.concat_examples(batch, padding=-1)
    assert out.shape == (2, 3, 2)
    numpy.testing.assert_array_equal(
        out, [[[1, 2], [-1, -1], [-1, -1]], [[3, -1], [4, -1], [5, -1]]])


def test_padding_tuple_per_entry():
    batch = [(numpy.array([1]), numpy.array([1., 2.])),
             (numpy.array([2, 3]), numpy.array([3.]))]
    x, y = dataset.concat_examples(batch, padding=(0, -5))
    numpy.testing.assert_array_equal(x, [[1, 0], [2, 3]])
    numpy.testing.assert_array_equal(y, [[1., 2.], [3., -5.]])
    assert y.dtype == numpy.float64


def test_padding_scalar_for_tuple():
    batch = [(numpy.array([1]), numpy.array([7])),
             (numpy.array([2, 3]), numpy.array([8, 9]))]
    x, y = dataset.concat_examples(batch, padding=9)
    numpy.testing.assert_array_equal(x, [[1, 9], [2, 3]])
    numpy.testing.assert_array_equal(y, [[7, 9], [8, 9]])


def test_padding_dict_per_key():
    batch = [{'a': numpy.array([1]), 'b': numpy.array([1])},
             {'a': numpy.array([1, 2]), 'b': numpy.array([1, 2])}]
    out = dataset.concat_examples(batch, padding={'a': 0, 'b': 7})
    numpy.testing.assert_array_equal(out['a'], [[1, 0], [1, 2]])
    numpy.testing.assert_array_equal(out['b'], [[1, 7], [1, 2]])


def test_padding_equal_shapes_is_plain_concat():
    batch = [numpy.array([1, 2]), numpy.array([3, 4])]
    out = dataset.concat_examples(batch, padding=0)
    numpy.testing.assert_array_equal(out, [[1, 2], [3, 4]])


def test_to_device_none_returns_same_object():
    a = numpy.arange(3)
    assert dataset.to_device(None, a) is a
    t = (a, a)
    assert dataset.to_device(None, t) is t


def test_concat_examples_is_converter():
    assert isinstance(dataset.concat_examples, dataset.Converter)
    assert dataset.concat_examples.__name__ == 'concat_examples'


def test_converter_decorator():
    @dataset.converter()
    def my_converter(batch, device=None):
        return [b * 2 for b in batch], device

    assert isinstance(my_converter, dataset.Converter)
    assert my_converter([1, 2]) == ([2, 4], None)
    assert my_converter.__name__ == 'my_converter'


def test_converter_decorator_rejects_non_callable():
    with pytest.raises(TypeError):
        dataset.converter()(3)


def test_converter_base_raises():
    with pytest.raises(NotImplementedError):
        dataset.Converter()([1], None)


def test_call_converter_passes_none_device_unchanged():
    seen = []

    def legacy(batch, device):
        seen.append(device)
        return batch

    assert convert._call_converter(legacy, [1], None) == [1]
    assert seen == [None]


def test_concat_with_async_transfer_host():
    conv = dataset.ConcatWithAsyncTransfer()
    batch = [(numpy.array([1]), 2), (numpy.array([3, 4]), 5)]
    x, t = conv(batch, None, padding=0)
    numpy.testing.assert_array_equal(x, [[1, 0], [3, 4]])
    numpy.testing.assert_array_equal(t, [2, 5])
