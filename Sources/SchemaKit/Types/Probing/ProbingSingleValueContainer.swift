/// The single value container of ``ProbingDecoder``: the type is a wrapper whose schema is that of
/// the value it decodes.
struct ProbingSingleValueContainer: SingleValueDecodingContainer, GenericValueDecoding {
    let decoder: ProbingDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { false }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.value(type, at: nil) { record, node in
            record.setSingle(node)
        }
    }
}
