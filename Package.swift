// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "kubereach",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kubereach", targets: ["kubereach"]),
        .library(name: "KubeReachCore", targets: ["KubeReachCore"]),
        // For embedding and for the separate benchmark packages under Benchmarks/.
        .library(name: "KubeReachYAML", targets: ["KubeReachYAML"]),
        .library(name: "KubeReachAnalysis", targets: ["KubeReachAnalysis"]),
        .library(name: "KubeReachSynthetic", targets: ["KubeReachSynthetic"]),
        .library(name: "KubeReachLint", targets: ["KubeReachLint"]),
        .library(name: "KubeReachRender", targets: ["KubeReachRender"]),
        .library(name: "KubeReachInput", targets: ["KubeReachInput"]),
        .library(name: "KubeReachRBAC", targets: ["KubeReachRBAC"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // Pure evaluation core: model, interval sets, selectors, engine. No I/O.
        .target(
            name: "KubeReachCore",
            dependencies: [.product(name: "Collections", package: "swift-collections")]
        ),
        // The only module that imports Yams: manifests -> Cluster with source locations.
        .target(
            name: "KubeReachYAML",
            dependencies: ["KubeReachCore", .product(name: "Yams", package: "Yams")]
        ),
        // Seeded synthetic clusters for benchmarks and scale tests (pure).
        .target(name: "KubeReachSynthetic"),
        // Graph analyses over the reachability matrix: paths, blast radius.
        .target(name: "KubeReachAnalysis", dependencies: ["KubeReachCore"]),
        // RBAC evaluation (pure): aggregation, who can do what, can-i / who-can answers.
        .target(name: "KubeReachRBAC", dependencies: ["KubeReachCore"]),
        // The attack graph (pure): network, identity and node techniques joined.
        .target(name: "KubeReachAttack", dependencies: ["KubeReachCore", "KubeReachRBAC", "KubeReachAnalysis"]),
        // Lint rules, one per file, each with its own examples (a product for embedders).
        .target(name: "KubeReachLint", dependencies: ["KubeReachCore", "KubeReachAttack", "KubeReachRBAC"]),
        // Text formatters (txt, json, csv, md) over core results.
        .target(
            name: "KubeReachRender",
            dependencies: [
                "KubeReachCore", "KubeReachLint", "KubeReachAnalysis", "KubeReachGraphviz", "KubeReachRBAC", "KubeReachAttack",
            ]),
        // Graphviz's C library (libgraphviz-dev), found through pkg-config.
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        // In-process SVG/PNG rendering; one file imports CGraphviz, every call serialised.
        .target(name: "KubeReachGraphviz", dependencies: ["CGraphviz"]),
        // Input from other programs: one subprocess runner (argv only, process groups, caps,
        // deadlines) for git (`git:REV:path`) and kubectl (the live cluster).
        .target(name: "KubeReachInput", dependencies: ["KubeReachCore", "KubeReachYAML"]),
        // argument-parser commands, as a library so tests can run them in process.
        .target(
            name: "KubeReachCLI",
            dependencies: [
                "KubeReachCore", "KubeReachYAML", "KubeReachRender", "KubeReachSynthetic", "KubeReachLint", "KubeReachAnalysis",
                "KubeReachGraphviz", "KubeReachInput",
                "KubeReachRBAC", "KubeReachAttack",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "kubereach", dependencies: ["KubeReachCLI"]),
        // libFuzzer entry over loader and engine (scripts/fuzz); replays files when built plainly.
        .executableTarget(name: "KubeReachFuzz", dependencies: ["KubeReachCore", "KubeReachYAML"]),
        // Golden files, XML checks and the shared data sets, for every test target.
        .target(name: "KubeReachTestSupport", dependencies: ["KubeReachCore"], path: "Tests/KubeReachTestSupport"),
        .testTarget(
            name: "KubeReachCoreTests",
            dependencies: [
                "KubeReachCore", "KubeReachSynthetic", "KubeReachTestSupport",
                // IncrementalDiffTests: the incremental diff against the full one, rendered.
                "KubeReachAnalysis", "KubeReachRender",
            ]),
        .testTarget(
            name: "KubeReachYAMLTests", dependencies: ["KubeReachYAML", "KubeReachCore", "KubeReachSynthetic", "KubeReachTestSupport"]),
        .testTarget(name: "KubeReachRBACTests", dependencies: ["KubeReachRBAC", "KubeReachCore", "KubeReachYAML", "KubeReachSynthetic"]),
        .testTarget(
            name: "KubeReachAttackTests",
            dependencies: ["KubeReachAttack", "KubeReachRBAC", "KubeReachCore", "KubeReachYAML", "KubeReachSynthetic"]),
        .testTarget(name: "KubeReachLintTests", dependencies: ["KubeReachLint", "KubeReachYAML", "KubeReachCore"]),
        .testTarget(name: "KubeReachAnalysisTests", dependencies: ["KubeReachAnalysis", "KubeReachCore", "KubeReachTestSupport"]),
        .testTarget(
            name: "KubeReachRenderTests",
            dependencies: ["KubeReachRender", "KubeReachCore", "KubeReachGraphviz", "KubeReachTestSupport"]),
        .testTarget(name: "KubeReachInputTests", dependencies: ["KubeReachInput", "KubeReachTestSupport"]),
        .testTarget(name: "KubeReachGraphvizTests", dependencies: ["KubeReachGraphviz", "KubeReachTestSupport"]),
        .testTarget(
            name: "KubeReachCLITests",
            dependencies: [
                "KubeReachCLI", "KubeReachCore", "KubeReachRender", "KubeReachYAML", "KubeReachSynthetic", "KubeReachLint",
                "KubeReachAnalysis", "KubeReachGraphviz", "KubeReachTestSupport", "KubeReachInput",
                "KubeReachRBAC",
            ],
            exclude: ["Golden", "Fixtures"]
        ),
    ]
)
