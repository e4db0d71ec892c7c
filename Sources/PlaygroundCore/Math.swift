#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C math library, named in one place so the engine's results depend on exactly these
/// calls (TF Playground's numbers agree with them to the last bit on glibc).
public enum Math {
    public static let pi = Double.pi
    @inline(__always) public static func sin(_ x: Double) -> Double { libm_sin(x) }
    @inline(__always) public static func cos(_ x: Double) -> Double { libm_cos(x) }
    @inline(__always) public static func tanh(_ x: Double) -> Double { libm_tanh(x) }
    @inline(__always) public static func exp(_ x: Double) -> Double { libm_exp(x) }
    @inline(__always) public static func expm1(_ x: Double) -> Double { libm_expm1(x) }
    @inline(__always) public static func log(_ x: Double) -> Double { libm_log(x) }
    @inline(__always) public static func log1p(_ x: Double) -> Double { libm_log1p(x) }
}

// Module-level aliases so the names inside `Math` do not shadow the C functions.
@inline(__always) private func libm_sin(_ x: Double) -> Double { sin(x) }
@inline(__always) private func libm_cos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func libm_tanh(_ x: Double) -> Double { tanh(x) }
@inline(__always) private func libm_exp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func libm_expm1(_ x: Double) -> Double { expm1(x) }
@inline(__always) private func libm_log(_ x: Double) -> Double { log(x) }
@inline(__always) private func libm_log1p(_ x: Double) -> Double { log1p(x) }
