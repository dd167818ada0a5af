// swift-tools-version:6.0
// SteadyKit: every line of the iPhone app's Swift that is not a SwiftUI view or an Apple-only API.
// The app target (ios/Steady, see ios/project.yml) depends on the `SteadyKit` product.
//
// Two ways to link the Rust core (module `SteadyCoreFFI`):
// - Xcode (no STEADY_LIB_DIR): the static libraries of `SteadyCoreFFI.xcframework`, written next
//   to this file by ios/scripts/build-xcframework.sh.
// - Command line (`STEADY_LIB_DIR=<dir with libsteady_core.so or .dylib> swift test`, as
//   tests/swift/run.sh does on Linux): the host's debug library through a system-library module
//   whose map (Sources/SteadyCoreFFI/module.modulemap) adds `link "steady_core"`.
// Either way Sources/SteadyCore/SteadyCore.swift and Sources/SteadyCoreFFI/SteadyCoreFFI.h are the
// UniFFI bindings generated from the same library (not in git).
import PackageDescription

let libDir = Context.environment["STEADY_LIB_DIR"]

var targets: [Target] = []
var coreLinkerSettings: [LinkerSetting] = []
if let libDir, !libDir.isEmpty {
    targets.append(.systemLibrary(name: "SteadyCoreFFI", path: "Sources/SteadyCoreFFI"))
    coreLinkerSettings = [.unsafeFlags(["-L\(libDir)", "-Xlinker", "-rpath", "-Xlinker", libDir])]
} else {
    targets.append(.binaryTarget(name: "SteadyCoreFFI", path: "SteadyCoreFFI.xcframework"))
}

targets += [
    // The generated Swift bindings (UniFFI 0.29.4), compiled as their own module.
    .target(
        name: "SteadyCore",
        dependencies: ["SteadyCoreFFI"],
        path: "Sources/SteadyCore",
        linkerSettings: coreLinkerSettings
    ),
    // Debian's swiftlang 6.0.3 ships a libswiftObservation.so that needs a runtime symbol it does
    // not export (swift::threading::fatal); this defines it, on Linux only. Apple's toolchains have it.
    .target(name: "LinuxObservationShim", path: "Sources/LinuxObservationShim"),
    .target(
        name: "SteadyKit",
        dependencies: [
            "SteadyCore",
            .target(name: "LinuxObservationShim", condition: .when(platforms: [.linux])),
        ],
        path: "Sources/SteadyKit"
    ),
    .testTarget(
        name: "SteadyKitTests",
        dependencies: ["SteadyKit", "SteadyCore"],
        path: "Tests/SteadyKitTests"
    ),
]

let package = Package(
    name: "SteadyKit",
    platforms: [.iOS(.v17), .macOS(.v14)],
    products: [.library(name: "SteadyKit", targets: ["SteadyKit"])],
    targets: targets,
    swiftLanguageModes: [.v6]
)
