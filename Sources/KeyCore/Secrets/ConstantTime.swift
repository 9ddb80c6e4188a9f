/// Comparison whose duration does not depend on where two byte strings first differ.
public enum ConstantTime {
    /// `true` when `lhs` and `rhs` hold the same bytes. Lengths are public (digests have fixed
    /// sizes), so a length mismatch returns early; equal-length inputs are always read in full.
    @inline(never)
    public static func equals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices {
            difference |= lhs[index] ^ rhs[index]
        }
        return difference == 0
    }
}
