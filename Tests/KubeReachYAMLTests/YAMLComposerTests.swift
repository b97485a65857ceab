import Foundation
import KubeReachSynthetic
import Testing
import Yams

@testable import KubeReachYAML

/// `YAMLComposer` against Yams' composer, node for node (value, tag name, style, line and
/// column), over every YAML file of the repository, synthetic clusters, hand-written corners
/// and seeded mutations of them: whatever it composes, Yams composes the same; what it
/// leaves (aliases, repeated keys, syntax errors) Yams reads.
@Suite struct YAMLComposerTests {
    static let corners = [
        "a: 1\nb: '2'\nc: \"3\"\nd: !!int \"4\"\ne: !!str 5\nf: !custom 6\ng: ! 7\nh:\ni: ~\n",
        "? complex\n: value\n'quoted key': 1\n!!str tagged: 2\n! bare: 3\n",
        "list: [a, 'b', {c: d}, [e]]\nblock: |\n  text\n  more\nfolded: >\n  one\n  two\nflow: {x: 1, y: [2, 3]}\n",
        "- 1\n- - 2\n  - 3\n- {}\n- []\n- ''\n", "plain text", "", "# only a comment\n", "---\n", "---\na: 1\n...\n",
        "<<: {a: 1}\nb: 2\n", "a: &x 1\nb: *x\n", "a: 1\na: 2\n", "{a: 1, a: 1}", "a: 1\n---\nb: 2\n", "a: [1, 2\n",
        "é: \"\\u00e9\\x41\\t\"\nkey with spaces: value # comment\n", "\u{FEFF}a: 1\n", "!!map {a: 1}", "!!seq [1]",
        "k: !!binary aGVsbG8=\n", "[a, b]: 1\n", "{a: b}: 1\n", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n",
    ]

    /// Every document of the repository's YAML files, the synthetic clusters and the corners.
    static let documents: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
        var texts = corners
        for folder in ["Examples", "Tests"] {
            let walker = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                guard ["yaml", "yml"].contains(url.pathExtension), let text = try? String(contentsOf: url, encoding: .utf8) else {
                    continue
                }
                texts.append(text)
            }
        }
        let size = SyntheticCluster.Size(pods: 200, namespaces: 10, policies: 80, adminPolicies: 8)
        texts.append(SyntheticCluster(size: size).manifests())
        texts.append(RealisticObjects(size: size).text(.yaml))
        return texts.flatMap { DocumentSplitter.split($0).map(\.text) }
    }()

    @Test func composedTreesEqualYams() {
        var composed = 0
        for text in Self.documents { composed += Self.compare(text) ? 1 : 0 }
        #expect(composed * 10 > Self.documents.count * 9, "\(composed) of \(Self.documents.count) composed")
    }

    @Test func mutatedDocumentsComposeAsYamsDoes() {
        var rng = SplitMix64(seed: 19)
        let sources = Self.documents.filter { $0.utf8.count < 4000 }
        for _ in 0..<3000 {
            let bytes = MutationFuzzTests.mutate(rng.pick(sources), &rng)
            guard let text = String(validating: bytes, as: UTF8.self) else { continue }
            _ = Self.compare(text)
        }
    }

    /// Whether the composer composed `text`; its tree is checked against Yams' when it did.
    static func compare(_ text: String) -> Bool {
        guard case .composed(let mine) = YAMLComposer.compose(text) else { return false }
        let theirs: Node?
        do { theirs = try Yams.compose(yaml: text, .basic, .default, .utf8) } catch {
            Issue.record("composed what Yams refuses (\(error)): \(text.prefix(200))")
            return true
        }
        let difference = Self.difference(mine, theirs, at: "")
        #expect(difference == nil, "\(difference ?? "") in \(text.prefix(300))")
        return true
    }

    /// The first place two trees differ, or nil.
    static func difference(_ a: Node?, _ b: Node?, at path: String) -> String? {
        switch (a, b) {
        case (nil, nil): return nil
        case (.scalar(let x)?, .scalar(let y)?):
            guard x.string == y.string, x.tag.description == y.tag.description, x.style == y.style else {
                return "\(path): scalar \(x.string) \(x.tag) \(x.style) vs \(y.string) \(y.tag) \(y.style)"
            }
            return sameMark(x.mark, y.mark, path)
        case (.sequence(let x)?, .sequence(let y)?):
            guard x.count == y.count, x.tag.description == y.tag.description, x.style == y.style else { return "\(path): sequence" }
            for i in 0..<x.count {
                if let d = difference(x[i], y[i], at: "\(path)[\(i)]") { return d }
            }
            return sameMark(x.mark, y.mark, path)
        case (.mapping(let x)?, .mapping(let y)?):
            guard x.count == y.count, x.tag.description == y.tag.description, x.style == y.style else { return "\(path): mapping" }
            for (i, j) in zip(x.indices, y.indices) {
                if let d = difference(x[i].key, y[j].key, at: "\(path).key") ?? difference(x[i].value, y[j].value, at: "\(path).value") {
                    return d
                }
            }
            return sameMark(x.mark, y.mark, path)
        default: return "\(path): \(String(describing: a)) vs \(String(describing: b))"
        }
    }

    static func sameMark(_ a: Mark?, _ b: Mark?, _ path: String) -> String? {
        a?.line == b?.line && a?.column == b?.column ? nil : "\(path): mark \(String(describing: a)) vs \(String(describing: b))"
    }
}
