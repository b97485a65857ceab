import KubeReachCore
import KubeReachSynthetic
import Testing

@testable import KubeReachYAML

/// `diff` loads both sides with one `DocumentCache`: a source the second load shares with the
/// first (same name, same bytes, same reading options) is not read again, and the load is
/// exactly the one it would be without the cache; anything else is read.
@Suite struct DocumentCacheTests {
    typealias Load = JSONFastPathTests.Load

    static func load(_ sources: [ManifestSource], cache: DocumentCache?, defaultNamespace: String = "default", keepGoing: Bool = false)
        -> Load
    {
        var options = LoadOptions(keepGoing: keepGoing, defaultNamespace: defaultNamespace)
        options.cache = cache
        return Load(sources, options: options)
    }

    static let base = [
        ManifestSource(
            name: "cluster.yaml", bytes: Array(SyntheticCluster(size: .init(pods: 60, namespaces: 5, policies: 30)).manifests().utf8)),
        ManifestSource(
            name: "dump.json", bytes: Array(RealisticObjects(size: .init(pods: 20, namespaces: 3, policies: 8), seed: 2).text(.json).utf8)),
    ]
    static let change = ManifestSource(
        name: "change.yaml",
        bytes: Array(
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-all, namespace: ns1}
            spec: {podSelector: {}}
            """.utf8))

    @Test func sharedSourcesAreReadOnceAndLoadTheSame() {
        let cache = DocumentCache()
        #expect(Self.load(Self.base, cache: cache) == Self.load(Self.base, cache: nil))
        #expect(cache.hits == 0)
        let after = Self.base + [Self.change]
        #expect(Self.load(after, cache: cache) == Self.load(after, cache: nil))
        #expect(cache.hits == 2)
    }

    /// `diff --watch` forgets, after each run, what that run did not use: an edited file's
    /// older versions go, the files still read stay and are served again.
    @Test func forgettingKeepsOnlyWhatTheLastLoadRead() {
        let cache = DocumentCache()
        _ = Self.load(Self.base + [Self.change], cache: cache)
        #expect(cache.count == 3)
        cache.forgetUnused()
        #expect(cache.count == 3)
        var edited = Self.change
        edited.bytes += Array("\n# edited\n".utf8)
        let after = Self.base + [edited]
        #expect(Self.load(after, cache: cache) == Self.load(after, cache: nil))
        #expect(cache.count == 4)
        cache.forgetUnused()
        #expect(cache.count == 3)
        let hits = cache.hits
        #expect(Self.load(after, cache: cache) == Self.load(after, cache: nil))
        #expect(cache.hits == hits + 3)
        cache.forgetUnused()
        cache.forgetUnused()
        #expect(cache.count == 0)
    }

    @Test func changedBytesOtherNamesAndOtherOptionsAreReadAgain() {
        let cache = DocumentCache()
        _ = Self.load(Self.base, cache: cache)
        var edited = Self.base
        edited[0].bytes += Array("\n# a comment\n".utf8)
        #expect(Self.load(edited, cache: cache) == Self.load(edited, cache: nil))
        #expect(cache.hits == 1)
        var renamed = Self.base
        renamed[1].name = "other.json"
        #expect(Self.load(renamed, cache: cache) == Self.load(renamed, cache: nil))
        #expect(cache.hits == 2)
        #expect(Self.load(Self.base, cache: cache, defaultNamespace: "team") == Self.load(Self.base, cache: nil, defaultNamespace: "team"))
        #expect(cache.hits == 2)
        // --keep-going acts when objects are applied: the documents are shared.
        #expect(Self.load(Self.base, cache: cache, keepGoing: true) == Self.load(Self.base, cache: nil, keepGoing: true))
        #expect(cache.hits == 4)
    }

    /// A source refused whole is never kept: the second load refuses it again.
    @Test func refusedSourcesFailAgain() {
        let cache = DocumentCache()
        let bad = [ManifestSource(name: "bad.yaml", bytes: [0x6B, 0x3A, 0xFF, 0x0A])]
        let first = Self.load(bad, cache: cache)
        #expect(first.failure != nil)
        #expect(Self.load(bad, cache: cache) == first)
        #expect(cache.hits == 0)
    }
}
