import numpy

from chainer.dataset import tabular


def test_with_converter_tuple(make_dataset):
    d = make_dataset(size=3)
    w = d.with_converter(lambda a, b, c: (a.sum(), b.sum(), c.sum()))
    assert w.keys == d.keys
    assert w.mode is tuple
    assert len(w) == 3
    assert w[1] == (1, 10, 100)
    assert w.convert(w.fetch()) == (3, 30, 300)


def test_with_converter_dict(make_dataset):
    d = make_dataset(size=3, mode=dict)
    w = d.with_converter(lambda c, **rest: sorted(rest) + [int(c.max())])
    assert w.convert(w.fetch()) == ['a', 'b', 200]


def test_with_converter_unary():
    d = tabular.from_data(('x', [1, 2, 3])).with_converter(
        lambda x: numpy.asarray(x) * 2)
    numpy.testing.assert_array_equal(d.convert(d.fetch()), [2, 4, 6])


def test_views_use_default_converter(make_dataset):
    w = make_dataset(size=3, return_array=False).with_converter(
        lambda a, b, c: 'converted')
    assert w.convert(w.fetch()) == 'converted'
    view = w.slice[:2]
    out = view.convert(view.fetch())
    assert isinstance(out[0], numpy.ndarray)
