import ArgumentParser
import KeyCore

/// `--owner user:42` on the command line.
extension KeyOwner: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }
}
