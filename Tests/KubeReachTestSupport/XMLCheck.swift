import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Whether bytes are well-formed XML (what a browser needs to show an SVG at all).
public func isWellFormedXML(_ bytes: [UInt8]) -> Bool {
    XMLParser(data: Data(bytes)).parse()
}

/// The text of every `<title>` element of an SVG (Graphviz puts node and cluster names
/// there), or nil when the XML is not well-formed.
public func svgTitles(_ bytes: [UInt8]) -> [String]? {
    final class Titles: NSObject, XMLParserDelegate {
        var titles: [String] = []
        var current: String?
        func parser(
            _ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            if name == "title" { current = "" }
        }
        func parser(_ p: XMLParser, foundCharacters string: String) { current? += string }
        func parser(_ p: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "title", let c = current { titles.append(c) }
            current = nil
        }
    }
    let parser = XMLParser(data: Data(bytes))
    let delegate = Titles()
    parser.delegate = delegate
    return parser.parse() ? delegate.titles : nil
}
