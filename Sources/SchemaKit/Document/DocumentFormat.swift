import Foundation
internal import Yams

/// How a document is serialized. Both sort every object's keys, so the same document is always
/// the same bytes.
public enum DocumentFormat: String, Sendable, Hashable, CaseIterable, Codable, SchemaEnum {
    /// Pretty-printed JSON, keys sorted, slashes unescaped, ending with a newline.
    case json
    /// YAML (Yams), keys sorted and always strings (`'200':`), lines unwrapped.
    case yaml

    /// The media type to serve a document in this format with.
    public var contentType: String {
        switch self {
        case .json: "application/vnd.oai.openapi+json"
        case .yaml: "application/vnd.oai.openapi"
        }
    }

    /// `document` serialized in this format.
    func encode(_ document: some Encodable) throws(SchemaError) -> Data {
        do {
            switch self {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                return try encoder.encode(document) + Data("\n".utf8)
            case .yaml:
                return Data(try YAMLKeyQuoting.quotingKeys(of: YAMLEncoder().encode(document)).utf8)
            }
        } catch {
            throw .encodingFailed(String(describing: error))
        }
    }
}
