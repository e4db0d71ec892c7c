/// The seeded stream of TensorFlow Playground: seedrandom 2.4.4's ARC4 generator
/// (RC4 with the first 256 bytes dropped) turned into 52-bit doubles.
///
/// Everything random in the engine draws from one of these, passed `inout`, so the
/// same seed string gives the same data and the same first network as TF Playground.
/// Core never touches the system random source.
public struct SeededRandom: RandomNumberGenerator, Equatable, Sendable {
    /// The permutation state S, and the two indices.
    private var state = [UInt8](repeating: 0, count: 256)
    private var i = 0
    private var j = 0

    /// The seed this stream was started from.
    public let seed: String

    /// Starts the stream from `seed`, exactly as `new Math.seedrandom(seed)`.
    public init(seed: String) {
        self.seed = seed
        let key = SeededRandom.key(for: seed)
        for index in 0..<256 { state[index] = UInt8(index) }
        var j = 0
        for index in 0..<256 {
            let t = Int(state[index])
            j = (j + key[index % key.count] + t) & 255
            state[index] = state[j]
            state[j] = UInt8(t)
        }
        i = 0
        self.j = 0
        _ = bytes(256)  // RC4-drop[256]
    }

    /// The key bytes: UTF-16 code units masked to 8 bits, longer seeds folded in with the smear.
    static func key(for seed: String) -> [Int] {
        var key = [Int]()
        var smear = 0
        for (index, unit) in seed.utf16.enumerated() {
            let slot = index & 255
            if slot == key.count { key.append(0) }  // an unset key byte counts as 0
            smear ^= key[slot] * 19
            key[slot] = 255 & (smear + Int(unit))
        }
        return key.isEmpty ? [0] : key
    }

    /// seedrandom's `g(count)`: the next `count` bytes as one big-endian number.
    @inline(__always)
    private mutating func bytes(_ count: Int) -> Double {
        var r = 0.0
        var i = self.i, j = self.j
        state.withUnsafeMutableBufferPointer { s in
            for _ in 0..<count {
                i = (i + 1) & 255
                let t = s[i]
                j = (j + Int(t)) & 255
                s[i] = s[j]
                s[j] = t
                r = r * 256 + Double(s[Int((UInt16(s[i]) + UInt16(s[j])) & 255)])
            }
        }
        self.i = i
        self.j = j
        return r
    }

    /// The next double in [0, 1), bit for bit as seedrandom's `prng()`.
    public mutating func nextDouble() -> Double {
        let significance = 4_503_599_627_370_496.0  // 2^52
        let overflow = 9_007_199_254_740_992.0  // 2^53
        var n = bytes(6)
        var d = 281_474_976_710_656.0  // 2^48
        var x = 0.0
        while n < significance {
            n = (n + x) * 256
            d *= 256
            x = bytes(1)
        }
        while n >= overflow {
            n /= 2
            d /= 2
            x = Double(UInt32(x) >> 1)
        }
        return (n + x) / d
    }

    /// `U(a, b) = R() * (b - a) + a`, in that operation order.
    public mutating func uniform(_ a: Double, _ b: Double) -> Double {
        nextDouble() * (b - a) + a
    }

    /// Box–Muller (polar form) as TF's `normalRandom(mean, variance)`.
    public mutating func normal(mean: Double, variance: Double) -> Double {
        var v1 = 0.0, v2 = 0.0, s = 0.0
        repeat {
            v1 = 2 * nextDouble() - 1
            v2 = 2 * nextDouble() - 1
            s = v1 * v1 + v2 * v2
        } while s > 1
        let result = (-2 * Math.log(s) / s).squareRoot() * v1
        return mean + variance.squareRoot() * result
    }

    /// `RandomNumberGenerator` conformance: 64 bits built from the byte stream, so generic
    /// standard-library algorithms can use the stream too (they do not consume doubles).
    public mutating func next() -> UInt64 {
        let high = UInt64(bytes(4))
        let low = UInt64(bytes(4))
        return high << 32 | low
    }
}

/// A stream saved and restored where it stood (a session): the seed, RC4's permutation and its
/// two indices, so the draws after a restore are the draws the stream would have given.
extension SeededRandom: Codable {
    private enum CodingKeys: String, CodingKey {
        case seed, permutation, i, j
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(seed, forKey: .seed)
        try container.encode(state, forKey: .permutation)
        try container.encode(i, forKey: .i)
        try container.encode(j, forKey: .j)
    }

    /// Refuses a state RC4 cannot be in: S must be a permutation of 0…255 (every swap keeps it
    /// one) and the indices bytes.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seed = try container.decode(String.self, forKey: .seed)
        let permutation = try container.decode([UInt8].self, forKey: .permutation)
        guard permutation.count == 256, Set(permutation).count == 256 else {
            throw DecodingError.dataCorruptedError(forKey: .permutation, in: container,
                                                   debugDescription: "expected each of 0 to 255 once")
        }
        state = permutation
        for key in [CodingKeys.i, .j] {
            let index = try container.decode(Int.self, forKey: key)
            guard (0...255).contains(index) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                       debugDescription: "expected 0 to 255, found \(index)")
            }
            if key == .i { i = index } else { j = index }
        }
    }
}
