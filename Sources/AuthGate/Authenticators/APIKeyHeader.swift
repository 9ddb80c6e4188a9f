/// Where requests carry API keys, as djangorestframework-api-key's `KeyParser` reads them.
public enum APIKeyHeader: Hashable, Sendable {
    /// `Authorization: <keyword> <key>`: the keyword matched case-insensitively as the whole
    /// first word, followed by exactly one space; the rest is the key, taken as is.
    case authorization(keyword: String)
    /// A header of its own (e.g. `X-Api-Key: <key>`). It replaces the Authorization form.
    case custom(String)

    /// `Authorization: Api-Key <key>`, the form SaaS Pegasus documents.
    public static let standard = APIKeyHeader.authorization(keyword: "Api-Key")

    /// The key text presented, or `nil` when the request presents none in this form. An empty
    /// key (`Api-Key ` with nothing after it, or an empty custom header) counts as none, as in
    /// djangorestframework-api-key.
    public func key(in facts: RequestFacts) -> String? {
        let key: String?
        switch self {
        case .custom(let name):
            key = facts.header(name)
        case .authorization(let keyword):
            guard let authorization = facts.header("Authorization"),
                let space = authorization.firstIndex(of: " "),
                authorization[..<space].lowercased() == keyword.lowercased()
            else { return nil }
            key = String(authorization[authorization.index(after: space)...])
        }
        return key?.isEmpty == false ? key : nil
    }

    /// How the schema and challenges describe this form.
    var location: SecurityScheme.Location {
        switch self {
        case .authorization(let keyword): .authorizationKeyword(keyword)
        case .custom(let name): .header(name)
        }
    }
}
