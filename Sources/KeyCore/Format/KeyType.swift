/// The kind of a key, written as the first part of its text (`pgk_…`, `pgp_…`).
///
/// The typed prefix lets a person tell keys apart at a glance and lets secret scanners match
/// leaked Pegasus keys with a simple pattern.
public struct KeyType: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The lowercase prefix, 2 to 8 ASCII letters.
    public let prefix: String

    /// User and service API keys: `pgk_…`.
    public static let apiKey = KeyType(unchecked: "pgk")
    /// Personal access tokens: `pgp_…`.
    public static let personalAccessToken = KeyType(unchecked: "pgp")
    /// Keys imported from djangorestframework-api-key (`<prefix8>.<secret32>`, no typed prefix).
    public static let djangoAPIKey = KeyType(unchecked: "drf")

    /// `true` for API keys: those issued here (``apiKey``) and those imported from
    /// djangorestframework-api-key (``djangoAPIKey``), which authenticate and are listed and
    /// revoked alike.
    public var isAPIKey: Bool { self == .apiKey || self == .djangoAPIKey }

    /// A key type with a custom prefix, or `nil` unless the prefix is 2 to 8 lowercase ASCII letters.
    public init?(prefix: String) {
        let bytes = Array(prefix.utf8)
        guard (2...8).contains(bytes.count),
              bytes.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) })
        else { return nil }
        self.prefix = prefix
    }

    private init(unchecked prefix: String) {
        self.prefix = prefix
    }

    public var description: String { prefix }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let type = KeyType(prefix: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid key type \(text)"))
        }
        self = type
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(prefix)
    }
}
