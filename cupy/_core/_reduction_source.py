"""C++ source of reduction kernels (see ``cupy._core._reduction`` for the layout they run with).

:func:`render` fills the block template: groups of threads reduce an output's range with a
shared-memory tree, split over blocks when outputs are few. The host backend runs one thread
per block, for which the loop over a lane's elements keeps several accumulators.
"""
import string

from cupy._core import _dtype

_ctype_of = _dtype.ctype_of


# The opening both kernel templates share: parameters, typedefs and indexers.
_HEAD = """\
#include <cupy/reduction.cuh>
${preamble}
#define _CUPY_REDUCE(a, b) (${reduce_expr})
extern "C" __global__ void ${name}(${params},
        const CIndexer<${in_ndim}, ${index_t}> _in_ind_param,
        const CIndexer<${out_ndim}, ${index_t}> _out_ind_param,
        const _cupy_reduce_layout _layout, char* const _partials,
        unsigned int* const _counts) {
${typedefs}
    typedef ${reduce_type} _type_reduce;
    typedef ${index_t} _index_t;
    CIndexer<${in_ndim}, ${index_t}> _in_ind = _in_ind_param;
    CIndexer<${out_ndim}, ${index_t}> _out_ind = _out_ind_param;
"""

# Every name the template substitutes, in one place (see render).
_TEMPLATE = string.Template(_HEAD + """\
    // Raw bytes: __shared__ variables cannot have constructors (complex<T> has one).
    __shared__ __align__(16) char _smem_bytes[${block_size} * sizeof(_type_reduce)];
    __shared__ bool _svalid[${block_size}];
    _type_reduce* const _smem = reinterpret_cast<_type_reduce*>(_smem_bytes);
    const unsigned int _tid = threadIdx.x;
    const _index_t _group = static_cast<_index_t>(_layout.group);
    const _index_t _opb = static_cast<_index_t>(_layout.opb);
    const _index_t _nsplit = static_cast<_index_t>(_layout.nsplit);
    const _index_t _lane = (_tid / _layout.lane_div) % _group;
    const _index_t _slot = (_tid / _layout.out_div) % _opb;
    const _index_t _out_size = static_cast<_index_t>(_out_ind.size());
    const _index_t _red_size = _out_size == 0 ? 0 : static_cast<_index_t>(_in_ind.size()) / _out_size;
    const _index_t _nv = _out_size * _nsplit;
    // The loop bound depends on blockIdx only, so every thread reaches the same barriers.
    for (_index_t _vbase = static_cast<_index_t>(blockIdx.x) * _opb; _vbase < _nv;
         _vbase += static_cast<_index_t>(gridDim.x) * _opb) {
        const _index_t _v = _vbase + _slot;
        const bool _active = _v < _nv;
        const _index_t _o = _active ? _v / _nsplit : 0;
        ${acc_init}
        if (_active) {
            const _index_t _begin = (_v % _nsplit) * static_cast<_index_t>(_layout.chunk);
            _index_t _end = _begin + static_cast<_index_t>(_layout.chunk);
            if (_end > _red_size) _end = _red_size;
${loop}
        }
        _smem[_tid] = _acc;
        _svalid[_tid] = _valid;
        __syncthreads();
        for (_index_t _s = _group / 2; _s > 0; _s /= 2) {
            if (_lane < _s) {
                const unsigned int _peer = _tid + static_cast<unsigned int>(_s * _layout.lane_div);
                if (_svalid[_peer]) {
                    if (_svalid[_tid]) {
                        const _type_reduce _l = _smem[_tid];
                        const _type_reduce _r = _smem[_peer];
                        _smem[_tid] = _CUPY_REDUCE(_l, _r);
                    } else {
                        _smem[_tid] = _smem[_peer];
                        _svalid[_tid] = true;
                    }
                }
            }
            __syncthreads();
        }
        if (_active && _lane == 0) {
            _type_reduce _res = _smem[_tid];
            bool _last = true;
            if (_nsplit > 1) {
                // Every part of a split range is non-empty, so every partial is valid.
                *reinterpret_cast<_type_reduce*>(_partials + _v * CUPY_REDUCE_PARTIAL_BYTES) = _res;
                __threadfence();
                const unsigned int _done = atomicAdd(_counts + _o, 1u);
                _last = _done == static_cast<unsigned int>(_nsplit - 1);
                if (_last) {
                    __threadfence();
                    const char* _p = _partials + _o * _nsplit * CUPY_REDUCE_PARTIAL_BYTES;
                    _res = *reinterpret_cast<const _type_reduce*>(_p);
                    for (_index_t _k = 1; _k < _nsplit; ++_k) {
                        const _type_reduce _r = *reinterpret_cast<const _type_reduce*>(
                            _p + _k * CUPY_REDUCE_PARTIAL_BYTES);
                        const _type_reduce _l = _res;
                        _res = _CUPY_REDUCE(_l, _r);
                    }
                }
            }
            if (_last) {
                _out_ind.set(_o);
${out_loads}
                {
                    _type_reduce a = _res;
                    ${post_map_expr};
                }
${out_stores}
            }
        }
        __syncthreads();
    }
}
#undef _CUPY_REDUCE
""")

# The reduced range walked with the multi-index recomputed per element (any layout).
_LOOP_INDEXED = """\
            for (_index_t _J = _begin + _lane; _J < _end; _J += _group) {
                _in_ind.set(_o * _red_size + _J);
${loads}
                const _type_reduce _x = static_cast<_type_reduce>(${map_expr});
                ${acc_update}
            }"""
# When the reduced axes merge into one, consecutive elements of a lane are one stride apart:
# the first element's address is computed once and then stepped, which saves the per-element
# index arithmetic (a division per axis).
_LOOP_STEPPED = """\
            if (_begin + _lane < _end) {
                _in_ind.set(_o * _red_size + _begin + _lane);
${pointers}
                for (_index_t _J = _begin + _lane; _J < _end; _J += _group) {
${loads}
                    const _type_reduce _x = static_cast<_type_reduce>(${map_expr});
                    ${acc_update}
                }
            }"""

# The stepped loop with ``${unroll}`` accumulators: each takes every ``unroll``-th element of
# the lane, so the combining operations of consecutive elements do not wait on each other (a
# single accumulator serializes on the latency of ``reduce_expr``). The accumulators are an
# array updated by a loop, which g++ vectorizes when the lane's elements are consecutive in
# every input (then a step's loads are indexed from one address). Without an identity the
# first ``unroll`` elements initialize the accumulators, so the loop needs no validity checks.
# ``_J`` is declared per element for map expressions that read the position.
_LOOP_UNROLLED = """\
            if (_begin + _lane < _end) {
                _in_ind.set(_o * _red_size + _begin + _lane);
${pointers}
                _index_t _Jb = _begin + _lane;
                if (_Jb + ${last_offset} * _group < _end) {
                    _type_reduce _accs[${unroll}];
${init}
                    if (${dense}) {
${dense_pass}
                    } else {
${stepped_pass}
                    }
                    _acc = _accs[0];
                    for (int _u = 1; _u < ${unroll}; ++_u) {
                        const _type_reduce _l = _acc;
                        _acc = _CUPY_REDUCE(_l, _accs[_u]);
                    }
                }
                for (_index_t _J = _Jb; _J < _end; _J += _group) {
${loads}
                    const _type_reduce _x = static_cast<_type_reduce>(${map_expr});
                    ${acc_update}
                }
            }"""

# One pass of the unrolled loop: the dense variant (indexed loads) also advances the inputs'
# pointers, the stepped one (``advance`` empty) re-derives them from ``_J``.
_UNROLLED_PASS = """\
                        for (; _Jb + ${last_offset} * _group < _end; _Jb += ${unroll} * _group) {
                            for (int _u = 0; _u < ${unroll}; ++_u) {
                                const _index_t _J = _Jb + _u * _group;
${loads}
                                const _type_reduce _x = static_cast<_type_reduce>(${map_expr});
                                const _type_reduce _l = _accs[_u];
                                _accs[_u] = _CUPY_REDUCE(_l, _x);
                            }${advance}
                        }"""

_ACC_IDENTITY = ("_type_reduce _acc = static_cast<_type_reduce>({identity});\n"
                 "        const bool _valid = true;")
_UPDATE_IDENTITY = "{ const _type_reduce _l = _acc; _acc = _CUPY_REDUCE(_l, _x); }"
# Without an identity a thread's value is undefined until it has seen one element.
_ACC_NO_IDENTITY = "_type_reduce _acc;\n        bool _valid = false;"
_UPDATE_NO_IDENTITY = ("if (_valid) { const _type_reduce _l = _acc; _acc = _CUPY_REDUCE(_l, _x); }"
                       " else { _acc = _x; _valid = true; }")


def _render_unrolled(spec, code, acc_update, unroll):
    ind = " " * 20
    if spec.identity is not None:
        init = ind + f"for (int _u = 0; _u < {unroll}; ++_u) _accs[_u] = _acc;"
    else:
        init = "\n".join(
            [ind + f"for (int _u = 0; _u < {unroll}; ++_u) {{",
             ind + "    const _index_t _J = _Jb + _u * _group;"]
            + [ind + "    " + x for x in code.stepped_loads]
            + [ind + f"    _accs[_u] = static_cast<_type_reduce>({spec.map_expr});",
               ind + "}",
               ind + "_valid = true;",
               ind + f"_Jb += {unroll} * _group;"])
    def unrolled_pass(loads, advance):
        return string.Template(_UNROLLED_PASS).substitute(
            last_offset=unroll - 1, unroll=unroll, loads=_indent(loads, 32),
            advance="\n" + _indent(advance, 28) if advance else "", map_expr=spec.map_expr)

    return string.Template(_LOOP_UNROLLED).substitute(
        pointers="\n".join("                " + line for p in code.pointers
                           for line in p.split("\n")),
        last_offset=unroll - 1, unroll=unroll, init=init,
        dense=" && ".join(code.dense_checks) or "false",
        dense_pass=unrolled_pass(code.dense_loads, [f"_p_{name} += {unroll} * _d_{name};"
                                                    for name, _, _ in code.inputs]),
        stepped_pass=unrolled_pass(code.stepped_loads, []),
        loads=_indent(code.stepped_loads, 20),
        map_expr=spec.map_expr, acc_update=acc_update)


def _carray_type(dtype, ndim, contig, index_t):
    return (f"CArray<{_ctype_of(dtype)}, {ndim}, {'true' if contig else 'false'}, "
            f"{index_t}>")


class _ArgCode:
    """The per-argument pieces of a kernel's source."""

    def __init__(self, args, in_ndim, index_t):
        self.params, self.loads, self.out_loads, self.out_stores = [], [], [], []
        self.pointers, self.stepped_loads = [], []
        # Loads of the ``_u``-th element of a step, and the conditions under which they are
        # right: the lane's elements are consecutive.
        self.dense_loads, self.dense_checks = [], []
        self.inputs = []        # (name, variable type, storage type) of non-raw array inputs
        for k in args:
            if not k.is_array:
                self.params.append(f"const {_ctype_of(k.var_dtype)} {k.name}")
                continue
            ctype = _carray_type(k.storage_dtype, k.ndim, k.c_contiguous, index_t)
            if k.raw:
                self.params.append(f"const {ctype} {k.name}")
                continue
            self.params.append(f"const {ctype} _raw_{k.name}")
            var_t = _ctype_of(k.var_dtype)
            st = _ctype_of(k.storage_dtype)
            cast = k.storage_dtype != k.var_dtype
            if k.is_output:
                elem = f"_raw_{k.name}[_out_ind.get()]"
                if not cast:
                    self.out_loads.append(f"{var_t} &{k.name} = {elem};")
                else:
                    self.out_loads.append(f"{var_t} {k.name};")
                    self.out_stores.append(f"{elem} = _cupy_cast<{st}>({k.name});")
                continue
            self.inputs.append((k.name, var_t, st if cast else None))
            elem = f"_raw_{k.name}[_in_ind.get()]"
            self.loads.append(f"const {var_t} {k.name} = "
                              + (f"_cupy_cast<{var_t}>({elem});" if cast else f"{elem};"))
            self.pointers.append(
                f"const char* _p_{k.name} = reinterpret_cast<const char*>(&{elem});\n"
                f"const ptrdiff_t _d_{k.name} = _raw_{k.name}.strides()[{in_ndim - 1}] * "
                f"static_cast<ptrdiff_t>(_group);")
            self.stepped_loads.append(
                f"const {var_t} {k.name} = {_load(var_t, st if cast else None, f'_p_{k.name}')}; "
                f"_p_{k.name} += _d_{k.name};")
            self.dense_loads.append(
                f"const {var_t} {k.name} = " + _cast(
                    var_t, st if cast else None,
                    f"reinterpret_cast<const {st}*>(_p_{k.name})[_u]") + ";")
            self.dense_checks.append(f"_d_{k.name} == static_cast<ptrdiff_t>(sizeof({st}))")


def _load(var_t, cast_from, address):
    """C++ expression reading a ``var_t`` stored at ``address`` (a ``const char*``), stored as
    ``cast_from`` when that is not None."""
    return _cast(var_t, cast_from, f"*reinterpret_cast<const {cast_from or var_t}*>({address})")


def _cast(var_t, cast_from, value):
    return value if cast_from is None else f"_cupy_cast<{var_t}>({value})"


def _indent(lines, n):
    return "\n".join(" " * n + x for x in lines)


def render(spec, args, in_ndim, out_ndim, use_int32, block_size, stepped, unroll):
    """Source of the block kernel (see the module docstring)."""
    index_t = "int" if use_int32 else "ptrdiff_t"
    code = _ArgCode(args, in_ndim, index_t)
    has_identity = spec.identity is not None
    acc_update = _UPDATE_IDENTITY if has_identity else _UPDATE_NO_IDENTITY
    if stepped and unroll > 1:
        loop = _render_unrolled(spec, code, acc_update, unroll)
    elif stepped:
        loop = string.Template(_LOOP_STEPPED).substitute(
            pointers="\n".join("                " + line for p in code.pointers
                               for line in p.split("\n")),
            loads=_indent(code.stepped_loads, 20),
            map_expr=spec.map_expr, acc_update=acc_update)
    else:
        loop = string.Template(_LOOP_INDEXED).substitute(
            loads=_indent(code.loads, 16), map_expr=spec.map_expr, acc_update=acc_update)
    return _TEMPLATE.substitute(
        _common(spec, code, in_ndim, out_ndim, index_t),
        block_size=block_size,
        acc_init=(_ACC_IDENTITY.format(identity=spec.identity) if has_identity
                  else _ACC_NO_IDENTITY),
        loop=loop,
    )


def _common(spec, code, in_ndim, out_ndim, index_t):
    """The substitutions both templates share."""
    return dict(
        preamble=spec.preamble,
        reduce_expr=spec.reduce_expr.replace("\n", " "),
        name=spec.name,
        params=", ".join(code.params),
        in_ndim=in_ndim,
        out_ndim=out_ndim,
        index_t=index_t,
        typedefs="".join(f"    typedef {c} {alias};\n" for alias, c in spec.typedefs),
        reduce_type=spec.reduce_type,
        out_loads=_indent(code.out_loads, 16),
        post_map_expr=spec.post_map_expr,
        out_stores=_indent(code.out_stores, 16),
    )


# --- tiles of outputs (host) -------------------------------------------------------------------

# One thread reduces ``${tile}`` consecutive outputs together, walking their reduced ranges in
# step: when an outer axis is reduced, the tile's elements of one step are neighbours in memory
# (a few cache lines instead of ``tile``), and the accumulators are independent. The tile's
# accumulators are an array updated by loops over the tile, which g++ vectorizes (independent
# scalars it does not). Runs of at most ``_layout.chunk`` elements are reduced first and then
# combined, as the block kernel splits long ranges, which keeps float32 sums about as accurate
# as pairwise summation. Every run starts from its first element, so no identity is needed and
# the loop has no branches.
_TEMPLATE_TILED = string.Template(_HEAD + """\
    const _index_t _out_size = static_cast<_index_t>(_out_ind.size());
    const _index_t _red_size = static_cast<_index_t>(_in_ind.size()) / _out_size;
    const _index_t _run = static_cast<_index_t>(_layout.chunk);
    const _index_t _ntiles = (_out_size + ${tile} - 1) / ${tile};
    for (_index_t _tile = blockIdx.x; _tile < _ntiles; _tile += gridDim.x) {
        const _index_t _o0 = _tile * ${tile};
        // The last tile may be partial: its missing outputs repeat the last one, unstored.
        const _index_t _tile_len = _out_size - _o0 < ${tile} ? _out_size - _o0 : ${tile};
${bases}
        for (int _tt = 0; _tt < ${tile}; ++_tt) {
            _in_ind.set((_o0 + (_tt < _tile_len ? _tt : _tile_len - 1)) * _red_size);
${base_sets}
        }
        // Outputs one element apart in every input: a step reads one row of consecutive
        // elements.
        bool _dense = true;
        for (int _tt = 1; _tt < ${tile}; ++_tt) {
${dense}
        }
        _type_reduce _acc[${tile}], _part[${tile}];
        for (_index_t _r0 = 0; _r0 < _red_size; _r0 += _run) {
            const _index_t _r1 = _red_size - _r0 < _run ? _red_size : _r0 + _run;
            {
                const _index_t _J = _r0;
${offsets}
                for (int _tt = 0; _tt < ${tile}; ++_tt) {
${first}
                }
            }
            if (_dense) {
                for (_index_t _J = _r0 + 1; _J < _r1; ++_J) {
${offsets_dense}
                    for (int _tt = 0; _tt < ${tile}; ++_tt) {
${step_dense}
                    }
                }
            } else {
                for (_index_t _J = _r0 + 1; _J < _r1; ++_J) {
${offsets_inner}
                    for (int _tt = 0; _tt < ${tile}; ++_tt) {
${step}
                    }
                }
            }
            if (_r0 == 0) {
                for (int _tt = 0; _tt < ${tile}; ++_tt) _acc[_tt] = _part[_tt];
            } else {
                for (int _tt = 0; _tt < ${tile}; ++_tt) {
                    const _type_reduce _l = _acc[_tt];
                    _acc[_tt] = _CUPY_REDUCE(_l, _part[_tt]);
                }
            }
        }
        for (int _tt = 0; _tt < _tile_len; ++_tt) {
            _out_ind.set(_o0 + _tt);
${out_loads}
            { _type_reduce a = _acc[_tt]; ${post_map_expr}; }
${out_stores}
        }
    }
}
#undef _CUPY_REDUCE
""")


PREFETCH_STEPS = 8


def tile_size(args):
    """Outputs per thread in the tiled kernel: four cache lines of the widest input."""
    width = max((k.storage_dtype.itemsize for k in args
                 if k.is_array and not k.raw and not k.is_output), default=8)
    return min(64, max(8, 256 // width))


def render_tiled(spec, args, in_ndim, out_ndim, use_int32, tile):
    """Source of the tiled kernel: one thread per ``tile`` consecutive outputs, one reduced
    axis (merged) of at least two elements, stepped by its stride."""
    index_t = "int" if use_int32 else "ptrdiff_t"
    code = _ArgCode(args, in_ndim, index_t)
    bases, base_sets, dense, offsets, prefetch, rows = [], [], [], [], [], []
    element, element_dense = [], []
    for name, var_t, cast_from in code.inputs:
        st = cast_from or var_t
        bases.append(f"const char* _q_{name}[{tile}];")
        base_sets.append(
            f"_q_{name}[_tt] = reinterpret_cast<const char*>(&_raw_{name}[_in_ind.get()]);")
        dense.append(f"_dense &= _q_{name}[_tt] - _q_{name}[0] == "
                     f"_tt * static_cast<ptrdiff_t>(sizeof({st}));")
        offsets.append(f"const ptrdiff_t _off_{name} = static_cast<ptrdiff_t>(_J) * "
                       f"_raw_{name}.strides()[{in_ndim - 1}];")
        # Steps are often more than a page apart, where the hardware prefetcher stops.
        prefetch.append(
            f"for (int _b = 0; _b < {tile} * static_cast<int>(sizeof({st})); _b += 64) "
            f"__builtin_prefetch(_q_{name}[0] + _off_{name} + {PREFETCH_STEPS} * "
            f"_raw_{name}.strides()[{in_ndim - 1}] + _b);")
        rows.append(f"const {st}* const _row_{name} = "
                    f"reinterpret_cast<const {st}*>(_q_{name}[0] + _off_{name});")
        element.append(f"const {var_t} {name} = "
                       f"{_load(var_t, cast_from, f'_q_{name}[_tt] + _off_{name}')};")
        element_dense.append(
            f"const {var_t} {name} = {_cast(var_t, cast_from, f'_row_{name}[_tt]')};")
    mapped = f"static_cast<_type_reduce>({spec.map_expr})"
    update = [f"const _type_reduce _x = {mapped};", "const _type_reduce _l = _part[_tt];",
              "_part[_tt] = _CUPY_REDUCE(_l, _x);"]
    subs = _common(spec, code, in_ndim, out_ndim, index_t)
    return _TEMPLATE_TILED.substitute(
        subs,
        tile=tile,
        bases=_indent(bases, 8),
        base_sets=_indent(base_sets, 12),
        dense=_indent(dense, 12),
        offsets=_indent(offsets, 16),
        first=_indent(element + [f"_part[_tt] = {mapped};"], 20),
        offsets_dense=_indent(offsets + ["#ifdef __CUPY_HOST__"] + prefetch + ["#endif"]
                              + rows, 20),
        step_dense=_indent(element_dense + update, 24),
        offsets_inner=_indent(offsets, 20),
        step=_indent(element + update, 24),
        out_loads=_indent(code.out_loads, 12),
        out_stores=_indent(code.out_stores, 12),
    )
