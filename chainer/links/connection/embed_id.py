"""Word-embedding layer."""
import chainer
from chainer import initializers
from chainer import link
from chainer import variable


class EmbedID(link.Link):
    """Look up rows of ``W`` by integer IDs.

    Parameters
    ----------
    in_size : int
        Vocabulary size.
    out_size : int
        Embedding size.
    initialW : initializer, optional
        Defaults to ``Normal(1.0)``.
    ignore_label : int or None
        IDs equal to it produce zero vectors.

    Attributes
    ----------
    W : Parameter
        Shape ``(in_size, out_size)``.

    Examples
    --------
    >>> emb = chainer.links.EmbedID(10, 4)
    >>> emb.W.shape
    (10, 4)
    """

    ignore_label = None

    def __init__(self, in_size, out_size, initialW=None, ignore_label=None):
        super(EmbedID, self).__init__()
        self.ignore_label = ignore_label
        with self.init_scope():
            if initialW is None:
                initialW = initializers.Normal(1.0)
            self.W = variable.Parameter(
                initializers._get_initializer(initialW), (in_size, out_size))

    def forward(self, x):
        """Return the embeddings of the integer array ``x``."""
        return chainer.functions.embed_id(
            x, self.W, ignore_label=self.ignore_label)
