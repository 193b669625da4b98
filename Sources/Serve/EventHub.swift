import FlyingFox
import FlyingSocks
import Foundation

/// The server-sent events of a live server: every open page holds one stream.
public actor EventHub {
    /// Successful builds so far (the first build is 1).
    public private(set) var buildNumber = 0
    /// The diagnostics of the last build, when it failed (cleared by the next good one).
    public private(set) var lastError: String?
    private var subscribers: [UUID: AsyncStream<String>.Continuation] = [:]

    public init() {}

    public var subscriberCount: Int { subscribers.count }

    /// A new stream of encoded events; it starts with the current error, when there is one.
    func subscribe() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(64))
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        continuation.yield("retry: 1000\n: reckon live reload, build \(buildNumber)\n\n")
        if let lastError { continuation.yield(Self.encode(event: "error", data: lastError)) }
        subscribers[id] = continuation
        return stream
    }

    private func remove(_ id: UUID) { subscribers[id] = nil }

    /// After a good build: every page reloads.
    func succeeded() {
        buildNumber += 1
        lastError = nil
        send(Self.encode(event: "reload", data: String(buildNumber)))
    }

    /// After a failed build: every page shows the diagnostics.
    func failed(_ diagnostics: String) {
        lastError = diagnostics
        send(Self.encode(event: "error", data: diagnostics))
    }

    /// A comment line, so that streams of closed pages notice and end.
    func ping() { send(": ping\n\n") }

    func finish() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    private func send(_ text: String) {
        for (id, continuation) in subscribers {
            if case .terminated = continuation.yield(text) { subscribers[id] = nil }
        }
    }

    /// `event: NAME` and one `data:` line per line of `data`.
    static func encode(event: String, data: String) -> String {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "data: " + $0.replacingOccurrences(of: "\r", with: "") }
        return "event: \(event)\n" + lines.joined(separator: "\n") + "\n\n"
    }
}

/// An event stream as the bytes of a response body (sent chunked, one chunk per event).
struct EventBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let events: AsyncStream<String>

    func makeAsyncIterator() -> Iterator { Iterator(events: events.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<String>.Iterator
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            guard let buffer = try await nextBuffer(suggested: 1) else { return nil }
            return buffer.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            if pending.isEmpty {
                guard let text = await events.next() else { return nil }
                pending = Array(text.utf8)
            }
            let size = Swift.max(1, Swift.min(count, pending.count))
            let buffer = Array(pending.prefix(size))
            pending.removeFirst(size)
            return buffer
        }
    }
}
