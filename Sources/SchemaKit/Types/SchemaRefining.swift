/// A type that adds to its derived schema what reflection cannot know: a description, an
/// example, a format, and the same for each property.
///
/// ```swift
/// extension Employee: SchemaRefining {
///     static func refine(_ schema: inout SchemaRefinement) {
///         schema.description = "An employee of the SaaS Pegasus example app."
///         schema[property: "salary"].description = "Yearly, in whole dollars."
///         schema[property: "email"].format = "email"
///     }
/// }
/// ```
///
/// Properties are named as they appear in the schema (after ``PropertyNaming``); naming one the
/// schema does not have is an error (``SchemaError/unknownRefinedProperty(type:property:)``).
public protocol SchemaRefining {
    /// Adds to the schema derived for this type.
    static func refine(_ schema: inout SchemaRefinement)
}
