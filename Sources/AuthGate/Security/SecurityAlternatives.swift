/// What a route accepts, as OpenAPI writes it: any one of ``requirements`` (OR), each needing
/// all of its schemes (AND) with the scopes listed for them.
///
/// `[[:]]` (``anonymous``) means no credential is needed; `[]` (``unsatisfiable``) means no
/// credential gets through. Combining keeps the set minimal: an alternative that asks for
/// more than another one is dropped, since the smaller one already gets through.
public struct SecurityAlternatives: Hashable, Sendable {
    /// Scheme name → the scopes it must carry (empty for schemes without scopes).
    public typealias Requirement = [String: [String]]

    public private(set) var requirements: [Requirement]

    public init(_ requirements: [Requirement]) {
        self.requirements = []
        for requirement in requirements { insert(requirement) }
    }

    /// No credential is needed.
    public static let anonymous = SecurityAlternatives([[:]])
    /// Nothing is accepted.
    public static let unsatisfiable = SecurityAlternatives([])

    /// Any one scheme of `schemes` on its own.
    public static func anyOf(_ schemes: [SecurityScheme], scopes: [String] = []) -> SecurityAlternatives {
        SecurityAlternatives(schemes.map { [$0.name: scopes] })
    }

    /// Either side: the union of both lists.
    public func or(_ other: SecurityAlternatives) -> SecurityAlternatives {
        SecurityAlternatives(requirements + other.requirements)
    }

    /// Both sides: every alternative of one joined with every alternative of the other.
    public func and(_ other: SecurityAlternatives) -> SecurityAlternatives {
        var joined: [Requirement] = []
        for left in requirements {
            for right in other.requirements {
                joined.append(left.merging(right) { $0 + $1 })
            }
        }
        return SecurityAlternatives(joined)
    }

    /// The scheme names mentioned anywhere, in first-mention order.
    public var schemeNames: [String] {
        var seen: Set<String> = []
        return requirements.flatMap { $0.keys.sorted() }.filter { seen.insert($0).inserted }
    }

    private mutating func insert(_ requirement: Requirement) {
        let requirement = requirement.mapValues { Array(Set($0)).sorted() }
        if requirements.contains(where: { Self.requirement(requirement, covers: $0) }) { return }
        requirements.removeAll { Self.requirement($0, covers: requirement) }
        requirements.append(requirement)
    }

    /// `true` when satisfying `big` always satisfies `small` too: `big` names every scheme of
    /// `small` with at least its scopes. Then `big` is redundant in an OR.
    private static func requirement(_ big: Requirement, covers small: Requirement) -> Bool {
        small.allSatisfy { name, scopes in
            guard let bigScopes = big[name] else { return false }
            return Set(scopes).isSubset(of: bigScopes)
        }
    }
}
