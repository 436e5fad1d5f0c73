import numpy
import pytest

import chainer


def test_public_names():
    for name in ('Variable', 'Parameter', 'FunctionNode', 'Function',
                 'FunctionAdapter', 'grad', 'backward', 'as_variable',
                 'as_array', 'no_backprop_mode', 'force_backprop_mode',
                 'using_config', 'config', 'global_config', 'get_device',
                 'get_dtype', 'is_debug', 'set_debug', 'DebugMode',
                 'get_array_types', 'functions', 'backend', 'backends',
                 'utils'):
        assert hasattr(chainer, name), name
    assert numpy.ndarray in chainer.get_array_types()


def test_optional_module_missing_is_skipped():
    assert chainer._import_optional('no_such_submodule_xyz') is None


def test_optional_module_inner_error_propagates(tmp_path, monkeypatch):
    (tmp_path / 'broken_optional_mod.py').write_text(
        'import no_such_dependency_xyz\n')
    monkeypatch.setattr(chainer, '__path__',
                        list(chainer.__path__) + [str(tmp_path)])
    with pytest.raises(ModuleNotFoundError) as e:
        chainer._import_optional('broken_optional_mod')
    assert e.value.name == 'no_such_dependency_xyz'
