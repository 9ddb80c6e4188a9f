import FieldRules
import Foundation
import OpenAPIKit30
import SchemaKit

// Types whose schemas the tests derive. They live at file scope so their names are stable.

struct Point: Codable {
    let x: Double
    let y: Double
}

struct Segment: Codable {
    let start: Point
    let end: Point
}

struct Employee: Codable, SchemaRefining {
    enum Department: String, Codable, SchemaEnum {
        case hr, finance, engineering, marketing, sales
    }

    let id: UUID
    let name: String
    let department: Department
    let salary: Int
    let createdAt: Date
    let manager: Point?

    enum CodingKeys: String, CodingKey {
        case id, name, department, salary, manager
        case createdAt = "created_at"
    }

    static func refine(_ schema: inout SchemaRefinement) {
        schema.description = "An employee of the SaaS Pegasus example app."
        schema.example = AnyCodable(["name": "Ada"])
        schema[property: "salary"].description = "Yearly, in whole dollars."
        schema[property: "name"].format = "name"
        schema[property: "name"].example = "Ada"
    }
}

struct EmployeeInput: Codable {
    var name: String?
    var department: Employee.Department?
    var salary: Int?
}

struct WithOptionals: Codable {
    let required: String
    let optional: String?
}

struct WithNestedOptional: Codable {
    let point: Point?
}

struct WithCollections: Codable {
    let tags: [String]
    let points: [Point]
    let labels: [String: Int]
    let ids: Set<UUID>
}

struct WithFormats: Codable {
    let created: Date
    let id: UUID
    let homepage: URL
    let active: Bool
    let count: Int
    let total: Int64
    let small: Int32
    let ratio: Double
    let weight: Float
}

final class Node: Codable {
    let name: String
    let children: [Node]
    let parent: Node?
}

/// A wrapper that decodes as the string it wraps, refined to the `email` format.
struct Email: Codable, SchemaRefining {
    let value: String

    init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    static func refine(_ schema: inout SchemaRefinement) {
        schema.format = "email"
    }
}

struct Contact: Codable {
    let email: Email
}

/// Reads a nested object by hand, as an `init(from:)` can.
struct Located: Decodable {
    let name: String
    let latitude: Double
    let note: String?

    enum CodingKeys: String, CodingKey { case name, position, note }
    enum PositionKeys: String, CodingKey { case lat }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        latitude = try container.nestedContainer(keyedBy: PositionKeys.self, forKey: .position).decode(Double.self, forKey: .lat)
    }
}

struct CamelCased: Codable {
    let expiresAt: Date?
    let ownerName: String
    let already_snake: Int
}

enum Plain: String, Codable, CaseIterable {
    case one, two
}

struct HoldsPlainEnum: Codable {
    let value: Plain
}

/// `Collision.Thing` and ``CollisionThing`` both derive the name `CollisionThing`.
enum Collision {
    struct Thing: Codable { let a: Int }
}

struct CollisionThing: Codable { let b: Int }

struct Renamed: Codable, SchemaNaming {
    static let schemaName = "BetterName"
    let a: Int
}

struct Refined: Codable, SchemaRefining {
    let a: Int
    static func refine(_ schema: inout SchemaRefinement) {
        schema[property: "b"].description = "There is no b."
    }
}

/// Fields whose rules the server checks, published by the refinement.
struct RuledFields: Codable, SchemaRefining {
    let name: String
    let age: Int
    static let nameRule = TextRule(lengths: 1...100)
    static let ageRule = IntegerRule(minimum: 0, maximum: 150)
    static func refine(_ schema: inout SchemaRefinement) {
        schema[property: "name"].textRule = nameRule
        schema[property: "age"].integerRule = ageRule
    }
}

/// An optional string limited to a few values, with an example set from plain values.
struct Choice: Codable, SchemaRefining {
    let color: String?
    static func refine(_ schema: inout SchemaRefinement) {
        schema[property: "color"].allowedValues = ["red", "blue"]
        schema.setExample(["color": "red"])
    }
}

/// A text rule given to an integer.
struct MisruledFields: Codable, SchemaRefining {
    let age: Int
    static func refine(_ schema: inout SchemaRefinement) {
        schema[property: "age"].textRule = TextRule(lengths: 1...3)
    }
}

struct Problem: Codable {
    let type: String
    let title: String
    let status: Int
    let detail: String?
    let code: String
}

private struct Hidden: Codable {
    let a: Int
}

/// A private type, for the naming test.
let hiddenType: any (Decodable & SendableMetatype).Type = Hidden.self
