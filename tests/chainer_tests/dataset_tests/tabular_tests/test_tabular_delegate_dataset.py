from chainer.dataset import tabular


class Squares(tabular.DelegateDataset):

    def __init__(self, n):
        base = tabular.from_data(('x', list(range(n))))
        super().__init__(base.transform(('x', 'x2'), lambda x: (x, x * x)))


def test_delegate_dataset():
    d = Squares(4)
    assert isinstance(d, tabular.TabularDataset)
    assert len(d) == 4
    assert d.keys == ('x', 'x2')
    assert d.mode is tuple
    assert d[3] == (3, 9)
    assert d.slice[1:3, 'x2'].fetch() == [1, 4]


def test_delegate_forwards_reads_and_converter(make_dataset):
    base = make_dataset(size=3).with_converter(lambda a, b, c: 'conv')
    d = tabular.DelegateDataset(base)
    assert d.dataset is base
    assert d.get_examples([1], (2,))[0].tolist() == [100]
    assert d.convert(d.fetch()) == 'conv'
