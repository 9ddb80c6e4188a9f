import Foundation
import OpenAPIKit30
import SchemaKit
import Testing

@Suite struct TypeReflectionTests {
    let registry = SchemaRegistry()

    @Test func aStructIsAnObjectComponentReferencedByRef() throws {
        let schema = try registry.schema(for: Point.self)
        #expect(referencedName(schema) == "Point")
        #expect(object("Point", in: registry)?.properties.keys == ["x", "y"])
        #expect(object("Point", in: registry)?.requiredProperties == ["x", "y"])
    }

    @Test func optionalPropertiesAreNotRequiredAndNullable() throws {
        _ = try registry.schema(for: WithOptionals.self)
        #expect(object("WithOptionals", in: registry)?.requiredProperties == ["required"])
        #expect(property("optional", of: "WithOptionals", in: registry)?.nullable == true)
        #expect(property("required", of: "WithOptionals", in: registry)?.nullable == false)
    }

    @Test func anOptionalNestedTypeIsANullableAllOfReferenceIn30() throws {
        _ = try registry.schema(for: WithNestedOptional.self)
        let point = try #require(property("point", of: "WithNestedOptional", in: registry))
        guard case .all(let schemas, let core) = point.value else {
            Issue.record("expected allOf, got \(point)")
            return
        }
        #expect(schemas.map(referencedName) == ["Point"])
        #expect(core.nullable)
        #expect(object("WithNestedOptional", in: registry)?.requiredProperties == [])
    }

    @Test func aSchemaEnumIsAComponentListingEveryCase() throws {
        let schema = try registry.schema(for: Employee.Department.self)
        #expect(referencedName(schema) == "EmployeeDepartment")
        let component = try #require(registry.componentSchemas["EmployeeDepartment"])
        #expect(component.jsonType == .string)
        #expect(component.allowedValues?.map(\.description) == ["hr", "finance", "engineering", "marketing", "sales"])
    }

    @Test func anEnumPropertyRefersToTheEnumComponent() throws {
        _ = try registry.schema(for: Employee.self)
        #expect(referencedName(property("department", of: "Employee", in: registry)) == "EmployeeDepartment")
    }

    @Test func aStringEnumThatIsNotASchemaEnumIsAnErrorNamingIt() {
        let error = #expect(throws: SchemaError.self) { try registry.schema(for: HoldsPlainEnum.self) }
        guard case .unreadableType(let type, let reason) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(type.hasSuffix("Plain"))
        #expect(reason.contains("SchemaEnum"))
    }

    @Test func aNestedStructIsAReferenceToItsOwnComponent() throws {
        _ = try registry.schema(for: Segment.self)
        #expect(referencedName(property("start", of: "Segment", in: registry)) == "Point")
        #expect(referencedName(property("end", of: "Segment", in: registry)) == "Point")
        #expect(registry.componentSchemas.keys.sorted() == ["Point", "Segment"])
    }

    @Test func arraysAreArraysOfTheirElementSchema() throws {
        _ = try registry.schema(for: WithCollections.self)
        let tags = try #require(property("tags", of: "WithCollections", in: registry)?.arrayContext)
        #expect(tags.items?.jsonType == .string)
        let points = try #require(property("points", of: "WithCollections", in: registry)?.arrayContext)
        #expect(referencedName(points.items) == "Point")
        let ids = try #require(property("ids", of: "WithCollections", in: registry)?.arrayContext)
        #expect(ids.items?.formatString == "uuid")
    }

    @Test func aTopLevelArrayIsInlineAndOnlyItsElementIsAComponent() throws {
        let schema = try registry.schema(for: [Point].self)
        #expect(referencedName(schema.arrayContext?.items) == "Point")
        #expect(registry.componentSchemas.keys.sorted() == ["Point"])
    }

    @Test func aStringKeyedDictionaryIsAdditionalProperties() throws {
        _ = try registry.schema(for: WithCollections.self)
        let labels = try #require(property("labels", of: "WithCollections", in: registry)?.objectContext)
        #expect(labels.properties.isEmpty)
        #expect(labels.additionalProperties?.b?.jsonType == .integer)
    }

    @Test func aDictionaryWithOtherKeysIsAnError() {
        #expect(throws: SchemaError.self) { try registry.schema(for: [Int: String].self) }
    }

    @Test func datesUUIDsAndURLsAreFormattedStrings() throws {
        _ = try registry.schema(for: WithFormats.self)
        for (name, format) in [("created", "date-time"), ("id", "uuid"), ("homepage", "uri")] {
            let schema = property(name, of: "WithFormats", in: registry)
            #expect(schema?.jsonType == .string, "\(name)")
            #expect(schema?.formatString == format, "\(name)")
        }
    }

    @Test func integersNumbersAndBooleansCarryTheirTypesAndFormats() throws {
        _ = try registry.schema(for: WithFormats.self)
        let expected: [(String, JSONType, String)] = [
            ("count", .integer, "int64"), ("total", .integer, "int64"), ("small", .integer, "int32"),
            ("ratio", .number, "double"), ("weight", .number, "float"), ("active", .boolean, ""),
        ]
        for (name, type, format) in expected {
            let schema = property(name, of: "WithFormats", in: registry)
            #expect(schema?.jsonType == type, "\(name)")
            #expect(schema?.formatString == format, "\(name)")
        }
    }

    /// (A synthesized `init(from:)` decodes in the order of `CodingKeys`.)
    @Test func customCodingKeysNameTheProperties() throws {
        _ = try registry.schema(for: Employee.self)
        let names = try #require(object("Employee", in: registry)?.properties.keys)
        #expect(names == ["id", "name", "department", "salary", "manager", "created_at"])
    }

    @Test func aHandWrittenInitFromIsReadAsItDecodes() throws {
        _ = try registry.schema(for: Located.self)
        let located = try #require(object("Located", in: registry))
        #expect(located.properties.keys == ["name", "note", "position"])
        #expect(located.requiredProperties == ["name", "position"])
        #expect(located.properties["position"]?.objectContext?.properties["lat"]?.jsonType == .number)
    }

    @Test func aRecursiveTypeRefersToItself() throws {
        let schema = try registry.schema(for: Node.self)
        #expect(referencedName(schema) == "Node")
        #expect(referencedName(property("children", of: "Node", in: registry)?.arrayContext?.items) == "Node")
        guard case .all(let parent, _)? = property("parent", of: "Node", in: registry)?.value else {
            Issue.record("expected a nullable reference")
            return
        }
        #expect(parent.map(referencedName) == ["Node"])
    }

    @Test func aNestedTypeIsNamedWithoutModuleOrDots() throws {
        #expect(referencedName(try registry.schema(for: Employee.Department.self)) == "EmployeeDepartment")
    }

    @Test func aPrivateTypeIsNamedWithoutItsAnonymousContext() throws {
        #expect(referencedName(try registry.schema(for: hiddenType)) == "Hidden")
    }

    @Test func twoTypesWithOneNameAreAnErrorNamingBoth() throws {
        _ = try registry.schema(for: Collision.Thing.self)
        let error = #expect(throws: SchemaError.self) { try registry.schema(for: CollisionThing.self) }
        guard case .componentNameCollision(let name, let first, let second) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(name == "CollisionThing")
        #expect(first.hasSuffix("Collision.Thing"))
        #expect(second.hasSuffix("CollisionThing"))
    }

    @Test func schemaNamingChoosesTheComponentName() throws {
        #expect(referencedName(try registry.schema(for: Renamed.self)) == "BetterName")
    }

    @Test func refinementAddsDescriptionExampleAndFormats() throws {
        _ = try registry.schema(for: Employee.self)
        let employee = try #require(registry.componentSchemas["Employee"])
        #expect(employee.description == "An employee of the SaaS Pegasus example app.")
        #expect(employee.example == AnyCodable(["name": "Ada"]))
        #expect(property("salary", of: "Employee", in: registry)?.description == "Yearly, in whole dollars.")
        #expect(property("name", of: "Employee", in: registry)?.formatString == "name")
        #expect(property("name", of: "Employee", in: registry)?.example == "Ada")
    }

    @Test func textAndIntegerRulesBecomeLengthsPatternAndBounds() throws {
        _ = try registry.schema(for: RuledFields.self)
        let name = try #require(property("name", of: "RuledFields", in: registry)?.stringContext)
        #expect(name.minLength == 1 && name.maxLength == 100 && name.pattern == RuledFields.nameRule.pattern)
        let age = try #require(property("age", of: "RuledFields", in: registry)?.integerContext)
        #expect(age.minimum?.value == 0 && age.maximum?.value == 150 && age.minimum?.exclusive == false)
        #expect(throws: SchemaError.self) { try SchemaRegistry().schema(for: MisruledFields.self) }
    }

    /// OpenAPI 3.0.3: `nullable` does not add null to an `enum`; the enum must list it.
    @Test func aNullableEnumListsNullAndExamplesTakePlainValues() throws {
        _ = try registry.schema(for: Choice.self)
        let color = try #require(property("color", of: "Choice", in: registry))
        #expect(color.nullable && color.allowedValues == ["red", "blue", AnyCodable(nil as String?)])
        #expect(registry.componentSchemas["Choice"]?.example == AnyCodable(["color": "red"]))
    }

    @Test func aSingleValueWrapperIsItsValueSchemaRefined() throws {
        _ = try registry.schema(for: Contact.self)
        let email = property("email", of: "Contact", in: registry)
        #expect(email?.jsonType == .string)
        #expect(email?.formatString == "email")
        #expect(registry.componentSchemas["Email"] == nil)
    }

    @Test func refiningAPropertyTheTypeDoesNotHaveIsAnError() {
        #expect(throws: SchemaError.unknownRefinedProperty(type: String(reflecting: Refined.self), property: "b")) {
            try registry.schema(for: Refined.self)
        }
    }

    @Test func snakeCaseNamingConvertsCamelCaseKeys() throws {
        let registry = SchemaRegistry(propertyNaming: .snakeCase)
        _ = try registry.schema(for: CamelCased.self)
        #expect(object("CamelCased", in: registry)?.properties.keys == ["expires_at", "owner_name", "already_snake"])
    }
}
