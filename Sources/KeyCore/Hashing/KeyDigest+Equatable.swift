extension KeyDigest: Equatable {
    /// Two digests are equal when they are the same algorithm over the same bytes. The bytes are
    /// compared in constant time (``ConstantTime/equals(_:_:)``), so code that compares digests
    /// with `==` cannot leak where a guess first differs. The algorithm, PBKDF2 iterations and
    /// salt are public (they are stored beside the hash in Django's format too).
    public static func == (lhs: KeyDigest, rhs: KeyDigest) -> Bool {
        switch (lhs, rhs) {
        case (.sha256(let left), .sha256(let right)),
             (.hmacSHA256(let left), .hmacSHA256(let right)),
             (.djangoSHA512(let left), .djangoSHA512(let right)):
            return ConstantTime.equals(left, right)
        case (.djangoPBKDF2(let leftIterations, let leftSalt, let left), .djangoPBKDF2(let rightIterations, let rightSalt, let right)):
            return ConstantTime.equals(left, right) && leftIterations == rightIterations && leftSalt == rightSalt
        default:
            return false
        }
    }
}
