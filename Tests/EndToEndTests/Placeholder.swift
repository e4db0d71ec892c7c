import XCTest

final class EndToEndPlaceholderTests: XCTestCase {
    func testBinaryPathIsUnderBuild() {
        XCTAssertTrue(#filePath.hasSuffix("Tests/EndToEndTests/Placeholder.swift"))
    }
}
