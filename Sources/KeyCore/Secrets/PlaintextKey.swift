/// The full text of a key as a person holds it: the secret itself.
///
/// It never prints itself. `description`, `debugDescription`, string interpolation, `dump` and
/// logging all show a redacted form with only the public part (`pgk_Ab12Cd34Ef56_…`), so a key
/// cannot leak into a log line by accident. Read ``revealed`` exactly where the key must be shown
/// to its owner once, or sent over the wire by a client.
public struct PlaintextKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The key text. Reading it is a deliberate act: show it once, never store or log it.
    public let revealed: String

    /// Wraps key text, e.g. as read from a request header or standard input.
    public init(_ text: String) {
        revealed = text
    }

    /// The public part of the key (up to its last `_` or `.`), then an ellipsis.
    public var description: String {
        guard let cut = revealed.lastIndex(where: { $0 == "_" || $0 == "." }) else { return "<redacted key>" }
        return String(revealed[...cut]) + "…"
    }

    public var debugDescription: String { "PlaintextKey(\(description))" }

    public var customMirror: Mirror { Mirror(self, children: ["redacted": description]) }
}
