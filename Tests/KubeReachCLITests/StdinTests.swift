import Foundation
import Testing

/// The real binary reading `-` from stdin, as in `helm template ... | kubereach list -`.
@Suite struct StdinTests {
    static var binary: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/kubereach").standardized
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path)))
    func readsManifestsFromStdin() throws {
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
