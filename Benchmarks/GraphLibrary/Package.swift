// swift-tools-version:6.1
// Measures kubereach's own graph search against SwiftGraph on the same workload graphs,
// as issue 4 asks before choosing a graph library. Not built by CI; run with
// `swift run -c release --package-path Benchmarks/GraphLibrary` (see its README).
import PackageDescription

let package = Package(
    name: "GraphLibraryBenchmark",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "kubereach", path: "../.."),
        .package(url: "https://github.com/davecom/SwiftGraph", from: "4.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "GraphLibraryBenchmark",
            dependencies: [
                .product(name: "KubeReachCore", package: "kubereach"),
                .product(name: "KubeReachYAML", package: "kubereach"),
                .product(name: "KubeReachAnalysis", package: "kubereach"),
                .product(name: "KubeReachSynthetic", package: "kubereach"),
                .product(name: "SwiftGraph", package: "SwiftGraph"),
            ]
        )
    ]
)
