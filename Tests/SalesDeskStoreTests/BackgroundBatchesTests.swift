import Foundation
import Synchronization
import Testing
@testable import SalesDeskStore

@Suite("Reading an import a batch ahead on a second thread")
struct BackgroundBatchesTests {
    private struct Broken: Error, Equatable {}

    @Test("batches come out in the order they were made, then nil")
    func order() throws {
        let made = Mutex(0)
        let batches = BackgroundBatches<Int>(capacity: 2) {
            made.withLock { count in
                guard count < 100 else { return nil }
                count += 1
                return count
            }
        }
        defer { batches.stop() }
        var seen: [Int] = []
        while let batch = try batches.next() { seen.append(batch) }
        #expect(seen == Array(1...100))
        #expect(try batches.next() == nil)
    }

    @Test("the producer's error comes out after the batches made before it, and nothing is made after it")
    func errorInOrder() throws {
        let calls = Mutex(0)
        let batches = BackgroundBatches<Int>(capacity: 4) {
            try calls.withLock { count in
                count += 1
                if count == 3 { throw Broken() }
                return count
            }
        }
        defer { batches.stop() }
        #expect(try batches.next() == 1)
        #expect(try batches.next() == 2)
        #expect(throws: Broken.self) { try batches.next() }
        #expect(try batches.next() == nil)
        #expect(calls.withLock { $0 } == 3)
    }

    @Test("stop returns while the producer waits for room, and the producer is not called again")
    func stopWhileFull() throws {
        let calls = Mutex(0)
        let batches = BackgroundBatches<Int>(capacity: 1) {
            calls.withLock { count in
                count += 1
                return count
            }
        }
        #expect(try batches.next() == 1)
        batches.stop()
        let afterStop = calls.withLock { $0 }
        usleep(50_000)
        #expect(calls.withLock { $0 } == afterStop)
        #expect(afterStop <= 3, "capacity 1: at most one batch waiting and one being made")
    }

    @Test("dropping it without stop stops the producer too: nothing keeps it alive")
    func droppedWithoutStop() throws {
        weak var dropped: BackgroundBatches<Int>?
        let calls = Mutex(0)
        do {
            let batches = BackgroundBatches<Int>(capacity: 1) {
                calls.withLock { count in
                    count += 1
                    return count
                }
            }
            dropped = batches
            #expect(try batches.next() == 1)
        }
        #expect(dropped == nil)
        let afterDrop = calls.withLock { $0 }
        usleep(50_000)
        #expect(calls.withLock { $0 } == afterDrop, "the producer ended with its consumer")
    }
}
