#include "core/shortest_digits.h"

#include <cmath>
#include <cstring>

namespace sluice {
namespace {

// An unsigned integer of up to 40 * 32 bits, enough for the scaled values below (the largest,
// a subnormal's numerator times 10^324, needs ~1130 bits). Exact arithmetic is what makes the
// digits provably shortest and closest; the numbers stay a few words long for ordinary values.
class big {
 public:
  explicit big(uint64_t v = 0) noexcept {
    limbs_[0] = static_cast<uint32_t>(v);
    limbs_[1] = static_cast<uint32_t>(v >> 32);
    size_ = limbs_[1] ? 2 : (limbs_[0] ? 1 : 0);
  }

  // Limbs past size_ are never read, so a copy takes only the used ones.
  big(const big& other) noexcept : size_(other.size_) {
    std::memcpy(limbs_, other.limbs_, sizeof(uint32_t) * static_cast<size_t>(size_));
  }
  big& operator=(const big& other) noexcept {
    size_ = other.size_;
    std::memcpy(limbs_, other.limbs_, sizeof(uint32_t) * static_cast<size_t>(size_));
    return *this;
  }

  // *this -= factor * other; requires the result to be >= 0.
  void subtract_multiple(const big& other, uint32_t factor) noexcept {
    uint64_t carry = 0;
    int64_t borrow = 0;
    for (int i = 0; i < size_; ++i) {
      const uint64_t product = static_cast<uint64_t>(other.at(i)) * factor + carry;
      carry = product >> 32;
      const int64_t diff = static_cast<int64_t>(limbs_[i]) - static_cast<uint32_t>(product) - borrow;
      limbs_[i] = static_cast<uint32_t>(diff);
      borrow = diff < 0 ? 1 : 0;
    }
    while (size_ > 0 && limbs_[size_ - 1] == 0) --size_;
  }

  // A lower bound of *this / divisor (exact or one or two below) from the leading limbs,
  // for *this < 10 * divisor and a divisor of at least two limbs.
  [[nodiscard]] uint32_t quotient_estimate(const big& divisor) const noexcept {
    const int n = divisor.size_;
    const uint64_t top = (static_cast<uint64_t>(divisor.limbs_[n - 1]) << 32) | divisor.limbs_[n - 2];
    const unsigned __int128 numerator = (static_cast<unsigned __int128>(at(n)) << 64) |
                                        (static_cast<unsigned __int128>(at(n - 1)) << 32) | at(n - 2);
    return static_cast<uint32_t>(numerator / (static_cast<unsigned __int128>(top) + 1));
  }

  [[nodiscard]] int size() const noexcept { return size_; }
  [[nodiscard]] bool fits_u64() const noexcept { return size_ <= 2; }
  [[nodiscard]] uint64_t u64() const noexcept {
    return (static_cast<uint64_t>(at(1)) << 32) | at(0);
  }

  void multiply(uint32_t factor) noexcept {
    uint64_t carry = 0;
    for (int i = 0; i < size_; ++i) {
      const uint64_t product = static_cast<uint64_t>(limbs_[i]) * factor + carry;
      limbs_[i] = static_cast<uint32_t>(product);
      carry = product >> 32;
    }
    if (carry) limbs_[size_++] = static_cast<uint32_t>(carry);
  }

  void multiply_pow10(int exponent) noexcept {
    for (; exponent >= 9; exponent -= 9) multiply(1'000'000'000);
    static constexpr uint32_t small[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    if (exponent > 0) multiply(small[exponent]);
  }

  void shift_left(int bits) noexcept {
    if (size_ == 0) return;
    const int words = bits / 32;
    const int rest = bits % 32;
    if (rest) {
      uint32_t carry = 0;
      for (int i = 0; i < size_; ++i) {
        const uint32_t next = limbs_[i] >> (32 - rest);
        limbs_[i] = (limbs_[i] << rest) | carry;
        carry = next;
      }
      if (carry) limbs_[size_++] = carry;
    }
    if (words) {
      std::memmove(limbs_ + words, limbs_, sizeof(uint32_t) * static_cast<size_t>(size_));
      std::memset(limbs_, 0, sizeof(uint32_t) * static_cast<size_t>(words));
      size_ += words;
    }
  }

  void add(const big& other) noexcept {
    const int n = size_ > other.size_ ? size_ : other.size_;
    uint64_t carry = 0;
    for (int i = 0; i < n; ++i) {
      const uint64_t sum = static_cast<uint64_t>(at(i)) + other.at(i) + carry;
      limbs_[i] = static_cast<uint32_t>(sum);
      carry = sum >> 32;
    }
    size_ = n;
    if (carry) limbs_[size_++] = static_cast<uint32_t>(carry);
  }

  // Requires *this >= other.
  void subtract(const big& other) noexcept {
    int64_t borrow = 0;
    for (int i = 0; i < size_; ++i) {
      const int64_t diff = static_cast<int64_t>(limbs_[i]) - other.at(i) - borrow;
      limbs_[i] = static_cast<uint32_t>(diff);
      borrow = diff < 0 ? 1 : 0;
    }
    while (size_ > 0 && limbs_[size_ - 1] == 0) --size_;
  }

  [[nodiscard]] friend int compare(const big& a, const big& b) noexcept {
    if (a.size_ != b.size_) return a.size_ < b.size_ ? -1 : 1;
    for (int i = a.size_ - 1; i >= 0; --i)
      if (a.limbs_[i] != b.limbs_[i]) return a.limbs_[i] < b.limbs_[i] ? -1 : 1;
    return 0;
  }

  // compare(a + b, c) without a temporary sum's sign games.
  [[nodiscard]] friend int compare_sum(const big& a, const big& b, const big& c) noexcept {
    big sum = a;
    sum.add(b);
    return compare(sum, c);
  }

 private:
  [[nodiscard]] uint32_t at(int i) const noexcept { return i < size_ ? limbs_[i] : 0; }

  uint32_t limbs_[40];
  int size_ = 0;
};

// floor(r / s) for r < 10 s, leaving the remainder in r.
int quotient_digit(big& r, const big& s) noexcept {
  if (r.fits_u64() && s.fits_u64()) {
    const uint64_t numerator = r.u64();
    const uint64_t denominator = s.u64();
    r = big(numerator % denominator);
    return static_cast<int>(numerator / denominator);
  }
  int d = 0;
  if (s.size() >= 2) {
    const uint32_t estimate = r.quotient_estimate(s);
    r.subtract_multiple(s, estimate);
    d = static_cast<int>(estimate);
  }
  while (compare(r, s) >= 0) {
    r.subtract(s);
    ++d;
  }
  return d;
}

}  // namespace

// Free-format digit generation with exact integers (Steele & White, Burger & Dybvig): the
// value is r / s, and any decimal strictly inside (r - m_minus, r + m_plus) / s reads back
// as it (the ends too when the significand is even, as reading rounds half to even).
decimal_digits shortest_digits(double value) noexcept {
  uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  const uint64_t fraction = bits & ((uint64_t{1} << 52) - 1);
  const int biased = static_cast<int>(bits >> 52) & 0x7ff;
  const uint64_t significand = biased ? fraction | (uint64_t{1} << 52) : fraction;
  const int exponent = biased ? biased - 1075 : -1074;
  // Just above a power of two the gap below is half the gap above.
  const bool uneven_gaps = biased > 1 && fraction == 0;
  const bool inclusive = significand % 2 == 0;

  big r(significand), s(1), m_plus(1), m_minus(1);
  if (exponent >= 0) {
    r.shift_left(exponent + (uneven_gaps ? 2 : 1));
    s.shift_left(uneven_gaps ? 2 : 1);
    m_plus.shift_left(exponent + (uneven_gaps ? 1 : 0));
    m_minus.shift_left(exponent);
  } else {
    r.shift_left(uneven_gaps ? 2 : 1);
    s.shift_left(-exponent + (uneven_gaps ? 2 : 1));
    if (uneven_gaps) m_plus.shift_left(1);
  }

  // A lower bound of log10(value), then corrected upwards: the first digit must be 1-9.
  const int bit_length = 64 - __builtin_clzll(significand);
  int point = static_cast<int>(std::ceil((exponent + bit_length - 1) * 0.30102999566398114));
  if (point >= 0) {
    s.multiply_pow10(point);
  } else {
    r.multiply_pow10(-point);
    m_plus.multiply_pow10(-point);
    m_minus.multiply_pow10(-point);
  }
  while (compare_sum(r, m_plus, s) >= (inclusive ? 0 : 1)) {
    s.multiply(10);
    ++point;
  }

  decimal_digits out;
  out.point = point;
  for (;;) {
    r.multiply(10);
    m_plus.multiply(10);
    m_minus.multiply(10);
    int digit = quotient_digit(r, s);
    const int low_cmp = compare(r, m_minus);
    const bool low = inclusive ? low_cmp <= 0 : low_cmp < 0;
    const int high_cmp = compare_sum(r, m_plus, s);
    const bool high = inclusive ? high_cmp >= 0 : high_cmp > 0;
    if (low && high) {
      // Both neighbours read back: the closer one, the even one on a tie.
      big twice = r;
      twice.shift_left(1);
      const int c = compare(twice, s);
      if (c > 0 || (c == 0 && digit % 2 == 1)) ++digit;
    } else if (high) {
      ++digit;
    }
    out.digits[out.count++] = static_cast<char>('0' + digit);
    if (low || high) break;
  }
  return out;
}

}  // namespace sluice
