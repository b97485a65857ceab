import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Whether bytes are well-formed XML (what a browser needs to show an SVG at all).
func isWellFormedXML(_ bytes: [UInt8]) -> Bool {
    XMLParser(data: Data(bytes)).parse()
}
