"""Class-level parameterization of tests."""
import itertools
import types
import unittest

from cupy.testing import _bundle
from cupy.testing import _pytest_impl


def _param_to_str(obj):
    if isinstance(obj, type):
        return obj.__name__
    elif hasattr(obj, '__name__') and isinstance(obj.__name__, str):
        # Classes, functions and modules read better by name than by repr.
        return obj.__name__
    return repr(obj)


def _shorten(s, maxlen):
    # Shortens the string down to maxlen by replacing the middle part with
    # '...', so that long parameters keep both ends readable.
    ellipsis = '...'
    if len(s) <= maxlen:
        return s
    n1 = (maxlen - len(ellipsis)) // 2
    n2 = maxlen - len(ellipsis) - n1
    s = s[:n1] + ellipsis + s[-n2:]
    assert len(s) == maxlen
    return s


def _make_class_name(base_class_name, i_param, param):
    # Creates a class name (or a pytest id) for one parameter set.
    SINGLE_PARAM_MAXLEN = 100  # Length limit of a single parameter value
    PARAMS_MAXLEN = 5000  # Length limit of the whole parameters part
    param_strs = [
        '{}={}'.format(k, _shorten(_param_to_str(v), SINGLE_PARAM_MAXLEN))
        for k, v in sorted(param.items())]
    param_strs = _shorten(', '.join(param_strs), PARAMS_MAXLEN)
    cls_name = '{}_param_{}_{{{}}}'.format(
        base_class_name, i_param, param_strs)
    return cls_name


def _parameterize_test_case_generator(base, params):
    for i, param in enumerate(params):
        yield _parameterize_test_case(base, i, param)


def _parameterize_test_case(base, i, param):
    cls_name = _make_class_name(base.__name__, i, param)

    def __repr__(self):
        name = base.__repr__(self)
        return '<%s  parameter: %s>' % (name, param)

    mb = {'__repr__': __repr__}
    for k, v in sorted(param.items()):
        if isinstance(v, types.FunctionType):
            # A plain function stored as a class attribute would become a
            # method and receive ``self``; wrap it so ``self.k(x)`` calls
            # ``v(x)`` as the parameter's author meant.
            def create_new_v():
                f = v

                def new_v(self, *args, **kwargs):
                    return f(*args, **kwargs)
                return new_v

            mb[k] = create_new_v()
        else:
            mb[k] = v

    return (cls_name, mb, lambda method: method)


def parameterize(*params, **kwargs):
    """Generates test classes with given sets of additional attributes.

    For a ``unittest.TestCase`` subclass, one subclass per parameter set is
    created in the class's module, named ``TestX_param_<i>_{<params>}``, and
    the original class is removed. Any other class is parametrized with
    pytest: each test gets one id per parameter set and the parameters are
    set as instance attributes.

    >>> @parameterize({"a": 1}, {"b": 2, "c": 3})
    ... class TestX(unittest.TestCase):
    ...     def test_y(self):
    ...         pass

    Parameters
    ----------
    *params : dict
        Parameter sets; each maps attribute names to values.
    **kwargs
        Options of the pytest implementation (not allowed for
        ``unittest.TestCase`` subclasses).

    Returns
    -------
    callable
        The class decorator.
    """
    def f(cls):
        if issubclass(cls, unittest.TestCase):
            assert not kwargs
            deco = _bundle.make_decorator(
                lambda base: _parameterize_test_case_generator(base, params))
        else:
            deco = _pytest_impl.parameterize(*params, **kwargs)
        return deco(cls)
    return f


def product(parameter):
    """Returns the cartesian product of parameter values as dicts.

    Parameters
    ----------
    parameter : dict
        Maps each name to a sequence of values.

    Returns
    -------
    list of dict
        One dict per combination, keys sorted, e.g.
        ``product({'a': [1, 2], 'b': [3]})`` gives
        ``[{'a': 1, 'b': 3}, {'a': 2, 'b': 3}]``.
    """
    assert isinstance(parameter, dict)
    keys = sorted(parameter)
    values = [parameter[key] for key in keys]
    values_product = itertools.product(*values)
    return [dict(zip(keys, vals)) for vals in values_product]


def product_dict(*parameters):
    """Returns the product of lists of parameter dicts, merged.

    Parameters
    ----------
    *parameters : list of dict
        Each list holds alternative parameter dicts.

    Returns
    -------
    list of dict
        One merged dict per choice of one dict from each list, e.g.
        ``product_dict([{'a': 1}, {'a': 2}], [{'b': 3}])`` gives
        ``[{'a': 1, 'b': 3}, {'a': 2, 'b': 3}]``.
    """
    return [
        {k: v for dic in dicts for k, v in dic.items()}
        for dicts in itertools.product(*parameters)]
