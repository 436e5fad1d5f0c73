"""Behaviour shared by SerialIterator, MultithreadIterator and
MultiprocessIterator: all three must give the same batches and the same
epoch bookkeeping."""

import numpy
import pytest

from chainer import iterators


class DictSerializer(object):

    """Writes values into a dict (the serializer call protocol)."""

    def __init__(self):
        self.target = {}

    def __call__(self, key, value):
        self.target[key] = numpy.array(value) \
            if isinstance(value, numpy.ndarray) else value
        return value


class DictDeserializer(object):

    """Reads values from a dict; arrays are copied into the given ones."""

    def __init__(self, target):
        self.target = target

    def __call__(self, key, value):
        if key not in self.target:
            raise KeyError(key)
        data = self.target[key]
        if value is None:
            return data
        if isinstance(value, numpy.ndarray):
            numpy.copyto(value, data)
            return value
        return type(value)(data)


ITERATOR_KINDS = {
    'serial': lambda *a, **k: iterators.SerialIterator(*a, **k),
    'multithread': lambda *a, **k: iterators.MultithreadIterator(
        *a, n_threads=2, **k),
    'multiprocess': lambda *a, **k: iterators.MultiprocessIterator(
        *a, n_processes=2, n_prefetch=2, **k),
}


@pytest.fixture(params=sorted(ITERATOR_KINDS))
def make_iterator(request):
    created = []

    def make(*args, **kwargs):
        it = ITERATOR_KINDS[request.param](*args, **kwargs)
        created.append(it)
        return it

    yield make
    for it in created:
        it.finalize()


def _run(it, n):
    """Returns batches and bookkeeping observed after each of n batches."""
    out = []
    for _ in range(n):
        batch = next(it)
        out.append((batch, it.epoch, it.epoch_detail,
                    it.previous_epoch_detail, it.is_new_epoch))
    return out


def test_initial_state(make_iterator):
    it = make_iterator([1, 2, 3], 2)
    assert it.epoch == 0
    assert it.epoch_detail == 0
    assert it.previous_epoch_detail is None
    assert it.is_new_epoch is False
    assert it.current_position == 0
    assert it.batch_size == 2
    assert it.repeat is True


def test_divisible_no_shuffle(make_iterator):
    it = make_iterator([1, 2, 3, 4, 5, 6], 2, shuffle=False)
    observed = _run(it, 6)
    assert [o[0] for o in observed] == [[1, 2], [3, 4], [5, 6]] * 2
    assert [o[1] for o in observed] == [0, 0, 1, 1, 1, 2]
    assert [o[2] for o in observed] == pytest.approx(
        [1 / 3, 2 / 3, 1, 4 / 3, 5 / 3, 2])
    assert [o[3] for o in observed] == pytest.approx(
        [0, 1 / 3, 2 / 3, 1, 4 / 3, 5 / 3])
    assert [o[4] for o in observed] == [False, False, True,
                                        False, False, True]


def test_wraparound_fills_batch_from_next_epoch(make_iterator):
    it = make_iterator([1, 2, 3, 4, 5], 2, shuffle=False)
    observed = _run(it, 6)
    assert [o[0] for o in observed] == [
        [1, 2], [3, 4], [5, 1], [2, 3], [4, 5], [1, 2]]
    assert [o[1] for o in observed] == [0, 0, 1, 1, 2, 2]
    assert [o[2] for o in observed] == pytest.approx(
        [0.4, 0.8, 1.2, 1.6, 2.0, 2.4])
    assert [o[3] for o in observed] == pytest.approx(
        [0.0, 0.4, 0.8, 1.2, 1.6, 2.0])
    assert [o[4] for o in observed] == [False, False, True,
                                        False, True, False]


def test_batch_spanning_several_epochs(make_iterator):
    it = make_iterator([0, 1], 5, shuffle=False)
    assert next(it) == [0, 1, 0, 1, 0]
    assert it.epoch == 2
    assert it.epoch_detail == 2.5
    assert it.is_new_epoch
    assert next(it) == [1, 0, 1, 0, 1]
    assert it.epoch == 5
    assert it.epoch_detail == 5.0


def test_no_repeat(make_iterator):
    it = make_iterator([1, 2, 3, 4, 5], 2, repeat=False, shuffle=False)
    assert it.repeat is False
    observed = _run(it, 3)
    assert [o[0] for o in observed] == [[1, 2], [3, 4], [5]]
    assert [o[1] for o in observed] == [0, 0, 1]
    assert [o[2] for o in observed] == pytest.approx([0.4, 0.8, 1.0])
    assert [o[4] for o in observed] == [False, False, True]
    for _ in range(2):
        with pytest.raises(StopIteration):
            next(it)
    assert it.epoch == 1


def test_no_repeat_for_loop(make_iterator):
    it = make_iterator(list(range(4)), 2, repeat=False, shuffle=False)
    assert list(it) == [[0, 1], [2, 3]]


def test_no_repeat_shuffled_covers_dataset_once(make_iterator):
    it = make_iterator(list(range(10)), 3, repeat=False, shuffle=True)
    batches = list(it)
    assert [len(b) for b in batches] == [3, 3, 3, 1]
    assert sorted(sum(batches, [])) == list(range(10))


def _reference_batches(n, batch_size, orders, count):
    """Batches a serial walk over the given successive orders produces."""
    stream = numpy.concatenate(orders)
    return [stream[i * batch_size:(i + 1) * batch_size].tolist()
            for i in range(count)]


def test_shuffle_uses_global_random_state(make_iterator):
    numpy.random.seed(7)
    it = make_iterator(list(range(7)), 3)
    batches = [next(it) for _ in range(4)]
    rs = numpy.random.RandomState(7)
    orders = [rs.permutation(7) for _ in range(3)]
    assert batches == _reference_batches(7, 3, orders, 4)


def test_explicit_shuffle_true(make_iterator):
    numpy.random.seed(3)
    it = make_iterator(list(range(6)), 2, shuffle=True)
    batches = [next(it) for _ in range(6)]
    rs = numpy.random.RandomState(3)
    orders = [rs.permutation(6) for _ in range(2)]
    assert batches == _reference_batches(6, 2, orders, 6)
    assert sorted(sum(batches[:3], [])) == list(range(6))


class RotateSampler(iterators.OrderSampler):

    def __init__(self):
        self.calls = []

    def __call__(self, current_order, current_position):
        self.calls.append((list(current_order), current_position))
        return numpy.roll(current_order, 1)


def test_order_sampler_calls(make_iterator):
    sampler = RotateSampler()
    it = make_iterator([10, 11, 12, 13, 14], 2, order_sampler=sampler)
    assert it.order_sampler is sampler
    assert [next(it) for _ in range(6)] == [
        [14, 10], [11, 12], [13, 13], [14, 10], [11, 12], [12, 13]]
    # Iterators that prefetch may already have asked for later orders.
    assert sampler.calls[:3] == [
        ([0, 1, 2, 3, 4], 0), ([4, 0, 1, 2, 3], 4), ([3, 4, 0, 1, 2], 3)]


def test_order_sampler_wrong_length(make_iterator):
    def sampler(order, position):
        return numpy.arange(len(order) + (position > 0 or len(order) == 4))

    it = make_iterator([0, 1, 2], 2, order_sampler=sampler)
    with pytest.raises(ValueError):
        for _ in range(3):
            next(it)


def test_shuffle_with_order_sampler_raises(make_iterator):
    for shuffle in (True, False):
        with pytest.raises(ValueError):
            make_iterator([1, 2], 1, shuffle=shuffle,
                          order_sampler=RotateSampler())


def test_default_order_sampler_is_shuffle(make_iterator):
    assert isinstance(make_iterator([1], 1).order_sampler,
                      iterators.ShuffleOrderSampler)
    assert isinstance(make_iterator([1], 1, shuffle=True).order_sampler,
                      iterators.ShuffleOrderSampler)
    assert make_iterator([1], 1, shuffle=False).order_sampler is None


def test_repeat_empty_dataset_raises(make_iterator):
    it = make_iterator([], 2)
    with pytest.raises(ValueError):
        next(it)


def test_reset(make_iterator):
    it = make_iterator([1, 2, 3], 2, shuffle=False)
    next(it)
    next(it)
    it.reset()
    assert it.epoch == 0
    assert it.epoch_detail == 0
    assert it.previous_epoch_detail is None
    assert it.is_new_epoch is False
    assert next(it) == [1, 2]


def test_reset_after_stop(make_iterator):
    it = make_iterator([1, 2, 3], 2, repeat=False, shuffle=False)
    assert list(it) == [[1, 2], [3]]
    it.reset()
    assert list(it) == [[1, 2], [3]]


def test_tuple_dataset_examples(make_iterator):
    from chainer import datasets
    d = datasets.TupleDataset(numpy.arange(4), numpy.arange(4) * 2)
    it = make_iterator(d, 3, shuffle=False)
    assert next(it) == [(0, 0), (1, 2), (2, 4)]
    assert next(it) == [(3, 6), (0, 0), (1, 2)]


def test_serialize_round_trip(make_iterator):
    data = list(range(7))
    it = make_iterator(data, 2, order_sampler=iterators.ShuffleOrderSampler(
        numpy.random.RandomState(0)))
    for _ in range(4):
        next(it)
    saver = DictSerializer()
    it.serialize(saver)
    assert set(saver.target) == {'current_position', 'epoch', 'is_new_epoch',
                                 'order', 'previous_epoch_detail'}
    assert saver.target['current_position'] == 1
    assert saver.target['epoch'] == 1
    assert saver.target['is_new_epoch'] is True
    assert saver.target['previous_epoch_detail'] == pytest.approx(6 / 7)

    other = make_iterator(data, 2, order_sampler=iterators.ShuffleOrderSampler(
        numpy.random.RandomState(99)))
    next(other)
    other.serialize(DictDeserializer(saver.target))
    assert other.epoch == 1
    assert other.current_position == 1
    assert other.is_new_epoch is True
    assert other.epoch_detail == pytest.approx(8 / 7)
    assert other.previous_epoch_detail == pytest.approx(6 / 7)
    # The rest of the epoch follows the restored order.
    for _ in range(3):
        assert next(other) == next(it)
    assert other.is_new_epoch and other.epoch == 2


def test_serialize_without_order(make_iterator):
    it = make_iterator([1, 2, 3, 4, 5], 2, shuffle=False)
    next(it)
    next(it)
    next(it)
    saver = DictSerializer()
    it.serialize(saver)
    assert 'order' not in saver.target
    other = make_iterator([1, 2, 3, 4, 5], 2, shuffle=False)
    other.serialize(DictDeserializer(saver.target))
    assert other.is_new_epoch is True
    assert next(other) == [2, 3]
    assert other.epoch_detail == pytest.approx(1.6)


def test_deserialize_legacy_order_key(make_iterator):
    it = make_iterator([0, 1, 2, 3], 2, order_sampler=RotateSampler())
    target = {'current_position': 2, 'epoch': 0, 'is_new_epoch': False,
              '_order': numpy.array([3, 2, 1, 0]),
              'previous_epoch_detail': 0.0}
    it.serialize(DictDeserializer(target))
    assert next(it) == [1, 0]


@pytest.mark.parametrize('position, epoch, expected', [
    (3, 1, 1.2),   # 1 + (3 - 2) / 5
    (1, 1, 0.8),   # 1 + (1 - 2) / 5
    (1, 0, 0.0),   # clipped at zero
    (0, 0, None),  # nothing read yet
])
def test_deserialize_without_previous_epoch_detail(
        make_iterator, position, epoch, expected):
    it = make_iterator(list(range(5)), 2, shuffle=False)
    target = {'current_position': position, 'epoch': epoch,
              'is_new_epoch': False}
    it.serialize(DictDeserializer(target))
    if expected is None:
        assert it.previous_epoch_detail is None
    else:
        assert it.previous_epoch_detail == pytest.approx(expected)


def test_same_batches_as_serial(make_iterator):
    data = numpy.arange(23) * 3
    expected_it = iterators.SerialIterator(
        data, 4, order_sampler=iterators.ShuffleOrderSampler(
            numpy.random.RandomState(5)))
    it = make_iterator(data, 4, order_sampler=iterators.ShuffleOrderSampler(
        numpy.random.RandomState(5)))
    for _ in range(20):
        assert [int(x) for x in next(it)] == \
            [int(x) for x in next(expected_it)]
        assert it.epoch_detail == expected_it.epoch_detail
        assert it.is_new_epoch == expected_it.is_new_epoch
