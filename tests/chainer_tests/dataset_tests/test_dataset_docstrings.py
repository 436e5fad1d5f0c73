"""The examples in the docstrings of the dataset packages run as written."""

import doctest
import importlib

import pytest


MODULES = [
    'chainer.dataset.convert',
    'chainer.dataset.dataset_mixin',
    'chainer.dataset.download',
    'chainer.dataset.iterator',
    'chainer.dataset.tabular.delegate_dataset',
    'chainer.dataset.tabular.from_data',
    'chainer.dataset.tabular.tabular_dataset',
    'chainer.datasets.concatenated_dataset',
    'chainer.datasets.dict_dataset',
    'chainer.datasets.mnist',
    'chainer.datasets.sub_dataset',
    'chainer.datasets.transform_dataset',
    'chainer.datasets.tuple_dataset',
    'chainer.iterators.multithread_iterator',
    'chainer.iterators.order_samplers',
    'chainer.iterators.serial_iterator',
]


@pytest.mark.parametrize('name', MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
