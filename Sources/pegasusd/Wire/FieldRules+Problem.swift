import AuthGateHummingbird
import FieldRules

extension TextRule {
    /// The value to keep, or 400 `invalid_<field>` saying what the field must be. The same rule
    /// is the field's schema (`SchemaRefinement.textRule`), so a refusal here is never a
    /// value the published schema allows.
    func checked(_ value: String, field: String) throws(ProblemError) -> String {
        switch validated(value) {
        case .success(let kept): return kept
        case .failure(let violation): throw ProblemError(.badRequest, code: "invalid_\(field)", detail: "The field \(field) \(violation).")
        }
    }
}

extension IntegerRule {
    /// The value, or 400 `invalid_<field>` saying what the field must be.
    func checked(_ value: Int, field: String) throws(ProblemError) -> Int {
        guard allows(value) else {
            throw ProblemError(.badRequest, code: "invalid_\(field)", detail: "The field \(field) must be \(description).")
        }
        return value
    }
}
