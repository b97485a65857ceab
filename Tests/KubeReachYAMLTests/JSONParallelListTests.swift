import KubeReachCore
import KubeReachSynthetic
import Testing

@testable import KubeReachYAML

/// The parallel List reader against the sequential one: on seeded dumps of many sizes, cut
/// into many chunk counts, the loads are identical (objects in item order, diagnostics with
/// file, document, field path, line and column, duplicates merged or replaced across chunk
/// boundaries), and a document it cannot vouch for (a syntax error in a later item) is handed
/// back and then reported exactly as before.
@Suite struct JSONParallelListTests {
    typealias Load = JSONFastPathTests.Load

    /// The loads with 1 (sequential) and each of `chunks` parallel chunks agree; the parallel
    /// reader takes the document when `taken`.
    static func expectSame(
        _ text: String, keepGoing: Bool = false, chunks: [Int] = [2, 3, 5, 16, 1000], taken: Bool = true, _ what: String
    ) {
        let bytes = Array(text.utf8)
        let source = [ManifestSource(name: "dump.json", bytes: bytes)]
        let sequential = Load(source, fast: true, keepGoing: keepGoing, chunks: 1)
        for k in chunks {
            let origin = DocumentOrigin(file: "dump.json", index: 0, lineOffset: 0)
            let outcome = JSONParallelList.read(SourceBytes(bytes), from: 0, origin: origin, defaultNamespace: "default", chunks: k)
            #expect((outcome != nil) == taken, "\(what), \(k) chunks: taken \(outcome != nil)")
            let parallel = Load(source, fast: true, keepGoing: keepGoing, chunks: k)
            #expect(parallel == sequential, "\(what), \(k) chunks: the parallel load differs")
        }
    }

    /// A List's item texts as the realistic writer lays them out (eight spaces, one per line).
    static func items(of text: String) -> [String] {
        let body = text.split(separator: "\"items\": [\n", maxSplits: 1)[1].split(separator: "\n    ],\n", maxSplits: 1)[0]
        return body.split(separator: ",\n        {", omittingEmptySubsequences: false).enumerated().map { i, s in
            i == 0 ? String(s) : "        {" + s
        }
    }

    static func list(_ items: [String], separator: String = ",\n") -> String {
        "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n" + items.joined(separator: separator)
            + "\n    ],\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n"
    }

    @Test(arguments: [(1, 1, 1), (2, 1, 0), (7, 2, 3), (19, 3, 8), (40, 5, 20), (90, 7, 31)] as [(Int, Int, Int)])
    func seededDumpsOfManySizesLoadIdentically(pods: Int, namespaces: Int, policies: Int) {
        for seed: UInt64 in 1...3 {
            let text = RealisticObjects(size: .init(pods: pods, namespaces: namespaces, policies: policies), seed: seed).text(.json)
            Self.expectSame(text, "\(pods) pods, seed \(seed)")
        }
    }

    /// Identical and changed copies of objects, and invalid objects, spread so that chunk
    /// boundaries fall between an object and its copy: merged, replaced and reported as the
    /// sequential reader does, with and without --keep-going.
    @Test func duplicatesAcrossChunksAndInvalidObjects() {
        var items = Self.items(of: JSONFastPathTests.dump(seed: 4, pods: 12))
        #expect(items.count > 20)
        let changed = items[items.count / 2].replacing("\"resourceVersion\": \"", with: "\"resourceVersion\": \"9", maxReplacements: 1)
        #expect(changed != items[items.count / 2])
        let invalid = items[items.count - 3].replacing("\"name\": \"", with: "\"name\": \"Bad_", maxReplacements: 1)
        items += [items[1], changed, items[2], invalid, items[items.count / 2 + 1], "7"]
        items.insert(items[3], at: 4)
        for keepGoing in [false, true] {
            Self.expectSame(Self.list(items), keepGoing: keepGoing, "duplicates, keepGoing \(keepGoing)")
        }
        let general = Load([ManifestSource(name: "dump.json", bytes: Array(Self.list(items).utf8))], fast: false, keepGoing: true)
        #expect(general.diagnostics.contains { $0.message.contains("defined again with different content") })
        #expect(!general.skippedObjects.isEmpty)
    }

    /// Strings full of what the bounds pass must not take for structure, one-line and CRLF
    /// layouts, an empty list and the key `items` elsewhere.
    @Test func stringsAndLayoutsThatLookLikeStructure() {
        let tricky =
            #"{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a", "annotations": {"x": "],[{\"items\": [\\", "y": "\\\\\"", "items": "é,}"}}}"#
        let plain = #"{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "b", "labels": {"k": "v"}}}"#
        let lists = [
            #"{"kind": "List", "apiVersion": "v1", "items": ["#
                + [tricky, plain, tricky.replacing("\"a\"", with: "\"c\"")].joined(separator: ",") + "]}",
            "{\r\n\"items\": \r\n[\r\n" + [plain, tricky].joined(separator: "\r\n,\r\n")
                + "\r\n]\r\n,\"kind\":\"List\",\"apiVersion\":\"v1\"}",
            Self.list([tricky, plain]).replacing(
                "\"metadata\": {\n        \"resourceVersion\"",
                with: "\"metadata\": {\"items\": [1]}, \"x\": {\n        \"resourceVersion\""),
        ]
        for (i, text) in lists.enumerated() { Self.expectSame(text, "layout \(i)") }
        Self.expectSame(#"{"kind": "List", "apiVersion": "v1", "items": []}"#, "an empty List")
        // Not a plain List: the sequential reader reads it (typed items inherit the kind).
        Self.expectSame(#"{"kind": "NamespaceList", "apiVersion": "v1", "items": [{"metadata": {"name": "n"}}]}"#, taken: false, "typed")
    }

    /// A syntax error, a duplicate key or a tab inside a later item: the parallel reader hands
    /// the document back, and the load (the general reader's error, with its line and column)
    /// is exactly the sequential one.
    @Test(arguments: ["phase", "name", "podIP"])
    func problemsInALaterItemAreReportedAsBefore(key: String) throws {
        let items = Self.items(of: JSONFastPathTests.dump(seed: 6, pods: 20))
        let anchor = "\"\(key)\": "
        let last = try #require(items.lastIndex { $0.contains(anchor) })
        // A stray quote and a stray bracket (syntax errors), a duplicate key, a tab between tokens.
        for (broken, isSyntaxError) in [
            ("\(anchor)\"", true), ("]\(anchor)", true), ("\(anchor)1, \(anchor)", false), ("\t\(anchor)", false),
        ] {
            var changed = items
            changed[last] = changed[last].replacing(anchor, with: broken, maxReplacements: 1)
            for keepGoing in [false, true] {
                Self.expectSame(Self.list(changed), keepGoing: keepGoing, chunks: [3], taken: false, "\(broken) in item \(last)")
            }
            guard isSyntaxError else { continue }
            let failure = Load([ManifestSource(name: "dump.json", bytes: Array(Self.list(changed).utf8))], fast: true, chunks: 4).failure
            #expect((failure?.first?.location?.line ?? 0) > 4, "\(broken): \(String(describing: failure))")
        }
    }

    /// The chunks cover every item once, in order, none empty.
    @Test func chunksCoverTheItemsInOrder() throws {
        let text = Self.list(Self.items(of: JSONFastPathTests.dump(seed: 2, pods: 30)))
        let bounds = try #require(Array(text.utf8).withUnsafeBufferPointer { JSONItemBounds.find(in: $0, from: 0) })
        for k in [1, 2, 3, 7, bounds.starts.count, bounds.starts.count + 5] {
            let ranges = JSONParallelList.split(bounds, into: k)
            #expect(ranges.count == min(k, bounds.starts.count))
            #expect(ranges.allSatisfy { !$0.isEmpty } && ranges.first?.lowerBound == 0 && ranges.last?.upperBound == bounds.starts.count)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        }
    }
}
