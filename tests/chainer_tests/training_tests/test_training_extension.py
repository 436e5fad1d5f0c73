import pytest

from chainer import training


def test_defaults():
    class MyExt(training.Extension):
        def __call__(self, trainer):
            pass

    ext = MyExt()
    assert ext.trigger == (1, 'iteration')
    assert ext.priority == training.PRIORITY_READER
    assert ext.default_name == 'MyExt'
    assert ext.name is None
    ext.finalize()
    ext.initialize(None)
    ext.on_error(None, None, None)
    ext.serialize(None)


def test_call_not_implemented():
    with pytest.raises(NotImplementedError):
        training.Extension()(None)


def test_removed_attribute_message():
    with pytest.raises(AttributeError, match='initialize'):
        training.Extension().invoke_before_training


def test_priorities():
    assert training.PRIORITY_WRITER > training.PRIORITY_EDITOR > \
        training.PRIORITY_READER


def test_make_extension():
    def init(trainer):
        pass

    def fin():
        pass

    def err(trainer, exc, tb):
        pass

    @training.make_extension(trigger=(2, 'epoch'), default_name='named',
                             priority=training.PRIORITY_WRITER,
                             finalizer=fin, initializer=init, on_error=err)
    def ext(trainer):
        pass

    assert ext.trigger == (2, 'epoch')
    assert ext.default_name == 'named'
    assert ext.priority == training.PRIORITY_WRITER
    assert ext.finalize is fin
    assert ext.initialize is init
    assert ext.on_error is err


def test_make_extension_defaults():
    @training.make_extension()
    def ext(trainer):
        pass

    assert ext.trigger == (1, 'iteration')
    assert ext.default_name == 'ext'
    assert ext.priority == training.PRIORITY_READER
    assert ext.finalize is None
    assert ext.initialize is None


def test_make_extension_removed_option():
    with pytest.raises(ValueError):
        training.make_extension(invoke_before_training=True)
    with pytest.raises(TypeError):
        training.make_extension(unknown=True)
