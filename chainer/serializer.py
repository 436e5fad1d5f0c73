"""Serializer interfaces.

A serializer is called as ``serializer(key, value)`` and indexed as
``serializer[child_name]`` to descend into a child object.  A
:class:`Serializer` records the value and returns it; a
:class:`Deserializer` returns the loaded value (filling arrays in place).
"""


class AbstractSerializer(object):
    """Common interface of serializers and deserializers."""

    def __getitem__(self, key):
        """Return a serializer for the child ``key``."""
        raise NotImplementedError

    def __call__(self, key, value):
        """Save or load ``value`` under ``key``; returns the value."""
        raise NotImplementedError


class Serializer(AbstractSerializer):
    """Base class of serializers (writers)."""

    def save(self, obj):
        """Serialize ``obj`` (anything with a ``serialize`` method)."""
        obj.serialize(self)


class Deserializer(AbstractSerializer):
    """Base class of deserializers (readers)."""

    def load(self, obj):
        """Load ``obj`` (anything with a ``serialize`` method)."""
        obj.serialize(self)
