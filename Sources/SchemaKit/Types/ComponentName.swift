/// The schema component name of a type: its Swift name without the module and without dots
/// (`Employee.Department` → `EmployeeDepartment`), generic arguments appended the same way
/// (`Page<Employee>` → `PageEmployee`). Never a hash: a clash is an error, not a suffix.
enum ComponentName {
    /// The name for `type`: ``SchemaNaming/schemaName`` when it has one, else derived.
    static func of(_ type: Any.Type) -> String {
        if let named = type as? any SchemaNaming.Type { return named.schemaName }
        return derived(from: String(reflecting: type))
    }

    /// `reflected` is `String(reflecting:)`, e.g. `App.Page<App.Employee.Department>` or
    /// `App.(unknown context at $1f2e).Local`.
    static func derived(from reflected: String) -> String {
        var name = ""
        for qualified in withoutAnonymousContexts(reflected).split(whereSeparator: { "<>, ".contains($0) }) {
            let parts = qualified.split(separator: ".")
            name += parts.dropFirst(parts.count > 1 ? 1 : 0).joined()
        }
        return String(name.filter { $0.isLetter || $0.isNumber || $0 == "_" })
    }

    /// Drops `(unknown context at $…)` (private and local types) and `(extension in M):` parts.
    private static func withoutAnonymousContexts(_ reflected: String) -> String {
        var result = ""
        var depth = 0
        var skippingColon = false
        for character in reflected {
            switch character {
            case "(": depth += 1
            case ")": depth -= 1; skippingColon = true
            case ":" where skippingColon: skippingColon = false
            default:
                skippingColon = false
                if depth == 0 { result.append(character) }
            }
        }
        return result
    }
}
