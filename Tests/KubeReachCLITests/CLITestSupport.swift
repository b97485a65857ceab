import Foundation
import KubeReachCLI
import Synchronization

/// Runs the CLI in process and captures stdout, stderr and the exit code.
struct CLIRun {
    var status: Int32
    var out: String
    var err: String
}

func fixture(_ name: String, filePath: String = #filePath) -> String {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name).path
}

func runCLI(_ arguments: [String], context: RunContext = RunContext()) -> CLIRun {
    let out = Mutex(""), err = Mutex("")
    let io = CommandIO(out: { s in out.withLock { $0 += s } }, err: { s in err.withLock { $0 += s } })
    let status = Runner.run(arguments, io: io, context: context)
    return CLIRun(status: status, out: out.withLock { $0 }, err: err.withLock { $0 })
}
