import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses a page as XML with Foundation's XMLParser and collects what the tests look at:
/// whether it is well-formed, the element names, and the text content.
final class XMLCheck: NSObject, XMLParserDelegate {
    private(set) var elements: [String] = []
    private(set) var attributes: [String: [String]] = [:]
    private(set) var text = ""
    private(set) var error: String?

    static func parse(_ page: String) -> XMLCheck {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(page.utf8))
        parser.delegate = check
        if !parser.parse() && check.error == nil {
            check.error = parser.parserError.map { "\($0)" } ?? "parse failed"
        }
        return check
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append(elementName)
        for (k, v) in attributeDict { attributes[k, default: []].append(v) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        error = "line \(parser.lineNumber), column \(parser.columnNumber): \(parseError)"
    }
}
