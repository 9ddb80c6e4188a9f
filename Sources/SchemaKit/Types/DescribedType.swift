/// A Swift type SchemaKit derives a schema from: a request or response body, or a parameter.
///
/// It must be `Decodable`, because the schema is read by decoding the type once (see
/// ``SchemaRegistry``): response types that are only `Encodable` must become `Codable`.
/// (`SendableMetatype` lets route tables holding these types be `Sendable`; every ordinary type
/// has it.)
public typealias DescribedType = any (Decodable & SendableMetatype).Type
