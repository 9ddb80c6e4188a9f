/// How the coding keys a type asks for become property names in its schema.
public enum PropertyNaming: Sendable, Hashable {
    /// The keys exactly as the type's `CodingKeys` spell them.
    case codingKeys
    /// The keys as `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase` writes them
    /// (`expiresAt` → `expires_at`, keys already in snake_case unchanged): for types read by a
    /// decoder with `.convertFromSnakeCase`.
    case snakeCase

    /// The property name of a coding key.
    func name(of key: String) -> String {
        switch self {
        case .codingKeys: key
        case .snakeCase: Self.snakeCased(key)
        }
    }

    /// Foundation's `convertToSnakeCase` rule: a word starts at each uppercase letter, and a run
    /// of uppercase letters followed by a lowercase one is a word until its last letter
    /// (`myURLValue` → `my_url_value`).
    static func snakeCased(_ key: String) -> String {
        let characters = Array(key)
        var words: [String] = []
        var word = ""
        for (index, character) in characters.enumerated() {
            let startsWord: Bool
            if index == 0 || !character.isUppercase {
                startsWord = false
            } else if !characters[index - 1].isUppercase {
                startsWord = true
            } else {
                startsWord = index + 1 < characters.count && characters[index + 1].isLowercase
            }
            if startsWord, !word.isEmpty {
                words.append(word)
                word = ""
            }
            word.append(character)
        }
        words.append(word)
        return words.map { $0.lowercased() }.joined(separator: "_")
    }
}
