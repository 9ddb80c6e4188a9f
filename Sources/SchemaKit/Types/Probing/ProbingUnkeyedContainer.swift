/// The unkeyed container of ``ProbingDecoder``: it holds one element while recording, whose type
/// is the array's item schema, and none while building a placeholder.
final class ProbingUnkeyedContainer: UnkeyedDecodingContainer, GenericValueDecoding {
    let decoder: ProbingDecoder
    private(set) var currentIndex = 0

    init(decoder: ProbingDecoder) {
        self.decoder = decoder
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { decoder.record == nil ? 0 : 1 }
    var isAtEnd: Bool { currentIndex >= count ?? 0 }

    func decodeNil() throws -> Bool { false }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.value(type, at: nextKey()) { record, node in
            record.setItems(.schema(node))
        }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try nestedDecoder().container(keyedBy: type)
    }

    func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try nestedDecoder().unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        nestedDecoder()
    }

    private func nestedDecoder() -> ProbingDecoder {
        decoder.nested(at: nextKey()) { parent, child in
            parent.setItems(.nested(child))
        }
    }

    private func nextKey() -> ProbeKey {
        defer { currentIndex += 1 }
        return ProbeKey(intValue: currentIndex)
    }
}
