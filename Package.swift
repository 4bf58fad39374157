// swift-tools-version: 6.2
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "mcred",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "CredentialCore", targets: ["CredentialCore"]),
        .library(name: "Signing", targets: ["Signing"]),
        .library(name: "Issuer", targets: ["Issuer"]),
        .library(name: "Verifier", targets: ["Verifier"]),
        .library(name: "Wallet", targets: ["Wallet"]),
        .library(name: "VerifierServer", targets: ["VerifierServer"]),
        .executable(name: "mcred", targets: ["mcred"]),
        .executable(name: "mcred-bench", targets: ["mcred-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The local verifier page (`mcred serve`): no dependencies of its own, unlike SwiftNIO-based servers.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // glibc's mallopt, for the command line's start-up (Sources/mcred/Allocator.swift).
        .systemLibrary(name: "CMalloc"),
        .target(
            name: "CredentialCore",
            dependencies: ["CZlib"],
            // Not .strictMemorySafety() yet: FileIO's POSIX calls (open, rename) would need marking.
            swiftSettings: strictSettings
        ),
        .target(
            name: "Signing",
            dependencies: ["CredentialCore", "COpenSSL"],
            swiftSettings: strictSettings + [.strictMemorySafety()]
        ),
        .target(
            name: "Issuer",
            dependencies: ["CredentialCore", "Signing", "Verifier"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Verifier",
            dependencies: ["CredentialCore", "Signing"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Wallet",
            dependencies: ["CredentialCore", "Signing", "Verifier"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "VerifierServer",
            dependencies: [
                "CredentialCore", "Signing", "Verifier",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "mcred",
            dependencies: [
                "CredentialCore", "Signing", "Issuer", "Verifier", "Wallet", "VerifierServer", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "mcred-bench",
            dependencies: ["CredentialCore", "Signing", "Issuer", "Verifier"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CredentialCoreTests",
            dependencies: ["CredentialCore"],
            resources: [.copy("Vectors")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SigningTests",
            dependencies: ["Signing", "CredentialCore"],
            resources: [.copy("Vectors")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IssuerTests",
            dependencies: ["Issuer", "Verifier", "Signing", "CredentialCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "VerifierTests",
            dependencies: ["Verifier", "Signing", "CredentialCore"],
            resources: [.copy("Vectors")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WalletTests",
            dependencies: ["Wallet", "Verifier", "Issuer", "Signing", "CredentialCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "VerifierServerTests",
            dependencies: ["VerifierServer", "Verifier", "Issuer", "Wallet", "Signing", "CredentialCore", .product(name: "FlyingFox", package: "FlyingFox")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "mcredTests",
            dependencies: ["mcred"],
            exclude: ["Golden"],
            swiftSettings: strictSettings
        ),
    ]
)
