import OpenAPIKit

/// OpenAPIKitCompat spells out the defaults of the 3.0 model when it converts a document to 3.1:
/// `minItems: 0` and `uniqueItems: false` on every array, `minProperties` (the number of required
/// properties) on every object. These extensions take them out again from components and bodies,
/// so the 3.1 document says what the 3.0 one says. (Parameter schemas are left as they are:
/// they are scalars, where Compat adds nothing.)
extension OpenAPI.Document {
    func withoutSpelledOutDefaults() -> OpenAPI.Document {
        var document = self
        document.components.schemas = components.schemas.mapValues(\.withoutSpelledOutDefaults)
        document.paths = paths.mapValues { item in
            guard var pathItem = item.b else { return item }
            for endpoint in pathItem.endpoints {
                pathItem.set(operation: endpoint.operation.withoutSpelledOutDefaults(), for: endpoint.method)
            }
            return .b(pathItem)
        }
        return document
    }
}

extension OpenAPI.Operation {
    fileprivate func withoutSpelledOutDefaults() -> OpenAPI.Operation {
        var operation = self
        if var request = requestBody?.b {
            request.content = request.content.withoutSpelledOutDefaults()
            operation.requestBody = .b(request)
        }
        operation.responses = responses.mapValues { response in
            guard var response = response.b else { return response }
            response.content = response.content.withoutSpelledOutDefaults()
            return .b(response)
        }
        return operation
    }
}

extension OpenAPI.Content.Map {
    fileprivate func withoutSpelledOutDefaults() -> Self {
        mapValues { content in
            guard var content = content.b else { return content }
            content.schema = content.schema?.withoutSpelledOutDefaults
            return .b(content)
        }
    }
}

extension JSONSchema {
    fileprivate var withoutSpelledOutDefaults: JSONSchema {
        switch value {
        case .object(let core, let object):
            let additional = object.additionalProperties.map { either in either.b.map { .b($0.withoutSpelledOutDefaults) } ?? either }
            return .object(core, .init(properties: object.properties.mapValues(\.withoutSpelledOutDefaults),
                                       additionalProperties: additional, maxProperties: object.maxProperties))
        case .array(let core, let array):
            return .array(core, .init(items: array.items?.withoutSpelledOutDefaults, maxItems: array.maxItems))
        case .all(let schemas, let core):
            return .all(of: schemas.map(\.withoutSpelledOutDefaults), core: core)
        case .any(let schemas, let core):
            return .any(of: schemas.map(\.withoutSpelledOutDefaults), core: core)
        default:
            return self
        }
    }
}
