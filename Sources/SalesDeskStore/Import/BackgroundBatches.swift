import Foundation

/// Runs a batch producer on its own thread, at most `capacity` batches ahead of the consumer, so
/// reading and validating the next batch overlaps writing the current one (the import's two cores).
///
/// The producer's results come out in order through ``next()``; an error it throws comes out after
/// the batches before it. ``stop()`` (also run on deinit) tells the producer to stop at its next
/// batch and waits for it, so the producer never outlives the import that started it.
///
/// ```swift
/// let batches = BackgroundBatches(capacity: 2) { try source.next() }
/// defer { batches.stop() }
/// while let batch = try batches.next() { try write(batch) }
/// ```
final class BackgroundBatches<Batch: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Result<Batch, any Error>] = []
    private var producerDone = false
    private var stopped = false
    private let capacity: Int
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `produce` on a new thread; it is called until it returns nil or throws.
    /// Its captured state is used by that thread alone until ``stop()`` returns.
    init(capacity: Int, produce: @escaping () throws -> Batch?) {
        self.capacity = max(1, capacity)
        nonisolated(unsafe) let produce = produce
        let thread = Thread { [self] in
            defer { finished.signal() }
            while true {
                let result: Result<Batch, any Error>
                do {
                    guard let batch = try produce() else { break }
                    result = .success(batch)
                } catch {
                    result = .failure(error)
                }
                guard put(result), case .success = result else { break }
            }
            condition.lock()
            producerDone = true
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "salesdesk-import-reader"
        thread.start()
    }

    deinit { stop() }

    /// The next batch in order, nil after the last; rethrows the producer's error in its place.
    func next() throws -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !producerDone { condition.wait() }
        guard !ready.isEmpty else { return nil }
        let result = ready.removeFirst()
        condition.broadcast()
        return try result.get()
    }

    /// Stops the producer after the batch it is working on and waits until its thread is done.
    func stop() {
        condition.lock()
        let wasStopped = stopped
        stopped = true
        ready.removeAll()
        condition.broadcast()
        condition.unlock()
        if !wasStopped { finished.wait() }
    }

    /// Waits for room; false once the consumer has stopped.
    private func put(_ result: Result<Batch, any Error>) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= capacity && !stopped { condition.wait() }
        guard !stopped else { return false }
        ready.append(result)
        condition.broadcast()
        return true
    }
}
