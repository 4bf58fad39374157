// swift-tools-version: 6.2
// libFuzzer targets for mcred. Build and run one with `Fuzz/run.sh TARGET SECONDS`, which links
// `.root/mcred` to the main package (SwiftPM names a path dependency after its folder).
import PackageDescription

let package = Package(
    name: "mcred-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".root/mcred"),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "FuzzJSON",
            dependencies: ["FuzzSupport", .product(name: "CredentialCore", package: "mcred")]
        ),
        .executableTarget(
            name: "FuzzVerify",
            dependencies: [
                "FuzzSupport",
                .product(name: "CredentialCore", package: "mcred"),
                .product(name: "Verifier", package: "mcred"),
            ]
        ),
        .executableTarget(
            name: "FuzzWallet",
            dependencies: ["FuzzSupport", .product(name: "Wallet", package: "mcred")]
        ),
        .executableTarget(
            name: "FuzzPEM",
            dependencies: ["FuzzSupport", .product(name: "Signing", package: "mcred")]
        ),
    ]
)
