import AuthGate
import Testing

/// One line of a two-input truth table.
struct TruthRow: Sendable, CustomTestStringConvertible {
    let left: Bool
    let right: Bool
    let expected: Bool

    var testDescription: String { "\(left) ∘ \(right) → \(expected)" }

    static func table(_ rule: (Bool, Bool) -> Bool) -> [TruthRow] {
        [(true, true), (true, false), (false, true), (false, false)].map { TruthRow(left: $0, right: $1, expected: rule($0, $1)) }
    }
}

@Suite struct RequestLevelCompositionTests {
    @Test(arguments: TruthRow.table { $0 || $1 })
    func orAllowsWhenEitherSideAllows(row: TruthRow) async throws {
        let decision = try await (StubPermission(allows: row.left) | StubPermission(allows: row.right)).evaluate(makeRequest())
        #expect(decision.isAllowed == row.expected)
    }

    @Test(arguments: TruthRow.table { $0 && $1 })
    func andAllowsOnlyWhenBothSidesAllow(row: TruthRow) async throws {
        let decision = try await (StubPermission(allows: row.left) & StubPermission(allows: row.right)).evaluate(makeRequest())
        #expect(decision.isAllowed == row.expected)
    }

    @Test(arguments: [true, false])
    func notInvertsTheDecision(allows: Bool) async throws {
        let decision = try await (!StubPermission(allows: allows)).evaluate(makeRequest())
        #expect(decision.isAllowed == !allows)
    }

    @Test func orStopsAtTheFirstAllow() async throws {
        let left = StubPermission(allows: true)
        let right = StubPermission(allows: true)
        _ = try await (left | right).evaluate(makeRequest())
        #expect(left.requestCalls.value == 1)
        #expect(right.requestCalls.value == 0)
    }

    @Test func orTriesTheRightSideWhenTheLeftDenies() async throws {
        let left = StubPermission(allows: false)
        let right = StubPermission(allows: true)
        #expect(try await (left | right).evaluate(makeRequest()) == .allow(on: nil))
        #expect(right.requestCalls.value == 1)
    }

    @Test func andStopsAtTheFirstDenial() async throws {
        let left = StubPermission(allows: false)
        let right = StubPermission(allows: true)
        _ = try await (left & right).evaluate(makeRequest())
        #expect(left.requestCalls.value == 1)
        #expect(right.requestCalls.value == 0)
    }

    @Test func anEmptyAnyOfDeniesAsNotAuthenticated() async throws {
        #expect(try await anyOf([]).evaluate(makeRequest()) == .deny(.notAuthenticated))
    }

    @Test func anEmptyAllOfAllows() async throws {
        #expect(try await allOf([]).evaluate(makeRequest()) == .allow(on: nil))
    }

    @Test func chainedOperatorsFlattenIntoOneList() {
        let a = StubPermission(allows: true), b = StubPermission(allows: true), c = StubPermission(allows: true)
        #expect((a | b | c).members.count == 3)
        #expect((a | (b | c)).members.count == 3)
        #expect((a & b & c).members.count == 3)
        #expect(anyOf([a | b, c]).members.count == 3)
        #expect(allOf([a, b & c]).members.count == 3)
    }

    @Test func flatteningKeepsOrAndAndApart() {
        let a = StubPermission(allows: true), b = StubPermission(allows: true), c = StubPermission(allows: true)
        #expect((a | (b & c)).members.count == 2)
        #expect((a & (b | c)).members.count == 2)
    }
}

@Suite struct ObjectLevelCompositionTests {
    @Test(arguments: TruthRow.table { $0 || $1 })
    func orAllowsTheObjectWhenEitherSideAllowsIt(row: TruthRow) async throws {
        let either = StubPermission(allowsObject: row.left) | StubPermission(allowsObject: row.right)
        #expect(try await either.evaluate(makeRequest(), object: "item").isAllowed == row.expected)
    }

    @Test(arguments: TruthRow.table { $0 && $1 })
    func andAllowsTheObjectOnlyWhenBothSidesAllowIt(row: TruthRow) async throws {
        let both = StubPermission(allowsObject: row.left) & StubPermission(allowsObject: row.right)
        #expect(try await both.evaluate(makeRequest(), object: "item").isAllowed == row.expected)
    }

    @Test(arguments: [true, false])
    func notInvertsTheObjectDecision(allows: Bool) async throws {
        let negated = !StubPermission(allowsObject: allows)
        #expect(try await negated.evaluate(makeRequest(), object: "item").isAllowed == !allows)
    }

    /// `(a.has ∧ a.hasObject) ∨ (b.has ∧ b.hasObject)`: b's lenient object check does not count
    /// when b denied the request, and a's request allow does not count when a denies the object.
    @Test func orNeedsOneMemberToAllowBothTheRequestAndTheObject() async throws {
        let allowsRequestOnly = StubPermission(.allow(on: nil), object: .deny(.forbidden("not_owner")))
        let allowsObjectOnly = StubPermission(.deny(.forbidden("not_staff")), object: .allow(on: nil))
        let decision = try await (allowsRequestOnly | allowsObjectOnly).evaluate(makeRequest(), object: "item")
        #expect(!decision.isAllowed)
        #expect(allowsObjectOnly.objectCalls.value == 0)
    }

    @Test func orAllowsTheObjectThroughAMemberThatAllowsBoth() async throws {
        let deniesRequest = StubPermission(.deny(.forbidden("not_staff")), object: .allow(on: nil))
        let allowsBoth = StubPermission(.allow(on: nil), object: .allow(on: nil))
        #expect(try await (deniesRequest | allowsBoth).evaluate(makeRequest(), object: "item") == .allow(on: nil))
    }

    @Test func orAtObjectLevelStopsAtTheFirstMemberThatAllowsBoth() async throws {
        let left = StubPermission(.allow(on: nil), object: .allow(on: nil))
        let right = StubPermission(.allow(on: nil), object: .allow(on: nil))
        _ = try await (left | right).evaluate(makeRequest(), object: "item")
        #expect(right.requestCalls.value == 0)
        #expect(right.objectCalls.value == 0)
    }

    @Test func andAtObjectLevelStopsAtTheFirstDenial() async throws {
        let left = StubPermission(allowsObject: false)
        let right = StubPermission(allowsObject: true)
        _ = try await (left & right).evaluate(makeRequest(), object: "item")
        #expect(right.objectCalls.value == 0)
    }

    /// `!x` at object level is `¬(x.has ∧ x.hasObject)`: a negated permission that denied the
    /// request has no say about the object.
    @Test func notAllowsTheObjectWhenTheNegatedPermissionDeniedTheRequest() async throws {
        let deniesRequest = StubPermission(.deny(.forbidden("no")), object: .allow(on: nil))
        #expect(try await (!deniesRequest).evaluate(makeRequest(), object: "item") == .allow(on: nil))
        #expect(deniesRequest.objectCalls.value == 0)
    }

    @Test func notOfABuiltInWithoutObjectCheckDoesNotDenyEveryObject() async throws {
        let signedIn = signedInRequest()
        #expect(try await (!HasAPIKey()).evaluate(signedIn, object: "item") == .allow(on: nil))
        let route = IsAuthenticated() & !HasAPIKey()
        #expect(try await route.evaluate(signedIn) == .allow(on: .user(Users.alice)))
        #expect(try await route.evaluate(signedIn.on(.user(Users.alice)), object: "item") == .allow(on: .user(Users.alice)))
    }

    @Test func notDeniesTheObjectWhenTheNegatedPermissionAllowsRequestAndObject() async throws {
        #expect(try await (!IsAuthenticated()).evaluate(signedInRequest(), object: "item") == .deny(Not.denial))
        let owner = signedInRequest(as: UserIdentity(id: "42", email: "alice@example.com"))
        let stranger = signedInRequest(as: Users.bob)
        let notOwned = !(IsAuthenticated() & IsOwner())
        #expect(try await notOwned.evaluate(owner, object: Item(id: 1, ownerID: "42")) == .deny(Not.denial))
        #expect(try await notOwned.evaluate(stranger, object: Item(id: 1, ownerID: "42")) == .allow(on: nil))
    }
}
