import Foundation
import KubeReachCore
import KubeReachYAML

/// One fuzz input through the whole pipeline: the loader (keepGoing, so that a partly
/// invalid input still reaches the engine), the reachability matrix aggregated to workloads,
/// and the explainer on a few pairs, whose verdict must equal the engine's.
func fuzzOne(_ bytes: [UInt8]) {
    let result: LoadResult
    do {
        result = try ManifestLoader.load([ManifestSource(name: "fuzz.yaml", bytes: bytes)], options: LoadOptions(keepGoing: true))
    } catch {
        // A refusal must say why.
        if error.diagnostics.isEmpty { fatalError("load failed without a diagnostic") }
        return
    }
    let cluster = result.cluster
    let reach = Reachability(cluster: cluster)
    _ = reach.edges(level: .workload)
    let explainer = Explainer(cluster: cluster)
    let n = cluster.pods.count
    guard n > 0 else { return }
    // A handful of pairs: first and last pods, both ways, and one external source.
    for (s, d) in [(0, n - 1), (n - 1, 0), (n / 2, 0)] {
        let e = explainer.explain(.pod(s), .pod(d), sourceName: "s", destinationName: "d")
        if e.allowed != reach.connections(fromPod: s, toPod: d) {
            fatalError("explainer and engine disagree on pod \(s) -> pod \(d): \(e.allowed) vs \(reach.connections(fromPod: s, toPod: d))")
        }
    }
    if let range = reach.externalSources.first {
        let e = explainer.explain(.external(range.first), .pod(0), sourceName: "x", destinationName: "d")
        if e.allowed != reach.connections(fromExternal: 0, toPod: 0) {
            fatalError("explainer and engine disagree on \(range) -> pod 0")
        }
    }
}

/// libFuzzer's entry point: one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzOne(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

#if FUZZING
    /// libFuzzer's driver, in the fuzzer runtime that `-sanitize=fuzzer` links.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt
#endif

/// Built with `-DFUZZING -sanitize=fuzzer` (scripts/fuzz) it hands its arguments to libFuzzer;
/// built plainly it replays the files given as arguments (a crash reproducer, or a corpus).
/// SwiftPM renames an executable's entry point, so `main` stays ours and calls the driver.
@main enum FuzzDriver {
    static func main() {
        #if FUZZING
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(runFuzzerDriver(&argc, &argv, fuzz))
        #else
            for path in CommandLine.arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    print("cannot read \(path)")
                    exit(2)
                }
                fuzzOne([UInt8](data))
                print("ok \(path)")
            }
        #endif
    }
}
