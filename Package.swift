// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "playground-tui",
    // MARK: Public API: the app and its headless command line.
    products: [
        .executable(name: "playground-tui", targets: ["playground-tui"]),
        .library(name: "PlaygroundCore", targets: ["PlaygroundCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // MARK: Implementation
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]
        ),
        .target(name: "PlaygroundCore"),
        .target(name: "PlaygroundUI", dependencies: ["PlaygroundCore"]),
        .executableTarget(
            name: "playground-tui",
            dependencies: [
                "PlaygroundCore",
                "PlaygroundUI",
                "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // MARK: Tests
        .testTarget(name: "PlaygroundCoreTests", dependencies: ["PlaygroundCore"]),
        .testTarget(name: "PlaygroundUITests", dependencies: ["PlaygroundUI", "PlaygroundCore"]),
        // These two run the built binary (`make test` builds it first): as a process, and in tmux.
        .testTarget(name: "CommandLineTests", exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests"),
    ],
    swiftLanguageModes: [.v6]
)
