/// Writes an indexed-colour PNG (up to 256 colours) without a compression library, and
/// base64 for embedding it in SVG: the figures' raster heat map.
///
/// The pixel data goes in zlib's stored (uncompressed) blocks, which every PNG reader accepts; a
/// row of the picture is one byte per pixel after the filter byte 0. A 400×400 map is ~160 KB.
public enum PalettePNG {
    /// The PNG file for `pixels` (row-major palette indices, `width × height`) and `palette`.
    public static func encode(width: Int, height: Int, pixels: [UInt8], palette: [RGB]) -> [UInt8] {
        precondition(width > 0 && height > 0 && pixels.count == width * height, "pixels do not fill the picture")
        precondition(!palette.isEmpty && palette.count <= 256, "a PNG palette has 1 to 256 colours")
        var header: [UInt8] = []
        header += bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        header += [8, 3, 0, 0, 0]  // 8 bits, indexed colour, deflate, no filter method choice, no interlace
        let colours = palette.flatMap { [UInt8(clamping: $0.red), UInt8(clamping: $0.green), UInt8(clamping: $0.blue)] }
        var raw: [UInt8] = []
        raw.reserveCapacity((width + 1) * height)
        for row in 0..<height {
            raw.append(0)
            raw += pixels[(row * width)..<((row + 1) * width)]
        }
        var file: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
        file += chunk("IHDR", header) + chunk("PLTE", colours) + chunk("IDAT", zlibStored(raw)) + chunk("IEND", [])
        return file
    }

    /// A zlib stream of stored blocks (at most 65,535 bytes each) with its Adler-32.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let length = min(65_535, data.count - offset)
            let last: UInt8 = offset + length == data.count ? 1 : 0
            out += [last, UInt8(length & 0xff), UInt8(length >> 8), UInt8(~length & 0xff), UInt8((~length >> 8) & 0xff)]
            out += data[offset..<(offset + length)]
            offset += length
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return out + bigEndian(b << 16 | a)
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(crc32(typeBytes + data))
    }

    static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xedb8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xffff_ffff
        for byte in data { c = crcTable[Int((c ^ UInt32(byte)) & 0xff)] ^ (c >> 8) }
        return c ^ 0xffff_ffff
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)]
    }

    /// Standard base64 with padding.
    public static func base64(_ data: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < data.count {
            let chunk = data[index..<min(index + 3, data.count)]
            var bits = 0
            for (offset, byte) in chunk.enumerated() { bits |= Int(byte) << (16 - 8 * offset) }
            for position in 0..<4 {
                out.append(position <= chunk.count ? alphabet[(bits >> (18 - 6 * position)) & 63] : "=")
            }
            index += 3
        }
        return String(out)
    }
}
