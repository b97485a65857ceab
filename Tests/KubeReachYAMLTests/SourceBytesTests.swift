import Foundation
import KubeReachCore
import KubeReachSynthetic
import Testing

@testable import KubeReachYAML

/// A mapped JSON file reads as the same bytes read into an array: the parallel List reader
/// hands its pages back as it goes (the first pass's, then each chunk's), and pages handed
/// back are read from the file again, so the load, its diagnostics and a later fallback to
/// the general reader are unchanged.
@Suite struct SourceBytesTests {
    typealias Load = JSONFastPathTests.Load

    /// `text` written to a temporary file and mapped.
    static func mapped(_ text: String) throws -> SourceBytes {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kubereach-map-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let fd = open(url.path, O_RDONLY)
        #expect(fd >= 0)
        defer { close(fd) }
        return try #require(SourceBytes(mapping: fd, count: text.utf8.count))
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func mappedDumpLoadsAsTheArray(seed: UInt64) throws {
        let text = RealisticObjects(size: .init(pods: 40, namespaces: 4, policies: 12), seed: seed).text(.json)
        let map = try Self.mapped(text)
        #expect(map.isMapped && map.array == Array(text.utf8))
        let read = [ManifestSource(name: "dump.json", bytes: Array(text.utf8))]
        let mappedSource = [ManifestSource(name: "dump.json", storage: map)]
        let sequential = Load(read, fast: true, chunks: 1)
        for k in [nil, 3, 16] as [Int?] {
            #expect(Load(mappedSource, fast: true, chunks: k) == sequential, "\(k.map(String.init) ?? "default") chunks")
        }
        #expect(Load(mappedSource, fast: false) == Load(read, fast: false))
        // Everything handed back: still the same bytes.
        map.release(0..<map.count)
        #expect(map.array == Array(text.utf8))
    }

    /// A syntax error in a late item: the parallel reader gives the document back after
    /// handing pages back; the sequential and general readers then report it as before.
    @Test func laterSyntaxErrorAfterPagesWereHandedBack() throws {
        var items = JSONParallelListTests.items(of: JSONFastPathTests.dump(seed: 5, pods: 30))
        items[items.count - 2] = items[items.count - 2].replacing("\"kind\": ", with: "\"kind\" ", maxReplacements: 1)
        let text = JSONParallelListTests.list(items)
        let map = try Self.mapped(text)
        let mappedLoad = Load([ManifestSource(name: "dump.json", storage: map)], fast: true, chunks: 4)
        let arrayLoad = Load([ManifestSource(name: "dump.json", bytes: Array(text.utf8))], fast: true, chunks: 1)
        #expect(mappedLoad.failure != nil)
        #expect(mappedLoad == arrayLoad)
    }

    /// Only whole pages inside the range are handed back; ranges past the end are clipped.
    @Test func releaseClipsToWholePages() throws {
        let text = String(repeating: "{\"a\": 1}\n", count: 5000)
        let map = try Self.mapped(text)
        map.release(1..<3)
        map.release(100..<(map.count + 10_000))
        map.release(-5..<0)
        #expect(map.array == Array(text.utf8))
        #expect(SourceBytes(Array(text.utf8)).isMapped == false)
    }
}

/// The first pass hands back what it has passed, in order and without gaps, pretty-printed
/// or on one line, and finds the same items as without handing back.
@Suite struct ItemBoundsReleaseTests {
    @Test(arguments: [false, true])
    func handedBackInOrderWithoutGaps(oneLine: Bool) {
        var text = JSONFastPathTests.dump(seed: 6, pods: 30)
        if oneLine { text = text.split(separator: "\n").map { $0.drop { $0 == " " } }.joined() }
        let bytes = Array(text.utf8)
        var handed: [Range<Int>] = []
        let plain = bytes.withUnsafeBufferPointer { JSONItemBounds.find(in: $0, from: 0) }
        let released = bytes.withUnsafeBufferPointer { JSONItemBounds.find(in: $0, from: 0, release: { handed.append($0) }, step: 1000) }
        #expect(plain != nil && released != nil)
        #expect(plain?.starts.map(\.pos) == released?.starts.map(\.pos))
        #expect(handed.count > bytes.count / 2000, "\(handed.count) ranges for \(bytes.count) bytes")
        #expect(handed.first?.lowerBound == 0 && handed.last?.upperBound == bytes.count)
        #expect(zip(handed, handed.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    }
}
