import Foundation
import Serve
import SiteFixtures
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Fixture {
    /// Starts `reckon serve` on this site, on a free port, polling for changes every 100 ms.
    func start() async throws -> DevServer {
        try await DevServer.start(ServeOptions(siteDirectory: root, port: 0, pollInterval: .milliseconds(100)))
    }
}

struct RawResponse {
    var status: Int
    var headers: [String: String]
    var body: String
}

enum ClientError: Error { case connect, send, timeout, malformed }

/// A blocking HTTP/1.1 connection to 127.0.0.1 that sends the target exactly as given (no
/// normalization), with every read bounded by a deadline.
final class RawConnection {
    let fd: Int32
    var received: [UInt8] = []

    init(port: UInt16) throws {
        #if canImport(Glibc)
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw ClientError.connect }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); throw ClientError.connect }
    }

    deinit { close(fd) }

    func send(_ target: String, keepAlive: Bool = false) throws {
        let request = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        let bytes = Array(request.utf8)
        guard bytes.withUnsafeBytes({ sendAll(fd, $0) }) == bytes.count else {
            throw ClientError.send
        }
    }

    /// Reads until `done` holds for what was received, the peer closes, or the deadline passes.
    @discardableResult
    func read(until deadline: ContinuousClock.Instant, _ done: (String) -> Bool) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !done(text) {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return false }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let millis = Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000) + 1
            guard poll(&descriptor, 1, millis) > 0 else { continue }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { return done(text) }
            received += buffer[0..<count]
        }
        return true
    }

    var text: String { String(decoding: received, as: UTF8.self) }
}

private func sendAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    #if canImport(Glibc)
    return send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
    #else
    return send(fd, bytes.baseAddress, bytes.count, 0)
    #endif
}

/// One request with `Connection: close`, read to the end (at most 10 s).
func get(_ port: UInt16, _ target: String) throws -> RawResponse {
    let connection = try RawConnection(port: port)
    try connection.send(target)
    connection.read(until: .now + .seconds(10)) { _ in false }
    let text = connection.text
    guard let split = text.range(of: "\r\n\r\n") else { throw ClientError.malformed }
    let head = text[..<split.lowerBound].split(separator: "\r\n")
    guard let statusLine = head.first, statusLine.split(separator: " ").count >= 2,
          let status = Int(statusLine.split(separator: " ")[1]) else { throw ClientError.malformed }
    var headers: [String: String] = [:]
    for line in head.dropFirst() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return RawResponse(status: status, headers: headers, body: String(text[split.upperBound...]))
}

/// One article under a base URL with a path, on the shared minimal theme.
let serveSite = """
-- content/site.yaml --
title: "Serve notes"
base_url: "https://example.org/reports/"
language: en
-- content/posts/hello.md --
---
title: "First title"
date: 2026-10-12
summary: "A page to serve."
---
Hello from the first version.
""" + "\n" + minimalTheme
