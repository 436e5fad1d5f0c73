"""Generation of test case classes out of a template class.

Used by :func:`cupy.testing.parameterize` for ``unittest.TestCase``
subclasses: unittest collects classes, not parameter sets, so one concrete
class per parameter set is created and published in the template's module.
"""
import inspect
import sys


def make_decorator(test_case_generator):
    """Returns a class decorator that replaces a class by generated ones.

    Parameters
    ----------
    test_case_generator : callable
        Receives the template class and returns an iterable of 3-tuples
        ``(class_name, members, method_generator)``. ``members`` is a dict of
        class attributes for the generated class; ``method_generator``
        receives each original ``test_*`` method and returns the method to
        install in its place (``None`` disables the test).

    Returns
    -------
    callable
        A decorator that publishes the generated classes in the template's
        module and returns ``None``, so that the template itself is not
        collected.
    """

    def f(cls):
        module_name = cls.__module__
        module = sys.modules[module_name]
        assert module.__name__ == module_name
        for cls_name, members, method_generator in test_case_generator(cls):
            _generate_case(
                cls, module, cls_name, members, method_generator)
        # The template is removed: its tests would run without parameters.
        return None
    return f


def _generate_case(base, module, cls_name, mb, method_generator):
    members = mb.copy()
    base_methods = inspect.getmembers(base, predicate=inspect.isfunction)
    for name, value in base_methods:
        if not name.startswith('test_'):
            continue
        # A None value shadows the inherited test, which collectors ignore.
        members[name] = method_generator(value)

    cls = type(cls_name, (base,), members)
    cls.__module__ = module.__name__
    setattr(module, cls_name, cls)
