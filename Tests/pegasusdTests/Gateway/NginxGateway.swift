import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Debian's nginx, configured by `Docs/nginx/gateway.conf` — the file Docs/deploy.md shows —
/// in front of `Tests/Gateway/upstream.py`, for the length of one test. Only the addresses in
/// the file change: pegasusd's, the upstream's and the port nginx listens on.
final class NginxGateway {
    static let executable = "/usr/sbin/nginx"
    static let isInstalled = FileManager.default.isExecutableFile(atPath: executable)
    /// `PEGASUS_REQUIRE_GATEWAY=1` makes a missing nginx a failure rather than a skip.
    static let required = ProcessInfo.processInfo.environment["PEGASUS_REQUIRE_GATEWAY"] == "1"

    /// nginx, where clients call.
    let baseURL: URL
    /// The upstream itself, bypassing nginx (for `/_seen`).
    let upstreamURL: URL
    private let nginx: Process
    private let upstream: Process
    private let folder: TemporaryDirectory

    struct DidNotStart: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `body` with nginx in front of a fresh upstream and `pegasusd`; stops both before
    /// returning, whether `body` passed, failed or threw.
    static func serving(pegasusd: URL, _ body: (NginxGateway) async throws -> Void) async throws {
        let gateway = try await start(pegasusd: pegasusd)
        do {
            try await body(gateway)
        } catch {
            await gateway.stop()
            throw error
        }
        await gateway.stop()
    }

    private static func start(pegasusd: URL) async throws -> NginxGateway {
        let folder = TemporaryDirectory()
        // nginx started as root runs its workers as `nobody`, which must reach the temp folders.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)

        let upstream = Process()
        upstream.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        upstream.arguments = ["python3", Repository.file("Tests/Gateway/upstream.py").path]
        let announcement = Pipe()
        upstream.standardOutput = announcement
        try upstream.run()
        let firstLine = await Self.firstLine(of: announcement)
        guard let upstreamPort = Int(firstLine.replacingOccurrences(of: "listening on ", with: "")) else {
            upstream.terminate()
            throw DidNotStart(description: "upstream.py said \(firstLine.debugDescription)")
        }

        let port = try freeLoopbackPort()
        var site = try String(contentsOf: Repository.file("Docs/nginx/gateway.conf"), encoding: .utf8)
        for (documented, local) in [
            ("server 127.0.0.1:8000;", "server 127.0.0.1:\(pegasusd.port!);"),
            ("server 127.0.0.1:9000;", "server 127.0.0.1:\(upstreamPort);"),
            ("listen 127.0.0.1:8080;", "listen 127.0.0.1:\(port);"),
        ] {
            guard site.components(separatedBy: documented).count == 2 else {
                upstream.terminate()
                throw DidNotStart(description: "Docs/nginx/gateway.conf no longer has exactly one `\(documented)`")
            }
            site = site.replacingOccurrences(of: documented, with: local)
        }
        try site.write(toFile: folder.file("gateway.conf"), atomically: true, encoding: .utf8)
        try mainConfiguration(in: folder.path).write(toFile: folder.file("nginx.conf"), atomically: true, encoding: .utf8)

        let nginx = Process()
        nginx.executableURL = URL(fileURLWithPath: executable)
        nginx.arguments = ["-p", folder.path + "/", "-c", folder.file("nginx.conf"), "-e", folder.file("error.log")]
        nginx.standardOutput = FileHandle.nullDevice
        nginx.standardError = FileHandle.nullDevice
        try nginx.run()
        let gateway = NginxGateway(
            baseURL: URL(string: "http://127.0.0.1:\(port)")!, upstreamURL: URL(string: "http://127.0.0.1:\(upstreamPort)")!,
            nginx: nginx, upstream: upstream, folder: folder)
        // With `daemon off`, nginx writes its pid file once its sockets listen.
        while !FileManager.default.fileExists(atPath: folder.file("nginx.pid")) {
            guard nginx.isRunning else {
                await gateway.stop()
                throw DidNotStart(description: "nginx exited: \((try? String(contentsOfFile: folder.file("error.log"), encoding: .utf8)) ?? "")")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return gateway
    }

    private init(baseURL: URL, upstreamURL: URL, nginx: Process, upstream: Process, folder: TemporaryDirectory) {
        self.baseURL = baseURL
        self.upstreamURL = upstreamURL
        self.nginx = nginx
        self.upstream = upstream
        self.folder = folder
    }

    /// The server-wide settings a packaged nginx keeps in /etc/nginx/nginx.conf, pointed at the
    /// test's folder, around the documented file.
    private static func mainConfiguration(in folder: String) -> String {
        """
        daemon off;
        worker_processes 1;
        pid \(folder)/nginx.pid;
        error_log \(folder)/error.log info;
        events { worker_connections 64; }
        http {
            access_log \(folder)/access.log;
            client_body_temp_path \(folder)/client_body;
            proxy_temp_path \(folder)/proxy;
            fastcgi_temp_path \(folder)/fastcgi;
            uwsgi_temp_path \(folder)/uwsgi;
            scgi_temp_path \(folder)/scgi;
            include \(folder)/gateway.conf;
        }

        """
    }

    /// Stops nginx (fast shutdown) and the upstream, and waits for both.
    func stop() async {
        for process in [nginx, upstream] where process.isRunning {
            process.terminate()
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { [nginx, upstream] in
                nginx.waitUntilExit()
                upstream.waitUntilExit()
                continuation.resume()
            }
        }
    }

    /// Sends one request through nginx.
    func send(_ method: String, _ path: String, headers: [String: String] = [:]) async throws -> LiveServer.Reply {
        try await Self.send(method, baseURL.absoluteString + path, headers: headers)
    }

    /// The requests the upstream answered, as `METHOD path`.
    func requestsTheUpstreamSaw() async throws -> [String] {
        let reply = try await Self.send("GET", upstreamURL.absoluteString + "/_seen", headers: [:])
        let seen = (try JSONSerialization.jsonObject(with: reply.body)) as? [[String: String]] ?? []
        return seen.map { "\($0["method"] ?? "") \($0["path"] ?? "")" }
    }

    private static func send(_ method: String, _ url: String, headers: [String: String]) async throws -> LiveServer.Reply {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await LiveServer.httpSession.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields["\(name)"] = "\(value)" }
        return LiveServer.Reply(status: http.statusCode, headers: fields, body: data)
    }

    /// The first line `pipe` carries, read on a Dispatch thread so no task thread blocks.
    private static func firstLine(of pipe: Pipe) async -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var data = Data()
                while !data.contains(UInt8(ascii: "\n")) {
                    let chunk = pipe.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    data += chunk
                }
                continuation.resume(returning: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
    }

    /// A loopback port no one listens on now: the kernel's pick for a socket bound to port 0.
    private static func freeLoopbackPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw DidNotStart(description: "socket: errno \(errno)") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw DidNotStart(description: "bind: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
