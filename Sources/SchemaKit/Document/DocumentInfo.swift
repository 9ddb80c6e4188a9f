/// What the document says about the API as a whole: `info` and `servers`.
public struct DocumentInfo: Sendable {
    /// A server the API is served from; a relative URL such as `/` means "where the document is".
    public struct Server: Sendable {
        public var url: String
        public var description: String?

        /// The server at `url`.
        public init(_ url: String, description: String? = nil) {
            self.url = url
            self.description = description
        }
    }

    /// The API's name.
    public var title: String
    /// The API's version (not the OpenAPI version).
    public var version: String
    /// What the API is for (CommonMark).
    public var description: String?
    /// Where the API is served; none means "where the document is".
    public var servers: [Server]

    /// The document's `info` and `servers`.
    public init(title: String, version: String, description: String? = nil, servers: [Server] = []) {
        self.title = title
        self.version = version
        self.description = description
        self.servers = servers
    }
}
