internal import Yams

/// Yams writes mapping keys as plain scalars whatever they look like, so a response status comes
/// out as `200:`, which YAML reads back as the integer 200. OpenAPI requires status codes quoted
/// (`'200':`) for YAML and JSON to mean the same; this rewrites every key that would not read back
/// as a string as a single-quoted string.
///
/// It also puts the document's own fields in the conventional order — `openapi`, `info`,
/// `servers`, `paths`, `components`, as drf-spectacular and most hand-written documents have
/// them — so a reader sees the version first; every other mapping's keys are sorted.
enum YAMLKeyQuoting {
    /// The document's top-level fields in the order OpenAPI lists them; others follow, sorted.
    static let documentFieldOrder = [
        "openapi", "info", "jsonSchemaDialect", "servers", "security", "tags", "externalDocs", "paths", "webhooks", "components",
    ]

    /// `yaml` (as Yams wrote it) with every key a string, keys ordered, lines unwrapped.
    static func quotingKeys(of yaml: String) throws -> String {
        guard let node = try Yams.compose(yaml: yaml) else { return yaml }
        return try Yams.serialize(node: quotingKeys(in: node, topLevel: true), width: -1, allowUnicode: true, sortKeys: false)
    }

    private static func quotingKeys(in node: Node, topLevel: Bool = false) -> Node {
        switch node {
        case .mapping(let mapping):
            let pairs = mapping.map { key, value in
                let stringKey = key.tag == Tag(.str) ? key : Node(key.string ?? "", Tag(.str), .singleQuoted)
                return (stringKey, quotingKeys(in: value))
            }
            let rank = { (key: String) in topLevel ? documentFieldOrder.firstIndex(of: key) ?? documentFieldOrder.count : 0 }
            let ordered = pairs.sorted { left, right in
                let (leftKey, rightKey) = (left.0.string ?? "", right.0.string ?? "")
                return (rank(leftKey), leftKey) < (rank(rightKey), rightKey)
            }
            return Node(ordered, mapping.tag, mapping.style)
        case .sequence(let sequence):
            return Node(sequence.map { quotingKeys(in: $0) }, sequence.tag, sequence.style)
        case .scalar, .alias:
            return node
        }
    }
}
