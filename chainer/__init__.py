"""chainer: a define-by-run autograd package with the Chainer v7 API, on NumPy and on cupy."""
__version__ = "7.8.1"
