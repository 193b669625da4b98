@testable import Site
import Foundation
import Testing

@Suite struct ParallelTests {
    /// Guided self-scheduling: half of what is left over the threads, then single indices.
    @Test func runsShrinkAsTheIndicesRunOut() {
        let next = NextIndices(count: 100, workers: 2)
        var runs: [Range<Int>] = []
        while let run = next.claim() { runs.append(run) }
        #expect(runs.map(\.count) == [25, 18, 14, 10, 8, 6, 4, 3, 3, 2, 1, 1, 1, 1, 1, 1, 1])
        #expect(runs.first?.lowerBound == 0)
        #expect(zip(runs, runs.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(runs.last?.upperBound == 100)
        #expect(next.claim() == nil)
    }

    @Test func oneIndexIsOneRun() {
        let next = NextIndices(count: 1, workers: 8)
        #expect(next.claim() == 0..<1)
        #expect(next.claim() == nil)
    }

    /// Every index rendered once, results in index order, whichever thread took it; a thread
    /// held up at its first index does not hold the others up (they take what is left).
    @Test func everyIndexOnceInOrder() {
        let calls = Counter()
        let results = SiteBuilder.renderInParallel(count: 1_000, jobs: 2) { index -> Int in
            calls.add()
            if index == 0 { usleep(20_000) }
            return index * 3
        }
        #expect(results == (0..<1_000).map { $0 * 3 })
        #expect(calls.value == 1_000)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.lock(); count += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    }
}
