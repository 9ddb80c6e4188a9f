/// A response type that is one page of a list (`{count, next, previous, results}`, as Django
/// REST Framework paginates): its `GET` operation is named like a list's (`bots_list`), as
/// drf-spectacular names paginated operations.
///
/// ```swift
/// extension Page: ListPage {}
/// ```
public protocol ListPage {}
