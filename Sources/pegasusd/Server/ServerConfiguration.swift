import Foundation

/// Everything `pegasusd serve` can be told, with its defaults. Read once at start-up from, in
/// rising precedence: these defaults, a JSON file (`--config` / `PEGASUS_CONFIG`), `PEGASUS_*`
/// environment variables, and command-line flags.
///
/// Secrets are not part of it: `PEGASUS_KEY_PEPPER` and `PEGASUS_JWT_SECRET` come from the
/// environment only, so they never sit in a config file next to the data.
struct ServerConfiguration: Codable, Equatable {
    var host = "127.0.0.1"
    var port = 8000
    var dataDir = DataOptions.defaultDataDirectory
    /// A PostgreSQL database (`postgres://user:password@host:port/name`) to keep everything in
    /// instead of the data folder, shared by several instances; `nil`: the data folder.
    var databaseURL: String?
    /// A header that carries API keys on its own (e.g. `X-Api-Key`), replacing the
    /// `Authorization: Api-Key <key>` form, as djangorestframework-api-key's `API_KEY_CUSTOM_HEADER`.
    var apiKeyHeader: String?
    /// The largest request body accepted, in bytes.
    var maxBodyBytes = 1_048_576
    /// Lifetime of login access tokens, in seconds.
    var accessTokenSeconds = 300
    /// Lifetime of refresh tokens and browser sessions, in seconds.
    var sessionSeconds = 14 * 86_400
    /// How long after a sign-in its refresh tokens can still be refreshed, in seconds: the
    /// family's absolute lifetime, however often it is refreshed.
    var refreshFamilySeconds = 30 * 86_400
    /// Behind HTTPS: cookies are `Secure` and named with the `__Host-` prefix (`__Host-sessionid`).
    var secureCookies = false
    /// `trace`, `debug`, `info`, `notice`, `warning`, `error` or `critical`.
    var logLevel = "info"
    /// A folder with Swagger UI and Redoc assets (drf-spectacular-sidecar's layout) to serve
    /// instead of loading them from the public CDN.
    var docsAssets: String?
    /// Requests a workspace may make with tokens and API keys each month, by plan.
    var monthlyQuotaFree = PlanQuotas().free
    var monthlyQuotaPro = PlanQuotas().pro
    var monthlyQuotaUltra = PlanQuotas().ultra

    var quotas: PlanQuotas { PlanQuotas(free: monthlyQuotaFree, pro: monthlyQuotaPro, ultra: monthlyQuotaUltra) }
    /// The rate of sign-ups, sign-ins and token refreshes, per client address and (for sign-in)
    /// per account, as DRF writes rates (`10/minute`); `off` turns it off.
    var throttleAuth = "20/minute"

    /// The rate of requests allowed on no credential, per client address (DRF's `anon`); `off`
    /// by default, since behind a proxy every client shares one address.
    var throttleAnon = "off"
    /// The rate of requests allowed on a credential, per user (per key for a key of no user;
    /// DRF's `user`); `off` by default.
    var throttleUser = "off"

    /// ``throttleAuth`` read, or `nil` when it is off.
    var authThrottleRate: ThrottleRate? { Self.rate(throttleAuth) }
    /// ``throttleAnon`` read, or `nil` when it is off.
    var anonThrottleRate: ThrottleRate? { Self.rate(throttleAnon) }
    /// ``throttleUser`` read, or `nil` when it is off.
    var userThrottleRate: ThrottleRate? { Self.rate(throttleUser) }

    private static func rate(_ text: String) -> ThrottleRate? { text == "off" ? nil : ThrottleRate(text) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case host, port
        case dataDir = "data_dir"
        case databaseURL = "database_url"
        case apiKeyHeader = "api_key_header"
        case maxBodyBytes = "max_body_bytes"
        case accessTokenSeconds = "access_token_seconds"
        case sessionSeconds = "session_seconds"
        case refreshFamilySeconds = "refresh_family_seconds"
        case secureCookies = "secure_cookies"
        case logLevel = "log_level"
        case docsAssets = "docs_assets"
        case monthlyQuotaFree = "monthly_quota_free"
        case monthlyQuotaPro = "monthly_quota_pro"
        case monthlyQuotaUltra = "monthly_quota_ultra"
        case throttleAuth = "throttle_auth"
        case throttleAnon = "throttle_anon"
        case throttleUser = "throttle_user"

        /// The environment variable for this setting: `PEGASUS_` and the upper-cased key.
        var environmentName: String { "PEGASUS_" + rawValue.uppercased() }
    }

    init() {}

    /// Reads a config file: a JSON object with any of the keys above; unknown keys are refused
    /// so a typo does not pass silently.
    init(file path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandError("cannot read the config file \(path): \(CommandError.reason(error))")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CommandError("the config file \(path) is not a JSON object")
        }
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw CommandError("the config file \(path) has an unknown key \"\(unknown)\"; known: \(known.sorted().joined(separator: ", "))")
        }
        // Missing keys keep their defaults: merge the file over an encoded default value.
        var merged = try JSONSerialization.jsonObject(with: JSONEncoder().encode(ServerConfiguration())) as! [String: Any]
        merged.merge(object) { $1 }
        do {
            self = try JSONDecoder().decode(Self.self, from: JSONSerialization.data(withJSONObject: merged))
        } catch {
            throw CommandError("the config file \(path) has a value of the wrong type: \(error)")
        }
    }

    /// Defaults, then the config file (`configFile`, else `PEGASUS_CONFIG`, if either is set),
    /// then the `PEGASUS_*` variables of `environment`. Flags go on top, by the command.
    static func load(configFile: String?, environment: [String: String]) throws -> ServerConfiguration {
        var settings = ServerConfiguration()
        if let path = configFile ?? environment["PEGASUS_CONFIG"].flatMap({ $0.isEmpty ? nil : $0 }) {
            settings = try ServerConfiguration(file: path)
        }
        try settings.apply(environment: environment)
        return settings
    }

    /// Applies `PEGASUS_*` variables that are set.
    mutating func apply(environment: [String: String]) throws {
        func value(_ key: CodingKeys) -> String? { environment[key.environmentName].flatMap { $0.isEmpty ? nil : $0 } }
        func integer(_ key: CodingKeys) throws -> Int? {
            guard let text = value(key) else { return nil }
            guard let number = Int(text) else { throw CommandError("\(key.environmentName) must be a whole number, not \"\(text)\"") }
            return number
        }
        if let host = value(.host) { self.host = host }
        if let port = try integer(.port) { self.port = port }
        if let dataDir = value(.dataDir) { self.dataDir = dataDir }
        if let url = value(.databaseURL) { databaseURL = url }
        if let header = value(.apiKeyHeader) { apiKeyHeader = header }
        if let bytes = try integer(.maxBodyBytes) { maxBodyBytes = bytes }
        if let seconds = try integer(.accessTokenSeconds) { accessTokenSeconds = seconds }
        if let seconds = try integer(.sessionSeconds) { sessionSeconds = seconds }
        if let seconds = try integer(.refreshFamilySeconds) { refreshFamilySeconds = seconds }
        if let secure = value(.secureCookies) {
            guard let flag = ["1": true, "true": true, "0": false, "false": false][secure.lowercased()] else {
                throw CommandError("\(CodingKeys.secureCookies.environmentName) must be true or false")
            }
            secureCookies = flag
        }
        if let level = value(.logLevel) { logLevel = level }
        if let folder = value(.docsAssets) { docsAssets = folder }
        if let quota = try integer(.monthlyQuotaFree) { monthlyQuotaFree = quota }
        if let quota = try integer(.monthlyQuotaPro) { monthlyQuotaPro = quota }
        if let quota = try integer(.monthlyQuotaUltra) { monthlyQuotaUltra = quota }
        if let rate = value(.throttleAuth) { throttleAuth = rate }
        if let rate = value(.throttleAnon) { throttleAnon = rate }
        if let rate = value(.throttleUser) { throttleUser = rate }
    }

    /// The PostgreSQL database when ``databaseURL`` is set, else the data folder.
    var storageLocation: StorageLocation {
        get throws { try StorageLocation(databaseURL: databaseURL, dataDirectory: dataDir) }
    }

    /// Refuses values that cannot work, with the setting's name.
    func validate() throws {
        _ = try storageLocation
        guard (0...65_535).contains(port) else { throw CommandError("port must be 0 to 65535, not \(port)") }
        guard maxBodyBytes >= 1_024 else { throw CommandError("max_body_bytes must be at least 1024") }
        guard accessTokenSeconds > 0, sessionSeconds > 0, refreshFamilySeconds > 0 else { throw CommandError("token and session lifetimes must be positive") }
        guard monthlyQuotaFree >= 0, monthlyQuotaPro >= 0, monthlyQuotaUltra >= 0 else { throw CommandError("monthly quotas must be zero or more") }
        for (key, rate) in [(CodingKeys.throttleAuth, throttleAuth), (.throttleAnon, throttleAnon), (.throttleUser, throttleUser)]
        where rate != "off" && ThrottleRate(rate) == nil {
            throw CommandError("\(key.rawValue) must be a rate such as 10/minute, or off; not \"\(rate)\"")
        }
        if let header = apiKeyHeader, header.isEmpty || header.contains(where: { $0 == ":" || $0.isWhitespace }) {
            throw CommandError("api_key_header must be a header name such as X-Api-Key")
        }
        if let folder = docsAssets {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw CommandError("docs_assets must be a folder; \(folder) is not one")
            }
        }
        guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(logLevel) else {
            throw CommandError("log_level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }
}
