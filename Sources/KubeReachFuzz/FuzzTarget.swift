import Foundation
import KubeReachCore
import KubeReachYAML

/// One fuzz input through the whole pipeline: the loader (keepGoing, so that a partly
/// invalid input still reaches the engine), the reachability matrix aggregated to workloads
/// and namespaces, and the explainer on a few pairs, whose verdict must equal the engine's.
/// The input's length picks the evaluation options and its first byte the file type, so
/// that every choice is fuzzed without spending input bytes on it.
func fuzzOne(_ bytes: [UInt8]) {
    let isJSON = bytes.first { $0 != 32 && $0 != 10 && $0 != 9 } == UInt8(ascii: "{")
    let source = ManifestSource(name: isJSON ? "fuzz.json" : "fuzz.yaml", bytes: bytes)
    let result: LoadResult
    do {
        result = try ManifestLoader.load([source], options: LoadOptions(keepGoing: true))
    } catch {
        // A refusal must say why.
        if error.diagnostics.isEmpty { fatalError("load failed without a diagnostic") }
        return
    }
    let cluster = result.cluster
    let options = EvaluationOptions(ipBlockMatchesPods: bytes.count & 1 == 0, hostNetwork: bytes.count & 2 == 0 ? .bypass : .apply)
    let reach = Reachability(cluster: cluster, options: options)
    _ = reach.edges(level: .workload)
    _ = reach.edges(level: .namespace)
    _ = reach.workloadConflicts()
    let explainer = Explainer(cluster: cluster, options: options)
    let inspector = PolicyInspector(cluster: cluster, options: options)
    if !cluster.policies.isEmpty { _ = inspector.inspect(policy: cluster.policies.count - 1) }
    let n = cluster.pods.count
    guard n > 0 else { return }
    func check(_ what: String, _ explained: ConnectionSet, _ engine: ConnectionSet) {
        if explained != engine { fatalError("explainer and engine disagree on \(what): \(explained) vs \(engine)") }
    }
    // A handful of pairs: first and last pods both ways, a middle one, and external ranges.
    for (s, d) in [(0, n - 1), (n - 1, 0), (n / 2, 0)] {
        let e = explainer.explain(.pod(s), .pod(d), sourceName: "s", destinationName: "d", query: (.tcp, 80))
        check("pod \(s) -> pod \(d)", e.allowed, reach.connections(fromPod: s, toPod: d))
        _ = inspector.policiesSelecting(pod: s)
    }
    let sources = reach.externalSources, destinations = reach.externalDestinations
    for x in Set([0, sources.count / 2, sources.count - 1]) where sources.indices.contains(x) {
        let e = explainer.explain(.external(sources[x].first), .pod(n - 1), sourceName: "x", destinationName: "d")
        check("\(sources[x]) -> pod \(n - 1)", e.allowed, reach.connections(fromExternal: x, toPod: n - 1))
    }
    for x in Set([0, destinations.count - 1]) where destinations.indices.contains(x) {
        let e = explainer.explain(.pod(0), .external(destinations[x].last), sourceName: "s", destinationName: "x")
        check("pod 0 -> \(destinations[x])", e.allowed, reach.connections(fromPod: 0, toExternal: x))
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
