// Philox4x32-10, the counter-based generator of Salmon et al., "Parallel random numbers: as easy
// as 1, 2, 3" (SC 2011), as in Random123, cuRAND and NumPy's Philox.
//
// A block is a pure function of a 128-bit counter and a 64-bit key, so any element can compute
// its own numbers without shared state: the same code gives the same stream on a GPU and on the
// host device. cupy.random lays the counter out as
//
//     key     = (seed & 0xffffffff, seed >> 32)
//     counter = (index & 0xffffffff, index >> 32, block, offset)
//
// where ``index`` is the element number, ``offset`` the generator's call number (each call
// advances it, so successive calls see fresh counters) and ``block`` counts the 4-word blocks
// one element consumed (rejection loops draw as many as they need).
#pragma once

namespace cupy_random {

// One Philox4x32 round; the 32x32->64 products are written portably (no __umulhi) so that the
// host compiler and NVRTC see the same arithmetic.
__device__ inline void philox4x32_round(unsigned int c[4], unsigned int k0, unsigned int k1) {
    const unsigned long long p0 = 0xD2511F53ull * c[0];
    const unsigned long long p1 = 0xCD9E8D57ull * c[2];
    const unsigned int hi0 = (unsigned int)(p0 >> 32), lo0 = (unsigned int)p0;
    const unsigned int hi1 = (unsigned int)(p1 >> 32), lo1 = (unsigned int)p1;
    c[0] = hi1 ^ c[1] ^ k0;
    c[1] = lo1;
    c[2] = hi0 ^ c[3] ^ k1;
    c[3] = lo0;
}

// Philox4x32 with 10 rounds: ``c`` (the counter) is replaced by the output block.
__device__ inline void philox4x32_10(unsigned int c[4], unsigned int k0, unsigned int k1) {
    for (int r = 0; r < 10; ++r) {
        if (r > 0) {
            k0 += 0x9E3779B9u;  // the Weyl key schedule of Random123
            k1 += 0xBB67AE85u;
        }
        philox4x32_round(c, k0, k1);
    }
}

// The stream of 32-bit words of one element: blocks (index, block, offset) for block = 0, 1, ...
class Philox {
    unsigned int key_[2];
    unsigned int ctr_[4];
    unsigned int buf_[4];
    int pos_;

public:
    __device__ Philox(unsigned long long seed, unsigned long long index, unsigned int offset) {
        key_[0] = (unsigned int)seed;
        key_[1] = (unsigned int)(seed >> 32);
        ctr_[0] = (unsigned int)index;
        ctr_[1] = (unsigned int)(index >> 32);
        ctr_[2] = 0;
        ctr_[3] = offset;
        pos_ = 4;
    }

    __device__ unsigned int next_u32() {
        if (pos_ == 4) {
            for (int j = 0; j < 4; ++j) buf_[j] = ctr_[j];
            philox4x32_10(buf_, key_[0], key_[1]);
            ++ctr_[2];
            pos_ = 0;
        }
        return buf_[pos_++];
    }

    // Two consecutive words, the first one low.
    __device__ unsigned long long next_u64() {
        const unsigned long long lo = next_u32();
        const unsigned long long hi = next_u32();
        return lo | (hi << 32);
    }
};

}  // namespace cupy_random
