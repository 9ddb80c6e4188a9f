import Foundation

/// Splits a script of several SQL statements at the semicolons that end them.
///
/// postgres-nio sends every query with the extended protocol (Parse, Bind, Execute), and
/// PostgreSQL refuses more than one statement in a Parse ("cannot insert multiple commands into
/// a prepared statement"), so a migration's statements are sent one at a time. A semicolon inside
/// a string ('…', E'…'), a quoted name ("…"), a comment (-- …, /* … */, nested) or a
/// dollar-quoted body ($$ … $$, $fn$ … $fn$, as PL/pgSQL functions are written) does not end a
/// statement. Statements holding only comments and spaces are dropped.
enum SQLScript {
    static func statements(_ script: String) -> [String] {
        let text = Array(script.unicodeScalars)
        var statements: [String] = [], start = 0, index = 0, meaningful = false

        func finish(at end: Int) {
            if meaningful {
                var statement = String.UnicodeScalarView()
                statement.append(contentsOf: text[start..<end])
                statements.append(String(statement).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            start = end + 1
            meaningful = false
        }

        while index < text.count {
            let scalar = text[index]
            switch scalar {
            case ";":
                finish(at: index)
                index += 1
                continue
            case "-" where next(text, index) == "-":
                index = text[index...].firstIndex(of: "\n") ?? text.count
                continue
            case "/" where next(text, index) == "*":
                index = endOfBlockComment(text, from: index)
                continue
            case "'":
                let escapes = index > 0 && ["E", "e"].contains(text[index - 1]) && !isIdentifierPart(text, index - 2)
                index = endOfQuoted(text, from: index, quote: "'", backslashEscapes: escapes)
            case "\"":
                index = endOfQuoted(text, from: index, quote: "\"", backslashEscapes: false)
            case "$" where !isIdentifierPart(text, index - 1):
                index = endOfDollarQuoted(text, from: index) ?? index + 1
            default:
                index += 1
            }
            if !scalar.properties.isWhitespace { meaningful = true }
        }
        finish(at: text.count)
        return statements
    }

    private static func next(_ text: [Unicode.Scalar], _ index: Int) -> Unicode.Scalar? {
        index + 1 < text.count ? text[index + 1] : nil
    }

    private static func isIdentifierPart(_ text: [Unicode.Scalar], _ index: Int) -> Bool {
        guard text.indices.contains(index) else { return false }
        let scalar = text[index]
        return scalar == "_" || scalar == "$" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    /// The index after the comment opened at `start`; PostgreSQL's block comments nest.
    private static func endOfBlockComment(_ text: [Unicode.Scalar], from start: Int) -> Int {
        var depth = 0, index = start
        while index < text.count {
            if text[index] == "/" && next(text, index) == "*" {
                depth += 1
                index += 2
            } else if text[index] == "*" && next(text, index) == "/" {
                depth -= 1
                index += 2
                if depth == 0 { return index }
            } else {
                index += 1
            }
        }
        return index
    }

    /// The index after the string or name opened at `start`; a doubled quote stands for itself.
    private static func endOfQuoted(_ text: [Unicode.Scalar], from start: Int, quote: Unicode.Scalar, backslashEscapes: Bool) -> Int {
        var index = start + 1
        while index < text.count {
            if backslashEscapes && text[index] == "\\" {
                index += 2
            } else if text[index] == quote {
                if next(text, index) == quote { index += 2 } else { return index + 1 }
            } else {
                index += 1
            }
        }
        return index
    }

    /// The index after the dollar-quoted body opened at `start` (`$tag$ … $tag$`), or `nil` when
    /// the `$` opens none (a parameter such as `$1`).
    private static func endOfDollarQuoted(_ text: [Unicode.Scalar], from start: Int) -> Int? {
        var tagEnd = start + 1
        while tagEnd < text.count, text[tagEnd] != "$" {
            let scalar = text[tagEnd]
            let allowed = scalar == "_" || scalar.properties.isAlphabetic || (tagEnd > start + 1 && ("0"..."9").contains(scalar))
            guard allowed else { return nil }
            tagEnd += 1
        }
        guard tagEnd < text.count else { return nil }
        let tag = text[start...tagEnd]
        var index = tagEnd + 1
        while index + tag.count <= text.count {
            if text[index..<(index + tag.count)].elementsEqual(tag) { return index + tag.count }
            index += 1
        }
        return text.count
    }
}
