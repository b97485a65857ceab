import KubeReachTestSupport
import Testing

/// Runs a command on one fixture file and compares its stdout with a golden file, the
/// fixture's absolute path shown as `Fixtures/NAME`.
func assertFixtureGolden(
    _ args: [String], fixture name: String, golden: String, status: Int32, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let file = fixture(name, filePath: filePath)
    let run = runCLI(args + [file])
    #expect(run.status == status, "\(run.err)", sourceLocation: sourceLocation)
    try assertSnapshot(run.out.replacing(file, with: "Fixtures/\(name)"), named: golden, filePath: filePath, sourceLocation: sourceLocation)
}
