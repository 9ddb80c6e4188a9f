extension OperationDescription {
    /// The operationId the document uses: ``operationID`` when set, else ``derivedOperationID``.
    public var resolvedOperationID: String {
        operationID ?? derivedOperationID
    }

    /// The operationId by SchemaKit's rule (see
    /// ``derivedOperationID(method:path:returnsList:)``), `list` for a `GET` whose `200`
    /// response body is an array or a ``ListPage``.
    public var derivedOperationID: String {
        Self.derivedOperationID(method: method, path: path, returnsList: returnsList)
    }

    /// The operationId rule, after Django REST Framework and drf-spectacular, so that clients get
    /// `employeesList()`, `employeesCreate()`, `employeesRetrieve()`...
    ///
    /// 1. Take the path's segments and drop everything up to and including the last `api`
    ///    segment, if there is one.
    /// 2. Drop the `{parameter}` segments; write any character other than a letter, digit or `_`
    ///    as `_` (`swagger-ui` → `swagger_ui`).
    /// 3. Join them with `_` and append the action:
    ///    `GET` → `retrieve` on a path ending in a parameter, else `list` when `returnsList`,
    ///    else `retrieve`; `POST` → `create`; `PUT` → `update`; `PATCH` → `partial_update`;
    ///    `DELETE` → `destroy`; `HEAD` → `head`; `OPTIONS` → `options`.
    ///
    /// `/pegasus/employees/api/employees/{id}/` with `PATCH` → `employees_partial_update`;
    /// `/api/auth/login/` with `POST` → `auth_login_create`; `/healthz` with `GET` →
    /// `healthz_retrieve`.
    public static func derivedOperationID(method: Method, path: String, returnsList: Bool) -> String {
        var segments = PathTemplate(path).segments
        if let api = segments.lastIndex(of: .literal("api")) {
            segments.removeSubrange(...api)
        }
        let endsInParameter = if case .parameter = segments.last { true } else { false }
        let words = segments.compactMap { segment -> String? in
            guard case .literal(let text) = segment else { return nil }
            return String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        }
        return (words + [action(method, endsInParameter: endsInParameter, returnsList: returnsList)]).joined(separator: "_")
    }

    private static func action(_ method: Method, endsInParameter: Bool, returnsList: Bool) -> String {
        switch method {
        case .get: returnsList && !endsInParameter ? "list" : "retrieve"
        case .post: "create"
        case .put: "update"
        case .patch: "partial_update"
        case .delete: "destroy"
        case .head: "head"
        case .options: "options"
        }
    }

    /// Whether the `200` response body is an array (`[T]`, `Set<T>`) or a page of one (``ListPage``).
    var returnsList: Bool {
        responses.contains { response in
            response.status == 200 && response.body.map { $0 is any ListMarker.Type || $0 is any ListPage.Type } == true
        }
    }
}
