/// A route path read as segments: literals and Django-style `{name}` parameters.
struct PathTemplate: Equatable {
    enum Segment: Equatable {
        case literal(String)
        case parameter(String)
    }

    let path: String
    /// The segments between slashes, without the empty ones at the ends.
    let segments: [Segment]

    init(_ path: String) {
        self.path = path
        segments = path.split(separator: "/").map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") && segment.count > 2
                ? .parameter(String(segment.dropFirst().dropLast()))
                : .literal(String(segment))
        }
    }

    /// The parameter names, in path order.
    var parameterNames: [String] {
        segments.compactMap { if case .parameter(let name) = $0 { name } else { nil } }
    }

    /// The path with every parameter written `{}`: two paths with one shape are one route.
    var shape: String {
        segments.map { if case .literal(let text) = $0 { text } else { "{}" } }.joined(separator: "/")
            + (path.hasSuffix("/") ? "/" : "")
    }

    /// Throws unless the path starts with `/`, has no empty segment inside, and every brace is a
    /// whole `{identifier}` segment used once.
    func validate(route: String) throws(SchemaError) {
        guard path.hasPrefix("/") else { throw .invalidPath(route: route, reason: "it must start with /") }
        guard !path.contains("//") else { throw .invalidPath(route: route, reason: "it has an empty segment") }
        for segment in segments {
            switch segment {
            case .literal(let text) where text.contains("{") || text.contains("}"):
                throw .invalidPath(route: route, reason: "'\(text)' is not a whole {name} segment")
            case .parameter(let name) where !Self.isIdentifier(name):
                throw .invalidPath(route: route, reason: "'{\(name)}' is not a parameter name")
            default:
                continue
            }
        }
        let names = parameterNames
        if let repeated = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw .invalidPath(route: route, reason: "{\(repeated)} appears twice")
        }
    }

    private static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
