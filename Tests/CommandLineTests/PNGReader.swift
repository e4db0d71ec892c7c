import Foundation

/// Reads the pixels of a PNG file as a renderer (rsvg-convert) writes it: 8-bit RGB or RGBA,
/// not interlaced, zlib-compressed with any of deflate's block kinds. Written for the tests, so
/// they can check a rendered picture's colours without an image library.
struct PNGImage {
    let width: Int
    let height: Int
    /// Bytes per pixel: 3 (RGB) or 4 (RGBA).
    let channels: Int
    let pixels: [UInt8]

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The colour at (x, y) as (red, green, blue), alpha dropped.
    func rgb(x: Int, y: Int) -> (Int, Int, Int) {
        let i = (y * width + x) * channels
        return (Int(pixels[i]), Int(pixels[i + 1]), Int(pixels[i + 2]))
    }

    init(_ file: [UInt8]) throws {
        guard file.count > 8, Array(file[0..<8]) == [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] else {
            throw Failure(description: "not a PNG file")
        }
        var offset = 8, data: [UInt8] = []
        var width = 0, height = 0, channels = 0
        func int(_ at: Int) -> Int { file[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        while offset + 8 <= file.count {
            let length = int(offset), type = String(decoding: file[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let body = Array(file[(offset + 8)..<(offset + 8 + length)])
            switch type {
            case "IHDR":
                width = int(offset + 8)
                height = int(offset + 12)
                guard body[8] == 8, body[12] == 0, [2, 6].contains(body[9]) else {
                    throw Failure(description: "only 8-bit RGB(A) without interlace is read (depth \(body[8]), type \(body[9]))")
                }
                channels = body[9] == 6 ? 4 : 3
            case "IDAT":
                data += body
            default:
                break
            }
            offset += 12 + length
        }
        let raw = try Inflate.zlib(data)
        let stride = width * channels
        guard raw.count == height * (stride + 1) else { throw Failure(description: "the pixel data has the wrong length") }
        var pixels = [UInt8](repeating: 0, count: height * stride)
        for row in 0..<height {
            let filter = raw[row * (stride + 1)]
            for i in 0..<stride {
                let x = Int(raw[row * (stride + 1) + 1 + i])
                let a = i >= channels ? Int(pixels[row * stride + i - channels]) : 0
                let b = row > 0 ? Int(pixels[(row - 1) * stride + i]) : 0
                let c = row > 0 && i >= channels ? Int(pixels[(row - 1) * stride + i - channels]) : 0
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = a
                case 2: predicted = b
                case 3: predicted = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predicted = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: throw Failure(description: "unknown filter \(filter)")
                }
                pixels[row * stride + i] = UInt8((x + predicted) & 0xff)
            }
        }
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }
}

/// Deflate decoding (RFC 1951) inside a zlib stream (RFC 1950).
enum Inflate {
    struct Bits {
        let bytes: [UInt8]
        var position = 0
        mutating func read(_ count: Int) throws -> Int {
            var value = 0
            for i in 0..<count {
                guard position / 8 < bytes.count else { throw PNGImage.Failure(description: "deflate data ends early") }
                value |= Int((bytes[position / 8] >> UInt8(position % 8)) & 1) << i
                position += 1
            }
            return value
        }
    }

    /// A canonical Huffman code from code lengths: (length, code) -> symbol.
    struct Huffman {
        var table: [Int: Int] = [:]
        var maxLength = 0
        init(lengths: [Int]) {
            maxLength = lengths.max() ?? 0
            var code = 0
            for length in 1...max(1, maxLength) {
                for (symbol, l) in lengths.enumerated() where l == length {
                    table[length << 16 | code] = symbol
                    code += 1
                }
                code <<= 1
            }
        }
        func decode(_ bits: inout Bits) throws -> Int {
            var code = 0
            for length in 1...max(1, maxLength) {
                code = code << 1 | (try bits.read(1))
                if let symbol = table[length << 16 | code] { return symbol }
            }
            throw PNGImage.Failure(description: "bad Huffman code")
        }
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
                               3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    static func zlib(_ stream: [UInt8]) throws -> [UInt8] {
        guard stream.count > 2, stream[0] & 0x0f == 8 else { throw PNGImage.Failure(description: "not a zlib deflate stream") }
        var bits = Bits(bytes: Array(stream[2...]))
        var out: [UInt8] = []
        var last = 0
        repeat {
            last = try bits.read(1)
            switch try bits.read(2) {
            case 0:
                bits.position = (bits.position + 7) / 8 * 8
                let length = try bits.read(16)
                _ = try bits.read(16)
                for _ in 0..<length { out.append(UInt8(try bits.read(8))) }
            case 1:
                let literal = Huffman(lengths: Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112)
                                      + Array(repeating: 7, count: 24) + Array(repeating: 8, count: 8))
                try block(&bits, literal, Huffman(lengths: Array(repeating: 5, count: 30)), &out)
            case 2:
                let literals = try bits.read(5) + 257, distances = try bits.read(5) + 1, codeCount = try bits.read(4) + 4
                let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
                var codeLengths = [Int](repeating: 0, count: 19)
                for i in 0..<codeCount { codeLengths[order[i]] = try bits.read(3) }
                let codes = Huffman(lengths: codeLengths)
                var lengths: [Int] = []
                while lengths.count < literals + distances {
                    let symbol = try codes.decode(&bits)
                    switch symbol {
                    case 0...15: lengths.append(symbol)
                    case 16: lengths += Array(repeating: lengths.last ?? 0, count: 3 + (try bits.read(2)))
                    case 17: lengths += Array(repeating: 0, count: 3 + (try bits.read(3)))
                    default: lengths += Array(repeating: 0, count: 11 + (try bits.read(7)))
                    }
                }
                try block(&bits, Huffman(lengths: Array(lengths[0..<literals])), Huffman(lengths: Array(lengths[literals...])), &out)
            default:
                throw PNGImage.Failure(description: "a deflate block of the reserved kind")
            }
        } while last == 0
        return out
    }

    static func block(_ bits: inout Bits, _ literals: Huffman, _ distances: Huffman, _ out: inout [UInt8]) throws {
        while true {
            let symbol = try literals.decode(&bits)
            if symbol < 256 {
                out.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let index = symbol - 257
                let length = lengthBase[index] + (try bits.read(lengthExtra[index]))
                let code = try distances.decode(&bits)
                let distance = distanceBase[code] + (try bits.read(distanceExtra[code]))
                guard distance <= out.count else { throw PNGImage.Failure(description: "a distance before the start") }
                for _ in 0..<length { out.append(out[out.count - distance]) }
            }
        }
    }
}
