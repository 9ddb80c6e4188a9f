/// A `String`-backed enum whose schema lists every case: `type: string` with `enum: [...]`, as a
/// component of its own (so generated clients get a named enum type).
///
/// ```swift
/// enum Department: String, Codable, SchemaEnum {
///     case hr, finance, engineering
/// }
/// ```
///
/// Reflection cannot list an enum's cases by decoding it, and cannot invent a valid raw value
/// either: a `String`-backed enum that does not conform is reported as an error naming it.
public protocol SchemaEnum: CaseIterable, RawRepresentable, Decodable where RawValue == String {}

extension SchemaEnum {
    /// Every raw value, in declaration order.
    static var schemaValues: [String] { allCases.map(\.rawValue) }

    /// A valid value to hand back while probing, `nil` for an enum without cases.
    static var anyCase: Self? { allCases.first }
}
