import Foundation
import KubeReachCore
import KubeReachRender
import Testing

/// Connection documents name the other protocols only when some but not all are allowed,
/// so the NetworkPolicy-only documents stay as they were.
@Suite struct OtherProtocolsDocumentTests {
    @Test func absentForAllOrNone() {
        #expect(OtherProtocolsDocument.partial(.all) == nil)
        #expect(OtherProtocolsDocument.partial(ConnectionSet(.tcp, .all)) == nil)
    }

    @Test func partsByNumberAndMessage() throws {
        let set = ConnectionSet(
            others: OtherProtocolSet.number(47).union(.number(58)).union(.icmp(.v4, type: 3, code: 1)).union(.icmp(.v4, type: 8, code: nil))
        )
        let doc = try #require(OtherProtocolsDocument.partial(set))
        #expect(doc.numbers == [47, 58] && doc.icmpv6.isEmpty)
        #expect(
            doc.icmp == [
                OtherProtocolsDocument.Message(type: 3, fromCode: 1, toCode: 1),
                OtherProtocolsDocument.Message(type: 8, fromCode: 0, toCode: 255),
            ])
        let edge = try JSONEncoder().encode(
            EvalDocument(
                source: .external(.everything(.v4)), destination: .external(.everything(.v4)), query: nil, allowed: true, connections: set))
        let object = try #require(try JSONSerialization.jsonObject(with: edge) as? [String: Any])
        #expect((object["otherProtocolParts"] as? [String: Any])?["numbers"] as? [Int] == [47, 58])
        #expect(object["otherProtocols"] as? Bool == false)
    }
}
