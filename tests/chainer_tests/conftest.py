def pytest_configure(config):
    # Markers applied by chainer.testing.attr.
    for name in ('gpu', 'cudnn', 'ideep', 'chainerx'):
        config.addinivalue_line('markers', '{}: chainer test marker'.format(
            name))
