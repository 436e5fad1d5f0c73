// CUDA's vector types (char1..double4 and friends, with CUDA's alignment), make_* functions,
// uint3 and dim3. All trivially copyable and trivially destructible (the built-in variables
// threadIdx/blockDim are __thread objects of these types).
#ifndef CUPY_HOST_BUILTINS_VECTOR_TYPES_H
#define CUPY_HOST_BUILTINS_VECTOR_TYPES_H
#define CUPY_HOST_HAVE_VECTOR_TYPES 1

#define CUPY_HOST_VEC1(name, T, A)                                                              \
    struct __attribute__((aligned(A))) name##1 { T x; };                                         \
    inline name##1 make_##name##1(T x) { return name##1{x}; }
#define CUPY_HOST_VEC2(name, T, A)                                                              \
    struct __attribute__((aligned(A))) name##2 { T x, y; };                                      \
    inline name##2 make_##name##2(T x, T y) { return name##2{x, y}; }
#define CUPY_HOST_VEC3(name, T)                                                                 \
    struct name##3 { T x, y, z; };                                                                \
    inline name##3 make_##name##3(T x, T y, T z) { return name##3{x, y, z}; }
#define CUPY_HOST_VEC4(name, T, A)                                                              \
    struct __attribute__((aligned(A))) name##4 { T x, y, z, w; };                                \
    inline name##4 make_##name##4(T x, T y, T z, T w) { return name##4{x, y, z, w}; }
#define CUPY_HOST_VECS(name, T, A1, A2, A4)                                                     \
    CUPY_HOST_VEC1(name, T, A1) CUPY_HOST_VEC2(name, T, A2) CUPY_HOST_VEC3(name, T)              \
    CUPY_HOST_VEC4(name, T, A4)

CUPY_HOST_VECS(char, signed char, 1, 2, 4)
CUPY_HOST_VECS(uchar, unsigned char, 1, 2, 4)
CUPY_HOST_VECS(short, short, 2, 4, 8)
CUPY_HOST_VECS(ushort, unsigned short, 2, 4, 8)
CUPY_HOST_VECS(int, int, 4, 8, 16)
CUPY_HOST_VECS(uint, unsigned int, 4, 8, 16)
CUPY_HOST_VECS(long, long, 8, 16, 16)
CUPY_HOST_VECS(ulong, unsigned long, 8, 16, 16)
CUPY_HOST_VECS(longlong, long long, 8, 16, 16)
CUPY_HOST_VECS(ulonglong, unsigned long long, 8, 16, 16)
CUPY_HOST_VECS(float, float, 4, 8, 16)
CUPY_HOST_VECS(double, double, 8, 16, 16)
#undef CUPY_HOST_VECS

// CUDA 13 spells out the alignment of the 32-byte four-vectors (long4 etc. keep 16).
#define CUPY_HOST_VEC4A(name, T, A, mk)                                                         \
    struct __attribute__((aligned(A))) name { T x, y, z, w; };                                   \
    mk
#define CUPY_HOST_MAKE4(name, T) inline name make_##name(T x, T y, T z, T w) { return name{x, y, z, w}; }
CUPY_HOST_VEC4A(long4_16a, long, 16, )
CUPY_HOST_VEC4A(long4_32a, long, 32, )
CUPY_HOST_VEC4A(ulong4_16a, unsigned long, 16, )
CUPY_HOST_VEC4A(ulong4_32a, unsigned long, 32, )
CUPY_HOST_VEC4A(double4_16a, double, 16, CUPY_HOST_MAKE4(double4_16a, double))
CUPY_HOST_VEC4A(double4_32a, double, 32, CUPY_HOST_MAKE4(double4_32a, double))
CUPY_HOST_VEC4A(longlong4_16a, long long, 16, )
CUPY_HOST_VEC4A(longlong4_32a, long long, 32, )
CUPY_HOST_VEC4A(ulonglong4_16a, unsigned long long, 16, )
CUPY_HOST_VEC4A(ulonglong4_32a, unsigned long long, 32, )
#undef CUPY_HOST_MAKE4
#undef CUPY_HOST_VEC4A
#undef CUPY_HOST_VEC1
#undef CUPY_HOST_VEC2
#undef CUPY_HOST_VEC3
#undef CUPY_HOST_VEC4

struct dim3 {
    unsigned int x, y, z;
    constexpr dim3(unsigned int vx = 1, unsigned int vy = 1, unsigned int vz = 1) : x(vx), y(vy), z(vz) {}
    constexpr dim3(uint3 v) : x(v.x), y(v.y), z(v.z) {}
    constexpr operator uint3() const { return uint3{x, y, z}; }
};

#endif  // CUPY_HOST_BUILTINS_VECTOR_TYPES_H
