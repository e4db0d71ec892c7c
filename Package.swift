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
        // The commit `--version` names: `make` writes its build_commit.h (see build_info.c).
        .target(name: "CBuildInfo"),
        // `make dist`'s stand-ins for symbols of glibc newer than 2.31 (used through --wrap).
        .target(name: "CGlibcCompat"),
        .executableTarget(
            name: "playground-tui",
            dependencies: [
                "PlaygroundCore",
                "PlaygroundUI",
                "CNcurses",
                "CBuildInfo",
                "CGlibcCompat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // MARK: Tests
        .testTarget(name: "PlaygroundCoreTests", dependencies: ["PlaygroundCore"]),
        .testTarget(name: "PlaygroundUITests", dependencies: ["PlaygroundUI", "PlaygroundCore"], exclude: ["Snapshots"]),
        // These two run the built binary (`make test` builds it first): as a process, and in tmux.
        // The key and state-key tables are read to check the man page and the completions.
        .testTarget(name: "CommandLineTests", dependencies: ["PlaygroundUI", "PlaygroundCore"], exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests"),
    ],
    swiftLanguageModes: [.v6]
)
