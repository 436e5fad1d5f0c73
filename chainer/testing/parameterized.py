"""Class decorator generating one test class per parameter set."""
import itertools
import sys


def _shorten(s, maxlen=30):
    return s if len(s) <= maxlen else s[:maxlen - 3] + '...'


def _param_to_str(obj):
    if isinstance(obj, type):
        return obj.__name__
    return _shorten(repr(obj))


def parameterize(*params):
    """Generate one subclass per parameter dict, with the dict's items as
    class attributes; the decorated base class is removed (becomes None)
    so that only the generated classes are collected.

    Parameters
    ----------
    *params : dict
        Parameter sets, typically from :func:`product`.

    Examples
    --------
    >>> @testing.parameterize({'n': 1}, {'n': 2})
    ... class TestN(unittest.TestCase):
    ...     def test_positive(self):
    ...         self.assertGreater(self.n, 0)
    """
    def decorator(base):
        module = sys.modules[base.__module__]
        for i, param in enumerate(params):
            name = '{}_param_{}_{{{}}}'.format(
                base.__name__, i, ', '.join(
                    '{}={}'.format(k, _param_to_str(v))
                    for k, v in sorted(param.items())))
            members = dict(param)
            members['__module__'] = base.__module__
            # Keep the parameters visible to error reports and fixtures.
            members['_chainer_parameters'] = dict(param)
            cls = type(name, (base,), members)
            cls.__qualname__ = name
            setattr(module, name, cls)
        return None
    return decorator


def product(parameter):
    """Cartesian product of parameters.

    Parameters
    ----------
    parameter : dict of lists, or list of lists of dicts
        ``{'a': [1, 2], 'b': [3]}`` gives ``[{'a': 1, 'b': 3},
        {'a': 2, 'b': 3}]``; a list of lists of dicts merges one dict
        from each list.

    Examples
    --------
    >>> testing.product({'a': [1, 2], 'b': ['x']})
    [{'a': 1, 'b': 'x'}, {'a': 2, 'b': 'x'}]
    """
    if isinstance(parameter, dict):
        keys = sorted(parameter)
        values = [parameter[key] for key in keys]
        return [dict(zip(keys, vals)) for vals in itertools.product(*values)]
    if isinstance(parameter, list):
        if not all(isinstance(x, list) for x in parameter):
            raise TypeError('parameter must be list of lists of dicts')
        if not all(isinstance(x, dict) for lst in parameter for x in lst):
            raise TypeError('parameter must be list of lists of dicts')
        result = []
        for dict_lst in itertools.product(*parameter):
            merged = {}
            for d in dict_lst:
                merged.update(d)
            result.append(merged)
        return result
    raise TypeError(
        'parameter must be either dict or list. Actual: {}'.format(
            type(parameter)))


def product_dict(*parameters):
    """Cartesian product of lists of dicts, merging the chosen dicts.

    Examples
    --------
    >>> testing.product_dict([{'a': 1}, {'a': 2}], [{'b': 3}])
    [{'a': 1, 'b': 3}, {'a': 2, 'b': 3}]
    """
    return [{k: v for dic in dicts for k, v in dic.items()}
            for dicts in itertools.product(*parameters)]
