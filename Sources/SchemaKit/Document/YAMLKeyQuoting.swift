internal import Yams

/// Yams writes mapping keys as plain scalars whatever they look like, so a response status comes
/// out as `200:`, which YAML reads back as the integer 200. OpenAPI requires status codes quoted
/// (`'200':`) for YAML and JSON to mean the same; this rewrites every key that would not read back
/// as a string as a single-quoted string.
enum YAMLKeyQuoting {
    /// `yaml` (as Yams wrote it) with every key a string, keys sorted, lines unwrapped.
    static func quotingKeys(of yaml: String) throws -> String {
        guard let node = try Yams.compose(yaml: yaml) else { return yaml }
        return try Yams.serialize(node: quotingKeys(in: node), width: -1, allowUnicode: true, sortKeys: true)
    }

    private static func quotingKeys(in node: Node) -> Node {
        switch node {
        case .mapping(let mapping):
            let pairs = mapping.map { key, value in
                let stringKey = key.tag == Tag(.str) ? key : Node(key.string ?? "", Tag(.str), .singleQuoted)
                return (stringKey, quotingKeys(in: value))
            }
            return Node(pairs, mapping.tag, mapping.style)
        case .sequence(let sequence):
            return Node(sequence.map(quotingKeys(in:)), sequence.tag, sequence.style)
        case .scalar, .alias:
            return node
        }
    }
}
