/// The checks across a whole route table: valid paths, one description per method and path, one
/// route per operationId. Duplicates are errors naming both routes, never silently suffixed.
enum RouteTableCheck {
    static func check(_ routes: [OperationDescription]) throws(SchemaError) {
        var byShape: [String: OperationDescription] = [:]
        var byOperationID: [String: OperationDescription] = [:]
        for route in routes {
            let template = PathTemplate(route.path)
            try template.validate(route: route.label)
            let shape = "\(route.method.rawValue) \(template.shape)"
            guard byShape[shape] == nil else { throw .duplicateRoute(route.label) }
            byShape[shape] = route
            let id = route.resolvedOperationID
            if let other = byOperationID[id] {
                throw .duplicateOperationID(id, first: other.label, second: route.label)
            }
            byOperationID[id] = route
        }
    }
}
