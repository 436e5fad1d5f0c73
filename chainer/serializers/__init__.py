"""Serializers (``chainer.serializers``): save and load links and
optimizers.

Examples
--------
>>> import io
>>> buf = io.BytesIO()
>>> src, dst = chainer.links.Linear(2, 2), chainer.links.Linear(2, 2)
>>> chainer.serializers.save_npz(buf, src)
>>> _ = buf.seek(0)
>>> chainer.serializers.load_npz(buf, dst)
>>> bool((src.W.array == dst.W.array).all())
True
"""
from chainer.serializers.npz import DictionarySerializer  # NOQA
from chainer.serializers.npz import load_npz  # NOQA
from chainer.serializers.npz import NpzDeserializer  # NOQA
from chainer.serializers.npz import save_npz  # NOQA
