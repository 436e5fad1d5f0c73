import threading

import numpy
import pytest

import chainer
from chainer import configuration
from chainer import reporter
from chainer import serializers


class TestReporter(object):

    def test_empty_reporter(self):
        assert reporter.Reporter().observation == {}

    def test_enter_exit(self):
        reporter1 = reporter.Reporter()
        reporter2 = reporter.Reporter()
        with reporter1:
            assert reporter.get_current_reporter() is reporter1
            with reporter2:
                assert reporter.get_current_reporter() is reporter2
            assert reporter.get_current_reporter() is reporter1

    def test_scope(self):
        reporter1 = reporter.Reporter()
        observation = {}
        with reporter1:
            with reporter1.scope(observation):
                reporter.report({'x': 1})
        assert observation == {'x': 1}
        # The previous observation comes back after the scope.
        assert reporter1.observation == {}

    def test_scope_restores_on_error(self):
        r = reporter.Reporter()
        old = r.observation
        with pytest.raises(ZeroDivisionError):
            with r.scope({}):
                1 / 0
        assert r.observation is old
        with pytest.raises(IndexError):
            reporter.get_current_reporter()

    def test_add_observer(self):
        r = reporter.Reporter()
        observer = object()
        r.add_observer('o', observer)
        r.report({'x': 1}, observer)
        assert r.observation == {'o/x': 1}

    def test_add_observers(self):
        r = reporter.Reporter()
        o1, o2 = object(), object()
        r.add_observers('o', [('1', o1), ('2', o2)])
        r.report({'x': 1}, o1)
        r.report({'y': 2}, o2)
        assert r.observation == {'o1/x': 1, 'o2/y': 2}

    def test_report_without_observer(self):
        r = reporter.Reporter()
        r.report({'x': 1, 'y': 2})
        assert r.observation == {'x': 1, 'y': 2}

    def test_report_unregistered_observer(self):
        r = reporter.Reporter()
        with pytest.raises(KeyError):
            r.report({'x': 1}, object())

    def test_report_variable_cuts_graph(self):
        r = reporter.Reporter()
        x = chainer.Variable(numpy.array([1., 2.], numpy.float32))
        y = x * 2
        assert y.creator is not None
        r.report({'y': y})
        reported = r.observation['y']
        assert isinstance(reported, chainer.Variable)
        assert reported is not y
        assert reported.creator is None
        numpy.testing.assert_array_equal(reported.array, y.array)

    def test_keep_graph_on_report(self):
        r = reporter.Reporter()
        x = chainer.Variable(numpy.array([1., 2.], numpy.float32))
        y = x * 2
        with configuration.using_config('keep_graph_on_report', True):
            r.report({'y': y})
        assert r.observation['y'] is y
        assert r.observation['y'].creator is not None

    def test_keep_graph_default_off(self):
        assert not chainer.config.keep_graph_on_report


class TestReportFunctions(object):

    def test_report_without_reporter_is_noop(self):
        reporter.report({'x': 1})  # no current reporter: nothing happens

    def test_report_with_observer(self):
        r = reporter.Reporter()
        observer = object()
        r.add_observer('o', observer)
        with r:
            reporter.report({'x': 1}, observer)
        assert r.observation == {'o/x': 1}

    def test_report_scope(self):
        r = reporter.Reporter()
        observation = {}
        with r:
            with reporter.report_scope(observation):
                reporter.report({'x': 1})
        assert observation == {'x': 1}
        assert r.observation == {}

    def test_exported_from_chainer(self):
        assert chainer.Reporter is reporter.Reporter
        assert chainer.report is reporter.report
        assert chainer.report_scope is reporter.report_scope
        assert chainer.get_current_reporter is reporter.get_current_reporter
        assert chainer.Summary is reporter.Summary
        assert chainer.DictSummary is reporter.DictSummary

    def test_reporters_are_thread_local(self):
        r = reporter.Reporter()
        seen = []

        def run():
            try:
                reporter.get_current_reporter()
                seen.append('found')
            except IndexError:
                seen.append('none')

        with r:
            t = threading.Thread(target=run)
            t.start()
            t.join()
        assert seen == ['none']


class TestSummary(object):

    def test_mean_and_std(self):
        s = reporter.Summary()
        for v in (1., 2., 3., 6.):
            s.add(v)
        assert s.compute_mean() == pytest.approx(3.)
        mean, std = s.make_statistics()
        assert mean == pytest.approx(3.)
        assert std == pytest.approx(numpy.std([1., 2., 3., 6.]))

    def test_weighted(self):
        s = reporter.Summary()
        s.add(1., weight=3)
        s.add(5., weight=1)
        assert s.compute_mean() == pytest.approx(2.)

    def test_array_values(self):
        s = reporter.Summary()
        s.add(numpy.array(1., numpy.float32))
        s.add(numpy.array(3., numpy.float32))
        mean, std = s.make_statistics()
        assert float(mean) == pytest.approx(2.)
        assert float(std) == pytest.approx(1.)

    def test_serialize(self):
        s = reporter.Summary()
        s.add(1.)
        s.add(2.)
        target = {}
        s.serialize(serializers.DictionarySerializer(target))
        s2 = reporter.Summary()
        s2.serialize(serializers.NpzDeserializer(target))
        s2.add(3.)
        assert s2.compute_mean() == pytest.approx(2.)


class TestDictSummary(object):

    def test_add_and_mean(self):
        s = reporter.DictSummary()
        s.add({'a': 1., 'b': numpy.float32(2.)})
        s.add({'a': 3., 'b': chainer.Variable(numpy.array(4., 'f'))})
        mean = s.compute_mean()
        assert set(mean) == {'a', 'b'}
        assert float(mean['a']) == pytest.approx(2.)
        assert float(mean['b']) == pytest.approx(3.)

    def test_non_scalars_ignored(self):
        s = reporter.DictSummary()
        s.add({'a': 1., 'v': numpy.ones(3), 's': 'text',
               'var': chainer.Variable(numpy.ones(2, 'f'))})
        assert set(s.compute_mean()) == {'a'}

    def test_weighted_tuple(self):
        s = reporter.DictSummary()
        s.add({'a': (1., 3)})
        s.add({'a': (5., numpy.array(1))})
        assert float(s.compute_mean()['a']) == pytest.approx(2.)

    def test_non_scalar_weight(self):
        s = reporter.DictSummary()
        with pytest.raises(ValueError):
            s.add({'a': (1., numpy.ones(2))})

    def test_make_statistics(self):
        s = reporter.DictSummary()
        s.add({'a': 1.})
        s.add({'a': 3.})
        stats = s.make_statistics()
        assert set(stats) == {'a', 'a.std'}
        assert float(stats['a']) == pytest.approx(2.)
        assert float(stats['a.std']) == pytest.approx(1.)

    def test_serialize_round_trip(self):
        s = reporter.DictSummary()
        s.add({'a': 1., 'b': 10.})
        s.add({'a': 2.})
        target = {}
        s.serialize(serializers.DictionarySerializer(target))
        s2 = reporter.DictSummary()
        s2.add({'stale': 5.})
        s2.serialize(serializers.NpzDeserializer(target))
        mean = s2.compute_mean()
        assert set(mean) == {'a', 'b'}
        assert float(mean['a']) == pytest.approx(1.5)
        assert float(mean['b']) == pytest.approx(10.)

    def test_serialize_npz_file(self, tmp_path):
        s = reporter.DictSummary()
        s.add({'x': 4.})
        s.add({'x': 6.})
        path = str(tmp_path / 'summary.npz')
        serializers.save_npz(path, s)
        s2 = reporter.DictSummary()
        serializers.load_npz(path, s2)
        assert float(s2.compute_mean()['x']) == pytest.approx(5.)
