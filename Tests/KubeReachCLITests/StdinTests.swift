import Foundation
import Testing

/// The real binary reading `-` from stdin, as in `helm template ... | kubereach list -`.
@Suite struct StdinTests {
    /// The binary built beside the test runner (`swift build --build-tests` builds both).
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kubereach")
    }

    @Test func readsManifestsFromStdin() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "no kubereach binary at \(Self.binary.path)")
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = ["list", "-", "--by", "pod"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = errors
        try p.run()
        let text = try String(contentsOfFile: fixture("basic/cluster.yaml"), encoding: .utf8)
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(out.contains("shop/web => shop/api : TCP 8080"))
    }
}
